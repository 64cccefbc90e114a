package dev.kurz.scheduling;

import dev.kurz.llm.http.RateLimitHeaders;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * One budget a provider enforces per window (requests, or tokens), as kurz sees it. Two views, and
 * what may be sent now is the smaller:
 *
 * <ul>
 *   <li>the provider's last word: what it said remains, less what kurz sent after that answer;
 *   <li>kurz's own ledger: the limit, less what kurz sent since the window began.
 * </ul>
 *
 * The first covers other clients on the same key; the second covers servers that write the headers
 * when they admit a request, before the ones sent while it was answered. Both are kept as of the
 * newest request sent (by id, not by time: a request may go out between an answer's arrival and
 * the reading of its headers, and must be subtracted once). Such an answer's window ends at
 * "sent + reset"; one whose headers are written as it leaves, at "received + reset": kurz assumes
 * the first, and at that end sends one request more than the old window had left (what it had left
 * goes meanwhile) and waits to see. Answered, or not rejected within a second: the first. Rejected:
 * the rejection's own reset (written at once, so "received + reset") says where the window really
 * ends, and which of the two ends it is nearer decides; when it is the early one, how much later
 * the window ended is added to early ends from then on (the first request's trip is longer than
 * the rest, a reset is rounded). A rejected request leaves the ledger (the provider did not count
 * it). Not thread-safe: {@link RequestLimiter} guards it.
 */
final class Budget {
  /** A request sent this long before a reset may still count in the new window. */
  private static final Duration SLACK = Duration.ofMillis(20);
  /**
   * A rejection comes back at once; a probe neither answered nor rejected within this long was let
   * through (its answer takes as long as the model needs).
   */
  private static final Duration PROBE_VERDICT = Duration.ofSeconds(1);
  /** With the budget spent and no reset known, how long to wait for an answer to say more. */
  private static final Duration ASK_AGAIN = Duration.ofSeconds(1);

  private record Entry(long id, long cost, Instant sentAt) {}

  /** How far after the early end a window was seen to end (a rejection named it): added to early ends. */
  private Duration margin = Duration.ZERO;
  /** The newest request {@link #remaining} already counts: requests are sent in the order of their ids. */
  private long seenId = -1;
  private long lastId = -1;
  /** What the window taken for over still had at the early end, and when that was. */
  private long leftAtRoll;
  private Instant rolledAt;

  private final String name;
  private final List<Entry> ledger = new ArrayList<>();
  private long limit = -1;
  private long remaining;
  private Instant seenAt;
  private Instant resetLo;
  private Instant resetHi;
  private Instant windowStart = Instant.EPOCH;
  private Instant rolledLo;
  private Instant rolledHi;
  private boolean endsLate;
  /** Whether a window boundary has shown which end is right. */
  private boolean settled;
  /** Right after the first early reset: one request goes to find out, the rest wait for it. */
  private boolean probing;
  private long probeId = -1;
  private Instant probeSentAt;

  Budget(String name) {
    this.name = name;
  }

  String name() {
    return name;
  }

  boolean known() {
    return limit > 0;
  }

  long limit() {
    return limit;
  }

  void observe(RateLimitHeaders.Bucket b, Instant sent, Instant received, boolean rejected) {
    if (b == null) return;
    long said = b.limit() > 0 ? b.limit() : Math.max(limit, b.remaining());
    if (said <= 0) return;
    limit = said;
    // A named instant is exact; a duration counts from when the header was written, between sending and arrival.
    Instant lo = b.reset() == null ? null : (b.absolute() ? received : sent).plus(b.reset());
    Instant hi = b.reset() == null ? null : received.plus(b.reset());
    if (rejected) {
      // A rejection is written at once: its reset says where the window ends, give or take its round trip.
      Instant end = hi;
      if (rolledLo != null && end != null && !sent.isBefore(rolledLo)
          && !end.isAfter(rolledHi.plus(Duration.between(rolledLo, rolledHi)).plus(SLACK))) {
        // Sent after kurz took the window for over, and the window it names is that one: which end
        // it is nearer says when this server writes its headers (the answer's arrival or its leaving),
        // and how early the early end was.
        if (Duration.between(rolledLo, end).compareTo(Duration.between(end, rolledHi)) > 0) {
          endsLate = true;
        } else if (Duration.between(rolledLo, end).compareTo(margin) > 0) {
          margin = Duration.between(rolledLo, end);
        }
        settled = true;
        probing = false;
      }
      remaining = b.remaining() - sentAfter(received);
      seenId = lastId;
      seenAt = received;
      resetLo = end;
      resetHi = end;
      return;
    }
    if (lo != null && rolledHi != null && !lo.isAfter(rolledHi.plus(SLACK))) return; // about a window already over
    if (probing && probeId >= 0 && !sent.isBefore(probeSentAt)) {
      // Sent at the early reset, more than the old window had left, and let through: headers are
      // written on arrival.
      settled = true;
      probing = false;
    }
    // A later end before the last one passed is the same budget, refilled later (a bucket, not a
    // window): only once that end has passed is it a new window.
    Instant end = resetAt();
    boolean sameWindow = seenAt != null && (lo == null || resetHi == null || !lo.isAfter(resetHi.plus(SLACK))
        || received.isBefore(end));
    if (sameWindow) {
      // Both views as of now: kurz's, less what it sent since; the answer's, less what was sent after it came.
      remaining = Math.min(remaining - sentAfterId(seenId), b.remaining() - sentAfter(received));
      seenId = lastId;
      seenAt = received;
      if (lo != null && resetHi != null && !lo.isAfter(resetHi.plus(SLACK))) {
        resetLo = max(resetLo, lo);
        resetHi = min(resetHi, hi);
        if (resetLo.isAfter(resetHi)) resetLo = resetHi;
      } else if (lo != null) {
        resetLo = lo;
        resetHi = hi;
      }
    } else {
      // A window not seen before: the last one is over.
      if (resetLo != null) windowStart = min(resetLo, received);
      remaining = b.remaining() - sentAfter(received);
      seenId = lastId;
      seenAt = received;
      resetLo = lo;
      resetHi = hi;
    }
    prune();
  }

  /** How much may be sent at {@code now}; {@code Long.MAX_VALUE} while no limit is known. */
  long available(Instant now) {
    roll(now);
    if (!known()) return Long.MAX_VALUE;
    long said = seenAt == null ? limit : remaining - sentAfterId(seenId);
    long own = limit - sentAfter(windowStart.minus(SLACK));
    return Math.min(said, own);
  }

  /**
   * How long a request of {@code cost} must wait: zero to send now; until the reset when the budget
   * is spent; a second (for an answer to say more) when no reset is known, unless nothing is in
   * flight to bring one, then it goes. A request costing more than the whole budget waits for a
   * full window.
   */
  Duration waitFor(long cost, Instant now, boolean nothingInFlight) {
    long available = available(now);
    if (probing && !now.isBefore(rolledHi)) probing = false;
    if (probing && probeId >= 0 && !now.isBefore(probeSentAt.plus(PROBE_VERDICT))) {
      settled = true; // not rejected at once: headers are written on arrival
      probing = false;
    }
    // While the probe is out, what the old window still had goes as before.
    if (probing && probeId >= 0 && cost > oldWindowLeft()) {
      return min(Duration.between(now, probeSentAt.plus(PROBE_VERDICT)), Duration.between(now, rolledHi));
    }
    if (available >= Math.min(cost, limit)) return Duration.ZERO;
    Instant at = resetAt();
    if (at != null) return max(Duration.ofMillis(1), Duration.between(now, at));
    return nothingInFlight ? Duration.ZERO : ASK_AGAIN;
  }

  void sent(long id, long cost, Instant at) {
    boolean probe = probing && probeId < 0 && cost > oldWindowLeft();
    ledger.add(new Entry(id, cost, at));
    lastId = Math.max(lastId, id);
    if (probe) {
      probeId = id;
      probeSentAt = at;
    }
  }

  /** The provider refused request {@code id}: it did not count. */
  void forget(long id) {
    ledger.removeIf(e -> e.id() == id);
    if (id == probeId) probeId = -1;
  }

  /** When the window is taken to end, or null when unknown. */
  Instant resetAt() {
    if (endsLate || resetLo == null) return resetHi;
    return min(resetLo.plus(margin), resetHi);
  }

  /** What the window kurz took for over had left when it did, less what was sent since. */
  private long oldWindowLeft() {
    return rolledAt == null ? 0 : leftAtRoll - sentAfter(rolledAt.minusNanos(1));
  }

  private void roll(Instant now) {
    Instant at = resetAt();
    if (at == null || now.isBefore(at)) return;
    leftAtRoll = Math.max(0, Math.min(seenAt == null ? limit : remaining - sentAfterId(seenId),
        limit - sentAfter(windowStart.minus(SLACK))));
    rolledAt = at;
    rolledLo = resetLo;
    rolledHi = resetHi;
    probing = !settled && !endsLate && rolledHi.isAfter(rolledLo.plus(SLACK.multipliedBy(2)));
    probeId = -1;
    windowStart = at;
    remaining = limit - sentAfter(at);
    seenId = lastId;
    seenAt = at;
    resetLo = null;
    resetHi = null;
    prune();
  }

  private long sentAfterId(long id) {
    long sum = 0;
    for (Entry e : ledger) {
      if (e.id() > id) sum += e.cost();
    }
    return sum;
  }

  private long sentAfter(Instant t) {
    long sum = 0;
    for (Entry e : ledger) {
      if (e.sentAt().isAfter(t)) sum += e.cost();
    }
    return sum;
  }

  private void prune() {
    Instant oldest = seenAt == null ? windowStart : min(windowStart, seenAt);
    if (oldest.equals(Instant.EPOCH)) return;
    Instant keep = oldest.minus(Duration.ofSeconds(1));
    ledger.removeIf(e -> e.sentAt().isBefore(keep));
  }

  private static Instant max(Instant a, Instant b) {
    return a.isAfter(b) ? a : b;
  }

  private static Instant min(Instant a, Instant b) {
    return a.isBefore(b) ? a : b;
  }

  private static Duration min(Duration a, Duration b) {
    return a.compareTo(b) <= 0 ? a : b;
  }

  private static Duration max(Duration a, Duration b) {
    return a.compareTo(b) >= 0 ? a : b;
  }
}
