package dev.kurz.llm;

import dev.kurz.llm.http.RateLimitHeaders;
import java.time.Duration;
import java.time.Instant;
import java.util.function.Function;

/**
 * Reads how long a server asked us to wait from response headers: {@code retry-after-ms}
 * (milliseconds), {@code Retry-After} (delta seconds or an HTTP date), OpenAI's
 * {@code x-ratelimit-reset-requests}/{@code -tokens} (Go durations like {@code 6m0s},
 * {@code 20ms}) and Anthropic's {@code anthropic-ratelimit-*-reset} (RFC 3339 instants). The
 * explicit retry headers win; otherwise the longest reset applies. Stateless.
 */
final class RetryAfter {
  private RetryAfter() {}

  /** The wait, or null when no header says; never negative. */
  static Duration parse(Function<String, String> header, Instant now) {
    Duration retryAfter = RateLimitHeaders.retryAfter(header, now);
    if (retryAfter != null) return retryAfter;
    Duration longest = null;
    for (String name : new String[] {"x-ratelimit-reset-requests", "x-ratelimit-reset-tokens"}) {
      longest = max(longest, parseGoDuration(header.apply(name)));
    }
    for (String name : new String[] {
        "anthropic-ratelimit-requests-reset", "anthropic-ratelimit-tokens-reset",
        "anthropic-ratelimit-input-tokens-reset", "anthropic-ratelimit-output-tokens-reset"}) {
      longest = max(longest, RateLimitHeaders.parseInstant(header.apply(name), now));
    }
    return longest;
  }

  static Duration parseGoDuration(String value) {
    return RateLimitHeaders.parseGoDuration(value);
  }

  private static Duration max(Duration a, Duration b) {
    if (a == null) return b;
    if (b == null) return a;
    return a.compareTo(b) >= 0 ? a : b;
  }
}
