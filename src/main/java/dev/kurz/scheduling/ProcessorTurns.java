package dev.kurz.scheduling;

import java.util.concurrent.Semaphore;
import java.util.function.Supplier;

/**
 * Turns on the processors for an article's work before its request: reading the file, cleaning
 * it up, building the prompt. A batch runs more tasks than the machine has processors (one per
 * request slot and a few more); started together they would all read and prompt at once, sharing
 * the processors evenly, and the first request would go out only when nearly every task's was
 * ready. With turns at most one task per processor prepares at a time, in the order they asked,
 * so the first request leaves after one article's preparation and the others follow one by one.
 * A task's turn ends when its request starts waiting for a slot ({@link RequestLimiter#acquire})
 * or when the task ends (an answer from the cache). Web pages are fetched before the batch, so a
 * turn holds no network wait. Thread-safe.
 */
public final class ProcessorTurns {
  private final Semaphore turns;
  private final ThreadLocal<Boolean> holding = ThreadLocal.withInitial(() -> false);

  public ProcessorTurns(int processors) {
    turns = new Semaphore(Math.max(1, processors), true);
  }

  /** As many turns as this machine has processors. */
  public static ProcessorTurns ofThisMachine() {
    return new ProcessorTurns(Runtime.getRuntime().availableProcessors());
  }

  /** Runs {@code work} in a turn: waits for one, and ends it when the work ends, if it has not ended before. */
  public <T> T inTurn(Supplier<T> work) {
    turns.acquireUninterruptibly();
    holding.set(true);
    try {
      return work.get();
    } finally {
      end();
    }
  }

  /** Ends the calling thread's turn, if it holds one. */
  public void end() {
    if (holding.get()) {
      holding.set(false);
      turns.release();
    }
  }
}
