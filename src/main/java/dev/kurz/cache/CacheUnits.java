package dev.kurz.cache;

import java.math.BigDecimal;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Parses and formats the sizes the cache options take ({@code --max-size 500MB}). Sizes are
 * binary: K, KB and KiB all mean 1024 bytes, as for JVM and Docker options. Stateless and
 * thread-safe.
 */
public final class CacheUnits {
  private static final Pattern SIZE =
      Pattern.compile("(\\d+(?:\\.\\d+)?)\\s*(?:([kmgt])(?:i?b)?|b)?", Pattern.CASE_INSENSITIVE);

  private CacheUnits() {}

  /**
   * Parses "1024", "500MB", "1.5 GB", "64k", "2GiB" into bytes.
   *
   * @throws IllegalArgumentException with a message naming the value and the accepted forms
   */
  public static long parseSize(String text) {
    String value = text == null ? "" : text.strip();
    Matcher m = SIZE.matcher(value);
    if (!m.matches()) {
      throw new IllegalArgumentException(
          "invalid size \"" + value + "\": expected a number with an optional unit B, KB, MB, GB"
              + " or TB (1 KB = 1024 bytes), e.g. 500MB, 2GB or 1024");
    }
    String number = m.group(1);
    String unit = m.group(2) == null ? "" : m.group(2).toLowerCase(Locale.ROOT);
    int shift =
        switch (unit) {
          case "k" -> 10;
          case "m" -> 20;
          case "g" -> 30;
          case "t" -> 40;
          default -> 0;
        };
    BigDecimal result = new BigDecimal(number).multiply(BigDecimal.valueOf(1L << shift));
    if (result.compareTo(BigDecimal.valueOf(Long.MAX_VALUE)) > 0) {
      throw new IllegalArgumentException("invalid size \"" + value + "\": too large");
    }
    if (shift == 0 && result.stripTrailingZeros().scale() > 0) {
      throw new IllegalArgumentException(
          "invalid size \"" + value + "\": a number of bytes must be whole");
    }
    return result.longValue();
  }

  /** Formats a byte count for people: "512 B", "1.5 KB", "23.4 MB", "2.0 GB" (binary units). */
  public static String formatSize(long bytes) {
    if (bytes < 1024) {
      return bytes + " B";
    }
    String[] units = {"KB", "MB", "GB", "TB", "PB", "EB"};
    double value = bytes;
    int unit = -1;
    while (value >= 1024 && unit < units.length - 1) {
      value /= 1024;
      unit++;
    }
    return String.format(Locale.ROOT, "%.1f %s", value, units[unit]);
  }
}
