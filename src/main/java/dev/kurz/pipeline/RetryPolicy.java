package dev.kurz.pipeline;

import dev.kurz.llm.Backend;
import dev.kurz.llm.BackendException;
import dev.kurz.llm.LlmReply;
import dev.kurz.llm.LlmRequest;
import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;

/**
 * When to try a failed request again: rate limits and transient failures (5xx, timeouts, dropped
 * connections) up to {@code maxAttempts}, waiting what the server asked for (Retry-After) or an
 * exponential backoff with full jitter; never for other failures. Immutable.
 */
public record RetryPolicy(int maxAttempts, Duration baseDelay, Duration maxDelay) {
  public static final RetryPolicy DEFAULT = new RetryPolicy(6, Duration.ofMillis(500), Duration.ofSeconds(60));

  /** How long to wait before attempt {@code attempt + 1}, or null to give up. */
  public Duration delayAfter(int attempt, BackendException e) {
    if (attempt >= maxAttempts) return null;
    return switch (e.kind()) {
      case RATE_LIMITED, TRANSIENT -> {
        if (e.retryAfter() != null) {
          Duration asked = e.retryAfter();
          yield asked.compareTo(maxDelay) > 0 ? maxDelay : asked;
        }
        long cap = Math.min(maxDelay.toMillis(), baseDelay.toMillis() << Math.min(attempt - 1, 20));
        yield Duration.ofMillis(cap / 2 + ThreadLocalRandom.current().nextLong(cap / 2 + 1));
      }
      case AUTH, CONTEXT_LENGTH, MODEL_NOT_FOUND, UNREACHABLE, INVALID_REQUEST, CANCELLED -> null;
    };
  }

  /**
   * Sends the request, trying again after what {@link #delayAfter} says while it says to; the last
   * failure is thrown. Every model request of kurz (analysis, synthesis, translation) goes through
   * here.
   */
  public LlmReply complete(Backend backend, LlmRequest request, Sleeper sleeper)
      throws BackendException, InterruptedException {
    for (int attempt = 1; ; attempt++) {
      try {
        return backend.complete(request);
      } catch (BackendException e) {
        Duration wait = delayAfter(attempt, e);
        if (wait == null) throw e;
        sleeper.sleep(wait);
      }
    }
  }

  /** Sleeps; replaced in tests so no test waits on the wall clock. */
  @FunctionalInterface
  public interface Sleeper {
    void sleep(Duration d) throws InterruptedException;

    Sleeper REAL = d -> Thread.sleep(d.toMillis());
  }
}
