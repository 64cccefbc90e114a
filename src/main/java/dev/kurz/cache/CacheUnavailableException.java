package dev.kurz.cache;

/**
 * The cache cannot be used at all: its folder cannot be created or written, or the file belongs to
 * a newer kurz. The message is one line naming the path; callers typically warn and run without a
 * cache.
 */
public final class CacheUnavailableException extends Exception {
  private static final long serialVersionUID = 1L;

  public CacheUnavailableException(String message) {
    super(message);
  }

  public CacheUnavailableException(String message, Throwable cause) {
    super(message, cause);
  }
}
