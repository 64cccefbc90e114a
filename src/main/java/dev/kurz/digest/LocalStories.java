package dev.kurz.digest;

import dev.kurz.model.ArticleResult;
import dev.kurz.model.Claim;
import dev.kurz.model.Usage;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * What can be said about a story without a model: a single article's own headline and summary;
 * for several, the most central article's, claims merged where their English wording overlaps,
 * and contradiction candidates (a denied claim in one article whose wording overlaps a claim another
 * article states, reports or alleges). Stateless.
 */
public final class LocalStories {
  static final int MAX_KEY_CLAIMS = 12;
  /**
   * Claims are merged and contradictions sought among at most this many articles of a story, the
   * most central ones: comparing claims is quadratic, and a story of hundreds of articles (a week
   * of one topic) would otherwise take minutes for twelve key claims.
   */
  static final int MAX_CLAIM_ARTICLES = 40;
  /**
   * And at most this many claims of each (an answer's first claims are its main ones): with both
   * bounds the comparison is of at most 1,200 claims, whatever one answer holds.
   */
  static final int MAX_CLAIMS_PER_ARTICLE = 30;

  private LocalStories() {}

  public static Story of(List<ArticleResult> articles) {
    return of(articles, List.of());
  }

  /** The local story of articles whose synthesis failed for {@code reason}. */
  static Story failed(List<ArticleResult> articles, String reason) {
    Story s = of(articles);
    return new Story(s.headline(), s.synthesis(), s.articles(), s.keyClaims(), s.contradictions(), Story.Origin.FAILED,
        Usage.NONE, List.of(reason));
  }

  static Story of(List<ArticleResult> articles, List<String> warnings) {
    if (articles.size() == 1) {
      ArticleResult a = articles.get(0);
      List<KeyClaim> claims = new ArrayList<>();
      for (int c = 0; c < a.analysis().claims().size(); c++) {
        claims.add(new KeyClaim(a.analysis().claims().get(c).claim(), List.of(new ClaimRef(0, c))));
      }
      return new Story(a.analysis().headline(), a.analysis().summary(), articles, claims, List.of(),
          Story.Origin.SINGLE, Usage.NONE, warnings);
    }
    ArticleResult central = articles.get(central(articles));
    String synthesis = central.analysis().summary().strip() + " (" + (articles.size() - 1)
        + (articles.size() == 2 ? " other source covers" : " other sources cover") + " this story.)";
    return new Story(central.analysis().headline(), synthesis, articles, mergedClaims(articles),
        contradictions(articles), Story.Origin.LOCAL, Usage.NONE, warnings);
  }

  /** Denied claims against overlapping assertions in other articles of the story. */
  public static List<Contradiction> contradictions(List<ArticleResult> articles) {
    List<Contradiction> out = new ArrayList<>();
    WordSets words = new WordSets();
    List<Integer> core = core(articles);
    for (int i : core) {
      List<Claim> claims = compared(articles.get(i));
      for (int c = 0; c < claims.size(); c++) {
        Claim denied = claims.get(c);
        if (!"denied".equals(denied.modality())) continue;
        for (int j : core) {
          if (j == i) continue;
          List<Claim> others = compared(articles.get(j));
          for (int d = 0; d < others.size(); d++) {
            Claim other = others.get(d);
            if (!List.of("stated", "reported", "alleged").contains(other.modality())) continue;
            if (words.overlap(denied.claim(), other.claim())) {
              out.add(new Contradiction(other.attributedTo() + " " + verb(other.modality()) + ": " + other.claim()
                  + " " + denied.attributedTo() + " denies it.", new ClaimRef(j, d), new ClaimRef(i, c), false));
            }
          }
        }
      }
    }
    return out;
  }

  /** Claims of different articles that say the same thing, merged; the best supported first. */
  static List<KeyClaim> mergedClaims(List<ArticleResult> articles) {
    List<ClaimRef> all = new ArrayList<>();
    for (int a : core(articles)) {
      for (int c = 0; c < compared(articles.get(a)).size(); c++) all.add(new ClaimRef(a, c));
    }
    List<List<ClaimRef>> groups = new ArrayList<>();
    Set<ClaimRef> used = new HashSet<>();
    WordSets words = new WordSets();
    for (ClaimRef ref : all) {
      if (used.contains(ref)) continue;
      List<ClaimRef> group = new ArrayList<>(List.of(ref));
      Set<Integer> groupArticles = new HashSet<>(List.of(ref.article()));
      used.add(ref);
      Claim first = claim(articles, ref);
      for (ClaimRef other : all) {
        if (used.contains(other) || groupArticles.contains(other.article())) continue;
        Claim o = claim(articles, other);
        // A denial and the claim it denies are a contradiction, not the same claim.
        if ("denied".equals(first.modality()) != "denied".equals(o.modality())) continue;
        if (words.overlap(first.claim(), o.claim())) {
          group.add(other);
          groupArticles.add(other.article());
          used.add(other);
        }
      }
      groups.add(group);
    }
    List<List<ClaimRef>> order = new ArrayList<>(groups);
    order.sort(Comparator.comparingInt((List<ClaimRef> g) -> -g.size())); // stable: ties keep their order
    List<KeyClaim> out = new ArrayList<>();
    for (List<ClaimRef> g : order.subList(0, Math.min(order.size(), MAX_KEY_CLAIMS))) {
      out.add(new KeyClaim(claim(articles, g.get(0)).claim(), g));
    }
    return out;
  }

  private static List<Claim> compared(ArticleResult a) {
    List<Claim> claims = a.analysis().claims();
    return claims.size() <= MAX_CLAIMS_PER_ARTICLE ? claims : claims.subList(0, MAX_CLAIMS_PER_ARTICLE);
  }

  /** Enough shared content words, relative to the shorter claim, to be about the same fact. */
  static boolean overlaps(String a, String b) {
    return overlaps(new HashSet<>(Words.content(a)), new HashSet<>(Words.content(b)));
  }

  private static boolean overlaps(Set<String> x, Set<String> y) {
    if (x.isEmpty() || y.isEmpty()) return false;
    Set<String> small = x.size() <= y.size() ? x : y;
    Set<String> large = small == x ? y : x;
    int common = 0;
    for (String w : small) {
      if (large.contains(w)) common++;
    }
    return common >= 3 && common >= 0.5 * small.size();
  }

  /**
   * Each claim text's content words, computed once: the pairwise comparisons of a big story would
   * otherwise tokenize every claim again for every other claim.
   */
  private static final class WordSets {
    private final java.util.Map<String, Set<String>> sets = new java.util.HashMap<>();

    boolean overlap(String a, String b) {
      return overlaps(of(a), of(b));
    }

    private Set<String> of(String text) {
      return sets.computeIfAbsent(text, t -> new HashSet<>(Words.content(t)));
    }
  }

  /** The article whose headline and summary share most words with the others'. */
  static int central(List<ArticleResult> articles) {
    return byCentrality(articles).get(0);
  }

  /** Where claims are compared: every article's index up to {@link #MAX_CLAIM_ARTICLES}, beyond that the most central. */
  private static List<Integer> core(List<ArticleResult> articles) {
    return mostCentral(articles, MAX_CLAIM_ARTICLES);
  }

  /** The indexes of the {@code limit} most central articles (all of them when there are no more), in story order. */
  static List<Integer> mostCentral(List<ArticleResult> articles, int limit) {
    List<Integer> order = byCentrality(articles);
    List<Integer> chosen = new ArrayList<>(order.subList(0, Math.min(order.size(), limit)));
    chosen.sort(null);
    return chosen;
  }

  /**
   * Indexes from the most central article down: an article scores the words its headline and summary
   * share with each other article's, summed (counted through each word's frequency, so a story of
   * thousands costs no pairwise work); ties keep story order.
   */
  private static List<Integer> byCentrality(List<ArticleResult> articles) {
    List<Set<String>> words = new ArrayList<>();
    java.util.Map<String, Integer> df = new java.util.HashMap<>();
    for (ArticleResult a : articles) {
      Set<String> w = new HashSet<>(Words.content(a.analysis().headline() + " " + a.analysis().summary()));
      words.add(w);
      for (String x : w) df.merge(x, 1, Integer::sum);
    }
    long[] score = new long[articles.size()];
    for (int i = 0; i < score.length; i++) {
      for (String x : words.get(i)) score[i] += df.get(x) - 1;
    }
    List<Integer> order = new ArrayList<>();
    for (int i = 0; i < score.length; i++) order.add(i);
    order.sort(Comparator.comparingLong((Integer i) -> -score[i]).thenComparingInt(i -> i));
    return order;
  }

  private static Claim claim(List<ArticleResult> articles, ClaimRef ref) {
    return articles.get(ref.article()).analysis().claims().get(ref.claim());
  }

  private static String verb(String modality) {
    return switch (modality) {
      case "alleged" -> "alleges";
      case "stated" -> "states";
      default -> "reports";
    };
  }
}
