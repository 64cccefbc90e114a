package dev.kurz.faithfulness;

import dev.kurz.model.Analysis;
import dev.kurz.model.Claim;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Where each key point comes from: the claims it rests on, found by the words, names and numbers
 * they share (the answer contract has no field for it, so it is computed here; each claim points
 * on to its German quote), and the article's paragraphs those claims' quotes stand in. A key point
 * that shares too little with every claim points nowhere. Stateless.
 */
public final class Provenance {
  private Provenance() {}

  /** What one key point rests on: 1-based claim numbers and 1-based paragraphs of the article text. */
  public record Support(List<Integer> claims, List<Integer> paragraphs) {
    public Support {
      claims = List.copyOf(claims);
      paragraphs = List.copyOf(paragraphs);
    }
  }

  /**
   * For each key point, its claims and the paragraphs of {@code text} (blocks between line breaks,
   * the text the claims' grounding offsets index; may be null) where their quotes were found.
   */
  public static List<Support> keyPointSupport(Analysis a, String text) {
    List<Support> out = new ArrayList<>();
    for (List<Integer> claims : keyPointClaims(a)) {
      java.util.TreeSet<Integer> paragraphs = new java.util.TreeSet<>();
      for (int n : claims) {
        int p = paragraphOf(a.claims().get(n - 1), text);
        if (p > 0) paragraphs.add(p);
      }
      out.add(new Support(claims, List.copyOf(paragraphs)));
    }
    return List.copyOf(out);
  }

  /** The 1-based paragraph a claim's grounded quote starts in, or 0 when it was not found. */
  static int paragraphOf(Claim c, String text) {
    if (text == null || c.grounding() == null || !c.grounding().found()) return 0;
    int start = c.grounding().start();
    if (start < 0 || start > text.length()) return 0;
    for (Sentences.Span s : Sentences.split(text)) {
      if (s.end() > start) return s.paragraph() + 1;
    }
    return 0;
  }

  /** At most this many claims per key point, the best first. */
  private static final int MAX = 3;
  private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}][\\p{L}\\p{N}'’.,-]*[\\p{L}\\p{N}]|[\\p{L}\\p{N}]");
  private static final Set<String> STOP = Set.of(
      "the", "and", "that", "this", "with", "from", "have", "has", "had", "been", "were", "will", "would", "could",
      "should", "their", "there", "they", "them", "than", "then", "into", "over", "about", "after", "before", "also",
      "which", "while", "where", "when", "what", "said", "says", "according", "reportedly", "allegedly", "article",
      "more", "most", "some", "such", "only", "other", "being", "does", "did", "its", "his", "her", "for", "are",
      "was", "not", "but", "all", "any", "can", "may", "who", "one", "out", "per", "to", "of", "in", "on", "at", "by",
      "a", "an", "is", "it", "as", "or", "be", "no");

  /** For each key point, the 1-based numbers of the claims it rests on (possibly none). */
  public static List<List<Integer>> keyPointClaims(Analysis a) {
    List<Set<String>> claims = new ArrayList<>();
    for (Claim c : a.claims()) claims.add(terms(c.claim() + " " + c.attributedTo()));
    List<List<Integer>> out = new ArrayList<>();
    for (String point : a.keyPoints()) {
      // "X; Y" is two statements: each finds its own claims.
      List<Integer> all = new ArrayList<>();
      for (String part : point.split(";")) {
        for (int n : best(terms(part), claims)) {
          if (!all.contains(n) && all.size() < MAX) all.add(n);
        }
      }
      out.add(List.copyOf(all));
    }
    return List.copyOf(out);
  }

  private static List<Integer> best(Set<String> p, List<Set<String>> claims) {
    {
      List<double[]> scored = new ArrayList<>();
      for (int i = 0; i < claims.size(); i++) {
        Set<String> shared = new HashSet<>(p);
        shared.retainAll(claims.get(i));
        double score = p.isEmpty() ? 0 : shared.size() / (double) p.size();
        if (shared.size() >= 2 && score >= 0.3) scored.add(new double[] {score, i + 1});
      }
      scored.sort((x, y) -> Double.compare(y[0], x[0]));
      List<Integer> best = new ArrayList<>();
      for (double[] s : scored) {
        // Only claims nearly as close as the best one: a point summing up two claims names both.
        if (best.size() < MAX && s[0] >= scored.get(0)[0] * 0.75) best.add((int) s[1]);
      }
      return best;
    }
  }

  /**
   * The 1-based numbers of the claims a statement restates: those closest to it by the words they
   * share, its words in {@code leaveOut} (lower case) not counted, when the closest shares at least
   * half of the statement's words.
   */
  static List<Integer> restatedClaims(String statement, List<Claim> claims, Set<String> leaveOut) {
    Set<String> p = terms(statement, leaveOut);
    double best = 0;
    double[] scores = new double[claims.size()];
    for (int i = 0; i < claims.size(); i++) {
      Set<String> shared = new HashSet<>(p);
      shared.retainAll(terms(claims.get(i).claim() + " " + claims.get(i).attributedTo(), Set.of()));
      scores[i] = shared.size() >= 2 ? shared.size() / (double) p.size() : 0;
      best = Math.max(best, scores[i]);
    }
    List<Integer> out = new ArrayList<>();
    if (best < 0.5) return out;
    for (int i = 0; i < claims.size(); i++) {
      if (scores[i] >= best * 0.75) out.add(i + 1);
    }
    return out;
  }

  private static Set<String> terms(String text) {
    return terms(text, Set.of());
  }

  /** Content words, cut to a stem of six letters so "postponed" meets "postpones"; numbers as written. */
  private static Set<String> terms(String text, Set<String> leaveOut) {
    Set<String> out = new HashSet<>();
    if (text == null) return out;
    Matcher m = WORD.matcher(text);
    while (m.find()) {
      String w = m.group().toLowerCase(Locale.ROOT).replace("’s", "").replace("'s", "");
      if (w.length() < 3 && !Character.isDigit(w.charAt(0)) || STOP.contains(w) || leaveOut.contains(w)) continue;
      out.add(w.length() > 6 && !Character.isDigit(w.charAt(0)) ? w.substring(0, 6) : w);
    }
    return out;
  }
}
