package dev.kurz.pipeline;

import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * How many model requests may be in flight, adapting to the provider's push-back. Starts at the
 * user's maximum; a rate-limit answer lowers the limit to one below the number of requests that
 * were in flight when the rejected one was sent, and halves it when rejections keep coming at
 * that level. Rejections of requests sent before the last decrease are the same burst and change
 * nothing more (one decrease per round, as in TCP). Every {@code limit} successes without a
 * rejection probe one step higher (additive increase), never above the maximum. So a server that
 * takes 8 concurrent requests settles the limit at 8 whatever the user asked for above it.
 * Thread-safe.
 */
public final class AdaptiveLimiter {
  private final int max;
  private final ReentrantLock lock = new ReentrantLock();
  private final Condition freed = lock.newCondition();
  private int limit;
  private int inFlight;
  private int successes;
  private int rejectionsInARow;
  private long generation;

  /** What {@link #acquire} hands out and the outcome calls take back. */
  public record Ticket(int inFlight, long generation) {}

  public AdaptiveLimiter(int max) {
    if (max < 1) throw new IllegalArgumentException("max must be at least 1");
    this.max = max;
    this.limit = max;
  }

  /** Waits for a slot; the ticket says how many requests were in flight including this one. */
  public Ticket acquire() throws InterruptedException {
    lock.lockInterruptibly();
    try {
      while (inFlight >= limit) freed.await();
      return new Ticket(++inFlight, generation);
    } finally {
      lock.unlock();
    }
  }

  /** A request succeeded (or failed for a reason that says nothing about load). */
  public void onSuccess() {
    lock.lock();
    try {
      release();
      rejectionsInARow = 0;
      if (++successes >= limit && limit < max) {
        limit++;
        successes = 0;
        freed.signal();
      }
    } finally {
      lock.unlock();
    }
  }

  /** The provider said "too many" to the request holding {@code ticket}. */
  public void onRateLimited(Ticket ticket) {
    lock.lock();
    try {
      release();
      successes = 0;
      // A request sent before the last decrease belongs to a burst already accounted for.
      if (ticket.generation() == generation) {
        rejectionsInARow++;
        int lowered = rejectionsInARow > 3 ? limit / 2 : ticket.inFlight() - 1;
        limit = Math.max(1, Math.min(limit, lowered));
        generation++;
      }
    } finally {
      lock.unlock();
    }
  }

  /** A request ended without telling anything about load (transport error, bad answer). */
  public void onOther() {
    lock.lock();
    try {
      release();
    } finally {
      lock.unlock();
    }
  }

  public int limit() {
    lock.lock();
    try {
      return limit;
    } finally {
      lock.unlock();
    }
  }

  private void release() {
    inFlight--;
    freed.signal();
  }
}
