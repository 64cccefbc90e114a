package dev.kurz.ingest;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Where fetched pages are kept between runs, so a re-run revalidates (ETag, Last-Modified) instead
 * of downloading again. Implementations never fail a fetch: a broken store behaves as empty.
 * Thread-safe.
 */
public interface PageCache {
  /** Keeps nothing. */
  PageCache NONE = new PageCache() {
    @Override
    public Optional<Stored> get(String url) {
      return Optional.empty();
    }

    @Override
    public void put(String url, Stored page) {}
  };

  Optional<Stored> get(String url);

  void put(String url, Stored page);

  /**
   * A page as it was last downloaded.
   *
   * @param url the address finally read (after redirects)
   * @param contentType the Content-Type header, or null
   * @param etag the ETag header, or null
   * @param lastModified the Last-Modified header, or null
   * @param redirects the addresses passed on the way, first (requested) to last (excluding {@code url})
   */
  record Stored(String url, String contentType, String etag, String lastModified, List<String> redirects, byte[] body) {
    public Stored {
      Objects.requireNonNull(url, "url");
      Objects.requireNonNull(body, "body");
      redirects = List.copyOf(redirects);
    }

    boolean revalidatable() {
      return etag != null || lastModified != null;
    }
  }
}
