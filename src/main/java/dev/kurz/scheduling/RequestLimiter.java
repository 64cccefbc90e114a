package dev.kurz.scheduling;

import dev.kurz.llm.BackendException;
import dev.kurz.llm.LlmRequest;
import dev.kurz.llm.Tokens;
import dev.kurz.llm.http.RateLimitHeaders;
import dev.kurz.llm.http.RateLimitInterceptor;
import dev.kurz.model.Usage;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;

/**
 * The one limiter of a backend, shared by every request of a run (analyses, syntheses,
 * translations). Two kinds of limits:
 *
 * <ul>
 *   <li>budgets per window (requests and tokens) that the provider states on every answer
 *       ({@link RateLimitHeaders}, heard through {@link RateLimitInterceptor}): each request's
 *       token cost is estimated before it is sent (its prompt as the dry run counts it, about 3.6
 *       characters a token, plus the answer expected), both calibrated on the usage the provider
 *       reports, and the request waits until the budget has room ({@link Budget}). Where input and
 *       output tokens are budgeted apart (Anthropic), each budget is charged its own part;
 *   <li>a limit on requests in flight, for servers that state nothing (vLLM, Ollama, llama.cpp):
 *       {@link AdaptiveLimiter} learns it from their 429s. Once a budget is known, 429s are the
 *       budget's business and leave the concurrency alone.
 * </ul>
 *
 * A budget that resets more than five minutes out (a daily limit, an absurd header) fails the
 * request at once, saying so, instead of stalling the run. Counts the requests the provider rejected
 * and the time spent waiting on a budget.
 *
 * <p>A request takes its place through a {@link Slot}. Where the backend's HTTP client has this
 * limiter's {@link RateLimitInterceptor}, the slot is taken there ({@link #sending}), after the
 * client library built the request and before the HTTP call starts, and (once an answer was read
 * and accepted) freed as the answer's headers arrive ({@link #answered}): a freed slot's next
 * request is on the wire at once instead of after one answer's parsing and the next request's
 * building. Elsewhere (an embedded model, the first requests of a run, before the interceptor was
 * seen) the slot is taken before the backend is called. Thread-safe.
 */
public final class RequestLimiter implements RateLimitInterceptor.Listener {
  /** Hears when requests start waiting on a budget; called with no lock held. */
  @FunctionalInterface
  public interface Pacing {
    /** {@code budget} ("tokens", "requests") is spent; the next request goes in {@code wait}. */
    void waiting(String budget, long limit, Duration wait);

    Pacing NONE = (budget, limit, wait) -> {};
  }

  /** How a waiting request waits; tests advance a fake clock instead. */
  @FunctionalInterface
  public interface Waiter {
    void await(Condition news, Duration d) throws InterruptedException;

    Waiter REAL = (news, d) -> news.awaitNanos(d.toNanos());
  }

  /** What {@link #acquire} hands out and the outcome calls take back. */
  private record Permit(AdaptiveLimiter.Ticket ticket, long id, long prompt, long cost) {}

  /** The answer expected before any is seen: the dry run's figure for a medium summary. */
  private static final long FIRST_ANSWER_GUESS = 900;
  /** A budget that resets later than this fails the request instead of stalling the run. */
  private static final Duration LONGEST_WAIT = RetryPolicy.DEFAULT.deadline();
  /** Longest single wait before the budget is looked at again. */
  private static final Duration LOOK_AGAIN = Duration.ofSeconds(1);

  private final AdaptiveLimiter concurrency;
  /** The slot of the request the calling thread is sending, if any. */
  private final ThreadLocal<Slot> slots = new ThreadLocal<>();
  /** Whether the interceptor has been seen on a request's way: then slots are taken there. */
  private volatile boolean atTheWire;
  /**
   * Whether an answer has been read and accepted: only then does a slot free as its answer's
   * headers arrive. Before it, a 2xx may yet turn out not to be the API's (a web page at the wrong
   * URL), a failure that must stop the run before the next request goes.
   */
  private volatile boolean answeredOnce;
  private final Clock clock;
  private final Waiter waiter;
  private final ProcessorTurns turns = ProcessorTurns.ofThisMachine();
  private final ReentrantLock lock = new ReentrantLock();
  private final Condition news = lock.newCondition();
  private final Budget requests = new Budget("requests");
  private final Budget tokens = new Budget("tokens");
  /** Anthropic budgets prompt and answer tokens apart: each is charged its part of the estimate. */
  private final Budget inputTokens = new Budget("input tokens");
  private final Budget outputTokens = new Budget("output tokens");
  private volatile Pacing pacing = Pacing.NONE;
  private long nextId;
  private int inFlight;
  private long rejected;
  private long waitedNanos;
  private Instant lastReported;
  private double inputRatio = 1.0;
  private double expectedAnswer = FIRST_ANSWER_GUESS;
  private int answers;
  /** Waits a clock that does not move (a fixed one in tests) did not show: kept so waits end. */
  private Duration unseen = Duration.ZERO;

  public RequestLimiter(int maxConcurrency, Clock clock, Waiter waiter) {
    this.concurrency = new AdaptiveLimiter(maxConcurrency);
    this.clock = clock;
    this.waiter = waiter;
  }

  public RequestLimiter(int maxConcurrency) {
    this(maxConcurrency, Clock.systemUTC(), Waiter.REAL);
  }

  public void pacing(Pacing pacing) {
    this.pacing = pacing;
  }

  /** The turns on the processors of each article's own work; a request's turn ends as it starts waiting here. */
  public ProcessorTurns turns() {
    return turns;
  }

  /**
   * Waits for a slot, once more than {@code ended} requests have ended (what {@link #onRateLimited}
   * said; -1: at once), and for room in the budgets; the request counts as sent when this returns.
   */
  private Permit acquire(LlmRequest request, long ended) throws InterruptedException, BackendException {
    turns.end();
    AdaptiveLimiter.Ticket ticket = concurrency.acquire(ended);
    long prompt = promptTokens(request);
    try {
      while (true) {
        Duration wait = Duration.ZERO;
        Budget spent = requests;
        lock.lockInterruptibly();
        try {
          long in = Math.round(prompt * inputRatio);
          long out = expectedAnswer(request);
          Instant now = now();
          long[] costs = {1, in + out, in, out};
          Budget[] budgets = {requests, tokens, inputTokens, outputTokens};
          for (int i = 0; i < budgets.length; i++) {
            Duration w = budgets[i].waitFor(costs[i], now, inFlight == 0);
            if (w.compareTo(wait) > 0) {
              wait = w;
              spent = budgets[i];
            }
          }
          if (wait.isZero()) {
            long id = ++nextId;
            for (int i = 0; i < budgets.length; i++) budgets[i].sent(id, costs[i], now);
            inFlight++;
            return new Permit(ticket, id, prompt, in + out);
          }
          if (wait.compareTo(LONGEST_WAIT) > 0) {
            throw new BackendException(BackendException.Kind.RATE_LIMITED, 0, wait, "the provider's " + spent.name()
                + " budget is spent and resets in " + Waits.describe(wait) + ", more than the "
                + Waits.describe(LONGEST_WAIT) + " kurz waits for one request: not sent", null);
          }
          Instant until = now.plus(wait);
          boolean report = lastReported == null || until.isAfter(lastReported.plusMillis(500));
          if (report) lastReported = until;
          if (report) {
            lock.unlock();
            try {
              pacing.waiting(spent.name(), spent.limit(), wait);
            } finally {
              lock.lock();
            }
          }
          Duration slice = wait.compareTo(LOOK_AGAIN) > 0 ? LOOK_AGAIN : wait;
          Instant before = clock.instant();
          waiter.await(news, slice);
          Duration passed = Duration.between(before, clock.instant());
          if (passed.isZero() && waiter != Waiter.REAL) unseen = unseen.plus(slice);
          waitedNanos += (passed.isZero() ? slice : passed).toNanos();
        } finally {
          lock.unlock();
        }
      }
    } catch (InterruptedException | BackendException | RuntimeException e) {
      concurrency.onOther();
      throw e;
    }
  }

  /** The server accepted the request (its answer's headers are in): its slot is free. */
  private void onAccepted() {
    concurrency.onSuccess();
    lock.lock();
    try {
      inFlight--;
      news.signalAll();
    } finally {
      lock.unlock();
    }
  }

  /** {@code usage} as the provider counted it for the request of {@code permit} calibrates the estimates. */
  private void calibrate(Permit permit, Usage usage) {
    if (usage == null || usage.inputTokens() <= 0 || permit.prompt() <= 0) return;
    lock.lock();
    try {
      // The first answer replaces the guesses; later ones move them a fifth of the way.
      double weight = answers == 0 ? 1.0 : 0.2;
      inputRatio += weight * (usage.inputTokens() / (double) permit.prompt() - inputRatio);
      expectedAnswer += weight * (usage.outputTokens() - expectedAnswer);
      answers++;
    } finally {
      lock.unlock();
    }
  }

  /**
   * The provider said "too many" to the request holding {@code permit}. When no budget is known
   * and {@link AdaptiveLimiter#onRateLimited} puts the rejection down to too many in flight, the
   * mark to pass to {@link #acquire(LlmRequest, long)} to send it again once a slot frees; else -1.
   */
  private long onRateLimited(Permit permit, Duration retryAfter) {
    boolean budgeted;
    lock.lock();
    try {
      inFlight--;
      rejected++;
      requests.forget(permit.id());
      tokens.forget(permit.id());
      inputTokens.forget(permit.id());
      outputTokens.forget(permit.id());
      budgeted = requests.known() || tokens.known() || inputTokens.known() || outputTokens.known();
      news.signalAll();
    } finally {
      lock.unlock();
    }
    if (budgeted) {
      concurrency.onOther();
      return -1;
    }
    return concurrency.onRateLimited(permit.ticket());
  }

  /** The request ended without an answer that says anything about load. */
  private void onOther(Permit permit) {
    concurrency.onOther();
    lock.lock();
    try {
      inFlight--;
      news.signalAll();
    } finally {
      lock.unlock();
    }
  }

  /**
   * The slot of a request the calling thread is about to send (once more than {@code ended}
   * requests ended, as {@link #acquire(LlmRequest, long)}); {@code refusal}, asked once the slot
   * is taken, says why the request must not go after all (null: it may). Closing it forgets it.
   */
  public Slot slot(LlmRequest request, long ended, Supplier<BackendException> refusal) {
    Slot slot = new Slot(request, ended, refusal);
    slots.set(slot);
    return slot;
  }

  /** Whether slots are taken at the wire (the interceptor has been seen on a request's way). */
  public boolean atTheWire() {
    return atTheWire;
  }

  @Override
  public void sending() throws IOException {
    Slot slot = slots.get();
    if (slot == null) return;
    atTheWire = true;
    if (slot.permit != null) return; // taken before the call, or by its first request
    try {
      slot.take();
    } catch (BackendException e) {
      throw new IOException("not sent: " + e.getMessage());
    }
  }

  @Override
  public void answered(int code) {
    Slot slot = slots.get();
    if (slot != null && answeredOnce && code >= 200 && code < 300) slot.accepted();
  }

  /**
   * One request's place: taken once (before the call, or at the wire), given back once by what
   * became of the request. Used on the thread that made it; closing it gives back a place still held.
   */
  public final class Slot implements AutoCloseable {
    private final LlmRequest request;
    private final long ended;
    private final Supplier<BackendException> refusal;
    private Permit permit;
    private boolean freed;
    private BackendException refused;

    private Slot(LlmRequest request, long ended, Supplier<BackendException> refusal) {
      this.request = request;
      this.ended = ended;
      this.refusal = refusal;
    }

    /** Waits for a place and room in the budgets, then asks the refusal; fails when the request must not go. */
    public void take() throws BackendException {
      if (permit != null) return;
      if (refused != null) throw refused;
      try {
        permit = acquire(request, ended);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw refuse(new BackendException(BackendException.Kind.TRANSIENT, 0, null, "interrupted", e));
      } catch (BackendException e) {
        throw refuse(e);
      }
      BackendException no = refusal.get();
      if (no != null) {
        other();
        throw refuse(no);
      }
    }

    private BackendException refuse(BackendException e) {
      refused = e;
      return e;
    }

    /** Why the request was not sent when the slot refused it at the wire; else {@code failure} itself. */
    public BackendException failure(BackendException failure) {
      return refused != null ? refused : failure;
    }

    private void accepted() {
      if (permit == null || freed) return;
      freed = true;
      onAccepted();
    }

    /** The request was answered, with {@code usage}. */
    public void answered(Usage usage) {
      if (permit == null) return;
      answeredOnce = true;
      accepted();
      calibrate(permit, usage);
    }

    /**
     * The provider said "too many": as {@link #onRateLimited}, the mark to send it again at once
     * once that many requests ended, or -1.
     */
    public long rateLimited(Duration retryAfter) {
      if (permit == null || freed) return -1;
      freed = true;
      return onRateLimited(permit, retryAfter);
    }

    /** The request ended without an answer that says anything about load. */
    public void other() {
      if (permit == null || freed) return;
      freed = true;
      onOther(permit);
    }

    @Override
    public void close() {
      other();
      if (slots.get() == this) slots.remove();
    }
  }

  @Override
  public void observed(RateLimitHeaders headers, Instant sent, Instant received, boolean rejected) {
    lock.lock();
    try {
      requests.observe(orRetryAfter(headers.requests(), headers, rejected), sent, received, rejected);
      tokens.observe(orRetryAfter(headers.tokens(), headers, rejected), sent, received, rejected);
      inputTokens.observe(orRetryAfter(headers.inputTokens(), headers, rejected), sent, received, rejected);
      outputTokens.observe(orRetryAfter(headers.outputTokens(), headers, rejected), sent, received, rejected);
      news.signalAll();
    } finally {
      lock.unlock();
    }
  }

  private Instant now() {
    return clock.instant().plus(unseen);
  }

  /**
   * A rejection that names no reset, or one already past (an instant rounded down to the second),
   * waits as long as it asks.
   */
  private static RateLimitHeaders.Bucket orRetryAfter(RateLimitHeaders.Bucket b, RateLimitHeaders h, boolean rejected) {
    if (b == null || !rejected || h.retryAfter() == null || (b.reset() != null && !b.reset().isZero())) return b;
    return new RateLimitHeaders.Bucket(b.limit(), b.remaining(), h.retryAfter());
  }

  /** Requests sent so far (each attempt counts). */
  public long sent() {
    lock.lock();
    try {
      return nextId;
    } finally {
      lock.unlock();
    }
  }

  /** Requests the provider rejected so far. */
  public long rejected() {
    lock.lock();
    try {
      return rejected;
    } finally {
      lock.unlock();
    }
  }

  /** Time requests spent waiting on a budget, summed over requests. */
  public Duration waited() {
    lock.lock();
    try {
      return Duration.ofNanos(waitedNanos);
    } finally {
      lock.unlock();
    }
  }

  /** The concurrency limit as it stands (for tests and the profile). */
  public int concurrencyLimit() {
    return concurrency.limit();
  }

  /** Tokens of the request's prompt, as the dry run counts them (the schema included). */
  static long promptTokens(LlmRequest request) {
    long chars = request.system().length() + (request.jsonSchema() == null ? 0 : request.jsonSchema().length());
    for (LlmRequest.Message m : request.messages()) chars += m.text().length();
    return Tokens.estimate(chars);
  }

  /** The answer's tokens as expected: the mean of those reported so far, at most what the request allows. */
  private long expectedAnswer(LlmRequest request) {
    double answer = expectedAnswer;
    if (request.maxOutputTokens() != null) answer = Math.min(answer, request.maxOutputTokens());
    return Math.round(answer);
  }

}
