package dev.kurz.llm.http;

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
 * Where an answer says the client stands with the provider's budgets, read from its headers:
 *
 * <ul>
 *   <li>OpenAI (and Azure, Groq, most OpenAI-compatible servers): {@code x-ratelimit-limit-},
 *       {@code -remaining-} and {@code -reset-requests|tokens}, resets as Go durations
 *       ({@code 6m0s}, {@code 1.5s}, {@code 20ms});
 *   <li>Anthropic: {@code anthropic-ratelimit-requests|tokens|input-tokens|output-tokens-limit},
 *       {@code -remaining}, {@code -reset} (RFC 3339 instants). Input and output tokens are budgeted
 *       apart ({@link #inputTokens}, {@link #outputTokens}); {@code tokens}, the tightest of the
 *       limits in effect, stands for both only where the two are not both stated;
 *   <li>Mistral: {@code x-ratelimit-limit|remaining-tokens-minute} and {@code -req-minute}, no
 *       reset (a minute's window);
 *   <li>any: {@code retry-after-ms} (milliseconds) and {@code Retry-After} (seconds or an HTTP date).
 * </ul>
 *
 * Gemini sends none of these; its 429 body carries a {@code retryDelay} instead, read where errors
 * are translated. Immutable.
 */
public record RateLimitHeaders(Bucket requests, Bucket tokens, Bucket inputTokens, Bucket outputTokens, Duration retryAfter) {
  private static final Pattern GO_PART = Pattern.compile("(\\d+(?:\\.\\d+)?)(ms|us|µs|ns|h|m|s)");
  /** Longer than anything a provider asks for; keeps absurd values (1e9 s) from overflowing. */
  private static final Duration LONGEST = Duration.ofDays(36_500);
  private static final Duration MINUTE = Duration.ofMinutes(1);

  /**
   * One budget: how much the window allows ({@code -1} when the server does not say), how much is
   * left, and how long until it is full again ({@code null} when the server does not say), counted
   * from the answer's arrival. {@code absolute}: the server named the instant (Anthropic), so the
   * reset does not depend on when it wrote the header; a duration (OpenAI's {@code 6m0s}) counts
   * from that moment, somewhere between the request's sending and the answer's arrival.
   */
  public record Bucket(long limit, long remaining, Duration reset, boolean absolute) {
    /** A reset given as a duration. */
    public Bucket(long limit, long remaining, Duration reset) {
      this(limit, remaining, reset, false);
    }
  }

  /** The headers' word, or null when they say nothing about limits. */
  public static RateLimitHeaders parse(Function<String, String> header, Instant now) {
    Bucket requests = first(
        openAi(header, "requests"),
        anthropic(header, "requests", now),
        mistral(header, "req"));
    Bucket input = anthropic(header, "input-tokens", now);
    Bucket output = anthropic(header, "output-tokens", now);
    // Budgets: prompt and answer together (OpenAI, Mistral), or apart (Anthropic's input and output).
    Bucket tokens = first(
        openAi(header, "tokens"),
        input != null && output != null ? null : anthropic(header, "tokens", now),
        mistral(header, "tokens"));
    Duration retryAfter = retryAfter(header, now);
    if (requests == null && tokens == null && input == null && output == null && retryAfter == null) return null;
    return new RateLimitHeaders(requests, tokens, input, output, retryAfter);
  }

  /** {@code retry-after-ms} if present, else {@code Retry-After}; null when neither says. */
  public static Duration retryAfter(Function<String, String> header, Instant now) {
    Duration millis = parseMillis(header.apply("retry-after-ms"));
    return millis != null ? millis : parseRetryAfter(header.apply("retry-after"), now);
  }

  private static Bucket openAi(Function<String, String> header, String what) {
    Long remaining = number(header.apply("x-ratelimit-remaining-" + what));
    if (remaining == null) return null;
    Long limit = number(header.apply("x-ratelimit-limit-" + what));
    return new Bucket(limit == null ? -1 : limit, remaining, parseGoDuration(header.apply("x-ratelimit-reset-" + what)));
  }

  private static Bucket anthropic(Function<String, String> header, String what, Instant now) {
    String prefix = "anthropic-ratelimit-" + what + "-";
    Long remaining = number(header.apply(prefix + "remaining"));
    if (remaining == null) return null;
    Long limit = number(header.apply(prefix + "limit"));
    Duration reset = parseInstant(header.apply(prefix + "reset"), now);
    return new Bucket(limit == null ? -1 : limit, remaining, reset, reset != null);
  }

  private static Bucket mistral(Function<String, String> header, String what) {
    Long remaining = number(header.apply("x-ratelimit-remaining-" + what + "-minute"));
    if (remaining == null) return null;
    Long limit = number(header.apply("x-ratelimit-limit-" + what + "-minute"));
    // No reset: at worst the whole minute.
    return new Bucket(limit == null ? -1 : limit, remaining, remaining > 0 ? null : MINUTE);
  }

  private static Bucket first(Bucket... buckets) {
    for (Bucket b : buckets) {
      if (b != null) return b;
    }
    return null;
  }

  private static Long number(String value) {
    if (value == null || value.isBlank()) return null;
    try {
      double d = Double.parseDouble(value.trim());
      return d < 0 || Double.isNaN(d) ? null : (long) Math.min(d, Long.MAX_VALUE / 4);
    } catch (NumberFormatException e) {
      return null;
    }
  }

  public static Duration parseMillis(String value) {
    if (value == null) return null;
    try {
      double ms = Double.parseDouble(value.trim());
      return ms < 0 || Double.isNaN(ms) ? null : clamp(ms / 1000);
    } catch (NumberFormatException e) {
      return null;
    }
  }

  public static Duration parseRetryAfter(String value, Instant now) {
    if (value == null || value.isBlank()) return null;
    String v = value.trim();
    try {
      double seconds = Double.parseDouble(v);
      return seconds < 0 || Double.isNaN(seconds) ? null : clamp(seconds);
    } catch (NumberFormatException notSeconds) {
      try {
        Instant at = ZonedDateTime.parse(v, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
        return nonNegative(Duration.between(now, at));
      } catch (DateTimeParseException notDate) {
        return null;
      }
    }
  }

  public static Duration parseGoDuration(String value) {
    if (value == null || value.isBlank()) return null;
    String v = value.trim();
    Matcher m = GO_PART.matcher(v);
    double seconds = 0;
    int end = 0;
    while (m.find()) {
      if (m.start() != end) return null;
      end = m.end();
      double amount = Double.parseDouble(m.group(1));
      seconds += amount * switch (m.group(2)) {
        case "h" -> 3600;
        case "m" -> 60;
        case "s" -> 1;
        case "ms" -> 1e-3;
        case "us", "µs" -> 1e-6;
        default -> 1e-9;
      };
    }
    return end == v.length() && end > 0 ? clamp(seconds) : null;
  }

  public static Duration parseInstant(String value, Instant now) {
    if (value == null || value.isBlank()) return null;
    try {
      return nonNegative(Duration.between(now, OffsetDateTime.parse(value.trim()).toInstant()));
    } catch (DateTimeParseException e) {
      return null;
    }
  }

  private static Duration clamp(double seconds) {
    if (seconds >= LONGEST.toSeconds()) return LONGEST;
    return Duration.ofNanos((long) (seconds * 1e9));
  }

  private static Duration nonNegative(Duration d) {
    return d.isNegative() ? Duration.ZERO : d;
  }
}
