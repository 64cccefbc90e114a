package dev.kurz.analysis;

import dev.kurz.model.Grounding;
import dev.kurz.model.Grounding.Status;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Finds where a claim's quote stands in one article's text, in three steps from most to least
 * trustworthy:
 *
 * <ol>
 *   <li>{@link Status#EXACT}: the quote occurs verbatim.
 *   <li>{@link Status#NORMALIZED}: it occurs once both sides are normalized (NFC, every quotation
 *       mark and apostrophe one mark, every dash '-', soft hyphens and zero-width characters
 *       removed, whitespace runs one space, '…' as "...", 'ß' as "ss", lower case) and the quote's
 *       leading and trailing punctuation is set aside (and taken back where the text has it too);
 *       the match must start and end at word boundaries. A quote that differs only in spaces
 *       between or inside words ("Merkel sprach" where a scraper glued "Merkelsprach") is found
 *       here too, with every space set aside on both sides.
 *   <li>{@link Status#FUZZY}: a token-level local alignment (Smith-Waterman over word ids) finds
 *       the run of article words that best matches the quote's words, tolerating a dropped,
 *       inserted or changed word or a changed ending ("Beamte"/"Beamter"). See {@link #locate} for
 *       the bar. A quote shortened with an ellipsis is found part by part.
 * </ol>
 *
 * <p>Offsets are {@code [start, end)} char offsets into the original text. The normalized text, its
 * offset map and the article's word ids are computed once in the constructor, since one article is
 * asked about 5 to 12 quotes. Instances are immutable and safe to share between threads; {@link
 * #locate} allocates its own working arrays.
 */
public final class QuoteLocator {
  /** Alignment scores: a word equal, a word with the same stem, a changed word, a gap. */
  private static final int MATCH = 2;

  private static final int NEAR = 1;
  private static final int MISMATCH = -1;
  private static final int GAP = -1;

  /**
   * A fuzzy window is accepted when its score reaches 80% of a perfect match (every quote word
   * equal: 2 per word). One dropped, inserted or changed word in ten scores 17/20 and passes; two
   * in ten score 14/20 and fail, as do the same words in another order. Short quotes are stricter
   * by construction: a 3-word quote must match all three words in order (two equal words and one
   * shared stem at the least).
   */
  private static final int ACCEPT_PERCENT = 80;

  /** Below this many words a quote is too unspecific to be placed by similarity alone. */
  static final int MIN_FUZZY_TOKENS = 3;

  private final String text;
  private final Normalized norm;
  private final int[] tokStart; // per article token: start in the normalized text
  private final int[] tokEnd; // per article token: end (exclusive) in the normalized text
  private final int[] tokId; // per article token: index into vocab
  private final String[] vocab; // distinct article tokens
  private final Map<String, Integer> ids;
  private final Map<String, int[]> byPrefix; // first 4 chars -> ids of vocab words of 4+ chars
  private final String compact; // the normalized text without its spaces
  private final int[] compactAt; // per compact char: its index in the normalized text

  public QuoteLocator(String text) {
    this.text = Objects.requireNonNull(text, "text");
    this.norm = Normalized.of(text);
    Tokens tokens = Tokens.of(norm.chars);
    this.tokStart = tokens.start;
    this.tokEnd = tokens.end;
    this.tokId = new int[tokens.count];
    this.ids = new HashMap<>();
    for (int i = 0; i < tokens.count; i++) {
      String word = norm.chars.substring(tokStart[i], tokEnd[i]);
      tokId[i] = ids.computeIfAbsent(word, w -> ids.size());
    }
    this.vocab = new String[ids.size()];
    ids.forEach((word, id) -> vocab[id] = word);
    Map<String, List<Integer>> groups = new HashMap<>();
    for (int v = 0; v < vocab.length; v++) {
      if (vocab[v].length() >= 4) {
        groups.computeIfAbsent(vocab[v].substring(0, 4), k -> new ArrayList<>()).add(v);
      }
    }
    String ts = norm.chars;
    StringBuilder c = new StringBuilder(ts.length());
    int[] at = new int[ts.length()];
    for (int i = 0; i < ts.length(); i++) {
      if (ts.charAt(i) == ' ') continue;
      at[c.length()] = i;
      c.append(ts.charAt(i));
    }
    this.compact = c.toString();
    this.compactAt = at;
    this.byPrefix = new HashMap<>(groups.size() * 2);
    groups.forEach(
        (prefix, list) ->
            byPrefix.put(prefix, list.stream().mapToInt(Integer::intValue).toArray()));
  }

  /**
   * Where {@code quote} stands in the text, or {@link Grounding#notFound()} for a null or blank
   * quote, one with fewer than {@value #MIN_FUZZY_TOKENS} words that is not found exactly or
   * normalized, and one whose best fuzzy window scores below {@value #ACCEPT_PERCENT}% of a perfect
   * match. When a quote occurs more than once the first occurrence wins.
   */
  public Grounding locate(String quote) {
    if (quote == null || quote.isBlank()) return Grounding.notFound();
    int at = text.indexOf(quote);
    if (at >= 0) return new Grounding(Status.EXACT, at, at + quote.length());

    Normalized q = Normalized.of(quote);
    String qs = q.chars;
    int coreStart = 0;
    int coreEnd = qs.length();
    while (coreStart < coreEnd && !Character.isLetterOrDigit(qs.charAt(coreStart))) coreStart++;
    while (coreEnd > coreStart && !Character.isLetterOrDigit(qs.charAt(coreEnd - 1))) coreEnd--;
    if (coreStart == coreEnd) return Grounding.notFound();

    int found = wholeWordIndexOf(qs.substring(coreStart, coreEnd));
    if (found >= 0) {
      return span(Status.NORMALIZED, qs, coreStart, coreEnd, found, found + coreEnd - coreStart);
    }
    Grounding spaced = ignoringSpaces(qs, coreStart, coreEnd);
    if (spaced.found()) return spaced;
    Grounding fuzzy = fuzzy(qs);
    if (fuzzy.found()) return fuzzy;
    return omission(quote, qs.substring(coreStart, coreEnd));
  }

  /**
   * A quote the model shortened with an ellipsis ("Putin sei ... bereit, ..."): every part of at
   * least {@value #MIN_FUZZY_TOKENS} words must be found on its own, in order, the whole within
   * three times the quote's length; the span runs from the first part to the last.
   */
  private Grounding omission(String quote, String core) {
    if (!core.contains("...")) return Grounding.notFound();
    String[] parts = core.split("\\.\\.\\.+");
    if (parts.length < 2) return Grounding.notFound();
    int start = -1;
    int end = -1;
    for (String part : parts) {
      if (Tokens.of(part).count < MIN_FUZZY_TOKENS) return Grounding.notFound();
      Grounding g = locate(part);
      if (!g.found() || g.start() < end) return Grounding.notFound();
      if (start < 0) start = g.start();
      end = g.end();
    }
    if (end - start > 3 * quote.length()) return Grounding.notFound();
    return new Grounding(Status.FUZZY, start, end);
  }

  /**
   * First occurrence of {@code core} in the normalized text that neither starts nor ends inside a
   * word, or -1: once quotation marks are set aside, "„Delegation“" must not land in
   * "Delegationen".
   */
  private int wholeWordIndexOf(String core) {
    String ts = norm.chars;
    for (int at = ts.indexOf(core); at >= 0; at = ts.indexOf(core, at + 1)) {
      int end = at + core.length();
      boolean startsWord = at == 0 || !Character.isLetterOrDigit(ts.charAt(at - 1));
      boolean endsWord = end == ts.length() || !Character.isLetterOrDigit(ts.charAt(end));
      if (startsWord && endsWord) return at;
    }
    return -1;
  }

  /**
   * The quote's core found with every space set aside on both sides, starting and ending at word
   * boundaries of the text: a missing or extra space is a difference of spacing, not of words.
   */
  private Grounding ignoringSpaces(String qs, int coreStart, int coreEnd) {
    String needle = qs.substring(coreStart, coreEnd).replace(" ", "");
    if (needle.isEmpty()) return Grounding.notFound();
    String ts = norm.chars;
    for (int at = compact.indexOf(needle); at >= 0; at = compact.indexOf(needle, at + 1)) {
      int from = compactAt[at];
      int to = compactAt[at + needle.length() - 1] + 1;
      boolean startsWord = from == 0 || !Character.isLetterOrDigit(ts.charAt(from - 1));
      boolean endsWord = to == ts.length() || !Character.isLetterOrDigit(ts.charAt(to));
      if (startsWord && endsWord) return span(Status.NORMALIZED, qs, coreStart, coreEnd, from, to);
    }
    return Grounding.notFound();
  }

  private Grounding fuzzy(String qs) {
    Tokens qt = Tokens.of(qs);
    int m = qt.count;
    int n = tokId.length;
    if (m < MIN_FUZZY_TOKENS || n == 0) return Grounding.notFound();

    // Per quote word, the score of each article word id: equal, same stem, or neither.
    int[][] score = new int[m][];
    int reachable = 0; // best score each quote word could add, to skip hopeless alignments
    for (int i = 0; i < m; i++) {
      String word = qs.substring(qt.start[i], qt.end[i]);
      int[] row = new int[vocab.length];
      Arrays.fill(row, MISMATCH);
      int self = ids.getOrDefault(word, -1);
      boolean near = markNear(row, word, self);
      if (self >= 0) row[self] = MATCH;
      reachable += self >= 0 ? MATCH : near ? NEAR : 0;
      score[i] = row;
    }
    if (!accepted(reachable, m)) return Grounding.notFound();

    int[] prevH = new int[n + 1];
    int[] curH = new int[n + 1];
    int[] prevS = new int[n + 1];
    int[] curS = new int[n + 1];
    int best = 0;
    int bestEnd = -1; // last article token of the best window
    int bestStart = -1; // first article token of the best window
    for (int i = 0; i < m; i++) {
      int[] row = score[i];
      curH[0] = 0;
      for (int j = 1; j <= n; j++) {
        int h = prevH[j - 1] + row[tokId[j - 1]];
        int start = prevH[j - 1] > 0 ? prevS[j - 1] : j - 1;
        int up = prevH[j] + GAP; // quote word with no counterpart (model inserted it)
        if (up > h) {
          h = up;
          start = prevS[j];
        }
        int left = curH[j - 1] + GAP; // article word the quote skips (model dropped it)
        if (left > h) {
          h = left;
          start = curS[j - 1];
        }
        if (h <= 0) {
          h = 0;
          start = j;
        }
        curH[j] = h;
        curS[j] = start;
        if (h > best) {
          best = h;
          bestEnd = j - 1;
          bestStart = start;
        }
      }
      int[] t = prevH;
      prevH = curH;
      curH = t;
      t = prevS;
      prevS = curS;
      curS = t;
    }
    if (!accepted(best, m)) return Grounding.notFound();
    return span(Status.FUZZY, qs, qt.start[0], qt.end[m - 1], tokStart[bestStart], tokEnd[bestEnd]);
  }

  private static boolean accepted(int score, int quoteTokens) {
    return score * 100 >= ACCEPT_PERCENT * MATCH * quoteTokens;
  }

  /** Sets {@link #NEAR} for article words sharing a stem with {@code word}; true if any. */
  private boolean markNear(int[] row, String word, int self) {
    if (word.length() < 4) return false;
    int[] candidates = byPrefix.get(word.substring(0, 4));
    if (candidates == null) return false;
    boolean any = false;
    for (int v : candidates) {
      if (v != self && sameStem(word, vocab[v])) {
        row[v] = NEAR;
        any = true;
      }
    }
    return any;
  }

  /**
   * Same word with another ending: a shared prefix of 4 chars or more that leaves at most 3 chars
   * of the longer word ("beamte"/"beamter", "gespräche"/"gesprächen", "kämpfen"/"kämpft").
   */
  static boolean sameStem(String a, String b) {
    int max = Math.max(a.length(), b.length());
    int min = Math.min(a.length(), b.length());
    if (min < 4 || max - min > 3) return false;
    int p = 0;
    while (p < min && a.charAt(p) == b.charAt(p)) p++;
    return p >= 4 && p >= max - 3;
  }

  /**
   * Maps a match of the quote's part {@code [qFrom, qTo)} at normalized text {@code [from, to)} to
   * original offsets, first taking back the quote's punctuation around that part where the text has
   * the same characters there (a closing quotation mark, a final period), then dropping whitespace
   * at either end.
   */
  private Grounding span(Status status, String qs, int qFrom, int qTo, int from, int to) {
    String ts = norm.chars;
    while (qFrom > 0 && from > 0 && qs.charAt(qFrom - 1) == ts.charAt(from - 1)) {
      qFrom--;
      from--;
    }
    while (qTo < qs.length() && to < ts.length() && qs.charAt(qTo) == ts.charAt(to)) {
      qTo++;
      to++;
    }
    while (from < to && ts.charAt(from) == ' ') from++;
    while (to > from && ts.charAt(to - 1) == ' ') to--;
    return new Grounding(status, norm.start[from], norm.end[to - 1]);
  }

  /** Text after normalization, with each char's span in the original text. */
  static final class Normalized {
    final String chars;
    final int[] start;
    final int[] end;

    private Normalized(String chars, int[] start, int[] end) {
      this.chars = chars;
      this.start = start;
      this.end = end;
    }

    static Normalized of(String s) {
      Builder b = new Builder(s.length());
      int n = s.length();
      int i = 0;
      while (i < n) {
        int cp = s.codePointAt(i);
        int next = i + Character.charCount(cp);
        int clusterEnd = next;
        while (clusterEnd < n && isCombining(s.charAt(clusterEnd))) clusterEnd++;
        if (clusterEnd == next) {
          b.add(cp, i, next);
        } else {
          // A base letter with combining marks ("a" + U+0308): compose, map all to the cluster.
          String composed = Normalizer.normalize(s.substring(i, clusterEnd), Normalizer.Form.NFC);
          for (int k = 0; k < composed.length(); ) {
            int c = composed.codePointAt(k);
            b.add(c, i, clusterEnd);
            k += Character.charCount(c);
          }
        }
        i = clusterEnd;
      }
      return b.build();
    }

    private static boolean isCombining(char c) {
      int type = Character.getType(c);
      return type == Character.NON_SPACING_MARK
          || type == Character.ENCLOSING_MARK
          || type == Character.COMBINING_SPACING_MARK;
    }
  }

  /** Appends normalized chars with their original spans; collapses whitespace runs. */
  private static final class Builder {
    /** Straight, typographic, German, French and single quotation marks, apostrophes, primes. */
    private static final String QUOTE_MARKS =
        "\"'`\u00AB\u00BB\u00B4\u2018\u2019\u201A\u201B\u201C\u201D\u201E\u201F\u2039\u203A"
            + "\u2032\u2033";

    /** Hyphen, non-breaking hyphen, figure dash, en and em dash, bar, minus sign and the like. */
    private static final String DASHES =
        "\u2010\u2011\u2012\u2013\u2014\u2015\u2212\u2E3A\u2E3B\uFE58\uFE63\uFF0D";

    private final StringBuilder out;
    private int[] start;
    private int[] end;
    private int spaceFrom = -1;
    private int spaceTo = -1;

    Builder(int capacity) {
      out = new StringBuilder(capacity + 16);
      start = new int[capacity + 16];
      end = new int[capacity + 16];
    }

    void add(int cp, int from, int to) {
      if (isIgnorable(cp)) return;
      if (Character.isWhitespace(cp) || Character.isSpaceChar(cp)) {
        if (spaceFrom < 0) spaceFrom = from;
        spaceTo = to;
        return;
      }
      if (spaceFrom >= 0) {
        put(' ', spaceFrom, spaceTo);
        spaceFrom = -1;
      }
      if (QUOTE_MARKS.indexOf(cp) >= 0) {
        put('"', from, to);
      } else if (DASHES.indexOf(cp) >= 0) {
        put('-', from, to);
      } else if (cp == 0x2026) { // '…'
        put('.', from, to);
        put('.', from, to);
        put('.', from, to);
      } else if (cp == 0xDF || cp == 0x1E9E) { // 'ß', capital 'ẞ'
        put('s', from, to);
        put('s', from, to);
      } else {
        // Simple (1:1) case mapping, locale-independent, so offsets stay per code point.
        int lower = Character.toLowerCase(cp);
        if (Character.isBmpCodePoint(lower)) {
          put((char) lower, from, to);
        } else {
          put(Character.highSurrogate(lower), from, to);
          put(Character.lowSurrogate(lower), from, to);
        }
      }
    }

    private void put(char c, int from, int to) {
      int k = out.length();
      if (k == start.length) {
        start = Arrays.copyOf(start, k * 2);
        end = Arrays.copyOf(end, k * 2);
      }
      out.append(c);
      start[k] = from;
      end[k] = to;
    }

    Normalized build() {
      if (spaceFrom >= 0) put(' ', spaceFrom, spaceTo);
      return new Normalized(out.toString(), start, end);
    }

    /** Soft hyphen, zero-width space/joiners, word joiner, BOM, direction marks. */
    private static boolean isIgnorable(int cp) {
      return cp == 0xAD || (cp >= 0x200B && cp <= 0x200F) || cp == 0x2060 || cp == 0xFEFF;
    }
  }

  /** Words of a normalized text: maximal runs of letters and digits. */
  private static final class Tokens {
    final int[] start;
    final int[] end;
    final int count;

    private Tokens(int[] start, int[] end, int count) {
      this.start = start;
      this.end = end;
      this.count = count;
    }

    static Tokens of(String s) {
      int[] start = new int[16];
      int[] end = new int[16];
      int count = 0;
      int i = 0;
      int n = s.length();
      while (i < n) {
        while (i < n && !Character.isLetterOrDigit(s.charAt(i))) i++;
        if (i == n) break;
        int from = i;
        while (i < n && Character.isLetterOrDigit(s.charAt(i))) i++;
        if (count == start.length) {
          start = Arrays.copyOf(start, count * 2);
          end = Arrays.copyOf(end, count * 2);
        }
        start[count] = from;
        end[count] = i;
        count++;
      }
      return new Tokens(start, end, count);
    }
  }
}
