package dev.kurz.scheduling;

import dev.kurz.model.Outcome;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Runs one task per input with at most {@code concurrency} in flight, and hands outcomes to
 * {@code emit} in input order as soon as each one and all before it are finished (so results
 * stream out while later articles are still being answered). Each input's failure is its own; a
 * failure that stops the backend for everyone ({@link Outcome.Failure#BACKEND}) stops the inputs
 * not yet started, which are reported as not attempted; so does cancellation (Ctrl-C), after
 * which the inputs in flight still finish and are kept. Not reusable across runs.
 */
public final class BatchRunner {
  /** Hears about every finished input, in the order they finish; called from worker threads, serially. */
  public interface Listener {
    void finished(Outcome outcome, int done, int total);
  }

  private final int concurrency;
  private final BooleanSupplier cancelled;
  private final Listener listener;

  public BatchRunner(int concurrency, BooleanSupplier cancelled, Listener listener) {
    if (concurrency < 1) throw new IllegalArgumentException("concurrency must be at least 1");
    this.concurrency = concurrency;
    this.cancelled = cancelled;
    this.listener = listener;
  }

  public BatchRunner(int concurrency) {
    this(concurrency, () -> false, (o, d, t) -> {});
  }

  public List<Outcome> run(List<String> inputs, Function<String, Outcome> task, Consumer<Outcome> emit)
      throws InterruptedException {
    int n = inputs.size();
    Outcome[] done = new Outcome[n];
    Object lock = new Object();
    int[] next = {0};
    int[] finished = {0};
    String[] fatal = {null};
    Semaphore permits = new Semaphore(concurrency);
    // Platform threads, not virtual ones: with two cores, CPU-bound work (validation, grounding) on
    // the few carrier threads held back the threads waiting to send the next requests; the OS
    // scheduler time-slices platform threads, so requests go out as soon as a slot frees.
    try (ExecutorService pool = Executors.newFixedThreadPool(Math.min(concurrency, Math.max(1, n)),
        Thread.ofPlatform().daemon().name("kurz-article-", 1).factory())) {
      for (int i = 0; i < n; i++) {
        permits.acquire();
        final int index = i;
        pool.submit(() -> {
          Outcome outcome;
          try {
            String reason;
            synchronized (lock) {
              reason = fatal[0];
            }
            if (cancelled.getAsBoolean()) {
              outcome = new Outcome.Failed(inputs.get(index), "not started: interrupted", Outcome.Failure.INTERRUPTED);
            } else if (reason != null) {
              outcome = new Outcome.Failed(inputs.get(index), "not attempted: " + reason, Outcome.Failure.BACKEND);
            } else {
              outcome = task.apply(inputs.get(index));
            }
          } catch (RuntimeException | Error e) {
            // One slot's failure, an OutOfMemoryError or StackOverflowError included, is that
            // input's alone: the slot always gets an outcome, so the inputs after it still emit.
            outcome = new Outcome.Failed(inputs.get(index), failureLine(e), Outcome.Failure.ANSWER);
          }
          try {
            synchronized (lock) {
              // Recorded before the permit is released, so the next input sees a fatal failure.
              if (outcome instanceof Outcome.Failed f && f.kind() == Outcome.Failure.BACKEND && fatal[0] == null) {
                fatal[0] = f.message().replaceFirst("^not attempted: ", "");
              }
              done[index] = outcome;
              listener.finished(outcome, ++finished[0], n);
              while (next[0] < n && done[next[0]] != null) emit.accept(done[next[0]++]);
            }
          } finally {
            permits.release();
          }
        });
      }
    }
    return List.of(done);
  }

  private static String failureLine(Throwable e) {
    if (e instanceof OutOfMemoryError) return "out of memory while processing this input (" + e.getMessage() + "); the others go on";
    if (e instanceof StackOverflowError) return "internal error: stack overflow while processing this input";
    return "internal error: " + e;
  }
}
