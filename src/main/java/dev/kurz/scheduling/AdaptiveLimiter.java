package dev.kurz.scheduling;

import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * How many model requests may be in flight, adapting to the provider's push-back. Starts at the
 * user's maximum. A rate-limit answer that comes back while other requests of this run are still
 * in flight says "over by what is in flight": the server is serving what kurz still has out, so the
 * limit drops to that count (never a halving, and never by the rejected request's place in the
 * order kurz sent them: a burst reaches the server in another order). It is an overestimate
 * only by requests the server is about to reject too, and each of those lowers it further; the
 * rejected request goes again as soon as one of the others ends ({@link #acquire(long)} waits for
 * that), instead of after the server's Retry-After. A rejection with nothing else in flight is no
 * concurrency limit (requests per minute, other clients): classic AIMD, one below what was in
 * flight when it was sent, halving when rejections keep coming, one decrease per round as in TCP.
 * While every slot is busy, {@code limit} successes in a row probe one step higher (additive
 * increase), never above the maximum. A rejection while probing returns the limit to the level
 * that held and doubles the wait before the next probe; a probe that holds halves it again. No
 * probing while slots are free: near the end of a batch a probe would tell nothing. Thread-safe.
 */
public final class AdaptiveLimiter {
  private static final int MAX_PROBE_SPACING = 16;

  private final int max;
  private final ReentrantLock lock = new ReentrantLock();
  private final Condition freed = lock.newCondition();
  private int limit;
  private int inFlight;
  private int successes;
  private int rejectionsInARow;
  private long generation;
  private int probeSpacing = 1;
  private boolean rejectedSinceProbe;
  private int probedFrom;
  private long ended;

  /** What {@link #acquire} hands out and the outcome calls take back. */
  public record Ticket(int inFlight, long generation) {}

  public AdaptiveLimiter(int max) {
    if (max < 1) throw new IllegalArgumentException("max must be at least 1");
    this.max = max;
    this.limit = max;
    this.probedFrom = max;
  }

  /** Waits for a slot; the ticket says how many requests were in flight including this one. */
  public Ticket acquire() throws InterruptedException {
    return acquire(-1);
  }

  /** Waits for a slot, and for more than {@code ended} requests to have ended (what {@link #onRateLimited} said). */
  public Ticket acquire(long ended) throws InterruptedException {
    lock.lockInterruptibly();
    try {
      while (inFlight >= limit || this.ended <= ended) freed.await();
      return new Ticket(++inFlight, generation);
    } finally {
      lock.unlock();
    }
  }

  /** A request succeeded (or failed for a reason that says nothing about load). */
  public void onSuccess() {
    lock.lock();
    try {
      boolean saturated = inFlight >= limit;
      release();
      rejectionsInARow = 0;
      if (saturated && limit < max && ++successes >= limit * probeSpacing) {
        if (!rejectedSinceProbe) probeSpacing = Math.max(1, probeSpacing / 2); // the last probe held
        rejectedSinceProbe = false;
        probedFrom = limit;
        limit++;
        successes = 0;
        freed.signalAll();
      }
    } finally {
      lock.unlock();
    }
  }

  /**
   * The provider said "too many" to the request holding {@code ticket}. While other requests are
   * still in flight that is put down to overshooting the concurrency limit: the answer is the
   * number of requests ended so far, for {@link #acquire(long)} to send it again once one more has
   * ended. Otherwise the server limits something else and its Retry-After holds: -1.
   */
  public long onRateLimited(Ticket ticket) {
    lock.lock();
    try {
      release();
      successes = 0;
      rejectedSinceProbe = true;
      boolean overshoot = inFlight > 0;
      int lowered;
      if (limit > probedFrom) {
        // A probe failed (the probe itself or a request sent beside it): back to the level that
        // held, and wait longer before the next probe.
        lowered = probedFrom;
        probeSpacing = Math.min(MAX_PROBE_SPACING, probeSpacing * 2);
        generation++;
      } else if (overshoot) {
        lowered = inFlight; // what the server was serving when it said no
      } else if (ticket.generation() == generation) {
        rejectionsInARow++;
        generation++;
        lowered = rejectionsInARow > 3 ? limit / 2 : ticket.inFlight() - 1;
        probeSpacing = 1;
      } else {
        lowered = limit; // the same round of rejections as the one that lowered it
      }
      limit = Math.max(1, Math.min(limit, lowered));
      probedFrom = Math.min(probedFrom, limit);
      return overshoot ? ended : -1;
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
    ended++;
    freed.signalAll(); // waiters differ in what they wait for
  }
}
