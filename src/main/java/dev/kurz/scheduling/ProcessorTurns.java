package dev.kurz.scheduling;

import java.util.concurrent.Semaphore;
import java.util.function.Supplier;

/**
 * Turns on the processors for an article's own work: reading the file, cleaning it up and building
 * the prompt before its request, and checking the answer after it. A batch runs more tasks than the
 * machine has processors (one per request slot and a few more). Started together, they would all
 * read and prompt at once, sharing the processors evenly, and the first request would go out only
 * when nearly every task's was ready; answers arriving together would all be checked at once, and
 * the thread that must send the next request into a freed slot would wait its share behind them.
 * With turns at most one task per processor works at a time, in the order they asked: the first
 * request leaves after one article's preparation, and a freed slot's next request meets at most
 * one check per processor. A task's turn ends when its request starts waiting for a slot
 * ({@link RequestLimiter.Slot#take}, at the wire or before the call) and is taken again when the
 * answer is in ({@link #resume}), and it ends with the task. Web pages are fetched before the batch, so a turn holds no network wait.
 * Thread-safe.
 */
public final class ProcessorTurns {
  private enum State { OUTSIDE, HOLDING, WAITING }

  private final Semaphore turns;
  private final ThreadLocal<State> state = ThreadLocal.withInitial(() -> State.OUTSIDE);

  public ProcessorTurns(int processors) {
    turns = new Semaphore(Math.max(1, processors), true);
  }

  /** As many turns as this machine has processors. */
  public static ProcessorTurns ofThisMachine() {
    return new ProcessorTurns(Runtime.getRuntime().availableProcessors());
  }

  /** Runs a task's {@code work} in turns: waits for one, and ends the one it holds when the work ends. */
  public <T> T inTurn(Supplier<T> work) {
    turns.acquireUninterruptibly();
    state.set(State.HOLDING);
    try {
      return work.get();
    } finally {
      end();
      state.remove();
    }
  }

  /** Ends the calling task's turn while it waits on something else (a request); nothing outside a task. */
  public void end() {
    if (state.get() == State.HOLDING) {
      state.set(State.WAITING);
      turns.release();
    }
  }

  /** Takes a turn again for the calling task after {@link #end} (its answer is in); nothing outside a task. */
  public void resume() {
    if (state.get() == State.WAITING) {
      turns.acquireUninterruptibly();
      state.set(State.HOLDING);
    }
  }
}
