package dev.kurz.llm.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class RateLimitHeadersTest {
  private static final Instant NOW = Instant.parse("2026-12-01T10:00:00Z");

  private static Map<String, String> pairs(String... kv) {
    Map<String, String> m = new java.util.HashMap<>();
    for (int i = 0; i < kv.length; i += 2) m.put(kv[i], kv[i + 1]);
    return m;
  }

  private static RateLimitHeaders parse(Map<String, String> headers) {
    TreeMap<String, String> h = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    h.putAll(headers);
    return RateLimitHeaders.parse(h::get, NOW);
  }

  @Test
  void openAiBudgetsWithGoDurations() {
    RateLimitHeaders h = parse(Map.of(
        "x-ratelimit-limit-requests", "500", "x-ratelimit-remaining-requests", "499", "x-ratelimit-reset-requests", "6m0s",
        "x-ratelimit-limit-tokens", "30000", "x-ratelimit-remaining-tokens", "27500", "x-ratelimit-reset-tokens", "1.5s"));
    assertThat(h.requests()).isEqualTo(new RateLimitHeaders.Bucket(500, 499, Duration.ofMinutes(6)));
    assertThat(h.tokens()).isEqualTo(new RateLimitHeaders.Bucket(30000, 27500, Duration.ofMillis(1500)));
    assertThat(parse(Map.of("x-ratelimit-remaining-tokens", "10", "x-ratelimit-reset-tokens", "20ms")).tokens())
        .isEqualTo(new RateLimitHeaders.Bucket(-1, 10, Duration.ofMillis(20)));
  }

  @Test
  void anthropicBudgetsWithInstantsInputAndOutputApart() {
    RateLimitHeaders h = parse(pairs(
        "anthropic-ratelimit-requests-limit", "50", "anthropic-ratelimit-requests-remaining", "49",
        "anthropic-ratelimit-requests-reset", "2026-12-01T10:00:01Z",
        "anthropic-ratelimit-input-tokens-limit", "40000", "anthropic-ratelimit-input-tokens-remaining", "39000",
        "anthropic-ratelimit-input-tokens-reset", "2026-12-01T10:00:03Z",
        "anthropic-ratelimit-output-tokens-limit", "8000", "anthropic-ratelimit-output-tokens-remaining", "7000",
        "anthropic-ratelimit-output-tokens-reset", "2026-12-01T10:00:06Z",
        "anthropic-ratelimit-tokens-limit", "8000", "anthropic-ratelimit-tokens-remaining", "7000",
        "anthropic-ratelimit-tokens-reset", "2026-12-01T10:00:06Z"));
    // Instants: the reset is the same whenever the server wrote it.
    assertThat(h.requests()).isEqualTo(new RateLimitHeaders.Bucket(50, 49, Duration.ofSeconds(1), true));
    assertThat(h.inputTokens()).isEqualTo(new RateLimitHeaders.Bucket(40000, 39000, Duration.ofSeconds(3), true));
    assertThat(h.outputTokens()).isEqualTo(new RateLimitHeaders.Bucket(8000, 7000, Duration.ofSeconds(6), true));
    assertThat(h.tokens()).isNull(); // the tightest of the two stated ones: nothing of its own
  }

  @Test
  void anthropicsCombinedTokensStandWhereInputAndOutputAreNotBothStated() {
    RateLimitHeaders h = parse(Map.of(
        "anthropic-ratelimit-input-tokens-limit", "40000", "anthropic-ratelimit-input-tokens-remaining", "39000",
        "anthropic-ratelimit-input-tokens-reset", "2026-12-01T10:00:03Z",
        "anthropic-ratelimit-tokens-limit", "48000", "anthropic-ratelimit-tokens-remaining", "20000",
        "anthropic-ratelimit-tokens-reset", "2026-12-01T10:00:30Z"));
    assertThat(h.tokens()).isEqualTo(new RateLimitHeaders.Bucket(48000, 20000, Duration.ofSeconds(30), true));
    assertThat(h.inputTokens().limit()).isEqualTo(40000);
    assertThat(h.outputTokens()).isNull();
  }

  @Test
  void mistralMinuteBudgets() {
    RateLimitHeaders h = parse(Map.of("x-ratelimit-limit-tokens-minute", "500000", "x-ratelimit-remaining-tokens-minute", "0",
        "x-ratelimit-limit-req-minute", "720", "x-ratelimit-remaining-req-minute", "717"));
    assertThat(h.tokens()).isEqualTo(new RateLimitHeaders.Bucket(500000, 0, Duration.ofMinutes(1)));
    assertThat(h.requests()).isEqualTo(new RateLimitHeaders.Bucket(720, 717, null));
  }

  @Test
  void retryAfterMillisecondsWinAndAbsurdValuesStayFinite() {
    assertThat(parse(Map.of("retry-after-ms", "250", "retry-after", "3")).retryAfter()).isEqualTo(Duration.ofMillis(250));
    assertThat(parse(Map.of("retry-after", "1e9")).retryAfter()).isEqualTo(Duration.ofSeconds(1_000_000_000));
    assertThat(parse(Map.of("retry-after-ms", "1e300")).retryAfter()).isEqualTo(Duration.ofDays(36_500));
    assertThat(parse(Map.of("retry-after", "NaN"))).isNull();
  }

  @Test
  void nothingWhenNoHeaderSpeaksOfLimits() {
    assertThat(parse(Map.of("content-type", "application/json"))).isNull();
  }
}
