package dev.kurz.llm;

import java.time.Duration;

/**
 * A request that did not produce an answer. The message is safe to print: it never holds an API
 * key. {@link #kind()} decides retrying: {@code RATE_LIMITED} and {@code TRANSIENT} may be retried,
 * {@code CONTEXT_LENGTH} calls for a shorter input, the rest stop.
 */
public final class BackendException extends Exception {
  private static final long serialVersionUID = 1L;

  public enum Kind {
    /** 401/403: the key is missing, wrong or lacks permission. Stops the whole run. */
    AUTH,
    /** 429 or the provider's rate-limit error; {@link #retryAfter()} when the server said. */
    RATE_LIMITED,
    /** 5xx, timeouts, dropped or reset connections: worth another try. */
    TRANSIENT,
    /** The input exceeds the model's context window. */
    CONTEXT_LENGTH,
    /** The model name is unknown to the server. Stops the whole run. */
    MODEL_NOT_FOUND,
    /** Nothing listens at the configured address. Stops the whole run. */
    UNREACHABLE,
    /** Any other refusal of this request (400, content filter, empty answer). */
    INVALID_REQUEST,
    /** Not sent: the run was cancelled (Ctrl-C) before this request's turn came. */
    CANCELLED
  }

  private final Kind kind;
  private final int httpStatus;
  private final Duration retryAfter;

  public BackendException(Kind kind, int httpStatus, Duration retryAfter, String message, Throwable cause) {
    super(message, cause);
    this.kind = kind;
    this.httpStatus = httpStatus;
    this.retryAfter = retryAfter;
  }

  public BackendException(Kind kind, String message) {
    this(kind, 0, null, message, null);
  }

  public Kind kind() {
    return kind;
  }

  /** The HTTP status code, or 0 when no response arrived. */
  public int httpStatus() {
    return httpStatus;
  }

  /** How long the server asked to wait (Retry-After or rate-limit reset headers), or null. */
  public Duration retryAfter() {
    return retryAfter;
  }

  /** Whether this failure stops every article, not just the current one. */
  public boolean fatal() {
    return kind == Kind.AUTH || kind == Kind.MODEL_NOT_FOUND || kind == Kind.UNREACHABLE;
  }
}
