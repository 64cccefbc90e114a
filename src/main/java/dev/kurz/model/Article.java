package dev.kurz.model;

import java.util.Objects;

/** One article's clean text, ready for the model, with what is known about its source. */
public record Article(Source source, String text) {
  public Article {
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(text, "text");
  }
}
