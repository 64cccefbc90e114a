package dev.kurz.llm;

import dev.kurz.model.ModelRef;

/**
 * A backend built on its first request, so a run whose answers all come from the cache never
 * loads the provider's client (nor needs its key). A run that will send requests can have it built
 * ahead ({@link #prepare}), while it reads its inputs. A failure to build is the first request's
 * failure, and every later one's. Thread-safe.
 */
public final class LazyBackend implements Backend {
  /** Builds the real backend; fails with a {@link BackendException} (e.g. AUTH for a missing key). */
  @FunctionalInterface
  public interface Factory {
    Backend create() throws BackendException;
  }

  private final ModelRef model;
  private final Factory factory;
  private Backend backend;
  private BackendException failure;

  public LazyBackend(ModelRef model, Factory factory) {
    this.model = model;
    this.factory = factory;
  }

  @Override
  public ModelRef model() {
    return model;
  }

  @Override
  public LlmReply complete(LlmRequest request) throws BackendException {
    return backend().complete(request);
  }

  /**
   * Starts building the backend on a background thread, so the first request does not wait for
   * the provider's client (class loading, most of a second on a busy machine). A failure is kept
   * for the first request, as without this.
   */
  public void prepare() {
    Thread.ofPlatform().daemon().name("kurz-backend").start(() -> {
      try {
        backend();
      } catch (BackendException | RuntimeException e) {
        // the first request reports it (a RuntimeException is built again there and thrown)
      }
    });
  }

  private synchronized Backend backend() throws BackendException {
    if (failure != null) throw failure;
    if (backend == null) {
      try {
        backend = factory.create();
      } catch (BackendException e) {
        failure = e;
        throw e;
      }
    }
    return backend;
  }
}
