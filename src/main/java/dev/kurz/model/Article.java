package dev.kurz.model;

import java.util.Objects;

/** One article's clean text, ready for the model, with what is known about its source. */
public record Article(Source source, String text) {
  public Article {
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(text, "text");
  }

  /**
   * What a claim's quote is grounded in and what its offsets index: the title, a blank line, then
   * the text; the text alone when there is no title. A quote from the headline is a quote from
   * the article.
   */
  public String fullText() {
    String title = source.title();
    return title == null || title.isBlank() ? text : title.strip() + "\n\n" + text;
  }
}
