package dev.kurz.cache;

/**
 * An operation on an open cache failed (disk full, I/O error, still locked by another process
 * after waiting and retrying). Unchecked: callers that can live without the cache catch it at the
 * call site and carry on uncached.
 */
public final class CacheException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public CacheException(String message, Throwable cause) {
    super(message, cause);
  }
}
