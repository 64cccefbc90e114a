package dev.kurz.scheduling;

import dev.kurz.llm.Backend;
import dev.kurz.llm.BackendException;
import dev.kurz.llm.LlmReply;
import dev.kurz.llm.LlmRequest;
import dev.kurz.model.ModelRef;

/**
 * Sends each request through its {@link RetryPolicy}: the outermost step of the run's backend, so
 * every attempt passes the throttle again. Thread-safe when the backend it wraps is.
 */
public final class RetryingBackend implements Backend {
  private final Backend delegate;
  private final RetryPolicy policy;
  private final RetryPolicy.Sleeper sleeper;

  public RetryingBackend(Backend delegate, RetryPolicy policy, RetryPolicy.Sleeper sleeper) {
    this.delegate = delegate;
    this.policy = policy;
    this.sleeper = sleeper;
  }

  @Override
  public ModelRef model() {
    return delegate.model();
  }

  @Override
  public LlmReply complete(LlmRequest request) throws BackendException {
    try {
      return policy.complete(delegate, request, sleeper);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new BackendException(BackendException.Kind.CANCELLED, "interrupted");
    }
  }
}
