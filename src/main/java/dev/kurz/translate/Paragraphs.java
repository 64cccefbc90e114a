package dev.kurz.translate;

import dev.kurz.model.Article;
import dev.kurz.model.Translation.Kind;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * An article as the paragraphs a translation keeps aligned: the title (when the reader found one),
 * then every non-blank line of the cleaned text (the reader has already joined hard-wrapped lines,
 * so a line is a paragraph). Short unpunctuated lines count as headings.
 */
public final class Paragraphs {
  private static final Pattern LINES = Pattern.compile("\\s*\\n\\s*");
  private static final Pattern SPACES = Pattern.compile("[ \\t\\u00A0]+");

  /** A paragraph of the source and its role. */
  public record Part(Kind kind, String text) {}

  private Paragraphs() {}

  public static List<Part> of(Article article) {
    List<Part> out = new ArrayList<>();
    String title = article.source().title();
    if (title != null && !title.isBlank()) out.add(new Part(Kind.TITLE, clean(title)));
    for (String line : LINES.split(article.text().strip())) {
      String text = clean(line);
      if (!text.isEmpty()) out.add(new Part(looksLikeHeading(text) ? Kind.HEADING : Kind.TEXT, text));
    }
    return out;
  }

  /**
   * At most 12 words and 100 characters, not ending like a sentence: a sub-heading. A short
   * question without a speaker ("Was ändert sich für Mieter?") and a short quotation standing alone
   * ("„Wir haben es im Griff“") are sub-headings too; a sentence that ends in a quotation is not.
   */
  static boolean looksLikeHeading(String text) {
    int words = text.split(" ").length;
    if (text.length() > 100 || words > 12) return false;
    char last = text.charAt(text.length() - 1);
    if (last == '?' && words <= 8 && text.indexOf(':') < 0 && text.indexOf(',') < 0) return true;
    if (isWholeQuotation(text) && words <= 10) return true;
    return ".!?:;,…\"“”»«'’)".indexOf(last) < 0;
  }

  /** The line is one quotation, its inside not ending in sentence punctuation: „Wir haben es im Griff“. */
  private static boolean isWholeQuotation(String text) {
    if (text.length() < 4 || "„“\"»«".indexOf(text.charAt(0)) < 0 || "“”\"«»".indexOf(text.charAt(text.length() - 1)) < 0) {
      return false;
    }
    String inside = text.substring(1, text.length() - 1);
    return !inside.isBlank() && inside.chars().noneMatch(c -> "„“”\"»«".indexOf(c) >= 0)
        && ".!?,;:…".indexOf(inside.charAt(inside.length() - 1)) < 0;
  }

  private static String clean(String s) {
    return SPACES.matcher(s).replaceAll(" ").strip();
  }
}
