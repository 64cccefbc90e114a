package dev.kurz.faithfulness;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The numbers, dates, months, weekdays and times a German article contains, read generously: every
 * reading a notation allows is kept ("1.500" is 1500 and 1.5), because the check asks only whether
 * the English item has some counterpart, and a missed counterpart costs a false alarm. Immutable.
 */
final class GermanFacts {
  static final Map<String, Integer> MONTHS = Map.ofEntries(
      Map.entry("januar", 1), Map.entry("jänner", 1), Map.entry("jaenner", 1), Map.entry("februar", 2),
      Map.entry("feber", 2), Map.entry("märz", 3), Map.entry("maerz", 3), Map.entry("april", 4), Map.entry("mai", 5),
      Map.entry("juni", 6), Map.entry("juli", 7), Map.entry("august", 8), Map.entry("september", 9),
      Map.entry("oktober", 10), Map.entry("november", 11), Map.entry("dezember", 12));
  private static final List<String> WEEKDAY_STEMS =
      List.of("montag", "dienstag", "mittwoch", "donnerstag", "freitag", "samstag", "sonntag");

  private static final Pattern DIGITS = Pattern.compile("\\d+(?:[.,]\\d+)*");
  private static final Pattern WORD = Pattern.compile("\\p{L}+");
  private static final Pattern SPACED_THOUSANDS = Pattern.compile("^[ \u00a0\u202f](\\d{3})(?!\\d)");
  /** A season or span of years: "2014/15", "2020/21" (the second year's century is the first's). */
  private static final Pattern SEASON = Pattern.compile("(?<!\\d)(1[89]|20)(\\d\\d)\\s?[/–-]\\s?(\\d\\d)(?!\\d)");
  /** "vierzehn Tage" are two weeks, "zwei Wochen" fourteen days. */
  private static final Pattern DAYS_OR_WEEKS = Pattern.compile("((?<!\\d)\\d+|(?<!\\p{L})\\p{L}+)\\s+(Tag|Tage|Tagen|Woche|Wochen)\\b");
  private static final Pattern DAY_DIGITS = Pattern.compile("\\d{1,2}");
  private static final Pattern WRITTEN_HOUR = Pattern.compile("(?<!\\p{L})(\\p{L}+)\\s+Uhr");
  private static final String MONTH_ALT = "(Januar|Jänner|Jaenner|Februar|Feber|März|Maerz|April|Mai|Juni|Juli|August|September|Oktober|November|Dezember)";
  /** "2. November", "2. und 3. November", "2. bis 5. November", "1., 2. und 3. Mai". */
  private static final Pattern DAY_MONTH = Pattern.compile(
      "((?:\\d{1,2}\\.\\s*(?:,|und|bis|oder|/|-|–)?\\s*)+)" + MONTH_ALT, Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
  private static final Pattern NUMERIC_DATE = Pattern.compile("(?<!\\d)(\\d{1,2})\\.(\\d{1,2})\\.(\\d{2,4})?");
  private static final Pattern TIME = Pattern.compile("(?<!\\d)(\\d{1,2})(?:[.:](\\d{2}))?\\s*Uhr");
  // The next four are matched against the lower-cased text: case-insensitive matching of the whole
  // article was most of the facts' reading time.
  private static final Pattern RELATIVE_DAY = Pattern.compile(
      "\\b(gestern|heute|morgen|vorgestern|übermorgen|vortag|vorabend|wochenende|nacht)");
  private static final Pattern LAST_YEAR = Pattern.compile("(vergangen|vorig|letzt)\\p{L}*\\s+jahr|vorjahr");
  private static final Pattern THIS_YEAR = Pattern.compile("(dies|laufend)\\p{L}*\\s+jahr|heuer");
  private static final Pattern NEXT_YEAR = Pattern.compile("(nächst|kommend|folgend)\\p{L}*\\s+jahr");

  final Set<Double> numbers = new HashSet<>();
  final Set<Integer> dates = new HashSet<>();
  final Set<Integer> months = new HashSet<>();
  final Set<Integer> weekdays = new HashSet<>();
  final Set<Integer> times = new HashSet<>();
  /** Whether the text speaks of a year or a day relative to one it does not give (last year, yesterday). */
  final boolean relativeYear;
  final boolean relativeDay;

  GermanFacts(String text, LocalDate published) {
    readDigits(text);
    readWords(text);
    readSpans(text);
    readDates(text);
    readTimes(text);
    numbers.add(1.0);
    numbers.add(0.0);
    String lower = text.toLowerCase(Locale.ROOT);
    boolean lastYear = LAST_YEAR.matcher(lower).find();
    boolean thisYear = THIS_YEAR.matcher(lower).find();
    boolean nextYear = NEXT_YEAR.matcher(lower).find();
    relativeYear = lastYear || thisYear || nextYear;
    relativeDay = RELATIVE_DAY.matcher(lower).find();
    if (published != null) readRelative(published, lastYear, thisYear, nextYear);
  }

  static double key(double v) {
    return v == 0 ? 0.0 : Double.parseDouble(String.format(Locale.ROOT, "%.9g", v));
  }

  boolean hasNumber(double v) {
    return numbers.contains(key(v));
  }

  boolean hasNear(double v, double tolerance) {
    for (double n : numbers) {
      if (Math.abs(n - v) <= Math.abs(v) * tolerance) return true;
    }
    return false;
  }

  /** Whether the text bears an English mention out: the same value, an approximate one within a tenth. */
  boolean bears(EnglishQuantities.Mention m) {
    return switch (m.type()) {
      case NUMBER -> hasNumber(m.value()) || m.approximate() && hasNear(m.value(), 0.1);
      case YEAR -> hasNumber(m.value());
      case DATE -> dates.contains((int) m.value());
      case MONTH -> months.contains((int) m.value());
      case WEEKDAY -> weekdays.contains((int) m.value());
      case TIME -> times.contains((int) m.value());
    };
  }

  private void add(double v) {
    numbers.add(key(v));
  }

  private void readDigits(String text) {
    Matcher season = SEASON.matcher(text);
    while (season.find()) add(Integer.parseInt(season.group(1)) * 100 + Integer.parseInt(season.group(3)));
    Matcher m = DIGITS.matcher(text);
    while (m.find()) {
      String run = m.group();
      double mult = multiplierAfter(text, m.end());
      for (double v : readings(run)) {
        add(v);
        if (mult != 1) add(v * mult);
      }
      for (String group : run.split("[.,]")) {
        if (!group.isEmpty() && group.length() < 16) add(Double.parseDouble(group));
      }
      // "10 000" with a space between thousands.
      Matcher next = SPACED_THOUSANDS.matcher(text.substring(m.end(), Math.min(text.length(), m.end() + 5)));
      if (next.find() && run.matches("\\d{1,3}")) add(Double.parseDouble(run + next.group(1)));
    }
  }

  /** A digit run's readings in German notation (dots group, comma decimal) and English notation. */
  static Set<Double> readings(String run) {
    Set<Double> out = new HashSet<>();
    if (run.length() > 24) return out;
    try {
      out.add(Double.parseDouble(run.replace(".", "").replace(',', '.')));
    } catch (NumberFormatException ignored) {
      // "1.2.3": no single German reading
    }
    try {
      out.add(Double.parseDouble(run.replace(",", "")));
    } catch (NumberFormatException ignored) {
      // no single English reading
    }
    return out;
  }

  /** "von 312 auf 360 Millionen", "2 bis 3 Milliarden": the first number shares the second's multiplier. */
  private static final Pattern RANGE_TAIL = Pattern.compile("^\\s*(?:bis|auf|und|oder|zu|-|–)\\s*\\d+(?:[.,]\\d+)*");

  private static double multiplierAfter(String text, int end) {
    Matcher tail = RANGE_TAIL.matcher(text.substring(end, Math.min(text.length(), end + 30)));
    if (tail.find()) {
      double shared = ownMultiplier(text, end + tail.end());
      if (shared != 1) return shared;
    }
    return ownMultiplier(text, end);
  }

  private static double ownMultiplier(String text, int end) {
    Matcher w = WORD.matcher(text);
    if (!w.find(end) || w.start() - end > 2) return 1;
    String word = w.group().toLowerCase(Locale.ROOT);
    if (word.startsWith("million") || word.equals("mio")) return 1e6;
    if (word.startsWith("milliard") || word.equals("mrd")) return 1e9;
    if (word.startsWith("billion")) return 1e12;
    if (word.startsWith("tausend")) return 1e3;
    if (word.startsWith("hundert")) return 1e2;
    return 1;
  }

  private void readSpans(String text) {
    Matcher m = DAYS_OR_WEEKS.matcher(text);
    while (m.find()) {
      String n = m.group(1);
      long v = Character.isDigit(n.charAt(0)) ? (n.length() < 6 ? Long.parseLong(n) : 0) : GermanNumerals.prefixValue(n.toLowerCase(Locale.ROOT));
      if (v <= 0) continue;
      if (m.group(2).startsWith("Tag") && v % 7 == 0) add(v / 7);
      if (m.group(2).startsWith("Woche")) add(v * 7);
    }
  }

  private void readWords(String text) {
    Matcher m = WORD.matcher(text);
    while (m.find()) {
      String w = m.group().toLowerCase(Locale.ROOT);
      long v = GermanNumerals.prefixValue(w);
      if (v > 0) {
        add(v);
        double mult = multiplierAfter(text, m.end());
        if (mult != 1) add(v * mult);
      }
      if ((w.equals("eine") || w.equals("einer") || w.equals("ein")) && multiplierAfter(text, m.end()) > 100) {
        add(multiplierAfter(text, m.end()));
      }
      if (w.startsWith("doppelt") || w.startsWith("verdoppel")) add(2);
      if (w.startsWith("dutzend")) add(12);
      if (w.startsWith("hälfte") || w.startsWith("halb")) add(50);
      // "anderthalb" 1.5, "zweieinhalb" 2.5 (and the 2 of "two and a half"); "beide" are two.
      if (w.startsWith("anderthalb")) add(1.5);
      int half = w.indexOf("einhalb");
      if (half > 0) {
        long whole = GermanNumerals.prefixValue(w.substring(0, half));
        if (whole > 0) {
          add(whole);
          add(whole + 0.5);
        }
      }
      if (w.equals("eineinhalb")) add(1.5);
      if (w.startsWith("beide")) add(2);
      if (w.startsWith("viertel")) add(25);
      Integer month = MONTHS.get(w);
      if (month == null && w.length() > 4) {
        for (var e : MONTHS.entrySet()) {
          if (e.getKey().length() >= 5 && w.startsWith(e.getKey())) month = e.getValue();
        }
      }
      if (month != null) months.add(month);
      for (int d = 0; d < WEEKDAY_STEMS.size(); d++) {
        if (w.startsWith(WEEKDAY_STEMS.get(d)) || w.contains(WEEKDAY_STEMS.get(d))) weekdays.add(d + 1);
      }
      if (w.startsWith("sonnabend")) weekdays.add(6);
    }
  }

  private void readDates(String text) {
    Matcher m = DAY_MONTH.matcher(text);
    while (m.find()) {
      int month = MONTHS.get(m.group(2).toLowerCase(Locale.ROOT));
      Matcher d = DAY_DIGITS.matcher(m.group(1));
      while (d.find()) {
        int day = Integer.parseInt(d.group());
        if (day >= 1 && day <= 31) dates.add(month * 100 + day);
      }
    }
    Matcher n = NUMERIC_DATE.matcher(text);
    while (n.find()) {
      int day = Integer.parseInt(n.group(1));
      int month = Integer.parseInt(n.group(2));
      if (day >= 1 && day <= 31 && month >= 1 && month <= 12) {
        dates.add(month * 100 + day);
        months.add(month);
      }
    }
    for (int date : dates) months.add(date / 100);
  }

  private void readTimes(String text) {
    Matcher m = TIME.matcher(text);
    while (m.find()) {
      int h = Integer.parseInt(m.group(1));
      int min = m.group(2) == null ? 0 : Integer.parseInt(m.group(2));
      if (h > 24 || min > 59) continue;
      times.add(h * 60 + min);
      times.add(((h + 12) % 24) * 60 + min);
    }
    // Written hours: "acht Uhr".
    Matcher w = WRITTEN_HOUR.matcher(text);
    while (w.find()) {
      long h = GermanNumerals.prefixValue(w.group(1).toLowerCase(Locale.ROOT));
      if (h > 0 && h <= 24) {
        times.add((int) h * 60);
        times.add((int) ((h + 12) % 24) * 60);
      }
    }
  }

  /**
   * Dates an answer may make explicit from the article's date (CLAIMS.md asks for "in 2023" instead
   * of "im vergangenen Jahr"): the publication year, last and next year where the article speaks
   * of them, and the days around publication where it speaks of yesterday or today.
   */
  private void readRelative(LocalDate published, boolean lastYear, boolean thisYear, boolean nextYear) {
    int year = published.getYear();
    add(year);
    if (lastYear) add(year - 1);
    if (thisYear) add(year);
    if (nextYear) add(year + 1);
    months.add(published.getMonthValue());
    if (relativeDay) {
      for (int d = -3; d <= 1; d++) {
        LocalDate day = published.plusDays(d);
        dates.add(day.getMonthValue() * 100 + day.getDayOfMonth());
        months.add(day.getMonthValue());
        DayOfWeek dow = day.getDayOfWeek();
        weekdays.add(dow.getValue());
      }
    }
    // The article's own date, and the calendar around it: a weekday the text names is a date of the
    // week before or after publication ("am Mittwoch" is April 15), a date it names has a weekday.
    LocalDate first = published.minusDays(7);
    Set<Integer> named = Set.copyOf(weekdays);
    dates.add(published.getMonthValue() * 100 + published.getDayOfMonth());
    weekdays.add(published.getDayOfWeek().getValue());
    for (int d = 0; d <= 14; d++) {
      LocalDate day = first.plusDays(d);
      if (named.contains(day.getDayOfWeek().getValue())) dates.add(day.getMonthValue() * 100 + day.getDayOfMonth());
    }
    for (int date : Set.copyOf(dates)) {
      try {
        weekdays.add(LocalDate.of(year, date / 100, date % 100).getDayOfWeek().getValue());
      } catch (java.time.DateTimeException e) {
        // "31. Februar": no weekday
      }
    }
  }
}
