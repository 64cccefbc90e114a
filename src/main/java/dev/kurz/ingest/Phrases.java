package dev.kurz.ingest;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * A pattern made of phrases, {@code prefix(?:phrase|phrase|...)}, that skips its search where the
 * text holds none of the literals its phrases need. Each phrase is read for a run of plain characters
 * it cannot match without ("newsletter" in {@code (?:our|free) (?:\w+ )?newsletters?\b}), or for a
 * group each of whose alternatives needs one ({@code (?:support|donate to) ...}); where the text holds
 * none of them no phrase can match, so {@link #find} answers without the search, and otherwise it
 * searches as the pattern alone would. Most blocks of an article hold none, and looking for a few
 * dozen literals is far cheaper than trying every phrase at every word. A phrase this reading cannot
 * tell a literal in makes the pattern search every text, so {@link #unread} lets
 * a test keep the lists readable. Immutable; thread-safe.
 */
final class Phrases {
  private final Pattern pattern;
  /** Literals compared as they stand, and those from case-insensitive groups, compared {@link #fold folded}. */
  private final String[] exact;
  private final String[] folded;
  /** The phrases with no literal this reading can tell; while any, every text is searched. */
  private final List<String> unread;

  private Phrases(Pattern pattern, List<String> exact, List<String> folded, List<String> unread) {
    this.pattern = pattern;
    this.exact = exact.toArray(String[]::new);
    this.folded = folded.toArray(String[]::new);
    this.unread = List.copyOf(unread);
  }

  /** {@code prefix(?:phrase|...)} compiled with {@code flags}. */
  static Phrases of(String prefix, int flags, String... phrases) {
    Pattern pattern = Pattern.compile(prefix + "(?:" + String.join("|", phrases) + ")", flags);
    boolean ignoreCase = (flags & Pattern.CASE_INSENSITIVE) != 0;
    boolean unreadable = (flags & (Pattern.COMMENTS | Pattern.LITERAL | Pattern.CANON_EQ)) != 0;
    List<String> exact = new ArrayList<>();
    List<String> folded = new ArrayList<>();
    List<String> unread = new ArrayList<>();
    for (String phrase : phrases) {
      List<Literal> any = unreadable ? null : needs(phrase, ignoreCase);
      if (any == null) {
        unread.add(phrase);
        continue;
      }
      for (Literal l : any) (l.folded() ? folded : exact).add(l.text());
    }
    return new Phrases(pattern, exact, folded, unread);
  }

  Pattern pattern() {
    return pattern;
  }

  /** The phrases that need no literal this reading can tell (empty for a pattern that skips searches). */
  List<String> unread() {
    return unread;
  }

  /** {@code pattern().matcher(text).find()}, skipped where the text holds none of the phrases' literals. */
  boolean find(String text) {
    if (unread.isEmpty() && !holdsLiteral(text)) return false;
    return pattern.matcher(text).find();
  }

  private boolean holdsLiteral(String text) {
    for (String literal : exact) if (text.contains(literal)) return true;
    if (folded.length == 0) return false;
    String f = fold(text);
    for (String literal : folded) if (f.contains(literal)) return true;
    return false;
  }

  /** A literal a phrase needs; {@code folded}: compared with the folded text (a case-insensitive group's). */
  private record Literal(String text, boolean folded) {}

  /**
   * Each character lower-cased after upper-casing, as the case-insensitive matcher compares
   * characters: a text matching a literal case-insensitively holds its folded form once folded.
   */
  static String fold(String text) {
    StringBuilder out = new StringBuilder(text.length());
    for (int i = 0; i < text.length(); i++) out.append(Character.toLowerCase(Character.toUpperCase(text.charAt(i))));
    return out.toString();
  }

  /**
   * The literals one of which a phrase (a sequence, no top-level {@code |}) needs: its longest run of
   * plain or escaped punctuation characters outside groups and classes, not made optional by a
   * quantifier, or an unquantified group's, where each of the group's alternatives needs one and its
   * shortest is longer. Null where it has none, or holds what this reading does not follow (a
   * top-level {@code |} or flag switch, back references, quoting, hex and Unicode escapes).
   */
  private static List<Literal> needs(String phrase, boolean ignoreCase) {
    List<Literal> best = null;
    int bestLength = 0;
    StringBuilder run = new StringBuilder();
    int n = phrase.length();
    int i = 0;
    while (i < n) {
      char c = phrase.charAt(i);
      if (c == '\\' && i + 1 < n && !Character.isLetterOrDigit(phrase.charAt(i + 1))) {
        // an escaped punctuation character is that character
        run.append(phrase.charAt(i + 1));
        i += 2;
        continue;
      }
      if (c == '?' || c == '*' || c == '+' || c == '{') {
        // the character before is optional or repeated
        if (!run.isEmpty()) run.setLength(run.length() - 1);
        if (c == '{') {
          int close = phrase.indexOf('}', i);
          if (close < 0) return null;
          i = close;
        }
        i++;
      } else if (c == '\\') {
        char e = phrase.charAt(i + 1);
        if ("QkcuxN0123456789".indexOf(e) >= 0) return null;
        i += 2;
        if ((e == 'p' || e == 'P') && i < n) i = phrase.charAt(i) == '{' ? phrase.indexOf('}', i) + 1 : i + 1;
        if (i <= 0) return null;
      } else if (c == '[') {
        i = classEnd(phrase, i);
        if (i < 0) return null;
      } else if (c == '(') {
        int close = groupEnd(phrase, i);
        if (close < 0) return null;
        boolean quantified = close + 1 < n && "?*+{".indexOf(phrase.charAt(close + 1)) >= 0;
        List<Literal> inner = quantified ? null : groupNeeds(phrase.substring(i, close + 1), ignoreCase);
        if (inner == GROUP_UNREADABLE) return null;
        if (inner != null && shortest(inner) > Math.max(bestLength, run.length())) {
          best = inner;
          bestLength = shortest(inner);
        }
        i = close + 1;
        if (quantified) {
          // the quantifier (and a lazy or possessive mark) after the group
          i = phrase.charAt(i) == '{' ? phrase.indexOf('}', i) + 1 : i + 1;
          if (i <= 0) return null;
          if (i < n && (phrase.charAt(i) == '?' || phrase.charAt(i) == '+')) i++;
        }
      } else if (".^$|)]}".indexOf(c) >= 0) {
        if (c == '|') return null;
        i++;
      } else {
        run.append(c);
        i++;
        continue;
      }
      if (run.length() > bestLength) {
        best = List.of(literal(run.toString(), ignoreCase));
        bestLength = run.length();
      }
      run.setLength(0);
    }
    if (run.length() > bestLength) best = List.of(literal(run.toString(), ignoreCase));
    return best;
  }

  /** Marks a group whose reading stops the whole phrase's: a flag switch for what follows. */
  private static final List<Literal> GROUP_UNREADABLE = List.of();

  /** What a group (from its "(" to its ")") needs: one of its alternatives' literals each; null for lookarounds. */
  private static List<Literal> groupNeeds(String group, boolean ignoreCase) {
    String body = group.substring(1, group.length() - 1);
    if (body.startsWith("?")) {
      if (body.startsWith("?=") || body.startsWith("?!") || body.startsWith("?<=") || body.startsWith("?<!")) return null;
      if (body.startsWith("?<")) {
        int end = body.indexOf('>');
        body = body.substring(end + 1);
      } else if (body.startsWith("?:") || body.startsWith("?>")) {
        body = body.substring(2);
      } else {
        // flags: "(?i:...)" for the group, "(?i)" for the rest of the phrase
        int colon = 1;
        while (colon < body.length() && (Character.isLetter(body.charAt(colon)) || body.charAt(colon) == '-')) colon++;
        if (colon >= body.length() || body.charAt(colon) != ':') return GROUP_UNREADABLE;
        String flags = body.substring(1, colon);
        if (flags.contains("x")) return GROUP_UNREADABLE;
        int off = flags.indexOf('-');
        boolean on = flags.indexOf('i') >= 0 && (off < 0 || flags.indexOf('i') < off);
        boolean offCase = off >= 0 && flags.indexOf('i', off) >= 0;
        ignoreCase = on || ignoreCase && !offCase;
        body = body.substring(colon + 1);
      }
    }
    List<Literal> any = new ArrayList<>();
    for (String alternative : alternatives(body)) {
      List<Literal> needs = needs(alternative, ignoreCase);
      if (needs == null) return null;
      any.addAll(needs);
    }
    return any;
  }

  private static Literal literal(String text, boolean ignoreCase) {
    return ignoreCase ? new Literal(fold(text), true) : new Literal(text, false);
  }

  private static int shortest(List<Literal> any) {
    int min = Integer.MAX_VALUE;
    for (Literal l : any) min = Math.min(min, l.text().length());
    return any.isEmpty() ? 0 : min;
  }

  /** The top-level alternatives of a regex. */
  private static List<String> alternatives(String regex) {
    List<String> out = new ArrayList<>();
    int depth = 0;
    int start = 0;
    for (int i = 0; i < regex.length(); i++) {
      char c = regex.charAt(i);
      if (c == '\\') {
        i++;
      } else if (c == '[') {
        int end = classEnd(regex, i);
        if (end < 0) return List.of(regex);
        i = end - 1;
      } else if (c == '(') {
        depth++;
      } else if (c == ')') {
        depth--;
      } else if (c == '|' && depth == 0) {
        out.add(regex.substring(start, i));
        start = i + 1;
      }
    }
    out.add(regex.substring(start));
    return out;
  }

  /** The index of the ")" closing the group opened at {@code open}, or -1. */
  private static int groupEnd(String s, int open) {
    int depth = 0;
    for (int i = open; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == '\\') {
        i++;
      } else if (c == '[') {
        int end = classEnd(s, i);
        if (end < 0) return -1;
        i = end - 1;
      } else if (c == '(') {
        depth++;
      } else if (c == ')' && --depth == 0) {
        return i;
      }
    }
    return -1;
  }

  /** The index after the character class opened at {@code open} (nested classes, escapes, a leading "]"), or -1. */
  private static int classEnd(String s, int open) {
    int depth = 0;
    for (int i = open; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == '\\') {
        i++;
      } else if (c == '[') {
        depth++;
        if (i + 1 < s.length() && s.charAt(i + 1) == '^') i++;
        if (i + 1 < s.length() && s.charAt(i + 1) == ']') i++;
      } else if (c == ']' && --depth == 0) {
        return i + 1;
      }
    }
    return -1;
  }
}
