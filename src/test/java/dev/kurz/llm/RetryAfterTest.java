package dev.kurz.llm;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class RetryAfterTest {
  private static final Instant NOW = Instant.parse("2025-10-09T10:00:00Z");

  private static Duration parse(Map<String, String> headers) {
    TreeMap<String, String> h = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    h.putAll(headers);
    return RetryAfter.parse(h::get, NOW);
  }

  @Test
  void secondsAndHttpDates() {
    assertThat(parse(Map.of("Retry-After", "7"))).isEqualTo(Duration.ofSeconds(7));
    assertThat(parse(Map.of("Retry-After", "Thu, 09 Oct 2025 10:00:30 GMT"))).isEqualTo(Duration.ofSeconds(30));
    assertThat(parse(Map.of("Retry-After", "Thu, 09 Oct 2025 09:00:00 GMT"))).isEqualTo(Duration.ZERO);
    assertThat(parse(Map.of("Retry-After", "bald"))).isNull();
  }

  @Test
  void millisecondsWinOverSeconds() {
    assertThat(parse(Map.of("retry-after-ms", "1500", "Retry-After", "2"))).isEqualTo(Duration.ofMillis(1500));
  }

  @Test
  void openAiResetHeadersTakeTheLongest() {
    assertThat(parse(Map.of("x-ratelimit-reset-requests", "6m0s", "x-ratelimit-reset-tokens", "20ms")))
        .isEqualTo(Duration.ofMinutes(6));
    assertThat(parse(Map.of("x-ratelimit-reset-tokens", "1.5s"))).isEqualTo(Duration.ofMillis(1500));
    assertThat(RetryAfter.parseGoDuration("1h2m3s")).isEqualTo(Duration.ofSeconds(3723));
    assertThat(RetryAfter.parseGoDuration("zwei")).isNull();
  }

  @Test
  void anthropicResetInstants() {
    assertThat(parse(Map.of("anthropic-ratelimit-requests-reset", "2025-10-09T10:00:12Z")))
        .isEqualTo(Duration.ofSeconds(12));
  }

  @Test
  void nothingWhenNoHeaderSays() {
    assertThat(parse(Map.of())).isNull();
  }
}
