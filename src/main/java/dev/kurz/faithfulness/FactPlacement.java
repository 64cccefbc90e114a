package dev.kurz.faithfulness;

import dev.kurz.faithfulness.EnglishQuantities.Mention;
import dev.kurz.model.Claim;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Whether each number and date a statement gives stands where the statement comes from, not merely
 * somewhere in the article (the other figure, the other year of the same story): a claim's must be
 * in or near its quote's sentence; a summary sentence's or key point's in or near the German
 * sentences it rests on, found without the item itself (a changed figure must not move them): the
 * quotes of the claims it restates, and the sentences that bear its other names and figures (two
 * of them in one sentence place it). A statement may also repeat an item one of the claims gives
 * near its quote. An item whose statement cannot be placed is not judged here (the article-wide
 * check still is). It reads the sentences QuoteContext split (wrapped lines joined). Built once per answer and
 * used by one thread (it keeps the English quantities it has read).
 */
final class FactPlacement {
  /** Sentences before and after a quote's sentence in which its figures may stand. */
  private static final int BEFORE = 3;
  private static final int AFTER = 1;
  /** Sentences around an aligned sentence in which a statement's figures may stand. */
  private static final int NEAR = 1;
  /**
   * A statement is placed by its anchors only when one sentence bears at least this many of them: a
   * statement joining two facts from two paragraphs has one anchor for each.
   */
  private static final int MIN_ANCHORS = 2;
  private static final Pattern WORD = Pattern.compile("\\p{L}[\\p{L}\\p{M}]*");

  private final String article;
  private final boolean dated;
  private final List<Sentences.Span> sentences;
  private final GermanFacts whole;
  /** The facts of each sentence. */
  private final List<GermanFacts> facts = new ArrayList<>();
  /** Numbers every sentence bears (zero, one, the publication year): no rival to a changed figure. */
  private final Set<Double> common;
  /** Translit keys of each sentence's capitalised words. */
  private final List<Set<String>> names = new ArrayList<>();
  /** The English quantities of each text of the answer, read once (every statement asks every claim's). */
  private final Map<String, List<Mention>> mentions = new HashMap<>();

  FactPlacement(String article, List<Sentences.Span> sentences, GermanFacts whole, LocalDate published) {
    this.article = article;
    this.dated = published != null;
    this.sentences = sentences;
    this.whole = whole;
    for (Sentences.Span s : sentences) {
      String text = s.of(article);
      facts.add(GermanFacts.ofSentence(text, published));
      Set<String> keys = new HashSet<>();
      Matcher m = WORD.matcher(text);
      while (m.find()) {
        if (Character.isUpperCase(m.group().charAt(0)) && m.group().length() >= 3) keys.add(Fold.translit(m.group()));
      }
      names.add(keys);
    }
    Set<Double> shared = facts.isEmpty() ? new HashSet<>() : new HashSet<>(facts.get(0).numbers);
    for (GermanFacts f : facts) shared.retainAll(f.numbers);
    common = shared;
  }

  /** The findings for the statements (where, text) and the claims of one answer. */
  List<Finding> check(List<String[]> statements, List<Claim> claims) {
    List<Finding> out = new ArrayList<>();
    for (String[] s : statements) {
      // A headline sums up the whole story.
      if (s[1] == null || s[1].isBlank() || s[0].equals("headline")) continue;
      judge(out, s[0], s[1], null, claims, false);
    }
    for (int i = 0; i < claims.size(); i++) {
      Claim c = claims.get(i);
      if (c.claim() != null && !c.claim().isBlank()) judge(out, "claim " + (i + 1), c.claim(), c, claims, false);
      if (c.attributedTo() != null && !c.attributedTo().isBlank()) {
        judge(out, "claim " + (i + 1) + " attributed_to", c.attributedTo(), c, claims, true);
      }
    }
    return out;
  }

  /** {@code speaker}: the text describes who speaks ("Hans Roth, 80, former mayor"), not what is said. */
  private void judge(List<Finding> out, String where, String text, Claim own, List<Claim> claims, boolean speaker) {
    List<Mention> mentions = mentions(text);
    Set<String> reported = new HashSet<>();
    Set<Double> ages = ages(text);
    for (Mention m : mentions) {
      // An age stands next to the person's name, wherever the article introduces them.
      if ((own == null || speaker) && m.type() == EnglishQuantities.Type.NUMBER && ages.contains(m.value())) continue;
      // Periods and relative times are checked article-wide only: "in the summer" may sum up a paragraph.
      if (!whole.bears(m) || whole.derivedOnly(m) || everywhere(m) || m.type() == EnglishQuantities.Type.PERIOD || m.type() == EnglishQuantities.Type.AGO
          || m.type() == EnglishQuantities.Type.DURATION || m.type() == EnglishQuantities.Type.PERCENT
          || m.type() == EnglishQuantities.Type.MEASURE) continue;
      // A summary sentence or key point may repeat what one of the claims gives where its quote is.
      if (own == null && claimGives(m, claims)) continue;
      BitSet window = own == null ? null : quoteWindow(own);
      if (window == null) window = aligned(text, m, mentions, claims);
      if (window == null || window.isEmpty()) continue;
      if (borne(m, window)) {
        // Near the quote, but the quote's own sentence gives another figure of its kind that the
        // claim leaves out: the claim put one for the other ("25 million masks" for "2,5 Millionen
        // Schutzmasken", the 25 million of the paragraph before being euros).
        BitSet ownSentence = own == null || speaker ? null : quoteWindow(own, 0, 0);
        if (ownSentence == null || borne(m, ownSentence) || !rivalledByALookalike(m, ownSentence, mentions)) continue;
        if (reported.add(m.type() + m.text())) {
          out.add(new Finding(where, text, FaithfulnessCheck.kind(m), m.text(),
              "is not in the quote's sentence, which gives another figure the claim leaves out"));
        }
        continue;
      }
      // A changed figure replaced one that stands there: without another of its kind, the statement
      // more likely joins a fact from elsewhere than changes one.
      if (!competes(m, window, mentions)) continue;
      if (reported.add(m.type() + m.text())) {
        out.add(new Finding(where, text, FaithfulnessCheck.kind(m), m.text(),
            "is in the article, but not where this statement comes from"));
      }
    }
  }

  /**
   * "a 29-year-old", "29 years old", "in his late 40s", "Senta Roth, 78, actress": ages, not
   * figures of an event; a summary sentence, a key point or a speaker's description may give one
   * the article states where it introduces the person.
   */
  private static final Pattern AGE = Pattern.compile(
      "(?i)\\b(\\d{1,3})[-\\s]years?[-\\s]old\\b|\\b(?:his|her|their|its)\\s+(?:early\\s+|mid-?\\s?|late\\s+)?(\\d0)['’]?s\\b"
          + "|(?-i:\\p{Lu}\\p{Ll}+),\\s(\\d{1,2})(?=\\s*(?:,|\\)|$))");

  private static Set<Double> ages(String text) {
    Set<Double> out = new HashSet<>();
    Matcher m = AGE.matcher(text);
    while (m.find()) {
      for (int g = 1; g <= 3; g++) if (m.group(g) != null) out.add(Double.parseDouble(m.group(g)));
    }
    return out;
  }

  /** {@link EnglishQuantities#read} of a text of the answer, read once per answer (not to be modified). */
  List<Mention> mentions(String text) {
    return mentions.computeIfAbsent(text, t -> Collections.unmodifiableList(EnglishQuantities.read(t)));
  }

  /** Whether the window holds an item of {@code m}'s kind that the statement does not give. */
  private boolean competes(Mention m, BitSet window, List<Mention> mentions) {
    Set<Double> own = new HashSet<>();
    for (Mention o : mentions) if (kindOf(o) == kindOf(m)) own.add(GermanFacts.key(o.value()));
    for (int j = window.nextSetBit(0); j >= 0 && j < facts.size(); j = window.nextSetBit(j + 1)) {
      GermanFacts f = facts.get(j);
      Set<? extends Number> values = switch (m.type()) {
        case NUMBER, FRACTION, YEAR -> f.numbers;
        case DATE -> f.dates;
        case MONTH -> f.months;
        case WEEKDAY -> f.weekdays;
        case TIME -> f.times;
        case PERIOD, AGO, DURATION, PERCENT, MEASURE -> Set.of();
      };
      for (Number v : values) {
        double x = v.doubleValue();
        if (kindOf(m) == 0 && common.contains(x)) continue;
        if (!own.contains(GermanFacts.key(x))) return true;
      }
    }
    return false;
  }

  /**
   * Whether the sentences give a figure the statement leaves out that looks like the statement's: a
   * number with its digits one changed, two swapped, or a tenfold apart (2,5 and 25, 53.000 and
   * 58.000, 67 and 76), or another day of its date's month, as a figure miscopied from that sentence looks.
   */
  private boolean rivalledByALookalike(Mention m, BitSet window, List<Mention> mentions) {
    if (m.type() == EnglishQuantities.Type.DATE) return rivalledByADateOfItsMonth(m, window, mentions);
    if (kindOf(m) != 0 || m.value() <= 0) return false;
    Set<Double> own = new HashSet<>();
    for (Mention o : mentions) if (kindOf(o) == 0) own.add(GermanFacts.key(o.value()));
    for (int j = window.nextSetBit(0); j >= 0 && j < facts.size(); j = window.nextSetBit(j + 1)) {
      for (double x : facts.get(j).numbers) {
        if (x <= 0 || common.contains(x) || own.contains(GermanFacts.key(x))) continue;
        if (lookalike(x, m.value())) return true;
      }
    }
    return false;
  }

  /**
   * Whether the sentences give another day of the statement's date's month that the statement leaves
   * out: "March 5" for a quote of "In der Nacht auf den 12. März", the 5th standing a sentence before.
   */
  private boolean rivalledByADateOfItsMonth(Mention m, BitSet window, List<Mention> mentions) {
    int date = (int) m.value();
    Set<Integer> own = new HashSet<>();
    for (Mention o : mentions) if (o.type() == EnglishQuantities.Type.DATE) own.add((int) o.value());
    for (int j = window.nextSetBit(0); j >= 0 && j < facts.size(); j = window.nextSetBit(j + 1)) {
      // The dates the sentence writes, not those the calendar gives its "am Dienstag" or "in der Nacht".
      for (int d : GermanFacts.ofSentence(sentences.get(j).of(article), null).dates) {
        if (d != date && d / 100 == date / 100 && !own.contains(d)) return true;
      }
    }
    return false;
  }

  static boolean lookalike(double a, double b) {
    if (a == b) return false;
    String x = digits(a);
    String y = digits(b);
    // A one-digit figure looks like every other.
    if (x.length() < 2 || y.length() < 2) return false;
    if (Math.abs(a * 10 - b) < 1e-9 * b || Math.abs(b * 10 - a) < 1e-9 * a) return true;
    if (x.length() != y.length()) return false;
    int differ = 0;
    int first = -1;
    int second = -1;
    for (int i = 0; i < x.length(); i++) {
      if (x.charAt(i) == y.charAt(i)) continue;
      differ++;
      if (first < 0) first = i; else second = i;
    }
    if (differ == 1) return true;
    return differ == 2 && second == first + 1 && x.charAt(first) == y.charAt(second) && x.charAt(second) == y.charAt(first);
  }

  /** The significant digits of a number: 53000 -> "53", 2.5 -> "25". */
  private static String digits(double v) {
    return java.math.BigDecimal.valueOf(v).stripTrailingZeros().unscaledValue().abs().toString();
  }

  /** Numbers and years compete with each other (a year read as a count, a count as a year). */
  private static int kindOf(Mention m) {
    return switch (m.type()) {
      case NUMBER, FRACTION, YEAR -> 0;
      default -> m.type().ordinal() + 1;
    };
  }

  private boolean claimGives(Mention m, List<Claim> claims) {
    for (Claim c : claims) {
      BitSet q = quoteWindow(c);
      if (q == null || c.claim() == null) continue;
      for (Mention o : mentions(c.claim())) {
        if (o.type() == m.type() && o.value() == m.value() && borne(o, q)) return true;
      }
    }
    return false;
  }

  /** Items every sentence bears (one, zero, the publication year): nothing to place. */
  private boolean everywhere(Mention m) {
    return (m.type() == EnglishQuantities.Type.NUMBER || m.type() == EnglishQuantities.Type.YEAR)
        && (m.value() == 0 || m.value() == 1 || !facts.isEmpty() && facts.get(0).bears(m) && facts.stream().allMatch(f -> f.bears(m)));
  }

  private boolean borne(Mention m, BitSet window) {
    for (int j = window.nextSetBit(0); j >= 0 && j < facts.size(); j = window.nextSetBit(j + 1)) {
      if (bears(j, m)) return true;
    }
    return false;
  }

  /**
   * Whether sentence {@code j} bears the item; without the publication date, a sentence that speaks
   * of "last year" or "yesterday" bears any year, or any date and weekday, the article gives.
   */
  private boolean bears(int j, Mention m) {
    GermanFacts f = facts.get(j);
    if (f.bears(m)) return true;
    if (dated) return false;
    return switch (m.type()) {
      case YEAR -> f.relativeYear;
      case NUMBER -> f.relativeYear && m.value() >= 1900 && m.value() <= 2100 && m.value() == Math.rint(m.value());
      case DATE, WEEKDAY, MONTH -> f.relativeDay;
      case TIME, FRACTION, PERIOD, AGO, DURATION, PERCENT, MEASURE -> false;
    };
  }

  private BitSet quoteWindow(Claim c) {
    return quoteWindow(c, BEFORE, AFTER);
  }

  private BitSet quoteWindow(Claim c, int before, int after) {
    int[] spanned = Sentences.spanned(sentences, c.grounding(), article.length());
    if (spanned == null) return null;
    BitSet b = new BitSet();
    b.set(Math.max(0, spanned[0] - before), Math.min(sentences.size(), spanned[1] + after + 1));
    return b;
  }

  /**
   * The sentences a statement rests on, found without {@code m}: the quote windows of the claims it
   * restates, and around the sentences bearing most of its other figures and names; null when
   * nothing places it.
   */
  private BitSet aligned(String text, Mention m, List<Mention> mentions, List<Claim> claims) {
    BitSet w = new BitSet();
    Set<String> leave = leaveOut(m);
    Set<Integer> restated = new HashSet<>(Provenance.restatedClaims(text, claims, leave));
    // A long statement sums up several claims: each claim most of whose words it repeats.
    Set<String> own = terms(text, leave);
    for (int i = 0; i < claims.size(); i++) {
      Set<String> c = terms(claims.get(i).claim(), Set.of());
      int shared = 0;
      for (String t : c) if (own.contains(t)) shared++;
      if (shared >= 3 && shared >= 0.5 * c.size()) restated.add(i + 1);
    }
    for (int n : restated) {
      BitSet q = quoteWindow(claims.get(n - 1));
      if (q != null) w.or(q);
    }
    int[] hits = anchorHits(text, m, mentions);
    int most = 0;
    for (int h : hits) most = Math.max(most, h);
    if (w.isEmpty() && most < MIN_ANCHORS) return null;
    // Once placed, every sentence bearing one of the anchors (and its neighbours) may hold the item.
    w.or(anchored(hits, 1));
    return w;
  }

  /** The sentences bearing at least {@code least} anchors, with their neighbours. */
  private BitSet anchored(int[] hits, int least) {
    BitSet w = new BitSet();
    for (int j = 0; j < hits.length; j++) {
      if (hits[j] >= least) w.set(Math.max(0, j - NEAR), Math.min(sentences.size(), j + NEAR + 1));
    }
    return w;
  }

  /**
   * For each sentence, how many of the statement's anchors it bears: its other figures the article
   * has (not {@code m}, nor one of the same value) and the words of its names.
   */
  private int[] anchorHits(String text, Mention m, List<Mention> mentions) {
    List<Mention> figures = new ArrayList<>();
    for (Mention o : mentions) {
      if (o != m && !(o.type() == m.type() && o.value() == m.value()) && !everywhere(o) && whole.bears(o)) figures.add(o);
    }
    Set<String> keys = new LinkedHashSet<>();
    for (EnglishNames.Name n : EnglishNames.find("x " + text)) {
      for (String word : n.words()) {
        if (!m.text().contains(word)) keys.add(Fold.translit(word));
      }
    }
    int[] hits = new int[sentences.size()];
    for (Mention o : figures) {
      for (int j = 0; j < sentences.size(); j++) if (bears(j, o)) hits[j]++;
    }
    for (String k : keys) {
      for (int j = 0; j < sentences.size(); j++) if (named(k, names.get(j))) hits[j]++;
    }
    return hits;
  }

  private static boolean named(String key, Set<String> sentenceKeys) {
    if (sentenceKeys.contains(key)) return true;
    for (String k : sentenceKeys) {
      if (NamePlacement.matches(key, k)) return true;
    }
    return false;
  }

  private static final Pattern TERM = Pattern.compile("[\\p{L}\\p{N}][\\p{L}\\p{N}'’.,-]*[\\p{L}\\p{N}]");
  private static final Set<String> STOP = Set.of("the", "and", "that", "this", "with", "from", "have", "has", "had",
      "been", "were", "will", "would", "could", "should", "their", "there", "they", "them", "than", "then", "into",
      "over", "about", "after", "before", "also", "which", "while", "where", "when", "what", "said", "says",
      "according", "reportedly", "allegedly", "more", "most", "some", "such", "only", "other", "being", "does", "did",
      "its", "his", "her", "for", "are", "was", "not", "but", "all", "any", "can", "may", "who", "one", "out", "per");

  /** Content words of at least three letters, cut to six so "postponed" meets "postpones". */
  private static Set<String> terms(String text, Set<String> leaveOut) {
    Set<String> out = new HashSet<>();
    if (text == null) return out;
    Matcher m = TERM.matcher(text);
    while (m.find()) {
      String w = m.group().toLowerCase(Locale.ROOT).replace("’s", "").replace("'s", "");
      if (w.length() < 3 || STOP.contains(w) || leaveOut.contains(w)) continue;
      out.add(w.length() > 6 && !Character.isDigit(w.charAt(0)) ? w.substring(0, 6) : w);
    }
    return out;
  }

  /** The statement's words that make up the item, left out when finding the claims it restates. */
  private static Set<String> leaveOut(Mention m) {
    Set<String> out = new HashSet<>();
    for (String w : m.text().toLowerCase(Locale.ROOT).split("[\\s-]+")) {
      if (!w.isEmpty()) out.add(w);
    }
    return out;
  }
}
