package dev.kurz.scheduling;

import dev.kurz.llm.Backend;
import dev.kurz.llm.BackendException;
import dev.kurz.llm.LlmReply;
import dev.kurz.llm.LlmRequest;
import dev.kurz.model.ModelRef;
import java.util.function.BooleanSupplier;

/**
 * A backend whose requests pass through the run's {@link RequestLimiter}: every attempt, first
 * try, retry or repair, waits for a slot and for room in the provider's budgets (at the wire, built,
 * where the limiter's interceptor is on the way: {@link RequestLimiter.Slot}), and tells the
 * limiter how it went. A request rejected for overshooting a concurrency limit (no budget headers,
 * others still in flight) is sent again as soon as one of those ends, up to {@value #AT_ONCE} times,
 * instead of waiting the server's Retry-After: that wait would leave the freed slot idle. Other
 * rejections go back to the {@link RetryPolicy}. After a failure that no other
 * request can escape (rejected key, unknown model, nothing listening), no further request is
 * sent: the rest fail at once with the same reason. Thread-safe.
 */
public final class ThrottledBackend implements Backend {
  /** Sends again at once per call, after overshooting a concurrency limit. */
  static final int AT_ONCE = 3;

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
    long after = -1;
    for (int again = 0; ; again++) {
      try {
        return send(request, after);
      } catch (Overshot o) {
        if (again >= AT_ONCE) throw o.rejection;
        after = o.ended;
      }
    }
  }

  private LlmReply send(LlmRequest request, long after) throws BackendException, Overshot {
    try (RequestLimiter.Slot slot = limiter.slot(request, after, this::refusal)) {
      try {
        if (!limiter.atTheWire()) slot.take();
        LlmReply reply = delegate.complete(request);
        slot.answered(reply.usage());
        // The slot is free for the next request; this answer is checked in its task's turn.
        limiter.turns().resume();
        return reply;
      } catch (BackendException e) {
        BackendException failure = slot.failure(e);
        if (failure.fatal() && fatal == null) fatal = failure; // before the slot is freed for the next request
        if (failure.kind() != BackendException.Kind.RATE_LIMITED) slot.other();
        else {
          long ended = slot.rateLimited(failure.retryAfter());
          if (ended >= 0) throw new Overshot(failure, ended);
        }
        throw failure;
      }
      // Whatever else goes wrong, closing the slot frees it: a StackOverflowError in one article
      // must not leave the others waiting for a slot forever.
    }
  }

  /** Why a request whose slot is taken must not go after all: the run was interrupted, or a fatal failure came first. */
  private BackendException refusal() {
    if (cancelled.getAsBoolean()) return new BackendException(BackendException.Kind.CANCELLED, "not sent: interrupted");
    BackendException stop = fatal;
    if (stop == null) return null;
    return new BackendException(stop.kind(), stop.httpStatus(), null, "not attempted: " + stop.getMessage(), null);
  }

  /** A rejection for overshooting the concurrency limit: to be sent again once a slot frees. */
  private static final class Overshot extends Exception {
    final BackendException rejection;
    final long ended;

    Overshot(BackendException rejection, long ended) {
      super(null, null, false, false);
      this.rejection = rejection;
      this.ended = ended;
    }
  }

  public RequestLimiter limiter() {
    return limiter;
  }
}
