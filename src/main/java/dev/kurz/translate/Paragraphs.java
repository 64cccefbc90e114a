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

  /** At most 12 words and 100 characters, not ending like a sentence or a quotation. */
  static boolean looksLikeHeading(String text) {
    if (text.length() > 100 || text.split(" ").length > 12) return false;
    char last = text.charAt(text.length() - 1);
    return ".!?:;,…\"“”»«'’)".indexOf(last) < 0;
  }

  private static String clean(String s) {
    return SPACES.matcher(s).replaceAll(" ").strip();
  }
}
