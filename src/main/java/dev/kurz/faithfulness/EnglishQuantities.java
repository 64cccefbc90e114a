package dev.kurz.faithfulness;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The numbers, amounts, percentages, years, dates, months, weekdays and times in one English
 * sentence, read strictly (English notation: comma groups, dot decimal), each with the text it was
 * read from. Numbers glued to letters (G7, F-16, COVID-19) are names, not quantities, and are
 * skipped. Stateless.
 */
final class EnglishQuantities {
  private EnglishQuantities() {}

  enum Type { NUMBER, FRACTION, YEAR, DATE, MONTH, WEEKDAY, TIME, PERIOD, AGO, DURATION, PERCENT, MEASURE }

  /**
   * One item: {@code value} is the number, percentage (of a fraction), year, month*100+day, month,
   * ISO weekday, minute of day, index into {@link #PERIODS}, for "N units ago" N*10 + the unit's
   * index in {@link #UNITS} (N 0 when the English gives none: "months ago"), or a span of time in
   * days ("three more weeks" 21, "20 minutes" 1/72), a percentage ("22 percent": 22), or a measure in
   * its {@link Measure}'s base unit ("1.5 metres" 1.5, "800 square metres" 800, "2.5 tonnes" 2500).
   */
  record Mention(Type type, double value, String text, boolean approximate, boolean change, Measure measure) {
    Mention(Type type, double value, String text, boolean approximate, boolean change) {
      this(type, value, text, approximate, change, null);
    }

    Mention(Type type, double value, String text, boolean approximate) {
      this(type, value, text, approximate, false, null);
    }
  }

  /** What a {@link Type#MEASURE} measures, in metres, square metres, litres or kilograms. */
  enum Measure {
    LENGTH, AREA, VOLUME, MASS;

    /** The measure of a lower-case metric unit, English or German ("kilometres", "Quadratmeter", "Tonnen"). */
    static Measure of(String unit, boolean square) {
      if (unit.startsWith("lit")) return VOLUME;
      if (unit.startsWith("kilo") && !unit.startsWith("kilom") || unit.equals("kg") || unit.startsWith("gram") || unit.startsWith("ton")) {
        return MASS;
      }
      return unit.startsWith("hect") || unit.startsWith("hekt") || square ? AREA : LENGTH;
    }

    /** How many base units (metre, square metre, litre, kilogram) one of the unit is. */
    double factor(String unit, boolean square) {
      return switch (this) {
        case VOLUME -> 1;
        case MASS -> unit.startsWith("gram") ? 0.001 : unit.startsWith("ton") ? 1000 : 1;
        case LENGTH, AREA -> {
          double f = unit.startsWith("kilom") || unit.startsWith("km") ? 1000
              : unit.startsWith("cent") || unit.startsWith("zent") || unit.startsWith("cm") ? 0.01
              : unit.startsWith("milli") || unit.equals("mm") ? 0.001 : 1;
          yield unit.startsWith("hect") || unit.startsWith("hekt") ? 10_000 : square ? f * f : f;
        }
      };
    }
  }

  /**
   * Words that make a figure a change or a remainder the answer may have worked out from two of the
   * article's ("up from 20,000", "rose by 17 percentage points", "an increase of 8 billion").
   */
  private static final Pattern CHANGE_BEFORE = Pattern.compile(
      "(?i)(?:\\b(?:up|down|rose|fell|grew|dropped|increased|decreased|climbed|declined|jumped)\\s+(?:from|by)"
          + "|\\b(?:increase|rise|drop|decline|fall|gain|loss|difference|gap)\\s+of)\\s+(?:about\\s+|around\\s+|some\\s+)?[$€£]?\\s*$");
  private static final Pattern CHANGE_AFTER = Pattern.compile("(?i)^\\s*(?:percentage\\s+)?points\\b");

  static final Map<String, Integer> MONTHS = Map.ofEntries(
      Map.entry("january", 1), Map.entry("february", 2), Map.entry("march", 3), Map.entry("april", 4),
      Map.entry("may", 5), Map.entry("june", 6), Map.entry("july", 7), Map.entry("august", 8),
      Map.entry("september", 9), Map.entry("october", 10), Map.entry("november", 11), Map.entry("december", 12),
      Map.entry("jan", 1), Map.entry("feb", 2), Map.entry("mar", 3), Map.entry("apr", 4), Map.entry("jun", 6),
      Map.entry("jul", 7), Map.entry("aug", 8), Map.entry("sep", 9), Map.entry("sept", 9), Map.entry("oct", 10),
      Map.entry("nov", 11), Map.entry("dec", 12));
  private static final List<String> WEEKDAYS =
      List.of("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday");

  private static final String MONTH = "(January|February|March|April|May|June|July|August|September|October|November|December"
      + "|Jan\\.?|Feb\\.?|Mar\\.?|Apr\\.?|Jun\\.?|Jul\\.?|Aug\\.?|Sept?\\.?|Oct\\.?|Nov\\.?|Dec\\.?)";
  private static final String DAY = "(\\d{1,2})(?:st|nd|rd|th)?";
  private static final Needles MONTH_DAY = Needles.of(
      "\\b" + MONTH + "\\s+" + DAY + "(?:\\s*(?:-|–|to|and)\\s*" + DAY + ")?(?![\\d,.]\\d|\\d)");
  private static final Needles DAY_MONTH = Needles.of(
      "\\b" + DAY + "(?:\\s*(?:-|–|to|and)\\s*" + DAY + ")?\\s+(?:of\\s+)?" + MONTH + "\\b");
  private static final Needles MONTH_ALONE = Needles.of(
      "\\b(January|February|March|April|June|July|August|September|October|November|December)\\b|\\b(?:in|of|since|until|by|early|late|mid-?)\\s+(May)\\b|\\b(May)(?=\\s+\\d{4})");
  private static final Needles WEEKDAY = Needles.of(
      "\\b(Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)s?\\b");
  private static final Pattern TIME_12 = Pattern.compile(
      "\\b(\\d{1,2})(?:[:.](\\d{2}))?\\s*([ap])\\.?\\s?m\\b\\.?", Pattern.CASE_INSENSITIVE);
  private static final Pattern TIME_24 = Pattern.compile("\\b(\\d{1,2}):(\\d{2})\\b");
  private static final Pattern OCLOCK = Pattern.compile("\\b(\\d{1,2})\\s*o['’]clock", Pattern.CASE_INSENSITIVE);
  /** The two hours English names: midnight (0:00) and noon (12:00). */
  private static final Pattern NAMED_HOUR = Pattern.compile("\\b(midnight|noon|midday)\\b", Pattern.CASE_INSENSITIVE);
  private static final Pattern DIGITS = Pattern.compile("\\d+(?:[.,]\\d+)*");
  private static final Pattern IMPERIAL = Pattern.compile(
      "^\\s*(?:square\\s+|sq\\.?\\s+|cubic\\s+)?(?:feet|foot|ft\\b|miles?\\b|mph\\b|inch(?:es)?\\b|pounds?\\b|lbs?\\b|gallons?\\b|acres?\\b|yards?\\b|ounces?\\b|oz\\b|(?:degrees\\s+)?fahrenheit\\b|°\\s?F\\b)",
      Pattern.CASE_INSENSITIVE);
  private static final Pattern SEASON = Pattern.compile("(1[89]|20)\\d\\d[/–-]$");
  private static final Pattern DAY_HOURS = Pattern.compile("\\s*-?\\s*hours?\\b", Pattern.CASE_INSENSITIVE);
  private static final Pattern MULTIPLIER = Pattern.compile(
      "^\\s*-?(million|billion|trillion|thousand|hundred|mn|bn|tn|m|b|k)\\b", Pattern.CASE_INSENSITIVE);
  private static final Pattern APPROX = Pattern.compile(
      "(about|around|nearly|almost|roughly|approximately|some|over|more than|less than|fewer than|under|at least|up to|close to|just over|just under|estimated|an estimated|~)\\s*\\$?€?£?$",
      Pattern.CASE_INSENSITIVE);

  /**
   * Fractions, as percentages: "a third" 33.3, "two-thirds" 66.7, "a quarter" 25, "half" 50, "one
   * in five" 20. "a third" or "a fifth" before a noun is an ordinal ("a third wave"), not a fraction;
   * "one in three weeks" is none either.
   */
  private static final Needles FRACTION = Needles.of(
      "\\b(?:(a|an|one|two|three|four|five|six|seven|eight|nine)[\\s-]+)?"
          + "(half|halves|thirds?|quarters?|fourths?|fifths?|sixths?|sevenths?|eighths?|ninths?|tenths?)\\b"
          // "about one in three weeks" is a count and a period, not a ratio.
          + "|\\bone\\s+(?:in|out\\s+of)\\s+(two|three|four|five|six|seven|eight|nine|ten|\\d{1,3})\\b"
          + "(?!\\s+(?:seconds?|minutes?|hours?|days?|weeks?|months?|years?|decades?)\\b)",
      Pattern.CASE_INSENSITIVE);
  private static final Pattern AFTER_FRACTION = Pattern.compile(
      "^(?:\\s*[,;:.!?)]|\\s*$|\\s+(?:of|more|less|fewer|higher|lower|as|than|the|their|its|his|her|all|those|them)\\b)",
      Pattern.CASE_INSENSITIVE);
  private static final Map<String, Integer> DENOMINATORS = Map.ofEntries(
      Map.entry("half", 2), Map.entry("halve", 2), Map.entry("third", 3), Map.entry("quarter", 4), Map.entry("fourth", 4),
      Map.entry("fifth", 5), Map.entry("sixth", 6), Map.entry("seventh", 7), Map.entry("eighth", 8), Map.entry("ninth", 9),
      Map.entry("tenth", 10));
  private static final Map<String, Integer> SMALL = Map.ofEntries(
      Map.entry("a", 1), Map.entry("an", 1), Map.entry("one", 1), Map.entry("two", 2), Map.entry("three", 3),
      Map.entry("four", 4), Map.entry("five", 5), Map.entry("six", 6), Map.entry("seven", 7), Map.entry("eight", 8),
      Map.entry("nine", 9), Map.entry("ten", 10));

  /**
   * A named period or relative time: its English form, and the German one that bears it out, read
   * generously (lower case, inside compounds: "Sommerferien", "Osterwoche"). Relative ones whose
   * counterpart is a date (last year as "2019") are also borne through the publication date.
   */
  record Period(String name, Pattern english, Pattern german) {
    static Period of(String name, String english, String german) {
      // The German side is matched against lower-cased text (GermanFacts), so written in lower case.
      return new Period(name, Pattern.compile(english, Pattern.CASE_INSENSITIVE), Pattern.compile(german));
    }
  }

  private static final String WHEN = "\\b(?:in|this|next|last|the|by|until|till|since|early|late|mid-?|during|of|over)\\s+(?:the\\s+)?";
  /**
   * "the last year of primary school", "the last week of April": a place in a span, not the year or
   * week before the article's; "the week before the agreement was signed": a time before an event
   * the text names, unlike "a week before" that ends its clause.
   */
  private static final String NOT_OF = "(?!\\s+of\\b)";
  private static final String CLAUSE_END = "\\b(?=\\s*(?:[.,;:!?)]|$))";

  static final List<Period> PERIODS = List.of(
      Period.of("spring", WHEN + "spring\\b|\\bspringtime\\b|\\bspring\\s+(?:of\\s+)?(?:19|20)\\d\\d\\b", "frühjahr|frühling|fruehjahr|fruehling"),
      Period.of("summer", "\\bsummer", "sommer"),
      // "the fall of the Wall" or "a fall in prices" is no season.
      Period.of("autumn", "\\bautumn|\\b(?:in|this|next|last|by|until|since|early|late|mid-?)\\s+(?:the\\s+)?fall\\b(?!\\s+(?:of|in)\\s+(?!(?:19|20)\\d\\d))", "herbst"),
      Period.of("winter", "\\bwinter", "winter"),
      Period.of("Easter", "\\beaster\\b", "oster"),
      Period.of("Christmas", "\\bchristmas\\b", "weihnacht|heiligabend|advent"),
      Period.of("Holy Week", "\\bholy\\s+week\\b", "karwoche|osterwoche|karfreitag|gründonnerstag"),
      Period.of("Pentecost", "\\bpentecost\\b|\\bwhitsun", "pfingst"),
      Period.of("weekend", "\\bweekends?\\b", "wochenend|samstag|sonntag|sonnabend"),
      Period.of("night", "\\bnights?\\b|\\bovernight\\b|\\bnightly\\b", "nacht|nächt|abend|spät"),
      Period.of("evening", "\\bevenings?\\b", "abend"),
      Period.of("morning", "\\bmornings?\\b", "morgen|vormittag|früh"),
      Period.of("afternoon", "\\bafternoons?\\b", "mittag"),
      Period.of("tomorrow", "\\btomorrow\\b", "morgen|folgetag|tag\\s+darauf"),
      Period.of("yesterday", "\\byesterday\\b", "gestern|vortag|vorabend"),
      Period.of("next week", "\\bnext\\s+week\\b|\\b(?:coming|following)\\s+week\\b|\\bweek\\s+after\\s+next\\b",
          "(?:nächst|kommend|folgend)\\p{L}*\\s+woche|folgewoche|übernächst"),
      Period.of("this week", "\\bthis\\s+week\\b",
          "woche|montag|dienstag|mittwoch|donnerstag|freitag|samstag|sonntag|heute|gestern|morgen"),
      Period.of("last week", "\\blast\\s+week\\b" + NOT_OF + "|\\bprevious\\s+week\\b|\\bweek\\s+before" + CLAUSE_END,
          "(?:vergangen|letzt|vorig)\\p{L}*\\s+woche|vorwoche|woche\\s+zuvor|vor\\s+einer\\s+woche"),
      Period.of("next month", "\\bnext\\s+month\\b|\\b(?:coming|following)\\s+month\\b",
          "(?:nächst|kommend|folgend)\\p{L}*\\s+monat|folgemonat"),
      Period.of("last month", "\\blast\\s+month\\b" + NOT_OF + "|\\bprevious\\s+month\\b|\\bmonth\\s+before" + CLAUSE_END,
          "(?:vergangen|letzt|vorig)\\p{L}*\\s+monat|vormonat|monat\\s+zuvor|vor\\s+einem\\s+monat"),
      Period.of("last year", "\\blast\\s+year" + NOT_OF + "|\\bprevious\\s+year\\b|\\byear\\s+before" + CLAUSE_END + "|\\byear\\s+earlier\\b",
          "(?:vergangen|vorig|letzt)\\p{L}*\\s+jahr|vorjahr|jahr\\s+zuvor|vor\\s+einem\\s+jahr"),
      Period.of("next year", "\\bnext\\s+year|\\b(?:coming|following)\\s+year\\b",
          "(?:nächst|kommend|folgend)\\p{L}*\\s+jahr|übernächst"),
      Period.of("first quarter", "\\b(?:first|1st)\\s+quarter\\b|\\bQ1\\b", "(?:erst\\p{L}*|1\\.)\\s+quartal|\\bq1\\b|quartal"),
      Period.of("second quarter", "\\b(?:second|2nd)\\s+quarter\\b|\\bQ2\\b", "(?:zweit\\p{L}*|2\\.)\\s+quartal|\\bq2\\b"),
      Period.of("third quarter", "\\b(?:third|3rd)\\s+quarter\\b|\\bQ3\\b", "(?:dritt\\p{L}*|3\\.)\\s+quartal|\\bq3\\b"),
      Period.of("fourth quarter", "\\b(?:fourth|4th|final)\\s+quarter\\b|\\bQ4\\b", "(?:viert\\p{L}*|letzt\\p{L}*|4\\.)\\s+quartal|\\bq4\\b"));

  /** The English side of each of {@link #PERIODS}, with the literals it needs: most texts name none. */
  private static final List<Needles> ENGLISH_PERIODS = PERIODS.stream().map(p -> Needles.of(p.english())).toList();

  /** The units of "N units ago", as English and German stems. */
  static final List<String> UNITS = List.of("day", "week", "month", "year", "decade");
  private static final Needles AGO = Needles.of(
      "\\b(?:(a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty|\\d{1,3}|several|a\\s+few|few|some|many)\\s+)?"
          + "(day|week|month|year|decade)s?\\s+ago\\b",
      Pattern.CASE_INSENSITIVE);

  /** The length of each unit of a span, in days. */
  static final Map<String, Double> DAYS_PER = Map.of("minute", 1 / 1440.0, "hour", 1 / 24.0, "day", 1.0, "week", 7.0,
      "month", 365 / 12.0, "year", 365.0, "decade", 3650.0);
  private static final String COUNT = "\\d{1,3}(?:\\.\\d)?|(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve"
      + "|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety"
      + "|a\\s+hundred|hundred)(?:-(?:one|two|three|four|five|six|seven|eight|nine))?";
  /**
   * A span of time with its count: "three more weeks", "two to three months", "a 14-day quarantine";
   * not an age ("a 45-year-old", "five years old"), a count of things a unit long ("three week-long
   * rounds") nor "N units ago" (an {@link Type#AGO}).
   */
  private static final Pattern SPAN = Pattern.compile(
      "(?<![\\d.,\\p{L}])(" + COUNT + ")(?:\\s*(?:to|or|and|-|–)\\s*(" + COUNT + "))?"
          + "(?:\\s+(?:more|additional|further|consecutive|straight|full|whole|long))?[\\s-]+"
          + "(minute|hour|day|week|month|year|decade)s?\\b(?![-‑])(?!\\s*old\\b)(?!\\s+ago\\b)", Pattern.CASE_INSENSITIVE);
  private static final String FIGURE = "\\d+(?:,\\d{3})*(?:\\.\\d+)?|" + COUNT.substring(COUNT.indexOf('|') + 1);
  /**
   * A percentage or a range of them: "22 percent", "20 to 30 per cent", "50%"; not a difference in
   * "percentage points", which the answer may work out (those are checked as numbers).
   */
  private static final Pattern PERCENTAGE = Pattern.compile(
      "(?<![\\d.,\\p{L}])(" + FIGURE + ")(?:\\s*(?:to|and|or|-|–)\\s*(" + FIGURE + "))?"
          + "\\s*(?:%|percent\\b|per\\s+cent\\b)", Pattern.CASE_INSENSITIVE);
  /**
   * A metric measure or a range of them: "1.5 metres", "a 1.5-metre gap", "eight kilometres", "800
   * square metres", "1.2 litres", "2.5 million tonnes". Not "m" alone, which English news writes for
   * million ("€20m").
   */
  private static final Pattern MEASURED = Pattern.compile(
      "(?<![\\d.,\\p{L}])(one\\s+and\\s+a\\s+half|" + FIGURE + ")(?:\\s*(?:to|and|or|-|–)\\s*(" + FIGURE + "))?"
          + "(?:\\s+(thousand|million|billion))?[\\s-]*(square\\s+|sq\\.?\\s*)?"
          + "(kilomet(?:re|er)s?|km|centimet(?:re|er)s?|cm|millimet(?:re|er)s?|mm|met(?:re|er)s?|m²|km²"
          + "|lit(?:re|er)s?|kilo(?:gram(?:me)?)?s?|kg|grams?|tonnes?|tons?|hectares?)(?![\\p{L}\\d])",
      Pattern.CASE_INSENSITIVE);
  private static final Pattern PLAIN_FIGURE = Pattern.compile("[\\d.]+");
  private static final Pattern SPACES = Pattern.compile("\\s+");
  private static final Pattern WHOLE = Pattern.compile("\\d+");
  private static final Pattern AND_BEFORE = Pattern.compile("(?is).*\\band\\s*$");
  private static final Pattern TWO_DIGITS = Pattern.compile("\\d\\d");
  private static final Pattern YEAR_DIGITS = Pattern.compile("(1[89]|20)\\d\\d");
  private static final Pattern GROUPED = Pattern.compile("\\d{1,3}(,\\d{3})+(\\.\\d+)?");
  private static final Pattern DECIMAL = Pattern.compile("\\d+\\.\\d+");
  private static final Pattern COMMA_DECIMAL = Pattern.compile("\\d+,\\d{1,2}");

  static List<Mention> read(String s) {
    String folded = Needles.fold(s);
    List<Mention> out = new ArrayList<>();
    BitSet used = new BitSet(s.length());
    Matcher m = TIME_12.matcher(s);
    while (m.find()) {
      int h = Integer.parseInt(m.group(1)) % 12;
      int min = m.group(2) == null ? 0 : Integer.parseInt(m.group(2));
      if (m.group(3).equalsIgnoreCase("p")) h += 12;
      out.add(new Mention(Type.TIME, h * 60 + min, m.group().strip(), false));
      used.set(m.start(), m.end());
    }
    for (Pattern p : List.of(TIME_24, OCLOCK)) {
      m = p.matcher(s);
      while (m.find()) {
        if (used.get(m.start())) continue;
        int h = Integer.parseInt(m.group(1));
        int min = p == TIME_24 ? Integer.parseInt(m.group(2)) : 0;
        if (h <= 24 && min <= 59) out.add(new Mention(Type.TIME, h * 60 + min, m.group(), false));
        used.set(m.start(), m.end());
      }
    }
    m = NAMED_HOUR.matcher(s);
    while (m.find()) {
      out.add(new Mention(Type.TIME, m.group(1).equalsIgnoreCase("midnight") ? 0 : 12 * 60, m.group(), false));
      used.set(m.start(), m.end());
    }
    m = MONTH_DAY.finder(s, folded);
    while (m.find()) {
      if (used.get(m.start())) continue;
      int month = month(m.group(1));
      addDate(out, month, m.group(2), m.group());
      if (m.group(3) != null) addDate(out, month, m.group(3), m.group());
      used.set(m.start(), m.end());
    }
    m = DAY_MONTH.finder(s, folded);
    while (m.find()) {
      if (used.get(m.start())) continue;
      int month = month(m.group(3));
      addDate(out, month, m.group(1), m.group());
      if (m.group(2) != null) addDate(out, month, m.group(2), m.group());
      used.set(m.start(), m.end());
    }
    m = MONTH_ALONE.finder(s, folded);
    while (m.find()) {
      if (used.get(m.start()) || used.get(m.end() - 1)) continue;
      String name = m.group(1) != null ? m.group(1) : m.group(2) != null ? m.group(2) : m.group(3);
      out.add(new Mention(Type.MONTH, month(name), name, false));
    }
    m = WEEKDAY.finder(s, folded);
    while (m.find()) {
      out.add(new Mention(Type.WEEKDAY, WEEKDAYS.indexOf(m.group(1).toLowerCase(Locale.ROOT)) + 1, m.group(), false));
    }
    readPeriods(s, folded, used, out);
    readSpans(s, out);
    readPercentages(s, out);
    readMeasures(s, out);
    readFractions(s, folded, used, out);
    readDigits(s, used, out);
    readWords(s, used, out);
    return out;
  }

  private static void readPeriods(String s, String folded, BitSet used, List<Mention> out) {
    Matcher m = AGO.finder(s, folded);
    while (m.find()) {
      String n = m.group(1) == null ? "" : m.group(1).toLowerCase(Locale.ROOT);
      int count = n.isEmpty() || n.contains("few") || n.equals("several") || n.equals("some") || n.equals("many") ? 0
          : WHOLE.matcher(n).matches() ? Integer.parseInt(n) : SMALL.getOrDefault(n, wordValue(n));
      if (count > 99) continue;
      int unit = UNITS.indexOf(m.group(2).toLowerCase(Locale.ROOT));
      out.add(new Mention(Type.AGO, count * 10 + unit, m.group().strip(), false));
      used.set(m.start(), m.end());
    }
    for (int i = 0; i < PERIODS.size(); i++) {
      m = ENGLISH_PERIODS.get(i).finder(s, folded);
      while (m.find()) {
        if (used.get(m.start()) || used.get(m.end() - 1)) continue;
        out.add(new Mention(Type.PERIOD, i, m.group().strip(), false));
        used.set(m.start(), m.end());
      }
    }
  }

  /**
   * Spans of time, each as its length in days; their counts are read as numbers as well. "24
   * hours" is none: it renders "a day" as often as "24 Stunden" ("von Dienstag auf Mittwoch").
   */
  private static void readSpans(String s, List<Mention> out) {
    Matcher m = SPAN.matcher(s);
    while (m.find()) {
      double days = DAYS_PER.get(m.group(3).toLowerCase(Locale.ROOT));
      for (String count : new String[] {m.group(1), m.group(2)}) {
        if (count == null) continue;
        String n = count.toLowerCase(Locale.ROOT).transform(t -> SPACES.matcher(t).replaceAll(" "));
        double value = PLAIN_FIGURE.matcher(n).matches() ? Double.parseDouble(n) : n.contains("hundred") ? 100 : wordValue(n.replace('-', ' '));
        if (value <= 0 || value == 24 && m.group(3).equalsIgnoreCase("hour")) continue;
        out.add(new Mention(Type.DURATION, value * days, m.group().strip(), false));
      }
    }
  }

  /**
   * Percentages, each also read as a number: the percentage must be one the article gives as a
   * percentage or a fraction, not a figure of its that is something else.
   */
  private static void readPercentages(String s, List<Mention> out) {
    Matcher m = PERCENTAGE.matcher(s);
    while (m.find()) {
      boolean approx = APPROX.matcher(s.substring(Math.max(0, m.start() - 20), m.start())).find();
      boolean change = CHANGE_BEFORE.matcher(s.substring(0, m.start())).find();
      for (String figure : new String[] {m.group(1), m.group(2)}) {
        // "from 47 percent in 2019 to 64 percent": a year is no end of a range of percentages.
        if (figure == null || YEAR_DIGITS.matcher(figure).matches()) continue;
        String n = figure.toLowerCase(Locale.ROOT).replace(",", "");
        double value = PLAIN_FIGURE.matcher(n).matches() ? Double.parseDouble(n) : n.contains("hundred") ? 100 : wordValue(n.replace('-', ' '));
        if (value > 0) out.add(new Mention(Type.PERCENT, value, m.group().strip(), approx, change));
      }
    }
  }

  /** Measures, each also read as a number, in their base units. */
  private static void readMeasures(String s, List<Mention> out) {
    Matcher m = MEASURED.matcher(s);
    while (m.find()) {
      String unit = m.group(5).toLowerCase(Locale.ROOT);
      boolean square = m.group(4) != null || unit.endsWith("²");
      Measure measure = Measure.of(unit, square);
      double factor = measure.factor(unit, square);
      if (m.group(3) != null) {
        factor *= switch (m.group(3).toLowerCase(Locale.ROOT)) {
          case "thousand" -> 1e3;
          case "million" -> 1e6;
          default -> 1e9;
        };
      }
      boolean approx = APPROX.matcher(s.substring(Math.max(0, m.start() - 20), m.start())).find();
      for (String figure : new String[] {m.group(1), m.group(2)}) {
        if (figure == null) continue;
        String n = figure.toLowerCase(Locale.ROOT).replace(",", "").transform(t -> SPACES.matcher(t).replaceAll(" "));
        double value = n.equals("one and a half") ? 1.5 : PLAIN_FIGURE.matcher(n).matches() ? Double.parseDouble(n)
            : n.contains("hundred") ? 100 : wordValue(n.replace('-', ' '));
        if (value > 0) out.add(new Mention(Type.MEASURE, value * factor, m.group().strip(), approx, false, measure));
      }
    }
  }

  private static int wordValue(String word) {
    List<EnglishNumerals.Hit> hits = EnglishNumerals.find(word);
    return hits.isEmpty() ? 0 : (int) hits.get(0).value();
  }

  private static void readFractions(String s, String folded, BitSet used, List<Mention> out) {
    Matcher m = FRACTION.finder(s, folded);
    while (m.find()) {
      if (used.get(m.start())) continue;
      double percent;
      if (m.group(3) != null) {
        String n = m.group(3).toLowerCase(Locale.ROOT);
        Integer d = SMALL.containsKey(n) ? SMALL.get(n) : Integer.valueOf(n);
        if (d < 2) continue;
        percent = 100.0 / d;
      } else {
        String word = m.group(2).toLowerCase(Locale.ROOT);
        boolean plural = word.endsWith("s") && !word.equals("halves");
        String stem = plural ? word.substring(0, word.length() - 1) : word.equals("halves") ? "half" : word;
        String numerator = m.group(1) == null ? null : m.group(1).toLowerCase(Locale.ROOT);
        // "half" stands alone ("half of them"); the others need a count ("a third", "two-thirds").
        if (numerator == null && !stem.equals("half")) continue;
        // "and a half" belongs to the number before it; "a third wave" is an ordinal.
        if (AND_BEFORE.matcher(s.substring(0, m.start())).matches()) continue;
        if (!plural && !AFTER_FRACTION.matcher(s.substring(m.end())).find()) continue;
        percent = (numerator == null ? 1 : SMALL.get(numerator)) * 100.0 / DENOMINATORS.get(stem);
      }
      String text = m.group().strip();
      boolean approx = APPROX.matcher(s.substring(Math.max(0, m.start() - 20), m.start())).find();
      out.add(new Mention(Type.FRACTION, percent, text, approx));
      used.set(m.start(), m.end());
    }
  }

  private static void addDate(List<Mention> out, int month, String day, String text) {
    int d = Integer.parseInt(day);
    if (d >= 1 && d <= 31) out.add(new Mention(Type.DATE, month * 100 + d, text, false));
  }

  private static int month(String name) {
    return MONTHS.get(name.replace(".", "").toLowerCase(Locale.ROOT));
  }

  private static void readDigits(String s, BitSet used, List<Mention> out) {
    Matcher m = DIGITS.matcher(s);
    while (m.find()) {
      int start = m.start();
      String run = m.group();
      while (run.endsWith(".") || run.endsWith(",")) run = run.substring(0, run.length() - 1);
      if (used.get(start)) continue;
      if (start > 0 && Character.isLetter(s.charAt(start - 1))) continue;
      if (start > 1 && (s.charAt(start - 1) == '-' || s.charAt(start - 1) == '‑') && Character.isLetter(s.charAt(start - 2))) continue;
      int end = start + run.length();
      // 2nd, 1990s, 45-year-old are quantities; 7G or 3D is a name.
      if (end < s.length() && Character.isLetter(s.charAt(end))) {
        String rest = s.substring(end, Math.min(s.length(), end + 3)).toLowerCase(Locale.ROOT);
        boolean suffix = rest.startsWith("st") || rest.startsWith("nd") || rest.startsWith("rd") || rest.startsWith("th")
            || rest.startsWith("s") || rest.startsWith("m") || rest.startsWith("bn") || rest.startsWith("b") || rest.startsWith("k")
            || rest.startsWith("tn") || rest.startsWith("mn");
        if (!suffix) continue;
      }
      // A conversion into imperial units the German never gives: "(about 8,600 square feet)", "102 Fahrenheit".
      if (IMPERIAL.matcher(s.substring(end)).find()) continue;
      // "in 24 hours" is "in a day" ("von Dienstag auf Mittwoch", "binnen eines Tages").
      if (run.equals("24") && DAY_HOURS.matcher(s.substring(end)).lookingAt()) continue;
      Double value = englishValue(run);
      if (value == null) continue;
      Matcher mult = MULTIPLIER.matcher(s.substring(end));
      double factor = 1;
      String text = run;
      if (mult.find()) {
        factor = switch (mult.group(1).toLowerCase(Locale.ROOT)) {
          case "million", "mn", "m" -> 1e6;
          case "billion", "bn", "b" -> 1e9;
          case "trillion", "tn" -> 1e12;
          case "thousand", "k" -> 1e3;
          case "hundred" -> 1e2;
          default -> 1;
        };
        text = run + mult.group().stripTrailing();
      }
      boolean approx = APPROX.matcher(s.substring(Math.max(0, start - 20), start)).find();
      // A season or a span of years: "2018/19" is 2018 to 2019.
      Matcher season = SEASON.matcher(s.substring(Math.max(0, start - 5), start));
      if (factor == 1 && TWO_DIGITS.matcher(run).matches() && season.find()) {
        out.add(new Mention(Type.YEAR, Integer.parseInt(season.group(1)) * 100 + Integer.parseInt(run), run, false));
        continue;
      }
      boolean year = factor == 1 && YEAR_DIGITS.matcher(run).matches() && !approx;
      boolean change = CHANGE_BEFORE.matcher(s.substring(Math.max(0, start - 40), start)).find()
          || CHANGE_AFTER.matcher(s.substring(start + text.length())).find();
      out.add(new Mention(year ? Type.YEAR : Type.NUMBER, value * factor, text, approx, change));
    }
  }

  /** English notation: "3,000" is 3000, "3.5" is 3.5; a German "1,5" left in the English is 1.5. */
  static Double englishValue(String run) {
    try {
      if (GROUPED.matcher(run).matches()) return Double.parseDouble(run.replace(",", ""));
      if (DECIMAL.matcher(run).matches()) return Double.parseDouble(run);
      if (COMMA_DECIMAL.matcher(run).matches()) return Double.parseDouble(run.replace(',', '.'));
      if (WHOLE.matcher(run).matches()) return Double.parseDouble(run);
      return null;
    } catch (NumberFormatException e) {
      return null;
    }
  }

  private static void readWords(String s, BitSet used, List<Mention> out) {
    for (EnglishNumerals.Hit h : EnglishNumerals.find(s)) {
      if (used.get(h.start())) continue;
      boolean approx = APPROX.matcher(s.substring(Math.max(0, h.start() - 20), h.start())).find();
      out.add(new Mention(Type.NUMBER, h.value(), h.text(), approx));
    }
  }
}
