package dev.kurz.faithfulness;

import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

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

  /** Denominators from three on: "Drittel" is a third. */
  private static final List<String> FRACTIONS =
      List.of("drittel", "viertel", "fünftel", "sechstel", "siebtel", "achtel", "neuntel", "zehntel");
  private static final Pattern DIGITS = Pattern.compile("\\d+(?:[.,]\\d+)*");
  private static final Pattern WORD = Pattern.compile("\\p{L}+");
  private static final Pattern SPACED_THOUSANDS = Pattern.compile("^[ \u00a0\u202f](\\d{3})(?!\\d)");
  /** A season or span of years: "2014/15", "2020/21" (the second year's century is the first's). */
  private static final Pattern SEASON = Pattern.compile("(?<!\\d)(1[89]|20)(\\d\\d)\\s?[/–-]\\s?(\\d\\d)(?!\\d)");
  /** "vierzehn Tage" are two weeks, "zwei Wochen" fourteen days. */
  private static final Needles DAYS_OR_WEEKS = Needles.of("((?<!\\d)\\d+|(?<!\\p{L})\\p{L}+)\\s+(Tag|Tage|Tagen|Woche|Wochen)\\b");
  private static final Pattern DAY_DIGITS = Pattern.compile("\\d{1,2}");
  private static final Pattern WHOLE = Pattern.compile("\\d+");
  private static final Pattern SEPARATORS = Pattern.compile("[.,]");
  private static final Pattern THOUSANDS_HEAD = Pattern.compile("\\d{1,3}");
  /** A sentence's end: a stop and a capital or a paragraph break. */
  private static final Pattern SENTENCE_END = Pattern.compile("[.!?]\\s+(?=\\p{Lu})|\\n\\s*\\n");
  private static final Pattern EACH = Pattern.compile("jede[rsnm]?");
  /** A tens numeral as a decade: "vierziger", "achtzigerjahre". */
  private static final Pattern DECADE_WORD = Pattern.compile("(zwanzig|dreißig|dreissig|vierzig|fünfzig|sechzig|siebzig|achtzig|neunzig)er");
  private static final Pattern ONE = Pattern.compile("eine[mnr]?|ein");
  private static final Pattern ONE_ANY_CASE = Pattern.compile("(?i)eine[mnr]?|ein");
  private static final Needles WRITTEN_HOUR = Needles.of("(?<!\\p{L})(\\p{L}+)\\s+Uhr");
  private static final String MONTH_ALT = "(Januar|Jänner|Jaenner|Februar|Feber|März|Maerz|April|Mai|Juni|Juli|August|September|Oktober|November|Dezember)";
  /** "2. November", "2. und 3. November", "2. bis 5. November", "1., 2. und 3. Mai". */
  private static final Needles DAY_MONTH = Needles.of(
      "((?:\\d{1,2}\\.\\s*(?:,|und|bis|oder|/|-|–)?\\s*)+)" + MONTH_ALT, Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
  private static final Pattern NUMERIC_DATE = Pattern.compile("(?<!\\d)(\\d{1,2})\\.(\\d{1,2})\\.(\\d{2,4})?");
  private static final Needles TIME = Needles.of("(?<!\\d)(\\d{1,2})(?:[.:](\\d{2}))?\\s*Uhr");
  /** Noon, not the afternoon or the morning ("Nachmittag", "Vormittag"), in the lower-cased text. */
  private static final Pattern NOON = Pattern.compile("(?<!\\p{L})mittags?(?!\\p{L})");
  /** A time on the 24-hour clock without "Uhr": "um 20:15 in der ARD", "um 20.15 im Ersten". */
  private static final Needles CLOCK = Needles.of("(?<![\\d.,:])([01]?\\d|2[0-3]):([0-5]\\d)(?![\\d:])");
  private static final Needles AT_CLOCK = Needles.of("(?<!\\p{L})um\\s+([01]?\\d|2[0-3])\\.([0-5]\\d)(?![\\d.])");
  /** The first hour of a span whose "Uhr" follows the second: "von 10 bis 12 Uhr", "zwischen 8 und 9.30 Uhr", "18-20 Uhr". */
  private static final Needles SPAN_START = Needles.of(
      "(?<![\\d.,])(\\d{1,2})(?:[.:](\\d{2}))?\\s*(?:bis|und|-|–)\\s*\\d{1,2}(?:[.:]\\d{2})?\\s*Uhr");
  // The next four are matched against the lower-cased text: case-insensitive matching of the whole
  // article was most of the facts' reading time.
  private static final Needles RELATIVE_DAY = Needles.of(
      "\\b(gestern|heute|morgen|vorgestern|übermorgen|vortag|vorabend|wochenende|nacht)");
  private static final Needles LAST_YEAR = Needles.of("(vergangen|vorig|letzt)\\p{L}*\\s+jahr|vorjahr");
  private static final Needles THIS_YEAR = Needles.of("(dies|laufend)\\p{L}*\\s+jahr|heuer");
  private static final Needles NEXT_YEAR = Needles.of("(nächst|kommend|folgend)\\p{L}*\\s+jahr");

  final Set<Double> numbers = new HashSet<>();
  /** Differences and sums of two figures of one sentence (see {@link #readDerived}). */
  final Set<Double> derived = new HashSet<>();
  final Set<Integer> dates = new HashSet<>();
  final Set<Integer> months = new HashSet<>();
  final Set<Integer> weekdays = new HashSet<>();
  final Set<Integer> times = new HashSet<>();
  /** Indexes into {@link EnglishQuantities#PERIODS} the text bears. */
  final Set<Integer> periods = new HashSet<>();
  /** "vor zwölf Jahren" as 12*10 + the unit's index in {@link EnglishQuantities#UNITS} ("vor Jahren": 0*10 + unit). */
  final Set<Integer> agos = new HashSet<>();
  /** Percentages the text gives ("22 Prozent", "20 bis 30 %", "jeder Fünfte", "zwei Drittel"). */
  final Set<Double> percents = new HashSet<>();
  /** Metric measures the text gives ("1,5 Meter", "800 Quadratmeter", "2,5 Millionen Tonnen"), in base units. */
  final Map<EnglishQuantities.Measure, List<Double>> measures = new java.util.EnumMap<>(EnglishQuantities.Measure.class);
  /** Spans of time the text gives ("drei Wochen", "zwei bis drei Monate", "14-tägig"), in days. */
  final List<Double> spans = new java.util.ArrayList<>();
  /** Whether the text speaks of a year or a day relative to one it does not give (last year, yesterday). */
  final boolean relativeYear;
  final boolean relativeDay;
  private final boolean sentence;

  GermanFacts(String text, LocalDate published) {
    this(text, published, false);
  }

  /** The facts of one sentence of an article: the publication day only where the sentence speaks of a day. */
  static GermanFacts ofSentence(String text, LocalDate published) {
    return new GermanFacts(text, published, true);
  }

  private GermanFacts(String text, LocalDate published, boolean sentence) {
    this.sentence = sentence;
    readDigits(text);
    // A sentence's facts place figures; a worked-out one has no place (FactPlacement leaves it out).
    if (!sentence) readDerived(text);
    readWords(text);
    // The text folded once, so that a pattern whose literals it lacks is not searched at all.
    String folded = Needles.fold(text);
    readSpans(text, folded);
    readDates(text, folded, published);
    readTimes(text, folded);
    String lower = text.toLowerCase(Locale.ROOT);
    String lowerFolded = Needles.fold(lower);
    // A sentence's periods are never asked for: FactPlacement judges periods article-wide only.
    if (!sentence) readPeriods(lower, lowerFolded);
    if (!sentence) readSpansOfTime(lower);
    if (!sentence) readPercentages(lower);
    if (!sentence) readMeasures(lower);
    numbers.add(1.0);
    numbers.add(0.0);
    boolean lastYear = LAST_YEAR.find(lower, lowerFolded);
    boolean thisYear = THIS_YEAR.find(lower, lowerFolded);
    boolean nextYear = NEXT_YEAR.find(lower, lowerFolded);
    relativeYear = lastYear || thisYear || nextYear;
    relativeDay = RELATIVE_DAY.find(lower, lowerFolded);
    if (published != null) readRelative(text, folded, lower, lowerFolded, published, lastYear, thisYear, nextYear);
  }

  /** A number as the sets keep it: nine significant digits (a whole number below 1e9 is already one). */
  static double key(double v) {
    if (v == 0) return 0.0;
    if (v == Math.rint(v) && Math.abs(v) < 1e9) return v;
    return Double.parseDouble(String.format(Locale.ROOT, "%.9g", v));
  }

  boolean hasNumber(double v) {
    return numbers.contains(key(v));
  }

  private boolean hasWithin(double v, double distance) {
    for (double n : numbers) {
      if (Math.abs(n - v) <= distance) return true;
    }
    return false;
  }

  /**
   * Whether a number of the text rounds to an approximate English {@code v}: within a tenth of it,
   * and within one unit of its last significant digit ("about 600" for 580, "more than 6,600" for
   * 6,600, but not "nearly 650,000" for 605,000 nor "at least 35" for 33).
   */
  private static boolean hasRounded(double v, Set<Double> numbers) {
    double unit = lastDigitUnit(v);
    for (double n : numbers) {
      double gap = Math.abs(n - v);
      if (gap <= Math.abs(v) * 0.1 && gap <= unit * 1.000001) return true;
    }
    return false;
  }

  /** The place value of the last significant digit: 1e8 for 900 million, 10 for 230, 0.1 for 3.5. */
  static double lastDigitUnit(double v) {
    double a = Math.abs(v);
    if (a == 0) return 1;
    if (Math.abs(a - Math.rint(a)) < 1e-9) {
      double unit = 1;
      while (Math.rint(a / (unit * 10)) * unit * 10 == Math.rint(a) && unit < 1e15) unit *= 10;
      return unit;
    }
    double unit = 1;
    while (Math.abs(a / unit - Math.rint(a / unit)) > 1e-6 && unit > 1e-6) unit /= 10;
    return unit;
  }

  /** Whether the text bears a change only as a difference of two of its figures (see {@link #readDerived}). */
  boolean derivedOnly(EnglishQuantities.Mention m) {
    return m.type() == EnglishQuantities.Type.NUMBER && m.change() && !hasNumber(m.value()) && derived.contains(key(m.value()));
  }

  /** Whether the text bears an English mention out: the same value, an approximate one within a tenth. */
  boolean bears(EnglishQuantities.Mention m) {
    return switch (m.type()) {
      case NUMBER -> hasNumber(m.value()) || m.approximate() && hasRounded(m.value(), numbers)
          || m.change() && derived.contains(key(m.value()));
      // "a third" is 33 or 34 per cent as well as "ein Drittel".
      case FRACTION -> hasNumber(m.value()) || hasWithin(m.value(), 1.5);
      case YEAR -> hasNumber(m.value());
      case DATE -> dates.contains((int) m.value());
      case MONTH -> months.contains((int) m.value());
      case WEEKDAY -> weekdays.contains((int) m.value());
      case TIME -> times.contains((int) m.value());
      case PERIOD -> periods.contains((int) m.value());
      case AGO -> agos.contains((int) m.value()) || agos.contains((int) m.value() % 10)
          || m.value() < 10 && agos.stream().anyMatch(a -> a % 10 == m.value());
      // "four weeks" for "einen Monat", "two weeks" for "vierzehn Tage": the same length, a tenth apart at most.
      // "24 percent" for "24,4 Prozent"; "about 90 percent" for "89 Prozent"; a change worked out of two.
      case PERCENT -> percents.stream().anyMatch(p -> Math.abs(p - m.value()) < 1 || m.approximate() && Math.abs(p - m.value()) <= 0.1 * m.value() + 1)
          || m.change() && derived.contains(key(m.value()));
      // Rounded: "1.5 metres" for "1,50 Meter"; about: a tenth.
      // An area the German gives in plain metres ("Grundfläche von bis zu 800 Metern") is one too.
      case MEASURE -> Stream.concat(measures.getOrDefault(m.measure(), List.of()).stream(),
              m.measure() == EnglishQuantities.Measure.AREA ? measures.getOrDefault(EnglishQuantities.Measure.LENGTH, List.of()).stream()
                  : Stream.empty())
          .anyMatch(v -> Math.abs(v - m.value()) <= (m.approximate() ? 0.1 : 0.02) * Math.max(v, m.value()));
      case DURATION -> spans.stream().anyMatch(d -> Math.abs(d - m.value()) <= 0.1 * Math.max(d, m.value()));
    };
  }

  private void add(double v) {
    numbers.add(key(v));
  }

  /** A share the text gives as a fraction ("ein Drittel", "jeder Fünfte"): a number and a percentage. */
  private void addShare(double percent) {
    add(percent);
    percents.add(key(percent));
  }

  /**
   * Figures an answer may work out from two of one sentence, as a change: the difference of two
   * amounts ("25.000 ..., ein Plus von 5.000": up from 20,000; "von 47 auf 64 Prozent": a rise of 17
   * points) or of two years. Only digit figures, each in its German reading; only English figures
   * given as a change ({@link EnglishQuantities.Mention#change}) may be one.
   */
  private void readDerived(String text) {
    List<double[]> figures = new java.util.ArrayList<>();
    Matcher m = DIGITS.matcher(text);
    while (m.find()) {
      String run = m.group();
      if (run.length() > 15 || NUMERIC_DATE.matcher(run).matches()) continue;
      double v;
      try {
        v = Double.parseDouble(run.replace(".", "").replace(',', '.')) * multiplierAfter(text, m.end());
      } catch (NumberFormatException e) {
        continue;
      }
      figures.add(new double[] {m.start(), m.end(), v});
    }
    for (int i = 0; i < figures.size(); i++) {
      for (int j = i + 1; j < figures.size(); j++) {
        double[] a = figures.get(i);
        double[] b = figures.get(j);
        if (SENTENCE_END.matcher(text).region((int) a[1], (int) b[0]).find()) break;
        boolean yearA = isYear(a[2]);
        boolean yearB = isYear(b[2]);
        if (yearA != yearB) continue;
        if (a[2] != b[2]) derived.add(key(Math.abs(a[2] - b[2])));
      }
    }
  }

  private static boolean isYear(double v) {
    return v >= 1900 && v <= 2100 && v == Math.rint(v);
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
      // "die 80er Jahre", "1980er": a decade.
      if (text.startsWith("er", m.end()) && (m.end() + 2 == text.length() || !Character.isLetter(text.charAt(m.end() + 2))
          || text.startsWith("jahr", m.end() + 2)) && WHOLE.matcher(run).matches() && run.length() == 2) {
        addDecade(Integer.parseInt(run));
      }
      for (String group : SEPARATORS.split(run)) {
        if (!group.isEmpty() && group.length() < 16) add(Double.parseDouble(group));
      }
      // "10 000" with a space between thousands.
      Matcher next = SPACED_THOUSANDS.matcher(text.substring(m.end(), Math.min(text.length(), m.end() + 5)));
      if (next.find() && THOUSANDS_HEAD.matcher(run).matches()) add(Double.parseDouble(run + next.group(1)));
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
    // English notation groups thousands by commas of three digits each ("2,500"): "2,5" is no 25.
    if (run.indexOf(',') < 0 || ENGLISH_GROUPS.matcher(run).matches()) {
      try {
        out.add(Double.parseDouble(run.replace(",", "")));
      } catch (NumberFormatException ignored) {
        // no single English reading
      }
    }
    return out;
  }

  private static final Pattern ENGLISH_GROUPS = Pattern.compile("\\d{1,3}(,\\d{3})+(\\.\\d+)?");

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

  /** The years a decade of two digits may be: "Zwanziger" the 1920s or the 2020s. */
  private void addDecade(long v) {
    if (v % 10 != 0) return;
    add(1900 + v);
    add(2000 + v);
  }

  private void readSpans(String text, String folded) {
    Matcher m = DAYS_OR_WEEKS.finder(text, folded);
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
    String previous = "";
    while (m.find()) {
      String w = m.group().toLowerCase(Locale.ROOT);
      readFraction(previous, w);
      previous = w;
      long v = GermanNumerals.prefixValue(w);
      if (v > 0) {
        add(v);
        // "die vierziger Jahre", "Achtzigerjahre": the 1940s, the 1980s.
        if (v >= 20 && v < 100 && v % 10 == 0 && DECADE_WORD.matcher(w).lookingAt()) addDecade(v);
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
          // "Aprilwoche", "Märzwoche"; not "Junior" or "Julian".
          if ((e.getKey().length() >= 5 || e.getKey().startsWith("m")) && w.startsWith(e.getKey())) month = e.getValue();
        }
      }
      if (month != null) months.add(month);
      for (int d = 0; d < WEEKDAY_STEMS.size(); d++) {
        if (w.startsWith(WEEKDAY_STEMS.get(d)) || w.contains(WEEKDAY_STEMS.get(d))) weekdays.add(d + 1);
      }
      if (w.startsWith("sonnabend")) weekdays.add(6);
    }
  }

  /**
   * Fractions as percentages, as the English gives them ("a third" 33.3): "ein Drittel", "zwei
   * Drittel", "Dreiviertel", "die Hälfte", "jeder Fünfte" (20).
   */
  private void readFraction(String previous, String w) {
    for (int d = 0; d < FRACTIONS.size(); d++) {
      String stem = FRACTIONS.get(d);
      int at = w.indexOf(stem);
      if (at < 0) continue;
      long inWord = GermanNumerals.prefixValue(w.substring(0, at));
      long before = GermanNumerals.prefixValue(previous);
      long numerator = inWord > 1 ? inWord : before > 1 && before < d + 3 ? before : 1;
      addShare(numerator * 100.0 / (d + 3));
    }
    if (w.contains("hälfte") || w.contains("halb")) addShare(50);
    if (EACH.matcher(previous).matches()) {
      long n = GermanNumerals.prefixValue(w);
      if (n >= 2 && n <= 100) addShare(100.0 / n);
    }
  }

  private void readDates(String text, String folded, LocalDate published) {
    Matcher m = DAY_MONTH.finder(text, folded);
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
    readLater(text, folded, published == null ? 2001 : published.getYear());
    for (int date : dates) months.add(date / 100);
  }

  /** "am 20. März ... zwölf Tage später": the day it comes to (April 1), which an answer may name. */
  private static final Needles LATER = Needles.of(
      "\\b(\\d{1,3}|\\p{L}+)\\s+(Tag|Tage|Tagen|Woche|Wochen)\\s+(?:später|danach|darauf)\\b", Pattern.UNICODE_CASE);

  private void readLater(String text, String folded, int year) {
    Matcher later = LATER.finder(text, folded);
    while (later.find()) {
      String n = later.group(1);
      long count = WHOLE.matcher(n).matches() ? Long.parseLong(n) : ONE_ANY_CASE.matcher(n).matches() ? 1 : GermanNumerals.prefixValue(n.toLowerCase(Locale.ROOT));
      if (count <= 0) continue;
      long days = later.group(2).startsWith("Tag") ? count : count * 7;
      Matcher m = DAY_MONTH.pattern().matcher(text.substring(Math.max(0, later.start() - 400), later.start()));
      int last = -1;
      while (m.find()) {
        Matcher d = DAY_DIGITS.matcher(m.group(1));
        while (d.find()) last = MONTHS.get(m.group(2).toLowerCase(Locale.ROOT)) * 100 + Integer.parseInt(d.group());
      }
      if (last < 0) continue;
      try {
        LocalDate to = LocalDate.of(year, last / 100, last % 100).plusDays(days);
        dates.add(to.getMonthValue() * 100 + to.getDayOfMonth());
      } catch (java.time.DateTimeException e) {
        // not a day of the calendar
      }
    }
  }

  /** A percentage or a range of them: "22 Prozent", "20 bis 30 %", "von 38 bis sagenhaften 40 Prozent", "4,5 Prozentpunkte", "zehnprozentig". */
  private static final Pattern PERCENTAGE = Pattern.compile(
      "(?<![\\d.,\\p{L}])(\\d{1,3}(?:\\.\\d{3})*(?:,\\d+)?|\\p{L}++)"
          + "(?:\\s*(?:bis|und|oder|-|–)\\s*(?:\\p{L}+\\s+){0,3}?(\\d{1,3}(?:\\.\\d{3})*(?:,\\d+)?|\\p{L}++))?"
          + "\\s*-?(%|prozent)", Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);

  /** The percentages of the lower-cased {@code text}. */
  private void readPercentages(String text) {
    for (Matcher m : nearUnits(List.of("%", "prozent"), false, PERCENTAGE, text, 3)) {
      for (String figure : new String[] {m.group(1), m.group(2)}) {
        if (figure == null) continue;
        String lower = figure.toLowerCase(Locale.ROOT);
        if (Character.isDigit(lower.charAt(0))) percents.add(key(Double.parseDouble(lower.replace(".", "").replace(',', '.'))));
        else if (ONE.matcher(lower).matches()) percents.add(1.0);
        else if (GermanNumerals.isNumeral(lower)) percents.add((double) GermanNumerals.prefixValue(lower));
      }
    }
  }

  /** A metric measure or a range of them: "1,5 Meter", "anderthalb Metern", "1,5-Meter-Abstand", "800 Quadratmetern", "2,5 Millionen Tonnen". */
  private static final Pattern MEASURED = Pattern.compile(
      "(?<![\\d.,\\p{L}])(\\d{1,3}(?:[.\\u00a0\\u202f ]\\d{3})*(?:,\\d+)?|\\p{L}++)(?:\\s*(?:bis|und|oder|-|–)\\s*(\\d{1,3}(?:[.\\u00a0\\u202f ]\\d{3})*(?:,\\d+)?|\\p{L}++))?"
          + "(?:\\s+(tausend|millionen|million|milliarden|milliarde|mio\\.|mrd\\.))?[\\s-]*(quadrat)?"
          + "(kilometer|km²|km|zentimeter|cm|millimeter|mm|meter|m²|qm|liter|kilogramm|kilo|kg|gramm|tonnen|tonne|hektar|m)(?:n|s)?(?![\\p{L}\\d])",
      Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);

  private void readMeasures(String text) {
    for (Matcher m : nearUnits(METRIC_UNITS, true, MEASURED, text, 5)) {
      String unit = m.group(5).toLowerCase(Locale.ROOT);
      boolean square = m.group(4) != null || unit.endsWith("²") || unit.equals("qm");
      EnglishQuantities.Measure measure = EnglishQuantities.Measure.of(unit, square);
      double factor = measure.factor(unit, square);
      if (m.group(3) != null) {
        String mult = m.group(3).toLowerCase(Locale.ROOT);
        factor *= mult.startsWith("tausend") ? 1e3 : mult.startsWith("mil") && !mult.startsWith("milliard") || mult.startsWith("mio") ? 1e6 : 1e9;
      }
      for (String figure : new String[] {m.group(1), m.group(2)}) {
        if (figure == null) continue;
        String lower = figure.toLowerCase(Locale.ROOT);
        double n = Character.isDigit(lower.charAt(0))
            ? Double.parseDouble(GROUP_MARK.matcher(lower).replaceAll("").replace(',', '.')) : spanCount(lower);
        if (n > 0) measures.computeIfAbsent(measure, k -> new java.util.ArrayList<>()).add(n * factor);
      }
    }
  }

  /** A count, a second one for a range ("zwei bis drei"), a word or two between, and a unit of time. */
  private static final Pattern SPAN = Pattern.compile(
      "(?<![\\d.,\\p{L}])(\\d{1,3}(?:,\\d)?|\\p{L}+)(?:\\s*(?:bis|oder|und|,|-|–)\\s*(\\d{1,3}(?:,\\d)?|\\p{L}+))?"
          + "(?:\\s+(?:weitere|volle|ganze|lange|knappe|gute|zusätzliche|aufeinanderfolgende)\\p{L}*)?[\\s-]+"
          + "(minute|stunde|tag|woche|monat|jahr)(?:e|en|es|s|n)?(zehnt\\p{L}*)?(?=\\b|-)"
          + "|(?<![\\d.,\\p{L}])(\\d{1,3}|\\p{L}+?)-?(minüt|stünd|täg|wöch|monat|jähr)ig");
  /** "halbes Jahr", "Vierteljahr", "Halbjahr". */
  private static final Pattern PART_OF_YEAR = Pattern.compile("\\bhalbe[snm]?\\s+jahr|halbjahr|vierteljahr");
  private static final Map<String, Double> DAYS_PER = Map.of("minute", 1 / 1440.0, "stunde", 1 / 24.0, "tag", 1.0,
      "woche", 7.0, "monat", 365 / 12.0, "jahr", 365.0, "minüt", 1 / 1440.0, "stünd", 1 / 24.0, "täg", 1.0, "wöch", 7.0);

  /** The spans of time of the lower-cased {@code text}, in days. */
  private void readSpansOfTime(String text) {
    for (Matcher m : nearUnits(TIME_UNITS, false, SPAN, text, 3, 6)) {
      boolean compound = m.group(6) != null;
      String unit = compound ? m.group(6) : m.group(3);
      double days = unit.equals("jähr") ? 365.0 : DAYS_PER.get(unit);
      if (!compound && m.group(4) != null) days *= 10; // Jahrzehnt
      for (String count : compound ? new String[] {m.group(5)} : new String[] {m.group(1), m.group(2)}) {
        double n = count == null ? 0 : spanCount(count);
        if (n > 0) spans.add(n * days);
      }
    }
    Matcher part = PART_OF_YEAR.matcher(text);
    while (part.find()) spans.add(part.group().contains("viertel") ? 365 / 4.0 : 365 / 2.0);
  }

  private static final Pattern GROUP_MARK = Pattern.compile("[.\\u00a0\\u202f ]");
  private static final Pattern DECIMAL_COMMA = Pattern.compile("\\d+,\\d");

  /** The units {@link #SPAN} and {@link #MEASURED} end in (lower case): those patterns are tried only just before one. */
  private static final List<String> TIME_UNITS = List.of("minute", "stunde", "tag", "woche", "monat", "jahr", "minüt", "stünd", "täg", "wöch");
  private static final List<String> METRIC_UNITS = List.of("kilometer", "km", "zentimeter", "cm", "millimeter", "mm", "meter", "m²",
      "qm", "liter", "kilogramm", "kilo", "kg", "gramm", "tonne", "hektar");

  /**
   * The matches of {@code full} (a figure, perhaps a range, and a unit) in the lower-cased
   * {@code text} whose unit, group {@code unitGroups}, starts where one of {@code units} does
   * ("m" too, after a figure, where {@code metre} is set): a pattern that could start at any word is
   * tried only in the few words before each unit, which {@link String#indexOf} finds fast. Each match
   * is a matcher at that match.
   */
  private static List<Matcher> nearUnits(List<String> units, boolean metre, Pattern full, String text, int... unitGroups) {
    java.util.TreeSet<Integer> hits = new java.util.TreeSet<>();
    for (String u : units) {
      for (int at = text.indexOf(u); at >= 0; at = text.indexOf(u, at + 1)) hits.add(at);
    }
    if (metre) {
      for (int at = text.indexOf('m'); at >= 0; at = text.indexOf('m', at + 1)) {
        int before = at > 0 && text.charAt(at - 1) == ' ' ? at - 2 : at - 1;
        boolean afterFigure = before >= 0 && Character.isDigit(text.charAt(before));
        boolean alone = at + 1 >= text.length() || !Character.isLetterOrDigit(text.charAt(at + 1));
        if (afterFigure && alone) hits.add(at);
      }
    }
    List<Matcher> out = new java.util.ArrayList<>();
    for (int at : hits) {
      Matcher m = full.matcher(text).useTransparentBounds(true).useAnchoringBounds(false);
      m.region(Math.max(0, at - 80), Math.min(text.length(), at + 28));
      while (m.find()) {
        boolean atUnit = false;
        for (int g : unitGroups) atUnit |= m.start(g) == at;
        if (atUnit) {
          out.add(m);
          break;
        }
      }
    }
    return out;
  }

  /** A span's count: digits, "ein", "beide", "anderthalb", a written number; 0 for an ordinal ("zweite") or any other word. */
  private static double spanCount(String word) {
    if (WHOLE.matcher(word).matches()) return Double.parseDouble(word);
    if (DECIMAL_COMMA.matcher(word).matches()) return Double.parseDouble(word.replace(',', '.'));
    if (ONE.matcher(word).matches() || word.equals("eines")) return 1;
    if (word.equals("beide") || word.equals("beiden")) return 2;
    if (word.equals("anderthalb") || word.equals("eineinhalb")) return 1.5;
    return GermanNumerals.isNumeral(word) ? GermanNumerals.prefixValue(word) : 0;
  }

  /** "vor zwölf Jahren", "vor gut einem Monat", "vor Wochen", "zwei Jahre zuvor", "einen Monat zurückliegen". */
  private static final Needles AGO = Needles.of(
      "\\bvor\\s+((?:\\p{L}+\\s+){0,3}?)(?:(\\d{1,3})\\s+)?(tag|woche|monat|jahr)(?:e|en|es|s|n)?(zehnt\\p{L}*)?\\b"
          + "|(?:\\b(\\d{1,3}|\\p{L}+)\\s+)(tag|woche|monat|jahr)(?:e|en|es|s|n)?(zehnt\\p{L}*)?\\s+(?:zuvor|davor|vorher|früher|her|zurück\\p{L}*)\\b");

  /** The German side of each of {@link EnglishQuantities#PERIODS}, with the literals it needs. */
  private static final List<Needles> GERMAN_PERIODS = EnglishQuantities.PERIODS.stream().map(p -> Needles.of(p.german())).toList();

  /** The periods and "ago" spans of the lower-cased {@code text} (their patterns are written in lower case). */
  private void readPeriods(String text, String folded) {
    for (int i = 0; i < GERMAN_PERIODS.size(); i++) {
      if (GERMAN_PERIODS.get(i).find(text, folded)) periods.add(i);
    }
    Matcher m = AGO.finder(text, folded);
    while (m.find()) {
      boolean before = m.group(3) != null;
      String digits = before ? m.group(2) : null;
      String words = before ? m.group(1).strip() : m.group(5);
      String unit = (before ? m.group(3) : m.group(6)).toLowerCase(Locale.ROOT);
      boolean decade = (before ? m.group(4) : m.group(7)) != null;
      long count;
      if (digits != null) {
        count = Long.parseLong(digits);
      } else if (words.isEmpty()) {
        count = 0;
      } else {
        String last = words.substring(words.lastIndexOf(' ') + 1).toLowerCase(Locale.ROOT);
        count = WHOLE.matcher(last).matches() ? Long.parseLong(last) : ONE.matcher(last).matches() ? 1 : GermanNumerals.prefixValue(last);
      }
      int index = decade ? 4 : switch (unit) {
        case "tag" -> 0;
        case "woche" -> 1;
        case "monat" -> 2;
        default -> 3;
      };
      if (count >= 0 && count < 100) agos.add((int) count * 10 + index);
    }
  }

  private void readTimes(String text, String folded) {
    readTimes(TIME.finder(text, folded));
    readTimes(SPAN_START.finder(text, folded));
    readTimes(CLOCK.finder(text, folded));
    readTimes(AT_CLOCK.finder(text, folded));
    // The named hours: "um Mitternacht", "gegen Mittag", "mittags".
    if (folded.contains("mitternacht")) {
      times.add(0);
      times.add(24 * 60);
    }
    if (folded.contains("mittag") && NOON.matcher(folded).find()) times.add(12 * 60);
    // Written hours: "acht Uhr".
    Matcher w = WRITTEN_HOUR.finder(text, folded);
    while (w.find()) {
      long h = GermanNumerals.prefixValue(w.group(1).toLowerCase(Locale.ROOT));
      if (h > 0 && h <= 24) {
        times.add((int) h * 60);
        times.add((int) ((h + 12) % 24) * 60);
      }
    }
  }

  /** Each hour (group 1) and minute (group 2) a finder finds, and the same twelve hours on. */
  private void readTimes(Matcher m) {
    while (m.find()) {
      int h = Integer.parseInt(m.group(1));
      int min = m.group(2) == null ? 0 : Integer.parseInt(m.group(2));
      if (h > 24 || min > 59) continue;
      times.add(h * 60 + min);
      times.add(((h + 12) % 24) * 60 + min);
      // "24 Uhr" and "0 Uhr" are one midnight.
      if (h % 24 == 0) times.add(h == 0 ? 24 * 60 + min : min);
    }
  }

  /**
   * Relative times an answer may make of the dates the article gives: "last year" of 2019, "a month
   * ago" or "last month" of March, "yesterday" of the day before publication, "twelve years ago"
   * of 2008. Runs before the calendar around publication is added.
   */
  private void relativePeriods(LocalDate published) {
    int year = published.getYear();
    int month = published.getMonthValue();
    if (hasNumber(year - 1)) periods.add(period("last year"));
    if (hasNumber(year + 1)) periods.add(period("next year"));
    if (months.contains(month == 1 ? 12 : month - 1)) periods.add(period("last month"));
    if (months.contains(month == 12 ? 1 : month + 1)) periods.add(period("next month"));
    if (weekdays.contains(published.minusDays(1).getDayOfWeek().getValue())) periods.add(period("yesterday"));
    if (weekdays.contains(published.plusDays(1).getDayOfWeek().getValue())) periods.add(period("tomorrow"));
    for (int back = 1; back < 100; back++) {
      if (hasNumber(year - back)) agos.add(back * 10 + 3);
      if (back % 10 == 0 && hasNumber(year - back)) agos.add(back / 10 * 10 + 4);
    }
    for (int m : months) {
      int back = (month - m + 12) % 12;
      if (back > 0) agos.add(back * 10 + 2);
    }
    for (int date : dates) {
      try {
        long back = java.time.temporal.ChronoUnit.DAYS.between(LocalDate.of(year, date / 100, date % 100), published);
        if (back > 0 && back < 100) agos.add((int) back * 10);
        if (back > 0 && back < 100 && back % 7 == 0) agos.add((int) back / 7 * 10 + 1);
      } catch (java.time.DateTimeException e) {
        // "31. Februar"
      }
    }
  }

  private static int period(String name) {
    for (int i = 0; i < EnglishQuantities.PERIODS.size(); i++) {
      if (EnglishQuantities.PERIODS.get(i).name().equals(name)) return i;
    }
    throw new IllegalArgumentException(name);
  }

  /**
   * Dates an answer may make explicit from the article's date (CLAIMS.md asks for "in 2023" instead
   * of "im vergangenen Jahr"): the publication year, last and next year where the article speaks
   * of them, and the days around publication where it speaks of yesterday or today.
   */
  private void readRelative(String text, String folded, String lower, String lowerFolded, LocalDate published,
      boolean lastYear, boolean thisYear,
      boolean nextYear) {
    int year = published.getYear();
    relativePeriods(published);
    add(year);
    if (lastYear) add(year - 1);
    if (thisYear) add(year);
    if (nextYear) add(year + 1);
    // The weekdays the text names, before the calendar adds its own; one the text ties to a date
    // ("am 5. April, einem Sonntag") means that date, not any day of its name around publication.
    Set<Integer> named = new HashSet<>(weekdays);
    named.removeAll(boundWeekdays(text, folded));
    boolean cue = relativeDay || !weekdays.isEmpty();
    // An article is about its day; a single sentence only where it speaks of a day.
    if (!sentence || cue) {
      months.add(published.getMonthValue());
      dates.add(published.getMonthValue() * 100 + published.getDayOfMonth());
      weekdays.add(published.getDayOfWeek().getValue());
    }
    Matcher r = RELATIVE_DAY.finder(lower, lowerFolded);
    while (r.find()) {
      String word = r.group(1);
      if (word.equals("wochenende")) {
        // The weekend before publication and the one after it.
        for (int d = -7; d <= 7; d++) {
          if (published.plusDays(d).getDayOfWeek().getValue() >= 6) addDay(published.plusDays(d));
        }
        continue;
      }
      for (int d : offsets(word)) addDay(published.plusDays(d));
    }
    // A weekday the text names is a date of the week before or after publication ("am Mittwoch" is April 15).
    LocalDate first = published.minusDays(7);
    for (int d = 0; d <= 14; d++) {
      LocalDate day = first.plusDays(d);
      if (named.contains(day.getDayOfWeek().getValue())) dates.add(day.getMonthValue() * 100 + day.getDayOfMonth());
    }
    // A date the text names has a weekday.
    for (int date : Set.copyOf(dates)) {
      try {
        weekdays.add(LocalDate.of(year, date / 100, date % 100).getDayOfWeek().getValue());
      } catch (java.time.DateTimeException e) {
        // "31. Februar": no weekday
      }
    }    // After the weekdays: a feast's name gives its date, not a weekday the text would not name otherwise.
    feasts(lower, year);
  }

  /** Feasts the German names, as days from Easter Sunday: "Faschingsdienstag" is February 25 in 2020. */
  private static final Map<String, Integer> EASTER_FEASTS = Map.ofEntries(
      Map.entry("weiberfastnacht", -52), Map.entry("rosenmontag", -48), Map.entry("faschingsdienstag", -47),
      Map.entry("fastnachtsdienstag", -47), Map.entry("karnevalsdienstag", -47), Map.entry("veilchendienstag", -47),
      Map.entry("aschermittwoch", -46), Map.entry("palmsonntag", -7), Map.entry("gründonnerstag", -3),
      Map.entry("karfreitag", -2), Map.entry("karsamstag", -1), Map.entry("ostersonntag", 0), Map.entry("ostermontag", 1),
      Map.entry("himmelfahrt", 39), Map.entry("pfingstsonntag", 49), Map.entry("pfingstmontag", 50),
      Map.entry("fronleichnam", 60));
  /** Feasts on a fixed day, as month * 100 + day. */
  private static final Map<String, List<Integer>> FIXED_FEASTS = Map.ofEntries(
      Map.entry("neujahr", List.of(101)), Map.entry("heilige drei könige", List.of(106)), Map.entry("dreikönig", List.of(106)),
      Map.entry("valentinstag", List.of(214)), Map.entry("maifeiertag", List.of(501)), Map.entry("tag der arbeit", List.of(501)),
      Map.entry("tag der deutschen einheit", List.of(1003)), Map.entry("reformationstag", List.of(1031)),
      Map.entry("allerheiligen", List.of(1101)), Map.entry("nikolaustag", List.of(1206)), Map.entry("heiligabend", List.of(1224)),
      Map.entry("weihnacht", List.of(1224, 1225, 1226)), Map.entry("silvester", List.of(1231)));

  /**
   * The days of the feasts the text names, in the year of publication: an answer may give a
   * feast's date, which a reader knows ("Shrove Tuesday, February 25" for "Faschingsdienstag").
   * Easter itself ("Ostern", "Pfingsten") stands for its Sunday and Monday.
   */
  private void feasts(String lower, int year) {
    if (year < 1600 || year > 3000) return;
    LocalDate easter = easter(year);
    for (var e : EASTER_FEASTS.entrySet()) {
      if (lower.contains(e.getKey())) addDate(easter.plusDays(e.getValue()));
    }
    if (OSTERN.matcher(lower).find()) {
      addDate(easter);
      addDate(easter.plusDays(1));
    }
    if (PFINGSTEN.matcher(lower).find()) {
      addDate(easter.plusDays(49));
      addDate(easter.plusDays(50));
    }
    for (var e : FIXED_FEASTS.entrySet()) {
      if (lower.contains(e.getKey())) {
        dates.addAll(e.getValue());
        for (int d : e.getValue()) months.add(d / 100);
      }
    }
  }

  private void addDate(LocalDate day) {
    dates.add(day.getMonthValue() * 100 + day.getDayOfMonth());
    months.add(day.getMonthValue());
  }

  private static final Pattern OSTERN = Pattern.compile("(?u)\\bostern\\b");
  private static final Pattern PFINGSTEN = Pattern.compile("(?u)\\bpfingsten\\b");

  /** Easter Sunday of a Gregorian year (the Meeus/Jones/Butcher rule). */
  static LocalDate easter(int year) {
    int a = year % 19;
    int b = year / 100;
    int c = year % 100;
    int h = (19 * a + b - b / 4 - (b - (b + 8) / 25 + 1) / 3 + 15) % 30;
    int l = (32 + 2 * (b % 4) + 2 * (c / 4) - h - c % 4) % 7;
    int m = (a + 11 * h + 22 * l) / 451;
    int month = (h + l - 7 * m + 114) / 31;
    int day = (h + l - 7 * m + 114) % 31 + 1;
    return LocalDate.of(year, month, day);
  }

  /** Days from publication a relative word may mean, a day of slack for an article written the day before. */
  private static int[] offsets(String word) {
    return switch (word) {
      case "gestern" -> new int[] {-1, -2};
      case "heute" -> new int[] {0, -1};
      case "morgen" -> new int[] {1, 0};
      case "vorgestern" -> new int[] {-2, -3};
      case "übermorgen" -> new int[] {2, 1};
      case "nacht" -> new int[] {0, -1, -2};
      default -> new int[] {-3, -2, -1, 0};
    };
  }

  private void addDay(LocalDate day) {
    dates.add(day.getMonthValue() * 100 + day.getDayOfMonth());
    months.add(day.getMonthValue());
    weekdays.add(day.getDayOfWeek().getValue());
  }

  private static final Needles WEEKDAY_NAME = Needles.of(
      "(Montag|Dienstag|Mittwoch|Donnerstag|Freitag|Samstag|Sonnabend|Sonntag)", Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
  private static final Pattern NEAR_DATE = Pattern.compile(
      "\\d{1,2}\\.\\s*" + MONTH_ALT + "|\\d{1,2}\\.\\d{1,2}\\.", Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);

  /** Weekdays the text names next to a date: "Sonntag, 5. April", "am 5. April, einem Sonntag". */
  private static Set<Integer> boundWeekdays(String text, String folded) {
    Set<Integer> out = new HashSet<>();
    Matcher w = WEEKDAY_NAME.finder(text, folded);
    while (w.find()) {
      String around = text.substring(Math.max(0, w.start() - 25), Math.min(text.length(), w.end() + 20));
      if (!NEAR_DATE.matcher(around).find()) continue;
      String name = w.group(1).toLowerCase(Locale.ROOT);
      out.add(name.equals("sonnabend") ? 6 : WEEKDAY_STEMS.indexOf(name) + 1);
    }
    return out;
  }

}
