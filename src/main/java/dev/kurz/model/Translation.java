package dev.kurz.model;

import java.util.List;
import java.util.Objects;

/**
 * One article translated paragraph for paragraph: each paragraph holds its source text and its
 * translation, in the article's order (the title first, when the article has one). {@code chunks}
 * counts the requests the article was split into, {@code cachedChunks} those answered from the
 * cache; {@code usage} covers only the requests actually sent. {@code warnings} are for the reader
 * (name forms of the source language left in the translation, ...).
 */
public record Translation(
    Source source,
    String sourceLanguage,
    String targetLanguage,
    List<Paragraph> paragraphs,
    ModelRef model,
    Usage usage,
    int chunks,
    int cachedChunks,
    List<String> warnings) {

  public Translation {
    Objects.requireNonNull(source, "source");
    paragraphs = List.copyOf(paragraphs);
    warnings = List.copyOf(warnings);
  }

  /** What a paragraph is in the article, so renderers keep its role. */
  public enum Kind { TITLE, HEADING, TEXT }

  public record Paragraph(Kind kind, String source, String text) {
    public Paragraph {
      Objects.requireNonNull(kind, "kind");
      Objects.requireNonNull(source, "source");
      Objects.requireNonNull(text, "text");
    }
  }

  /** Whether every request was answered from the cache. */
  public boolean cached() {
    return chunks > 0 && cachedChunks == chunks;
  }
}
