package dev.kurz.faithfulness;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A cheap test that a regular expression cannot match a text, read from the expression itself: for
 * each of its top-level alternatives, a literal it cannot match without ("jahr" in
 * {@code (vergangen|vorig|letzt)\p{L}*\s+jahr}), or an unquantified group whose alternatives each
 * need one ({@code \b(Monday|Tuesday|...)s?\b}). When no alternative's literal is in the text,
 * {@link Matcher#find} would find nothing, so the search is skipped; otherwise the pattern runs as
 * before. The literals are compared case-folded ({@link #fold}), which holds for patterns with or
 * without case-insensitive matching. A pattern with an alternative that needs nothing this reading
 * can tell (or with flags it does not follow: comments, literal, canonical equivalence) is always
 * searched. Immutable and thread-safe.
 */
final class Needles {
  private final Pattern pattern;
  /** For each top-level alternative, folded literals one of which it needs; null: always search. */
  private final List<List<String>> needed;

  /** The top-level alternatives that are plain literals, where the pattern is case-sensitive: any of them in a text is a match. */
  private final List<String> exact;

  private Needles(Pattern pattern, List<List<String>> needed) {
    this.pattern = pattern;
    this.needed = needed;
    List<String> plain = new ArrayList<>();
    if (needed != null && (pattern.flags() & Pattern.CASE_INSENSITIVE) == 0) {
      for (String alt : split(pattern.pattern())) {
        if (!alt.isEmpty() && alt.chars().allMatch(c -> Character.isLetterOrDigit(c) || c == ' ')) plain.add(alt);
      }
    }
    this.exact = List.copyOf(plain);
  }

  static Needles of(Pattern pattern) {
    boolean unread = (pattern.flags() & (Pattern.COMMENTS | Pattern.LITERAL | Pattern.CANON_EQ)) != 0
        || hasCommentsFlag(pattern.pattern());
    return new Needles(pattern, unread ? null : alternatives(pattern.pattern()));
  }

  static Needles of(String regex) {
    return of(Pattern.compile(regex));
  }

  static Needles of(String regex, int flags) {
    return of(Pattern.compile(regex, flags));
  }

  Pattern pattern() {
    return pattern;
  }

  /**
   * The text as the literals are compared: each character lower-cased after upper-casing, as the
   * case-insensitive matcher compares characters (so "MÄRZ" holds "märz", and "Jan" holds "jan").
   */
  static String fold(String text) {
    StringBuilder b = null;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      char f = c < 128 ? (c >= 'A' && c <= 'Z' ? (char) (c + 32) : c) : Character.toLowerCase(Character.toUpperCase(c));
      if (f != c && b == null) b = new StringBuilder(text.length()).append(text, 0, i);
      if (b != null) b.append(f);
    }
    return b == null ? text : b.toString();
  }

  /** False only when the pattern cannot match {@code text}; {@code folded} is {@link #fold} of it. */
  boolean mayFind(String folded) {
    if (needed == null) return true;
    for (List<String> any : needed) {
      for (String n : any) {
        if (folded.contains(n)) return true;
      }
    }
    return false;
  }

  /**
   * {@code pattern().matcher(text).find()}, skipped where the literals say it cannot match, and
   * answered without a search where an alternative that is nothing but a literal (of a pattern
   * matched case-sensitively) stands in the text.
   */
  boolean find(String text, String folded) {
    if (!mayFind(folded)) return false;
    for (String literal : exact) {
      if (text.contains(literal)) return true;
    }
    return pattern.matcher(text).find();
  }

  /** {@code pattern().matcher(text).replaceAll(replacer)}; the text itself where the pattern cannot match it. */
  String replaceAll(String text, String folded, java.util.function.Function<java.util.regex.MatchResult, String> replacer) {
    return mayFind(folded) ? pattern.matcher(text).replaceAll(replacer) : text;
  }

  /**
   * A matcher to call {@link Matcher#find} on: over {@code text}, or over the empty text (which
   * the pattern cannot match) where its literals are not in {@code text}. Not for replacing: see
   * {@link #replaceAll}.
   */
  Matcher finder(String text, String folded) {
    return pattern.matcher(mayFind(folded) ? text : "");
  }

  /** {@code pattern().matcher(text).replaceAll(replacement)}; the text itself where the pattern cannot match it. */
  String replaceAll(String text, String folded, String replacement) {
    return mayFind(folded) ? pattern.matcher(text).replaceAll(replacement) : text;
  }

  /** The literals each top-level alternative needs, or null when one of them needs none we can tell. */
  private static List<List<String>> alternatives(String regex) {
    List<List<String>> out = new ArrayList<>();
    for (String alt : split(regex)) {
      List<String> any = needs(alt);
      if (any == null) return null;
      out.add(any);
    }
    return out;
  }

  /**
   * The best requirement of one alternative (a concatenation): a literal run of its own, or an
   * unquantified group all of whose alternatives need one; the one whose shortest literal is
   * longest. Null when it has none.
   */
  private static List<String> needs(String alt) {
    List<String> best = null;
    int bestLength = 0;
    StringBuilder run = new StringBuilder();
    int i = 0;
    int n = alt.length();
    while (i < n) {
      char c = alt.charAt(i);
      if (c == '\\') {
        best = better(best, bestLength, run);
        bestLength = best == null ? 0 : shortest(best);
        run.setLength(0);
        i = skipEscape(alt, i);
      } else if (c == '[') {
        best = better(best, bestLength, run);
        bestLength = best == null ? 0 : shortest(best);
        run.setLength(0);
        i = skipClass(alt, i);
      } else if (c == '(') {
        best = better(best, bestLength, run);
        bestLength = best == null ? 0 : shortest(best);
        run.setLength(0);
        int close = closing(alt, i);
        if (close < 0) return null;
        int q = close + 1;
        boolean quantified = q < n && "?*+{".indexOf(alt.charAt(q)) >= 0;
        String body = groupBody(alt, i, close);
        if (!quantified && body != null) {
          List<List<String>> inner = alternatives(body);
          if (inner != null) {
            List<String> any = new ArrayList<>();
            inner.forEach(any::addAll);
            int len = shortest(any);
            if (len > bestLength) {
              best = any;
              bestLength = len;
            }
          }
        }
        i = close + 1;
      } else if ("?*+{".indexOf(c) >= 0) {
        // The atom before is optional or repeated: a literal run loses its last character.
        if (run.length() > 0) run.setLength(run.length() - 1);
        best = better(best, bestLength, run);
        bestLength = best == null ? 0 : shortest(best);
        run.setLength(0);
        if (c == '{') {
          int close = alt.indexOf('}', i);
          if (close < 0) return null;
          i = close + 1;
        } else {
          i++;
        }
      } else if (".^$)]}|".indexOf(c) >= 0) {
        best = better(best, bestLength, run);
        bestLength = best == null ? 0 : shortest(best);
        run.setLength(0);
        i++;
      } else {
        // A literal character; if a quantifier follows, the check above drops it again.
        run.append(c);
        i++;
      }
    }
    return better(best, bestLength, run);
  }

  private static List<String> better(List<String> best, int bestLength, StringBuilder run) {
    if (run.length() > bestLength) return List.of(fold(run.toString()));
    return best;
  }

  private static int shortest(List<String> any) {
    int min = Integer.MAX_VALUE;
    for (String s : any) min = Math.min(min, s.length());
    return any.isEmpty() ? 0 : min;
  }

  /**
   * The body of the group opening at {@code open} whose match is part of the alternative's
   * ({@code (...)}, {@code (?:...)}, {@code (?<name>...)}, {@code (?>...)}, {@code (?i:...)}), or
   * null for lookarounds and flag settings.
   */
  private static String groupBody(String s, int open, int close) {
    if (open + 1 < close && s.charAt(open + 1) == '?') {
      int j = open + 2;
      if (j >= close) return null;
      char k = s.charAt(j);
      if (k == ':' || k == '>') return s.substring(j + 1, close);
      if (k == '<' && j + 1 < close && Character.isLetter(s.charAt(j + 1))) {
        int end = s.indexOf('>', j);
        return end < 0 || end >= close ? null : s.substring(end + 1, close);
      }
      // Flags for the group: "(?i:...)"; "(?i)" and lookarounds need nothing.
      while (j < close && Character.isLetter(s.charAt(j)) || j < close && s.charAt(j) == '-') j++;
      return j < close && s.charAt(j) == ':' ? s.substring(j + 1, close) : null;
    }
    return s.substring(open + 1, close);
  }

  /** The top-level alternatives of a regex. */
  private static List<String> split(String regex) {
    List<String> out = new ArrayList<>();
    int depth = 0;
    int start = 0;
    int i = 0;
    while (i < regex.length()) {
      char c = regex.charAt(i);
      if (c == '\\') {
        i = skipEscape(regex, i);
        continue;
      }
      if (c == '[') {
        i = skipClass(regex, i);
        continue;
      }
      if (c == '(') depth++;
      if (c == ')') depth--;
      if (c == '|' && depth == 0) {
        out.add(regex.substring(start, i));
        start = i + 1;
      }
      i++;
    }
    out.add(regex.substring(start));
    return out;
  }

  /** The index of the parenthesis closing the group that opens at {@code open}, or -1. */
  private static int closing(String s, int open) {
    int depth = 0;
    int i = open;
    while (i < s.length()) {
      char c = s.charAt(i);
      if (c == '\\') {
        i = skipEscape(s, i);
        continue;
      }
      if (c == '[') {
        i = skipClass(s, i);
        continue;
      }
      if (c == '(') depth++;
      if (c == ')' && --depth == 0) return i;
      i++;
    }
    return -1;
  }

  /** The index after the escape at {@code i}: {@code \b}, {@code \p{L}}, {@code \x{..}}, {@code \k<n>}, {@code \Q...\E}. */
  private static int skipEscape(String s, int i) {
    if (i + 1 >= s.length()) return s.length();
    char e = s.charAt(i + 1);
    int j = i + 2;
    if ((e == 'p' || e == 'P' || e == 'N' || e == 'x') && j < s.length() && s.charAt(j) == '{') {
      int close = s.indexOf('}', j);
      return close < 0 ? s.length() : close + 1;
    }
    if ((e == 'p' || e == 'P') && j < s.length()) return j + 1;
    if (e == 'k' && j < s.length() && s.charAt(j) == '<') {
      int close = s.indexOf('>', j);
      return close < 0 ? s.length() : close + 1;
    }
    if (e == 'Q') {
      int close = s.indexOf("\\E", j);
      return close < 0 ? s.length() : close + 2;
    }
    // The characters an escape takes: a control character (c), four hex digits (u), two (x), a back reference or octal digits.
    if (e == 'c') return Math.min(s.length(), j + 1);
    if (e == 'u') return Math.min(s.length(), j + 4);
    if (e == 'x') return Math.min(s.length(), j + 2);
    if (Character.isDigit(e)) {
      while (j < s.length() && Character.isDigit(s.charAt(j))) j++;
    }
    return j;
  }

  /** The index after the character class opening at {@code i} (nested classes, escapes, a leading ']'). */
  private static int skipClass(String s, int i) {
    int depth = 0;
    int j = i;
    while (j < s.length()) {
      char c = s.charAt(j);
      if (c == '\\') {
        j = skipEscape(s, j);
        continue;
      }
      if (c == '[') {
        depth++;
        j++;
        // "[]" and "[^]" open a class whose first member is ']'.
        if (j < s.length() && s.charAt(j) == '^') j++;
        if (j < s.length() && s.charAt(j) == ']') j++;
        continue;
      }
      if (c == ']' && --depth == 0) return j + 1;
      j++;
    }
    return s.length();
  }

  /** Whether the regex turns on comments mode inline ("(?x)", "(?ix:"). */
  private static boolean hasCommentsFlag(String regex) {
    int i = regex.indexOf("(?");
    while (i >= 0) {
      int j = i + 2;
      while (j < regex.length() && (Character.isLetter(regex.charAt(j)) || regex.charAt(j) == '-')) {
        if (regex.charAt(j) == 'x') return true;
        j++;
      }
      i = regex.indexOf("(?", i + 2);
    }
    return false;
  }
}
