package dev.kurz.scheduling;

import dev.kurz.llm.Backend;
import dev.kurz.llm.BackendException;
import dev.kurz.llm.LlmReply;
import dev.kurz.llm.LlmRequest;
import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Consumer;

/**
 * When to try a failed request again: rate limits and transient failures (5xx, timeouts, dropped
 * connections) up to {@code maxAttempts}, waiting what the server asked for (Retry-After) or an
 * exponential backoff with full jitter; never for other failures. No single wait is longer than
 * {@code maxDelay}, and one request waits {@code deadline} at most in all: a server that asks for
 * more (an absurd {@code Retry-After: 1e9}) fails the request at once, saying why, instead of
 * stalling the run. Waits of a second or more are told to {@code notices} (stderr), with the
 * reason. Immutable.
 */
public record RetryPolicy(int maxAttempts, Duration baseDelay, Duration maxDelay, Duration deadline, Consumer<String> notices) {
  public static final RetryPolicy DEFAULT =
      new RetryPolicy(6, Duration.ofMillis(500), Duration.ofSeconds(60), Duration.ofMinutes(5), s -> {});

  /** The same policy, telling its waits to {@code notices}. */
  public RetryPolicy withNotices(Consumer<String> notices) {
    return new RetryPolicy(maxAttempts, baseDelay, maxDelay, deadline, notices);
  }

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
   * Sends the request, trying again after what {@link #delayAfter} says while it says to and the
   * deadline allows; the last failure is thrown. Every model request of kurz (analysis, synthesis,
   * translation) goes through here.
   */
  public LlmReply complete(Backend backend, LlmRequest request, Sleeper sleeper)
      throws BackendException, InterruptedException {
    Duration waited = Duration.ZERO;
    for (int attempt = 1; ; attempt++) {
      try {
        return backend.complete(request);
      } catch (BackendException e) {
        Duration wait = delayAfter(attempt, e);
        if (wait == null) throw e;
        Duration left = deadline.minus(waited);
        if (e.retryAfter() != null && e.retryAfter().compareTo(left) > 0) {
          if (e.httpStatus() == 0) throw e; // the limiter's own verdict, already saying why
          throw new BackendException(e.kind(), e.httpStatus(), e.retryAfter(), e.getMessage() + "; the server asks to wait "
              + Waits.describe(e.retryAfter()) + ", more than the " + Waits.describe(left)
              + " left of the " + Waits.describe(deadline) + " kurz waits for one request: given up", e);
        }
        if (wait.compareTo(left) > 0) throw e;
        if (wait.compareTo(Duration.ofSeconds(1)) >= 0) {
          boolean capped = e.retryAfter() != null && e.retryAfter().compareTo(wait) > 0;
          notices.accept("waiting " + Waits.describe(wait) + " before attempt " + (attempt + 1) + " of " + maxAttempts
              + ": " + e.getMessage() + (e.retryAfter() == null ? "" : capped
                  ? " (the server asks for " + Waits.describe(e.retryAfter()) + "; kurz waits at most " + Waits.describe(maxDelay) + " at a time)"
                  : " (the server asked for " + Waits.describe(e.retryAfter()) + ")"));
        }
        sleeper.sleep(wait);
        waited = waited.plus(wait);
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
