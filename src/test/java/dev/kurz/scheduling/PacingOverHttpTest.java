package dev.kurz.scheduling;

import dev.kurz.MutableClock;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kurz.llm.Backend;
import dev.kurz.llm.BackendException;
import dev.kurz.llm.BackendSpec;
import dev.kurz.llm.Backends;
import dev.kurz.llm.LlmRequest;
import dev.kurz.llm.http.RateLimitInterceptor;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.junit5.StartStop;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.Test;

/**
 * The limiter and the retry policy against a provider faked at the socket: its rate-limit headers
 * pace the next requests; every wait is on a fake clock.
 */
class PacingOverHttpTest {
  private static final String KEY = "sk-test-FAKE-0000";
  private static final String ANSWER = """
      {"id":"chatcmpl-1","object":"chat.completion","created":1760000000,"model":"test-model",
       "choices":[{"index":0,"message":{"role":"assistant","content":"{\\"ok\\":true}"},"finish_reason":"stop"}],
       "usage":{"prompt_tokens":400,"completion_tokens":100,"total_tokens":500}}
      """;

  @StartStop final MockWebServer server = new MockWebServer();
  private final MutableClock clock = new MutableClock(Instant.parse("2026-12-01T10:00:00Z"));
  private final List<Duration> budgetWaits = new ArrayList<>();
  private final List<Duration> retryWaits = new ArrayList<>();
  private final List<String> notices = new ArrayList<>();
  private final List<String> pacing = new ArrayList<>();
  private final RequestLimiter limiter = new RequestLimiter(4, clock, (news, d) -> {
    budgetWaits.add(d);
    clock.advance(d);
  });
  private final RetryPolicy retry = RetryPolicy.DEFAULT.withNotices(notices::add);
  private final RetryPolicy.Sleeper sleeper = d -> {
    retryWaits.add(d);
    clock.advance(d);
  };

  PacingOverHttpTest() {
    limiter.pacing((budget, limit, wait) -> pacing.add(budget + " " + limit + " " + wait));
  }

  private Backend backend() {
    OkHttpClient http = new OkHttpClient.Builder().addInterceptor(new RateLimitInterceptor(limiter, clock)).build();
    Backend openAi = Backends.create(new BackendSpec("openai", "openai", "test-model", server.url("/v1").toString(), KEY,
        "OPENAI_API_KEY", Duration.ofSeconds(5), Map.of()), http);
    return new ThrottledBackend(openAi, limiter, () -> false);
  }

  private static LlmRequest request() {
    return new LlmRequest("Fasse zusammen.", List.of(LlmRequest.Message.user("Der Stadtrat hat den Haushalt beschlossen.")),
        null, null, null, null);
  }

  private static MockResponse ok(long remaining, String reset) {
    return new MockResponse.Builder().code(200).addHeader("Content-Type", "application/json")
        .addHeader("x-ratelimit-limit-tokens", "10000").addHeader("x-ratelimit-remaining-tokens", remaining)
        .addHeader("x-ratelimit-reset-tokens", reset).body(ANSWER).build();
  }

  private static MockResponse tooMany(String... headers) {
    MockResponse.Builder b = new MockResponse.Builder().code(429).addHeader("Content-Type", "application/json")
        .body("{\"error\":{\"message\":\"Rate limit reached\",\"type\":\"requests\",\"code\":\"rate_limit_exceeded\"}}");
    for (int i = 0; i < headers.length; i += 2) b.addHeader(headers[i], headers[i + 1]);
    return b.build();
  }

  @Test
  void theNextRequestWaitsForTheStatedResetWhenTheBudgetCannotPayForIt() throws Exception {
    server.enqueue(ok(200, "2s"));
    server.enqueue(ok(9_500, "3s"));
    Backend backend = backend();

    backend.complete(request());
    backend.complete(request());

    assertThat(server.getRequestCount()).isEqualTo(2);
    assertThat(budgetWaits.stream().reduce(Duration.ZERO, Duration::plus)).isEqualTo(Duration.ofSeconds(2));
    assertThat(pacing).containsExactly("tokens 10000 PT2S");
    assertThat(limiter.rejected()).isZero();
  }

  @Test
  void aRejectionWithBudgetHeadersIsRetriedAfterTheResetAndLeavesConcurrencyAlone() throws Exception {
    server.enqueue(tooMany("x-ratelimit-limit-tokens", "10000", "x-ratelimit-remaining-tokens", "0",
        "x-ratelimit-reset-tokens", "1.5s", "retry-after-ms", "1500"));
    server.enqueue(ok(9_500, "3s"));

    retry.complete(backend(), request(), sleeper);

    assertThat(server.getRequestCount()).isEqualTo(2);
    assertThat(retryWaits).containsExactly(Duration.ofMillis(1500));
    assertThat(limiter.rejected()).isEqualTo(1);
    assertThat(limiter.sent()).isEqualTo(2);
    assertThat(limiter.concurrencyLimit()).isEqualTo(4);
    assertThat(notices).singleElement().asString().startsWith("waiting 1.5 s before attempt 2 of 6: HTTP 429");
  }

  @Test
  void aBudgetThatResetsInDaysFailsTheRequestInsteadOfStalling() throws Exception {
    server.enqueue(ok(0, "100h"));
    Backend backend = backend();
    backend.complete(request());

    assertThatThrownBy(() -> retry.complete(backend, request(), sleeper))
        .isInstanceOf(BackendException.class)
        .hasMessage("the provider's tokens budget is spent and resets in 4 days, more than the 5 min kurz waits for one request: not sent");
    assertThat(server.getRequestCount()).isEqualTo(1);
    assertThat(budgetWaits).isEmpty();
    assertThat(retryWaits).isEmpty();
  }

  @Test
  void anAbsurdRetryAfterGivesUpAtOnceSayingWhy() {
    server.enqueue(tooMany("Retry-After", "1e9"));

    assertThatThrownBy(() -> retry.complete(backend(), request(), sleeper))
        .isInstanceOf(BackendException.class)
        .hasMessageContaining("HTTP 429")
        .hasMessageContaining("the server asks to wait 11574 days, more than the 5 min left of the 5 min kurz waits for one request: given up");
    assertThat(retryWaits).isEmpty();
    assertThat(server.getRequestCount()).isEqualTo(1);
  }

  @Test
  void aLongRetryAfterIsCappedAndTold() throws Exception {
    server.enqueue(tooMany("Retry-After", "150"));
    server.enqueue(ok(9_500, "3s"));

    retry.complete(backend(), request(), sleeper);

    assertThat(retryWaits).containsExactly(Duration.ofSeconds(60));
    assertThat(notices).singleElement().asString()
        .contains("waiting 60 s before attempt 2 of 6")
        .endsWith("(the server asks for 2 min; kurz waits at most 60 s at a time)");
  }

  @Test
  void withoutBudgetHeadersARejectionLowersTheConcurrency() throws Exception {
    server.enqueue(tooMany("Retry-After", "1"));
    server.enqueue(new MockResponse.Builder().code(200).addHeader("Content-Type", "application/json").body(ANSWER).build());

    retry.complete(backend(), request(), sleeper);

    assertThat(limiter.concurrencyLimit()).isLessThan(4);
    assertThat(budgetWaits).isEmpty();
    assertThat(retryWaits).containsExactly(Duration.ofSeconds(1));
  }

  @Test
  void anOvershootOfTheConcurrencyLimitGoesAgainWhenASlotFreesNotAfterRetryAfter() throws Exception {
    // Two in flight against a server taking one: the second is rejected (asking for 30 s) while the
    // first is answered; it is sent again as soon as the first one's slot is free.
    java.util.concurrent.atomic.AtomicInteger arrivals = new java.util.concurrent.atomic.AtomicInteger();
    java.util.concurrent.CountDownLatch firstArrived = new java.util.concurrent.CountDownLatch(1);
    server.setDispatcher(new mockwebserver3.Dispatcher() {
      @Override
      public MockResponse dispatch(mockwebserver3.RecordedRequest r) throws InterruptedException {
        if (arrivals.incrementAndGet() != 2) {
          if (arrivals.get() == 1) {
            firstArrived.countDown();
            long until = System.nanoTime() + 10_000_000_000L; // answered once the rejection is taken in
            while (limiter.concurrencyLimit() > 1 && System.nanoTime() < until) Thread.onSpinWait();
          }
          return new MockResponse.Builder().code(200).addHeader("Content-Type", "application/json").body(ANSWER).build();
        }
        return tooMany("Retry-After", "30");
      }
    });
    Backend backend = backend();
    java.util.concurrent.CompletableFuture<?> first = java.util.concurrent.CompletableFuture.runAsync(() -> {
      try {
        retry.complete(backend, request(), sleeper);
      } catch (Exception e) {
        throw new RuntimeException(e);
      }
    });
    firstArrived.await();

    retry.complete(backend, request(), sleeper);
    first.get();

    assertThat(arrivals).hasValue(3);
    assertThat(limiter.rejected()).isEqualTo(1);
    assertThat(retryWaits).isEmpty();
    assertThat(notices).isEmpty();
  }

  @Test
  void anthropicsInputAndOutputBudgetsAreEachChargedTheirOwnPart() throws Exception {
    // 400 prompt and 100 answer tokens a request. The input budget has room for one more prompt
    // (not for prompt and answer together); the output budget has 50 left, less than an answer:
    // the second request waits for the output budget's reset, and only for that.
    server.enqueue(anthropicOk(450, 50, "2026-12-01T10:00:03Z"));
    server.enqueue(anthropicOk(40_000, 7_900, "2026-12-01T10:01:00Z"));
    OkHttpClient http = new OkHttpClient.Builder().addInterceptor(new RateLimitInterceptor(limiter, clock)).build();
    Backend anthropic = new ThrottledBackend(Backends.create(new BackendSpec("anthropic", "anthropic", "claude-test",
        server.url("/v1").toString(), KEY, "ANTHROPIC_API_KEY", Duration.ofSeconds(5), Map.of()), http), limiter, () -> false);

    anthropic.complete(request());
    anthropic.complete(request());

    assertThat(server.getRequestCount()).isEqualTo(2);
    assertThat(budgetWaits.stream().reduce(Duration.ZERO, Duration::plus)).isEqualTo(Duration.ofSeconds(3));
    assertThat(pacing).containsExactly("output tokens 8000 PT3S");
  }

  private static MockResponse anthropicOk(long inputRemaining, long outputRemaining, String outputReset) {
    return new MockResponse.Builder().code(200).addHeader("Content-Type", "application/json")
        .addHeader("anthropic-ratelimit-input-tokens-limit", "40000")
        .addHeader("anthropic-ratelimit-input-tokens-remaining", inputRemaining)
        .addHeader("anthropic-ratelimit-input-tokens-reset", "2026-12-01T10:01:00Z")
        .addHeader("anthropic-ratelimit-output-tokens-limit", "8000")
        .addHeader("anthropic-ratelimit-output-tokens-remaining", outputRemaining)
        .addHeader("anthropic-ratelimit-output-tokens-reset", outputReset)
        // the tightest of the two, which kurz leaves aside when both are stated
        .addHeader("anthropic-ratelimit-tokens-limit", "8000")
        .addHeader("anthropic-ratelimit-tokens-remaining", Math.min(inputRemaining, outputRemaining))
        .addHeader("anthropic-ratelimit-tokens-reset", outputReset)
        .body("""
            {"id":"msg_01","type":"message","role":"assistant","model":"claude-test",
             "content":[{"type":"text","text":"{\\"ok\\":true}"}],"stop_reason":"end_turn","stop_sequence":null,
             "usage":{"input_tokens":400,"output_tokens":100}}
            """).build();
  }
}
