package dev.kurz.llm;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads how long a server asked us to wait from response headers: {@code retry-after-ms}
 * (milliseconds), {@code Retry-After} (delta seconds or an HTTP date), OpenAI's
 * {@code x-ratelimit-reset-requests}/{@code -tokens} (Go durations like {@code 6m0s},
 * {@code 20ms}) and Anthropic's {@code anthropic-ratelimit-*-reset} (RFC 3339 instants). The
 * explicit retry headers win; otherwise the longest reset applies. Stateless.
 */
final class RetryAfter {
  private static final Pattern GO_PART = Pattern.compile("(\\d+(?:\\.\\d+)?)(ms|us|µs|ns|h|m|s)");

  private RetryAfter() {}

  /** The wait, or null when no header says; never negative. */
  static Duration parse(Function<String, String> header, Instant now) {
    Duration millis = parseMillis(header.apply("retry-after-ms"));
    if (millis != null) return millis;
    Duration retryAfter = parseRetryAfter(header.apply("retry-after"), now);
    if (retryAfter != null) return retryAfter;
    Duration longest = null;
    for (String name : new String[] {"x-ratelimit-reset-requests", "x-ratelimit-reset-tokens"}) {
      longest = max(longest, parseGoDuration(header.apply(name)));
    }
    for (String name : new String[] {
        "anthropic-ratelimit-requests-reset", "anthropic-ratelimit-tokens-reset",
        "anthropic-ratelimit-input-tokens-reset", "anthropic-ratelimit-output-tokens-reset"}) {
      longest = max(longest, parseInstant(header.apply(name), now));
    }
    return longest;
  }

  static Duration parseMillis(String value) {
    if (value == null) return null;
    try {
      double ms = Double.parseDouble(value.trim());
      return ms < 0 ? null : Duration.ofNanos((long) (ms * 1_000_000));
    } catch (NumberFormatException e) {
      return null;
    }
  }

  static Duration parseRetryAfter(String value, Instant now) {
    if (value == null || value.isBlank()) return null;
    String v = value.trim();
    try {
      double seconds = Double.parseDouble(v);
      return seconds < 0 ? null : Duration.ofMillis((long) (seconds * 1000));
    } catch (NumberFormatException notSeconds) {
      try {
        Instant at = ZonedDateTime.parse(v, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
        return nonNegative(Duration.between(now, at));
      } catch (DateTimeParseException notDate) {
        return null;
      }
    }
  }

  static Duration parseGoDuration(String value) {
    if (value == null || value.isBlank()) return null;
    String v = value.trim();
    Matcher m = GO_PART.matcher(v);
    long nanos = 0;
    int end = 0;
    while (m.find()) {
      if (m.start() != end) return null;
      end = m.end();
      double amount = Double.parseDouble(m.group(1));
      double unitNanos = switch (m.group(2)) {
        case "h" -> 3600e9;
        case "m" -> 60e9;
        case "s" -> 1e9;
        case "ms" -> 1e6;
        case "us", "µs" -> 1e3;
        default -> 1;
      };
      nanos += (long) (amount * unitNanos);
    }
    return end == v.length() && end > 0 ? Duration.ofNanos(nanos) : null;
  }

  private static Duration parseInstant(String value, Instant now) {
    if (value == null || value.isBlank()) return null;
    try {
      return nonNegative(Duration.between(now, OffsetDateTime.parse(value.trim()).toInstant()));
    } catch (DateTimeParseException e) {
      return null;
    }
  }

  private static Duration nonNegative(Duration d) {
    return d.isNegative() ? Duration.ZERO : d;
  }

  private static Duration max(Duration a, Duration b) {
    if (a == null) return b;
    if (b == null) return a;
    return a.compareTo(b) >= 0 ? a : b;
  }
}
