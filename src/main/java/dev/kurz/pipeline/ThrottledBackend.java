package dev.kurz.pipeline;

import dev.kurz.llm.Backend;
import dev.kurz.llm.BackendException;
import dev.kurz.llm.LlmReply;
import dev.kurz.llm.LlmRequest;
import dev.kurz.model.ModelRef;
import java.util.function.BooleanSupplier;

/**
 * A backend whose requests pass through the run's {@link RequestLimiter}: every attempt, first
 * try, retry or repair, waits for a slot and for room in the provider's budgets, and tells the
 * limiter how it went. After a failure that no other
 * request can escape (rejected key, unknown model, nothing listening), no further request is
 * sent: the rest fail at once with the same reason. Thread-safe.
 */
public final class ThrottledBackend implements Backend {
  private final Backend delegate;
  private final RequestLimiter limiter;
  private final BooleanSupplier cancelled;
  private volatile BackendException fatal;

  /** {@code cancelled} is asked before each request is sent: once true, nothing more goes out. */
  public ThrottledBackend(Backend delegate, RequestLimiter limiter, BooleanSupplier cancelled) {
    this.delegate = delegate;
    this.limiter = limiter;
    this.cancelled = cancelled;
  }

  @Override
  public ModelRef model() {
    return delegate.model();
  }

  @Override
  public LlmReply complete(LlmRequest request) throws BackendException {
    RequestLimiter.Permit permit;
    try {
      permit = limiter.acquire(request);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new BackendException(BackendException.Kind.TRANSIENT, 0, null, "interrupted", e);
    }
    try {
      if (cancelled.getAsBoolean()) throw new BackendException(BackendException.Kind.CANCELLED, "not sent: interrupted");
      BackendException stop = fatal;
      if (stop != null) {
        throw new BackendException(stop.kind(), stop.httpStatus(), null, "not attempted: " + stop.getMessage(), null);
      }
      LlmReply reply = delegate.complete(request);
      limiter.onAnswer(permit, reply.usage());
      return reply;
    } catch (BackendException e) {
      if (e.fatal() && fatal == null) fatal = e; // before the slot is freed for the next request
      if (e.kind() == BackendException.Kind.RATE_LIMITED) limiter.onRateLimited(permit, e.retryAfter());
      else limiter.onOther(permit);
      throw e;
    } catch (RuntimeException e) {
      limiter.onOther(permit);
      throw e;
    }
  }

  public RequestLimiter limiter() {
    return limiter;
  }
}
