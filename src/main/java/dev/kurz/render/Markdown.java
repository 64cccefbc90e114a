package dev.kurz.render;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Text from articles and models made safe for CommonMark: what would be markup there (emphasis,
 * links, code, raw HTML such as {@code <script>}, entities such as {@code &lt;script&gt;}, a line
 * that would start a heading, list or quote) is backslash-escaped, so every renderer shows it as
 * the characters it is and never as live HTML. Plain characters stay as they are, for a reader
 * at a terminal. Stateless.
 */
final class Markdown {
  /** Inline markup: emphasis, code, links and images, raw HTML, backslashes. */
  private static final Pattern INLINE = Pattern.compile("[\\\\`*_\\[\\]<>]");

  /** An entity or character reference, which CommonMark would decode. */
  private static final Pattern ENTITY = Pattern.compile("&(?=#?[A-Za-z0-9]+;)");

  /** What starts a block at the start of a line: heading, quote, list item, thematic break, table. */
  private static final Pattern BLOCK_START = Pattern.compile("^(\\s*)(#|>|[-+=~|]|\\d{1,9}(?=[.)]))");

  /** Quotation marks a title may come wrapped in. */
  private static final String QUOTES = "\"'„“”‚‘’«»‹›";

  private Markdown() {}

  /** One line of inline text: whitespace runs become one space, markup is escaped. */
  static String inline(String s) {
    if (s == null) return "";
    // Control sequences go before escaping, which would otherwise split them ("ESC \\]") where the
    // output stream's filter no longer recognizes them.
    String line = TerminalSafeStream.clean(s).replaceAll("\\s+", " ").strip();
    return escapeLineStart(escapeInline(line));
  }

  /** Paragraphs (summary, synthesis): blank lines kept as paragraph breaks, every line escaped. */
  static String block(String s) {
    if (s == null) return "";
    StringBuilder b = new StringBuilder();
    for (String paragraph : s.strip().split("\\n\\s*\\n")) {
      if (!b.isEmpty()) b.append("\n\n");
      b.append(inline(paragraph));
    }
    return b.toString();
  }

  /** A title set in quotation marks once, however the source quoted it already. */
  static String quotedTitle(String title) {
    return "\"" + inline(unquoted(title)) + "\"";
  }

  /** The text without one pair of quotation marks around all of it ("„Die Vernunft hat gesiegt“"). */
  static String unquoted(String s) {
    String t = s == null ? "" : s.strip();
    while (t.length() >= 2 && QUOTES.indexOf(t.charAt(0)) >= 0 && QUOTES.indexOf(t.charAt(t.length() - 1)) >= 0
        && t.substring(1, t.length() - 1).chars().noneMatch(c -> QUOTES.indexOf(c) >= 0)) {
      t = t.substring(1, t.length() - 1).strip();
    }
    return t;
  }

  private static String escapeInline(String s) {
    String escaped = INLINE.matcher(s).replaceAll(m -> Matcher.quoteReplacement("\\" + m.group()));
    return ENTITY.matcher(escaped).replaceAll(Matcher.quoteReplacement("\\&"));
  }

  private static String escapeLineStart(String line) {
    Matcher m = BLOCK_START.matcher(line);
    if (!m.find()) return line;
    String marker = m.group(2);
    if (Character.isDigit(marker.charAt(0))) {
      // "2024. Das Jahr" would start an ordered list: escape the period after the number.
      int after = m.end(2);
      return line.substring(0, after) + "\\" + line.substring(after);
    }
    return m.group(1) + "\\" + line.substring(m.start(2));
  }
}
