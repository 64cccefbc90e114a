package dev.kurz.ingest;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Rebuilds paragraphs from plain text whose lines were broken at a fixed width (archives, scrapers,
 * e-mail), with or without blank lines between the lines, and leaves text with one paragraph a line
 * (copied from a browser) as it is. A line joins the next when the sentence visibly goes on: it
 * does not end a sentence and the next line starts in lower case, or it ends in a hyphen, a comma,
 * a dash or a German function word ("und", "der", "auf", "hat"); or, in hard-wrapped text, it
 * stands inside a paragraph, is near the wrap width, or the next line's first word would not have
 * fitted on it. A short line that ends a sentence or stands alone at a paragraph start (a heading,
 * a byline, a kicker) stays its own paragraph, and so does furniture. The rules look at line shapes
 * only, never at a particular outlet. Stateless; thread-safe.
 */
final class Reflow {
  /**
   * German words that cannot end a clause, so neither a sentence nor a heading: articles and
   * determiners, conjunctions, and prepositions that are never a separable verb particle (a heading
   * may well end in "aus", "an", "zu", "hat" or "sich": "Trump weicht Nachfragen aus"). Matched
   * case-sensitively, so the river "Oder" or a capitalized noun never counts.
   */
  private static final Set<String> FUNCTION_WORDS = Set.of((
      "der die den dem des eine einen einem einer eines keine keinen keinem keiner "
          + "seine seinen seinem seiner ihre ihren ihrem ihrer unsere unseren unserem dieser diesen diesem "
          + "jener jene jenen welche welcher welchen welchem deren dessen "
          + "und oder sowie sondern dass ob weil wenn als wie obwohl sodass bevor nachdem falls "
          + "von vom zur zum im ins am beim für gegen ohne seit bis zwischen trotz laut in "
          + "innerhalb außerhalb pro per rund etwa")
      .split(" "));

  /**
   * Words after a hyphen that leaves a compound's second part to a later word ("Infektions- und
   * Todeszahlen", "Vor- bis Nachmittag"): that hyphen is not a word broken at the line end.
   */
  private static final Set<String> SUSPENDED_HYPHEN_FOLLOWERS =
      Set.of("und", "oder", "sowie", "bzw.", "beziehungsweise", "bis", "als", "noch", "wie");

  /** A list item, a Markdown heading or quote: never the tail of a sentence. */
  private static final Pattern BULLET = Pattern.compile("^(?:[#>*•·]|-\\s|[–—]\\s+\\p{Lu})");

  /** A numbered item ("2. Welches ...") or a date ("4. Mai"): the tail of a sentence only after a function word. */
  private static final Pattern NUMBERED = Pattern.compile("^\\d{1,3}[.)]\\s");

  private static final Pattern SPACES = Pattern.compile("[ \\t\\u00a0]+");

  /**
   * Hard-wrapped text has at least this many lines visibly broken mid-sentence (the next line starts
   * in lower case, or the line ends in a function word), and this share of all lines.
   */
  private static final int MIN_WRAPPED_LINES = 4;

  private static final double MIN_WRAPPED_SHARE = 0.2;

  /**
   * Text is wrapped at a fixed width (by a program, not a browser's layout) when the next word would
   * not have fitted on at least this share of its lines broken mid-sentence.
   */
  private static final double MIN_FULL_SHARE = 0.9;

  /** Wrap widths beyond this are paragraphs, not lines. */
  private static final int MAX_WIDTH = 130;

  private Reflow() {}

  /** One line of the input: its text (spaces collapsed) and whether blank lines stood before it. */
  private record Line(String text, boolean blankBefore) {}

  /** The paragraphs of {@code text}, each on one line, blank lines dropped. */
  static List<String> paragraphs(String text) {
    List<Line> lines = lines(text);
    Layout layout = Layout.of(lines);
    List<String> out = new ArrayList<>();
    StringBuilder paragraph = new StringBuilder();
    String last = null; // the paragraph's last line so far
    String beforeLast = null; // the line before it
    boolean inside = false; // the paragraph has more than one line
    for (int i = 0; i < lines.size(); i++) {
      Line line = lines.get(i);
      boolean opens = !inside || TextCleaner.endsSentence(beforeLast); // the last line starts a sentence
      if (last != null && joins(last, inside, opens, i <= 2, line, layout)) {
        boolean suspended = SUSPENDED_HYPHEN_FOLLOWERS.contains(firstWord(line.text())); // "Infektions- und"
        if (endsInBrokenWord(last) && startsLowerCase(line.text()) && !suspended) {
          paragraph.setLength(paragraph.length() - 1); // "Verkaufs-" + "fläche": the hyphen was the break
        } else if (!endsInAttachedHyphen(last) || suspended) {
          paragraph.append(' '); // "Corona-" + "Regeln" stay one word; a dash " -" is followed by a space
        }
        paragraph.append(line.text());
        inside = true;
      } else {
        if (last != null) out.add(paragraph.toString());
        paragraph.setLength(0);
        paragraph.append(line.text());
        inside = false;
      }
      beforeLast = last;
      last = line.text();
    }
    if (last != null) out.add(paragraph.toString());
    return out;
  }

  /**
   * Whether {@code next} continues the paragraph whose last line is {@code prev}; {@code opens}: prev
   * starts a sentence; {@code head}: prev is the text's first or second line, where a headline and
   * its standfirst stand.
   */
  private static boolean joins(String prev, boolean inside, boolean opens, boolean head, Line next, Layout layout) {
    String text = next.text();
    if (BULLET.matcher(text).find()) return false;
    if (NUMBERED.matcher(text).find()) return endsInFunctionWord(prev);
    if (!inside && Furniture.isFurniture(prev)) return false;
    // A line of its own that looks like furniture ("Foto: ...", "... Newsletter-Abonnement.") is the
    // rest of the sentence above only where a program wrapped it there for want of room.
    if (Furniture.isFurniture(text)) {
      return layout.fixedWidth() && layout.withinWidth(prev) && !TextCleaner.endsSentence(prev)
          && wouldNotFit(prev, text, layout);
    }
    boolean lower = startsLowerCase(text);
    boolean blank = next.blankBefore() && layout.blankLinesSeparateParagraphs();
    if (!TextCleaner.endsSentence(prev)) {
      if (lower || endsMidSentence(prev)) return true;
      if (blank) return false;
      // A paragraph's later line that ends mid-sentence goes on; so does its first line where the
      // text is hard-wrapped and the line is one of the wrapped lines (near the width, or too full
      // for the next word, or of one or two words followed by a wrapped line). The text's first two
      // lines are a headline and its standfirst unless their sentence visibly goes on (or, at a fixed
      // width, the next word had no room), and a line in capitals is a heading. Where a program
      // wrapped the text at a fixed width, a line within it goes on before a capitalized word only
      // if that word had no room on it: a sub-heading or a paragraph's unpunctuated last line ends
      // short of the width, however long it is.
      boolean fixed = layout.fixedWidth() && layout.withinWidth(prev);
      if (inside && !fixed) return true;
      if (!layout.hardWrapped() || isCapitals(prev)) return false;
      if (head && !inside) return fixed && wouldNotFit(prev, text, layout);
      return wouldNotFit(prev, text, layout)
          || opens && words(prev) <= 2 && text.length() >= 0.7 * layout.width() && layout.withinWidth(text)
              && !TextCleaner.endsSentence(text)
          || !fixed && prev.length() >= 0.7 * layout.width();
    }
    // A sentence ending at the line end: a paragraph ends unless the next word had no room on the line.
    return !blank && layout.hardWrapped() && prev.length() >= 0.8 * layout.width()
        && layout.withinWidth(prev) && wouldNotFit(prev, text, layout);
  }

  private static boolean wouldNotFit(String prev, String next, Layout layout) {
    return prev.length() + 1 + firstWordLength(next) > layout.width();
  }

  private static int firstWordLength(String line) {
    int space = line.indexOf(' ');
    return space < 0 ? line.length() : space;
  }

  /** Ends in a hyphen, comma, dash or function word: the sentence goes on. */
  private static boolean endsMidSentence(String line) {
    char end = line.charAt(line.length() - 1);
    if (end == ',' || end == '-' || end == '–' || end == '—' || end == '(') return true;
    return endsInFunctionWord(line);
  }

  /**
   * The last word is a function word, or the first word of a new sentence ("... kommen. Der"): a
   * sentence is never one word without its full stop. A line of one word may be a capitalized
   * function word ("Die" / "Pläne der ...").
   */
  private static boolean endsInFunctionWord(String line) {
    int space = line.lastIndexOf(' ');
    String last = line.substring(space + 1);
    if (FUNCTION_WORDS.contains(last)) return true;
    // "kommen. Der", not the ordinal of "ab 4. Mai"
    if (space > 1 && ".!?".indexOf(line.charAt(space - 1)) >= 0 && Character.isLetter(line.charAt(space - 2))
        && !last.isEmpty()
        && Character.isUpperCase(last.charAt(0)) && last.chars().allMatch(Character::isLetter)) {
      return true;
    }
    return space < 0 && !last.isEmpty() && Character.isUpperCase(last.charAt(0))
        && FUNCTION_WORDS.contains(Character.toLowerCase(last.charAt(0)) + last.substring(1));
  }

  private static int words(String line) {
    return line.split(" ").length;
  }

  private static boolean isCapitals(String line) {
    return line.codePoints().anyMatch(Character::isLetter) && line.codePoints().noneMatch(Character::isLowerCase);
  }

  private static boolean endsInAttachedHyphen(String line) {
    int n = line.length();
    return n >= 2 && line.charAt(n - 1) == '-' && Character.isLetterOrDigit(line.charAt(n - 2));
  }

  private static String firstWord(String line) {
    return line.substring(0, firstWordLength(line));
  }

  private static boolean endsInBrokenWord(String line) {
    int n = line.length();
    return n >= 2 && line.charAt(n - 1) == '-' && Character.isLowerCase(line.charAt(n - 2));
  }

  /** The first letter, after opening punctuation or a dash, is lower case. */
  private static boolean startsLowerCase(String text) {
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (Character.isLetter(c)) return Character.isLowerCase(c);
      if (Character.isDigit(c)) return false;
    }
    return false;
  }

  private static List<Line> lines(String text) {
    String normalized = text.replace("\r\n", "\n").replace('\r', '\n');
    List<Line> out = new ArrayList<>();
    boolean blank = false;
    for (String raw : normalized.split("\n")) {
      String line = SPACES.matcher(raw).replaceAll(" ").strip();
      if (line.isEmpty()) {
        blank = true;
      } else {
        out.add(new Line(line, blank));
        blank = false;
      }
    }
    return out;
  }

  /**
   * What the text as a whole says about its lines: whether it is hard-wrapped and at what width,
   * and whether a blank line marks a paragraph (it does not where one stands between nearly all
   * lines).
   */
  private record Layout(boolean hardWrapped, int width, boolean fixedWidth, boolean blankLinesSeparateParagraphs) {
    /** Not much longer than the wrap width: a line of the wrapped text, not a paragraph of its own. */
    boolean withinWidth(String line) {
      return line.length() <= 1.15 * width;
    }

    static Layout of(List<Line> lines) {
      int[] lengths = lines.stream().mapToInt(l -> l.text().length()).filter(n -> n >= 25 && n <= MAX_WIDTH).sorted().toArray();
      int width = lengths.length == 0 ? 0 : lengths[(int) Math.min(lengths.length - 1, Math.floor(lengths.length * 0.9))];
      int broken = 0;
      int blanks = 0;
      List<int[]> continued = new ArrayList<>(); // {length, next word's length} where a lower-case line follows
      for (int i = 0; i + 1 < lines.size(); i++) {
        String line = lines.get(i).text();
        String next = lines.get(i + 1).text();
        if (line.length() >= 25 && line.length() <= MAX_WIDTH && !TextCleaner.endsSentence(line)) {
          boolean lower = startsLowerCase(next);
          if (lower || endsMidSentence(line)) broken++;
          if (lower) continued.add(new int[] {line.length(), firstWordLength(next)});
        }
        if (lines.get(i + 1).blankBefore()) blanks++;
      }
      boolean wrapped = broken >= MIN_WRAPPED_LINES && broken >= MIN_WRAPPED_SHARE * lines.size();
      // A program wraps at a width W: its longest line broken mid-sentence, and almost no line so
      // broken had room for the next word. A browser's layout (proportional type) breaks lines
      // well short of that as often as not.
      int fixedWidth = continued.stream().mapToInt(c -> c[0]).filter(n -> n <= 1.15 * width).max().orElse(width);
      long full = continued.stream().filter(c -> c[0] + 1 + c[1] > fixedWidth).count();
      boolean fixed = wrapped && continued.size() >= MIN_WRAPPED_LINES && full >= MIN_FULL_SHARE * continued.size();
      boolean blankEverywhere = lines.size() >= 4 && blanks >= 0.6 * (lines.size() - 1);
      return new Layout(wrapped, fixed ? fixedWidth : width, fixed, !(wrapped && blankEverywhere));
    }
  }

}
