package dev.kurz.ingest;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds a publication date in a short metadata string ({@code Stand: 03.12.2025 17:45 Uhr},
 * {@code date 2025-02}, {@code 2025-12-03T17:45:00+01:00}, {@code 3. Dezember 2025}) and writes it
 * as ISO {@code yyyy-MM-dd}, or {@code yyyy-MM} when the day is unknown. Stateless; thread-safe.
 */
final class PublishedDate {
  private static final Map<String, Integer> MONTHS = Map.ofEntries(
      Map.entry("januar", 1), Map.entry("jänner", 1), Map.entry("jan", 1), Map.entry("februar", 2),
      Map.entry("feb", 2), Map.entry("märz", 3), Map.entry("mär", 3), Map.entry("april", 4),
      Map.entry("apr", 4), Map.entry("mai", 5), Map.entry("juni", 6), Map.entry("jun", 6),
      Map.entry("juli", 7), Map.entry("jul", 7), Map.entry("august", 8), Map.entry("aug", 8),
      Map.entry("september", 9), Map.entry("sep", 9), Map.entry("sept", 9), Map.entry("oktober", 10),
      Map.entry("okt", 10), Map.entry("november", 11), Map.entry("nov", 11), Map.entry("dezember", 12),
      Map.entry("dez", 12), Map.entry("january", 1), Map.entry("february", 2), Map.entry("march", 3),
      Map.entry("may", 5), Map.entry("june", 6), Map.entry("july", 7), Map.entry("october", 10),
      Map.entry("oct", 10), Map.entry("december", 12), Map.entry("dec", 12));

  private static final Pattern ISO = Pattern.compile("(?<!\\d)(\\d{4})-(\\d{2})(?:-(\\d{2}))?(?!\\d)");
  private static final Pattern NUMERIC = Pattern.compile("\\b(\\d{1,2})\\.\\s?(\\d{1,2})\\.\\s?(\\d{4})\\b");
  private static final Pattern NAMED = Pattern.compile(
      "(?iu)\\b(?:(\\d{1,2})\\.?\\s+)?(\\p{L}{3,9})\\.?\\s+(?:(\\d{1,2}),\\s+)?(\\d{4})\\b");

  private PublishedDate() {}

  /** The first date in {@code text} as ISO, or null when there is none. */
  static String find(String text) {
    if (text == null) return null;
    Matcher m = ISO.matcher(text);
    if (m.find()) {
      String iso = iso(m.group(1), m.group(2), m.group(3));
      if (iso != null) return iso;
    }
    m = NUMERIC.matcher(text);
    if (m.find()) {
      String iso = iso(m.group(3), m.group(2), m.group(1));
      if (iso != null) return iso;
    }
    m = NAMED.matcher(text);
    while (m.find()) {
      Integer month = MONTHS.get(m.group(2).toLowerCase(Locale.ROOT));
      if (month == null) continue;
      String day = m.group(1) != null ? m.group(1) : m.group(3);
      String iso = iso(m.group(4), String.valueOf(month), day);
      if (iso != null) return iso;
    }
    return null;
  }

  private static String iso(String year, String month, String day) {
    try {
      int y = Integer.parseInt(year);
      if (y < 1900 || y > 2200) return null;
      int mo = Integer.parseInt(month);
      if (day == null) return YearMonth.of(y, mo).toString();
      return LocalDate.of(y, mo, Integer.parseInt(day)).toString();
    } catch (DateTimeException | NumberFormatException e) {
      return null;
    }
  }
}
