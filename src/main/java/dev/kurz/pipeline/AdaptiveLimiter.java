package dev.kurz.pipeline;

import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * How many model requests may be in flight, adapting to the provider's push-back. Starts at the
 * user's maximum; a rate-limit answer lowers the limit below the number of requests that were in
 * flight when it was sent (halving when rejections keep coming within the new limit), and every {@code 2 x
 * limit} successes without one probe one step higher again (additive increase), never above the
 * maximum. So a server that allows 8 concurrent requests settles the limit at 8 whatever the user
 * asked for above it. Thread-safe.
 */
public final class AdaptiveLimiter {
  private final int max;
  private final ReentrantLock lock = new ReentrantLock();
  private final Condition freed = lock.newCondition();
  private int limit;
  private int inFlight;
  private int successes;
  private int rejectionsInARow;

  public AdaptiveLimiter(int max) {
    if (max < 1) throw new IllegalArgumentException("max must be at least 1");
    this.max = max;
    this.limit = max;
  }

  /** Waits for a slot; returns how many requests were in flight including this one. */
  public int acquire() throws InterruptedException {
    lock.lockInterruptibly();
    try {
      while (inFlight >= limit) freed.await();
      return ++inFlight;
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
      if (++successes >= 2 * limit && limit < max) {
        limit++;
        successes = 0;
        freed.signal();
      }
    } finally {
      lock.unlock();
    }
  }

  /** The provider said "too many": {@code inFlightWhenSent} is what {@link #acquire} returned. */
  public void onRateLimited(int inFlightWhenSent) {
    lock.lock();
    try {
      release();
      successes = 0;
      // A request sent above the current limit belongs to a burst already accounted for.
      if (inFlightWhenSent <= limit) {
        rejectionsInARow++;
        int lowered = rejectionsInARow > 2 ? limit / 2 : inFlightWhenSent - 1;
        limit = Math.max(1, Math.min(limit, lowered));
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
