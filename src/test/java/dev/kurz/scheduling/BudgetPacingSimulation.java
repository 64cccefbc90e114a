package dev.kurz.scheduling;

import dev.kurz.llm.http.RateLimitHeaders.Bucket;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.PriorityQueue;
import java.util.function.IntToLongFunction;

/**
 * kurz's {@link Budget} (the tokens budget, as {@link RequestLimiter} drives it) against a simulated
 * token-budget server, on simulated time (discrete events, microseconds): a whole batch runs in
 * milliseconds and every run is the same. The server keeps its books as the bench's
 * {@code TokenBudgetServer} does: a request is charged on arrival; fixed windows open with the first
 * arrival, or a bucket refills continuously; the headers are written on arrival or as the answer
 * leaves; a request the budget cannot pay for is answered 429 at once with the time to the reset,
 * and sent again after it (what {@link RetryPolicy} does with {@code retry-after-ms}). What it
 * varies that a real run varies: the time a request takes to reach the server (a cold first
 * connection, a loaded machine), the reset's unit (milliseconds, or whole seconds) and its form (a
 * duration from when the header was written, as OpenAI's, or an instant, as Anthropic's).
 */
final class BudgetPacingSimulation {
  /** The server and the batch. */
  record Setup(boolean bucket, boolean headersOnAnswer, long budget, long windowMs, long latencyMs, int concurrency,
      int articles, IntToLongFunction cost, IntToLongFunction transitMicros, long observeLagMicros, long resetUnitMs,
      boolean absolute) {}

  /** What came of it: the server's span (first arrival to last answer) against the budget's capacity. */
  record Result(long answered, long rejected, long failed, double spanSeconds, double capacitySeconds, List<String> trace) {
    double share() {
      return capacitySeconds / spanSeconds;
    }

    double rejectedShare() {
      return rejected / (double) (answered + rejected);
    }

    @Override
    public String toString() {
      return String.format(java.util.Locale.ROOT, "span %.2f s, capacity %.2f s, %.1f %%, answered %d, rejected %d, failed %d",
          spanSeconds, capacitySeconds, 100 * share(), answered, rejected, failed);
    }
  }

  private static final Instant T0 = Instant.parse("2026-12-01T10:00:00Z");
  private static final long LOOK_AGAIN_US = 1_000_000;
  private static final long BACK_US = 300; // server to client

  private record Event(long at, long seq, Runnable action) {}

  private final Setup setup;
  private final Budget budget = new Budget("tokens");
  /** The bench server's requests budget: far from binding, and its reset always says 1 s. */
  private final Budget requests = new Budget("requests");
  private static final long REQUEST_LIMIT = 10_000;
  private long requestsUsed;
  private final PriorityQueue<Event> events =
      new PriorityQueue<>((a, b) -> a.at != b.at ? Long.compare(a.at, b.at) : Long.compare(a.seq, b.seq));
  private final List<String> trace = new ArrayList<>();
  private long seq;
  private long now;
  private int nextArticle;
  private int inFlight;
  private long nextId;
  private long answered;
  private long rejected;
  private long failed;
  private long charged;
  private long firstArrival = -1;
  private long lastAnswer;
  // the server's books
  private long start = -1;
  private long windowIndex;
  private double used;
  private long lastRefill;
  /** Workers waiting for the budget: article, attempt, wake generation. */
  private final List<int[]> waiting = new ArrayList<>();
  private int generation;

  private BudgetPacingSimulation(Setup setup) {
    this.setup = setup;
  }

  static Result run(Setup setup) {
    return new BudgetPacingSimulation(setup).go();
  }

  private Result go() {
    for (int w = 0; w < setup.concurrency(); w++) takeNext();
    evaluate();
    while (!events.isEmpty()) {
      Event e = events.poll();
      now = e.at();
      e.action().run();
      evaluate();
    }
    double capacity = charged / (double) setup.budget() * setup.windowMs() / 1000;
    return new Result(answered, rejected, failed, (lastAnswer - firstArrival) / 1e6, capacity, trace);
  }

  private void at(long t, Runnable r) {
    events.add(new Event(t, seq++, r));
  }

  private Instant instant(long micros) {
    return T0.plus(Duration.ofNanos(micros * 1000));
  }

  private void takeNext() {
    if (nextArticle >= setup.articles()) return;
    waiting.add(new int[] {nextArticle++, 1});
  }

  /** Every waiting worker looks at the budget again (what a signal does), in the order they came. */
  private void evaluate() {
    generation++;
    List<int[]> still = new ArrayList<>();
    long wake = Long.MAX_VALUE;
    for (int[] w : List.copyOf(waiting)) {
      long cost = setup.cost().applyAsLong(w[0]);
      Duration wait = budget.waitFor(cost, instant(now), inFlight == 0);
      Duration w2 = requests.waitFor(1, instant(now), inFlight == 0);
      if (w2.compareTo(wait) > 0) wait = w2;
      if (wait.isZero()) {
        send(w[0], w[1], cost);
      } else {
        still.add(w);
        wake = Math.min(wake, now + Math.min(LOOK_AGAIN_US, Math.max(1, wait.toNanos() / 1000)));
      }
    }
    waiting.clear();
    waiting.addAll(still);
    if (wake != Long.MAX_VALUE) {
      int g = generation;
      at(wake, () -> {
        if (g != generation) return; // something happened since: already looked again
      });
    }
  }

  private void send(int article, int attempt, long cost) {
    long id = ++nextId;
    long sentAt = now;
    budget.sent(id, cost, instant(sentAt));
    requests.sent(id, 1, instant(sentAt));
    inFlight++;
    trace.add(String.format("%8.3f send a%d#%d", sentAt / 1e6, article, attempt));
    at(now + setup.transitMicros().applyAsLong((int) id), () -> arrive(article, attempt, id, cost, sentAt));
  }

  private void arrive(int article, int attempt, long id, long cost, long sentAt) {
    long ms = now / 1000;
    if (start < 0) {
      start = ms;
      lastRefill = ms;
      firstArrival = now;
    }
    refill(ms);
    boolean ok = used + cost <= setup.budget();
    if (ok) {
      used += cost;
      requestsUsed++;
      charged += cost;
    }
    long[] said = state(ms, now);
    if (!ok) {
      rejected++;
      trace.add(String.format("%8.3f 429 a%d#%d (%d left, reset %d ms)", now / 1e6, article, attempt, said[0], said[1]));
      at(now + BACK_US, () -> {
        budget.observe(bucket(said, instant(now)), instant(sentAt), instant(now), true);
        requests.observe(new Bucket(REQUEST_LIMIT, said[2], Duration.ofSeconds(1)), instant(sentAt), instant(now), true);
        budget.forget(id);
        requests.forget(id);
        inFlight--;
        if (attempt >= RetryPolicy.DEFAULT.maxAttempts()) {
          failed++;
          takeNext();
          return;
        }
        int a = attempt + 1;
        at(now + said[1] * 1000, () -> waiting.add(new int[] {article, a}));
      });
      return;
    }
    at(now + setup.latencyMs() * 1000, () -> {
      long[] h = setup.headersOnAnswer() ? state(now / 1000, now) : said;
      // The answer is in at now; its headers reach the limiter a moment later (parsing, the lock).
      at(now + BACK_US, () -> {
        Instant received = instant(now);
        at(now + setup.observeLagMicros(), () -> observed(sentAt, received, h));
      });
    });
  }

  private void observed(long sentAt, Instant received, long[] h) {
    budget.observe(bucket(h, received), instant(sentAt), received, false);
    requests.observe(new Bucket(REQUEST_LIMIT, h[2], Duration.ofSeconds(1)), instant(sentAt), received, false);
    trace.add(String.format("%8.3f answer: %d left, reset %d ms", now / 1e6, h[0], h[1]));
    inFlight--;
    answered++;
    lastAnswer = now;
    takeNext();
  }

  /** The tokens budget as the client reads it: a duration, or an instant (read as a duration from arrival). */
  private Bucket bucket(long[] h, Instant received) {
    if (!setup.absolute()) return new Bucket(setup.budget(), h[0], Duration.ofMillis(h[1]));
    Duration left = Duration.between(received, instant(h[3]).plusMillis(h[1]));
    return new Bucket(setup.budget(), h[0], left.isNegative() ? Duration.ZERO : left, true);
  }

  /** Remaining, the reset (ms, rounded up to the server's unit), requests remaining, when written (µs). */
  private long[] state(long ms, long micros) {
    refill(ms);
    long remaining = Math.max(0, Math.round(setup.budget() - used));
    long reset = setup.bucket() ? (long) Math.ceil(used * setup.windowMs() / setup.budget())
        : start + (windowIndex + 1) * setup.windowMs() - ms;
    long unit = setup.resetUnitMs();
    reset = (Math.max(0, reset) + unit - 1) / unit * unit;
    return new long[] {remaining, reset, Math.max(0, REQUEST_LIMIT - requestsUsed), micros};
  }

  private void refill(long ms) {
    if (setup.bucket()) {
      used = Math.max(0, used - (ms - lastRefill) * (double) setup.budget() / setup.windowMs());
      lastRefill = ms;
    } else {
      long index = (ms - start) / setup.windowMs();
      if (index != windowIndex) {
        windowIndex = index;
        used = 0;
        requestsUsed = 0;
      }
    }
  }
}
