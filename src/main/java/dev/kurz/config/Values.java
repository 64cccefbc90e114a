package dev.kurz.config;

import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.UnaryOperator;

/**
 * How a setting's text is checked and normalized where it enters (flag, environment, file). Each
 * check returns the canonical form or throws {@link IllegalArgumentException} whose message says
 * what was wrong with the value (without naming where it came from: the caller knows that).
 */
final class Values {
  private Values() {}

  static UnaryOperator<String> wholeNumber(int min) {
    return raw -> {
      try {
        int n = Integer.parseInt(raw.strip());
        if (n >= min) return String.valueOf(n);
      } catch (NumberFormatException e) {
        // reported below
      }
      throw new IllegalArgumentException("'" + raw + "' is not a whole number of at least " + min);
    };
  }

  /** At least one second, as a whole number of seconds ({@code 180}) or a span ({@code 3m}); answers the seconds. */
  static String seconds(String raw) {
    String v = raw.strip();
    if (!v.isEmpty() && Character.isDigit(v.charAt(v.length() - 1))) return wholeNumber(1).apply(raw);
    long s = Durations.parse(v).toSeconds();
    if (s < 1) throw new IllegalArgumentException("'" + raw + "' is shorter than a second");
    return String.valueOf(s);
  }

  static UnaryOperator<String> number(double min, double max) {
    return raw -> {
      try {
        double d = Double.parseDouble(raw.strip());
        if (d >= min && d <= max) return raw.strip();
      } catch (NumberFormatException e) {
        // reported below
      }
      throw new IllegalArgumentException("'" + raw + "' is not a number from " + (int) min + " to " + (int) max);
    };
  }

  static UnaryOperator<String> oneOf(String... allowed) {
    List<String> list = Arrays.asList(allowed);
    return raw -> {
      String v = raw.strip().toLowerCase(Locale.ROOT);
      if (list.contains(v)) return v;
      throw new IllegalArgumentException("'" + raw + "' is not one of " + String.join(", ", list));
    };
  }

  /** true or false (also yes/no, on/off, 1/0), as {@code true} or {@code false}. */
  static String bool(String raw) {
    return switch (raw.strip().toLowerCase(Locale.ROOT)) {
      case "true", "yes", "on", "1" -> "true";
      case "false", "no", "off", "0" -> "false";
      default -> throw new IllegalArgumentException("'" + raw + "' is not true or false");
    };
  }

  static String timeZone(String raw) {
    try {
      return ZoneId.of(raw.strip()).getId();
    } catch (DateTimeException e) {
      throw new IllegalArgumentException("'" + raw + "' is not a time zone (e.g. Europe/Berlin, UTC)");
    }
  }

  /** Lower-cased English and native language names, and ISO 639-2 codes, to ISO 639-1 codes. */
  private static final class Names {
    static final Map<String, String> CODES = codes();

    private static Map<String, String> codes() {
      Map<String, String> m = new TreeMap<>();
      for (String code : Locale.getISOLanguages()) {
        if (code.length() != 2) continue;
        Locale locale = Locale.of(code);
        m.putIfAbsent(locale.getDisplayLanguage(Locale.ENGLISH).toLowerCase(Locale.ROOT), code);
        m.putIfAbsent(locale.getDisplayLanguage(locale).toLowerCase(locale), code);
        try {
          m.putIfAbsent(locale.getISO3Language(), code);
        } catch (java.util.MissingResourceException e) {
          // no three-letter code: the two-letter one and the names still work
        }
      }
      return m;
    }
  }

  /**
   * A target language: an ISO 639-1 code (optionally with a region, {@code pt-BR}), a three-letter
   * code, or a language's English or native name ({@code German}, {@code Deutsch}); answers the
   * ISO 639-1 code (with the region as given).
   */
  static String language(String raw) {
    String v = raw.strip();
    String[] parts = v.split("[-_]", 2);
    String primary = parts[0].toLowerCase(Locale.ROOT);
    if (primary.length() == 2 && Arrays.asList(Locale.getISOLanguages()).contains(primary)) {
      return parts.length == 1 ? primary : primary + "-" + parts[1].toUpperCase(Locale.ROOT);
    }
    String byName = Names.CODES.get(v.toLowerCase(Locale.ROOT));
    if (byName != null) return byName;
    throw new IllegalArgumentException("'" + raw + "' is not a language: use an ISO 639-1 code (en, fr, es) or a name (English, French)");
  }
}
