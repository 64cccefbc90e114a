package dev.kurz.config;

import java.time.Duration;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The one way kurz writes a span of time, wherever it takes one ({@code --since}, {@code --timeout},
 * {@code cache list --since}, {@code cache prune --older-than}, their variables and config keys):
 * a whole number with a unit s, m (minutes, not months), h, d or w ({@code 90s}, {@code 24h},
 * {@code 2w}). Stateless and thread-safe.
 */
public final class Durations {
  private static final Pattern SPAN = Pattern.compile("(\\d+)\\s*([smhdw])", Pattern.CASE_INSENSITIVE);

  private Durations() {}

  /**
   * Parses "90s", "90m", "12h", "30d", "2w".
   *
   * @throws IllegalArgumentException naming the value and the accepted forms
   */
  public static Duration parse(String text) {
    String value = text == null ? "" : text.strip();
    Matcher m = SPAN.matcher(value);
    if (!m.matches()) {
      throw new IllegalArgumentException("'" + value + "' is not a span of time: a whole number with a unit s, m (minutes),"
          + " h, d or w, e.g. 90s, 24h or 2d");
    }
    try {
      long amount = Long.parseLong(m.group(1));
      return switch (m.group(2).toLowerCase(Locale.ROOT)) {
        case "s" -> Duration.ofSeconds(amount);
        case "m" -> Duration.ofMinutes(amount);
        case "h" -> Duration.ofHours(amount);
        case "d" -> Duration.ofDays(amount);
        default -> Duration.ofDays(Math.multiplyExact(amount, 7));
      };
    } catch (ArithmeticException | NumberFormatException e) {
      throw new IllegalArgumentException("'" + value + "' is too long a span of time", e);
    }
  }
}
