package dev.kurz.faithfulness;

import dev.kurz.model.Grounding;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Sentence and paragraph boundaries, by punctuation and line breaks: a line break ends a sentence
 * and its paragraph, unless it falls inside a sentence (a text wrapped by hand). Stateless.
 */
final class Sentences {
  private Sentences() {}

  /** A sentence's place in a text: {@code [start, end)}, and the paragraph it stands in (0-based). */
  record Span(int start, int end, int paragraph) {
    String of(String text) {
      return text.substring(start, end);
    }
  }

  private static final Set<String> ABBREVIATIONS = set(
      "mr", "mrs", "ms", "dr", "prof", "st", "no", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept",
      "oct", "nov", "dec", "vs", "etc", "gen", "lt", "col", "sen", "rep", "gov", "jr", "sr", "bzw", "ca", "vgl",
      "nr", "abs", "z", "b", "u", "a", "s", "d", "h", "i", "e", "inc", "corp", "co", "ltd", "mio", "mrd", "bzw");

  /** The sentences of {@code text}: ends at . ! ? before a space and a capital or quote, and at line breaks that end a line of its own. */
  static List<Span> split(String text) {
    List<Span> out = new ArrayList<>();
    int paragraph = 0;
    int start = 0;
    int n = text.length();
    int i = 0;
    while (i < n) {
      char c = text.charAt(i);
      if (c == '\n') {
        int j = i;
        int breaks = 0;
        while (j < n && Character.isWhitespace(text.charAt(j))) {
          if (text.charAt(j) == '\n') breaks++;
          j++;
        }
        // A text wrapped by hand breaks lines inside its sentences ("rechnet nicht mit einem
        // schnellen\nEnde"): one line break after a line that does not end a sentence goes on.
        if (breaks == 1 && j < n && softBreak(text, start, i)) {
          i = j;
          continue;
        }
        add(out, text, start, i, paragraph);
        paragraph++;
        start = j;
        i = j;
        continue;
      }
      if ((c == '.' || c == '!' || c == '?') && endsHere(text, i)) {
        int end = i + 1;
        while (end < n && "\"'”“»«’)".indexOf(text.charAt(end)) >= 0) end++;
        add(out, text, start, end, paragraph);
        start = end;
        i = end;
        continue;
      }
      i++;
    }
    add(out, text, start, n, paragraph);
    return out;
  }

  /**
   * Whether the line break at {@code at} falls inside a sentence: the line before it ends in no
   * sentence mark (. ! ? : ;), closing quotes and brackets aside.
   */
  private static boolean softBreak(String text, int start, int at) {
    int e = at;
    while (e > start && Character.isWhitespace(text.charAt(e - 1))) e--;
    while (e > start && "\"'”“»«’)".indexOf(text.charAt(e - 1)) >= 0) e--;
    return e > start && (".!?:;".indexOf(text.charAt(e - 1)) < 0 || text.charAt(e - 1) == '.' && ordinalBeforeMonth(text, e - 1));
  }

  private static final java.util.regex.Pattern MONTH_AHEAD = java.util.regex.Pattern.compile(
      "\\s*(Januar|Jänner|Februar|März|April|Mai|Juni|Juli|August|September|Oktober|November|Dezember)\\b");

  /** Whether the dot at {@code i} closes a day ("am 4.") that a month follows, on this line or the next: "am 4.\nFebruar". */
  private static boolean ordinalBeforeMonth(String text, int i) {
    int d = digits(text, i);
    return d >= 1 && d <= 2 && !Character.isLetterOrDigit(charAt(text, i - d - 1))
        && MONTH_AHEAD.matcher(text).region(i + 1, text.length()).lookingAt();
  }

  private static boolean endsHere(String text, int i) {
    int n = text.length();
    int j = i + 1;
    while (j < n && "\"'”“»«’)".indexOf(text.charAt(j)) >= 0) j++;
    if (j >= n) return true;
    if (!Character.isWhitespace(text.charAt(j))) return false;
    while (j < n && Character.isWhitespace(text.charAt(j)) && text.charAt(j) != '\n') j++;
    if (j >= n) return true;
    if (text.charAt(j) == '\n') return !(text.charAt(i) == '.' && ordinalBeforeMonth(text, i));
    char next = text.charAt(j);
    if (!(Character.isUpperCase(next) || "\"„“»«‘'(".indexOf(next) >= 0 || Character.isDigit(next) && text.charAt(i) != '.')) return false;
    if (text.charAt(i) != '.') return true;
    // "2. November", "Dr. Merz", "U.S. officials": not an end; "im Jahr 2009. Selbst" is (no ordinal has four digits).
    // "Covid-19. Laut Landratsamt" is one too: a number joined to a word by a hyphen is a name's, no ordinal.
    if (i > 0 && Character.isDigit(text.charAt(i - 1))) {
      int d = digits(text, i);
      if (charAt(text, i - d - 1) == '-' && Character.isLetter(charAt(text, i - d - 2))) return true;
      return i >= 4 && d == 4 && !Character.isLetterOrDigit(charAt(text, i - 5));
    }
    int w = i;
    while (w > 0 && Character.isLetter(text.charAt(w - 1))) w--;
    String word = text.substring(w, i).toLowerCase(java.util.Locale.ROOT);
    if (ABBREVIATIONS.contains(word)) return false;
    return !(w > 0 && text.charAt(w - 1) == '.');
  }

  private static int digits(String text, int end) {
    int k = end;
    while (k > 0 && Character.isDigit(text.charAt(k - 1))) k--;
    return end - k;
  }

  private static char charAt(String text, int i) {
    return i < 0 ? ' ' : text.charAt(i);
  }

  /** Whether a token ending in a dot is a known abbreviation ("Dr.", "Nr.") rather than a sentence end. */
  static boolean isAbbreviation(String token) {
    String word = token.endsWith(".") ? token.substring(0, token.length() - 1) : token;
    return ABBREVIATIONS.contains(word.toLowerCase(java.util.Locale.ROOT));
  }

  private static void add(List<Span> out, String text, int start, int end, int paragraph) {
    int s = start;
    int e = end;
    while (s < e && Character.isWhitespace(text.charAt(s))) s++;
    while (e > s && Character.isWhitespace(text.charAt(e - 1))) e--;
    if (e > s) out.add(new Span(s, e, paragraph));
  }

  /**
   * The first and last of {@code sentences} a grounded quote overlaps, as {@code {first, last}}, or
   * null when the quote was not found in an article of {@code length} characters.
   */
  static int[] spanned(List<Span> sentences, Grounding g, int length) {
    if (g == null || !g.found() || g.start() < 0 || g.end() > length) return null;
    int first = -1;
    int last = -1;
    for (int i = 0; i < sentences.size(); i++) {
      Span s = sentences.get(i);
      if (s.end() > g.start() && s.start() < g.end()) {
        if (first < 0) first = i;
        last = i;
      }
    }
    return first < 0 ? null : new int[] {first, last};
  }

  /** The sentences of a short English text, as strings. */
  static List<String> english(String text) {
    List<String> out = new ArrayList<>();
    if (text == null) return out;
    for (Span s : split(text)) out.add(s.of(text));
    return out;
  }

  private static Set<String> set(String... words) {
    return Set.copyOf(java.util.Arrays.asList(words));
  }
}
