package dev.kurz.bench;

import java.util.concurrent.atomic.AtomicLong;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;

/**
 * A stand-in model server that budgets tokens per window, as hosted providers do: each request
 * costs its prompt (body length / 4, which is also the usage it reports) plus the 700 tokens of
 * its answer, charged when it arrives; a request the window cannot pay for is answered 429 at once
 * with {@code Retry-After}/{@code retry-after-ms} until the reset. Every answer carries OpenAI's
 * headers ({@code x-ratelimit-limit|remaining|reset-tokens} and {@code -requests}, resets as Go
 * durations). Windows are fixed (the first opens with the first request) or, with {@code bucket},
 * a bucket refilled continuously at budget per window. {@code headers} says when they are written:
 * on {@code arrival} (so an answer's figures leave out what arrived while it was being answered) or
 * as the {@code answer} leaves. Prints its base URL, serves until killed, and on SIGTERM prints what
 * it charged and rejected.
 *
 * <pre>java -cp ... dev.kurz.bench.TokenBudgetServer [latencyMs=500] [budget=40000] [windowMs=4000]
 *     [window|bucket] [arrival|answer]</pre>
 */
public final class TokenBudgetServer {
  private static final long ANSWER_TOKENS = 700;
  private static final long REQUEST_LIMIT = 10_000;

  private final long budget;
  private final long windowMs;
  private final boolean bucket;
  private long start = -1;
  private long windowIndex;
  private double used;
  private long lastRefill;
  private long requestsUsed;
  final AtomicLong answered = new AtomicLong();
  final AtomicLong rejected = new AtomicLong();
  final AtomicLong charged = new AtomicLong();
  volatile long firstArrival = -1;
  volatile long lastAnswer;
  final java.util.List<String> rejections = java.util.Collections.synchronizedList(new java.util.ArrayList<>());
  /** Arrival of each admitted request, ms after the first: where the budget went unused. */
  final java.util.List<Long> admittedAt = java.util.Collections.synchronizedList(new java.util.ArrayList<>());

  TokenBudgetServer(long budget, long windowMs, boolean bucket) {
    this.budget = budget;
    this.windowMs = windowMs;
    this.bucket = bucket;
  }

  /** What the server says about its budgets at {@code now}, and whether {@code cost} was admitted. */
  record Verdict(boolean admitted, long remaining, long resetMs, long requestsRemaining) {}

  synchronized Verdict admit(long cost, long now) {
    if (start < 0) {
      start = now;
      lastRefill = now;
      firstArrival = now;
    }
    refill(now);
    boolean ok = used + cost <= budget;
    if (ok) {
      used += cost;
      requestsUsed++;
      charged.addAndGet(cost);
      admittedAt.add(now - start);
    }
    return state(now, ok);
  }

  synchronized Verdict state(long now, boolean admitted) {
    refill(now);
    long remaining = Math.max(0, Math.round(budget - used));
    long reset = bucket ? (long) Math.ceil(used * windowMs / budget) : start + (windowIndex + 1) * windowMs - now;
    return new Verdict(admitted, remaining, Math.max(0, reset), Math.max(0, REQUEST_LIMIT - requestsUsed));
  }

  private void refill(long now) {
    if (bucket) {
      used = Math.max(0, used - (now - lastRefill) * (double) budget / windowMs);
      lastRefill = now;
    } else {
      long index = (now - start) / windowMs;
      if (index != windowIndex) {
        windowIndex = index;
        used = 0;
        requestsUsed = 0;
      }
    }
  }

  /** Per window (of windowMs from the first arrival): requests admitted, first and last arrival in it (s). */
  String perWindow() {
    StringBuilder b = new StringBuilder("admitted per " + windowMs + " ms:");
    java.util.List<Long> at;
    synchronized (admittedAt) {
      at = java.util.List.copyOf(admittedAt);
    }
    long windows = at.stream().mapToLong(t -> t / windowMs).max().orElse(-1) + 1;
    for (long w = 0; w < windows; w++) {
      long lo = w * windowMs, hi = lo + windowMs;
      java.util.List<Long> in = at.stream().filter(t -> t >= lo && t < hi).sorted().toList();
      b.append(in.isEmpty() ? " 0" : String.format(java.util.Locale.ROOT, " %d(%.2f-%.2f)", in.size(),
          (in.get(0) - lo) / 1000.0, (in.get(in.size() - 1) - lo) / 1000.0));
    }
    return b.toString();
  }

  static String goDuration(long ms) {
    if (ms >= 60_000) return ms / 60_000 + "m" + (ms % 60_000) / 1000.0 + "s";
    if (ms >= 1000) return (ms / 1000.0) + "s";
    return ms + "ms";
  }

  private static MockResponse.Builder withHeaders(MockResponse.Builder b, Verdict v, long budget) {
    return b.addHeader("x-ratelimit-limit-tokens", budget)
        .addHeader("x-ratelimit-remaining-tokens", v.remaining())
        .addHeader("x-ratelimit-reset-tokens", goDuration(v.resetMs()))
        .addHeader("x-ratelimit-limit-requests", REQUEST_LIMIT)
        .addHeader("x-ratelimit-remaining-requests", v.requestsRemaining())
        .addHeader("x-ratelimit-reset-requests", "1s");
  }

  public static void main(String[] args) throws Exception {
    long latency = args.length > 0 ? Long.parseLong(args[0]) : 500;
    long budget = args.length > 1 ? Long.parseLong(args[1]) : 40_000;
    long windowMs = args.length > 2 ? Long.parseLong(args[2]) : 4_000;
    boolean bucket = args.length > 3 && args[3].equals("bucket");
    boolean onArrival = args.length <= 4 || !args[4].equals("answer");
    TokenBudgetServer ledger = new TokenBudgetServer(budget, windowMs, bucket);
    long t0 = System.nanoTime();
    MockWebServer server = new MockWebServer();
    server.setDispatcher(new Dispatcher() {
      @Override
      public MockResponse dispatch(RecordedRequest request) throws InterruptedException {
        String body = request.getBody() == null ? "" : request.getBody().utf8();
        long cost = body.length() / 4 + ANSWER_TOKENS;
        long now = (System.nanoTime() - t0) / 1_000_000;
        Verdict v = ledger.admit(cost, now);
        if (!v.admitted()) {
          ledger.rejected.incrementAndGet();
          ledger.rejections.add((now - ledger.firstArrival) + "ms(" + v.remaining() + " left, cost " + cost + ")");
          return withHeaders(new MockResponse.Builder().code(429), v, budget)
              .addHeader("Retry-After", String.valueOf((v.resetMs() + 999) / 1000))
              .addHeader("retry-after-ms", String.valueOf(v.resetMs()))
              .addHeader("Content-Type", "application/json")
              .body("{\"error\":{\"message\":\"Rate limit reached for tokens per window\",\"type\":\"tokens\",\"code\":\"rate_limit_exceeded\"}}")
              .build();
        }
        Thread.sleep(latency);
        long done = (System.nanoTime() - t0) / 1_000_000;
        Verdict said = onArrival ? v : ledger.state(done, true);
        MockResponse answer = FakeModelServer.answer(body);
        ledger.answered.incrementAndGet();
        ledger.lastAnswer = done;
        return withHeaders(answer.newBuilder(), said, budget).build();
      }
    });
    server.setServerSocketFactory(FakeModelServer.noDelaySockets());
    server.start(0);
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      long span = ledger.lastAnswer - ledger.firstArrival;
      double capacity = ledger.charged.get() / (double) budget * windowMs;
      System.err.printf("budget server: answered %d, rejected %d (429); charged %d tokens = %.2f s of budget"
              + " (%d per %d ms, %s, headers on %s); first request to last answer %.2f s%n",
          ledger.answered.get(), ledger.rejected.get(), ledger.charged.get(), capacity / 1000, budget, windowMs,
          bucket ? "bucket" : "fixed windows", onArrival ? "arrival" : "answer", span / 1000.0);
      if (!ledger.rejections.isEmpty()) System.err.println("budget server: rejected at " + ledger.rejections);
      System.err.println("budget server: " + ledger.perWindow());
    }));
    System.out.println(server.url("/v1").toString());
    System.out.flush();
    Thread.currentThread().join();
  }
}
