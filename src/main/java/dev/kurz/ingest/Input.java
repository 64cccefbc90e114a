package dev.kurz.ingest;

import dev.kurz.model.Article;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * One input after resolution ({@link InputResolver}): what {@link ArticleReader#read(Input)} turns
 * into an article. Files and standard input are read when their turn comes; web pages and feed items
 * are fetched and extracted during resolution (to tell feeds from pages and drop duplicates), so
 * they arrive {@link Ready} or {@link Unreadable}.
 */
public sealed interface Input {
  /** How the user (or the feed) named the input: a path, {@code -}, a URL. Unique within one resolution. */
  String label();

  /** Standard input. */
  record Stdin() implements Input {
    @Override
    public String label() {
      return "-";
    }
  }

  /** A local file: text, Markdown, HTML or PDF. */
  record LocalFile(String label, Path path) implements Input {
    public LocalFile {
      Objects.requireNonNull(label, "label");
      Objects.requireNonNull(path, "path");
    }
  }

  /**
   * An article already read (a fetched page, a feed item).
   *
   * @param removed what cleanup dropped, in order
   */
  record Ready(String label, Article article, List<String> removed) implements Input {
    public Ready {
      Objects.requireNonNull(label, "label");
      Objects.requireNonNull(article, "article");
      removed = List.copyOf(removed);
    }
  }

  /** An input that failed before reading: a missing path, an empty folder, a 404, a broken feed. */
  record Unreadable(String label, String message) implements Input {
    public Unreadable {
      Objects.requireNonNull(label, "label");
      Objects.requireNonNull(message, "message");
    }
  }
}
