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

  enum Type { NUMBER, YEAR, DATE, MONTH, WEEKDAY, TIME }

  /** One item: {@code value} is the number, year, month*100+day, month, ISO weekday or minute of day. */
  record Mention(Type type, double value, String text, boolean approximate) {}

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
  private static final Pattern MONTH_DAY = Pattern.compile(
      "\\b" + MONTH + "\\s+" + DAY + "(?:\\s*(?:-|–|to|and)\\s*" + DAY + ")?(?![\\d,.]\\d|\\d)");
  private static final Pattern DAY_MONTH = Pattern.compile(
      "\\b" + DAY + "(?:\\s*(?:-|–|to|and)\\s*" + DAY + ")?\\s+(?:of\\s+)?" + MONTH + "\\b");
  private static final Pattern MONTH_ALONE = Pattern.compile(
      "\\b(January|February|March|April|June|July|August|September|October|November|December)\\b|\\b(?:in|of|since|until|by|early|late|mid-?)\\s+(May)\\b|\\b(May)(?=\\s+\\d{4})");
  private static final Pattern WEEKDAY = Pattern.compile(
      "\\b(Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)s?\\b");
  private static final Pattern TIME_12 = Pattern.compile(
      "\\b(\\d{1,2})(?:[:.](\\d{2}))?\\s*([ap])\\.?\\s?m\\b\\.?", Pattern.CASE_INSENSITIVE);
  private static final Pattern TIME_24 = Pattern.compile("\\b(\\d{1,2}):(\\d{2})\\b");
  private static final Pattern OCLOCK = Pattern.compile("\\b(\\d{1,2})\\s*o['’]clock", Pattern.CASE_INSENSITIVE);
  private static final Pattern DIGITS = Pattern.compile("\\d+(?:[.,]\\d+)*");
  private static final Pattern IMPERIAL = Pattern.compile(
      "^\\s*(?:square\\s+|sq\\.?\\s+|cubic\\s+)?(?:feet|foot|ft\\b|miles?\\b|mph\\b|inch(?:es)?\\b|pounds?\\b|lbs?\\b|gallons?\\b|acres?\\b|yards?\\b|ounces?\\b|oz\\b|(?:degrees\\s+)?fahrenheit\\b|°\\s?F\\b)",
      Pattern.CASE_INSENSITIVE);
  private static final Pattern SEASON = Pattern.compile("(1[89]|20)\\d\\d[/–-]$");
  private static final Pattern MULTIPLIER = Pattern.compile(
      "^\\s*-?(million|billion|trillion|thousand|hundred|mn|bn|tn|m|b|k)\\b", Pattern.CASE_INSENSITIVE);
  private static final Pattern APPROX = Pattern.compile(
      "(about|around|nearly|almost|roughly|approximately|some|over|more than|less than|fewer than|under|at least|up to|close to|just over|just under|estimated|an estimated|~)\\s*\\$?€?£?$",
      Pattern.CASE_INSENSITIVE);

  static List<Mention> read(String s) {
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
    m = MONTH_DAY.matcher(s);
    while (m.find()) {
      if (used.get(m.start())) continue;
      int month = month(m.group(1));
      addDate(out, month, m.group(2), m.group());
      if (m.group(3) != null) addDate(out, month, m.group(3), m.group());
      used.set(m.start(), m.end());
    }
    m = DAY_MONTH.matcher(s);
    while (m.find()) {
      if (used.get(m.start())) continue;
      int month = month(m.group(3));
      addDate(out, month, m.group(1), m.group());
      if (m.group(2) != null) addDate(out, month, m.group(2), m.group());
      used.set(m.start(), m.end());
    }
    m = MONTH_ALONE.matcher(s);
    while (m.find()) {
      if (used.get(m.start()) || used.get(m.end() - 1)) continue;
      String name = m.group(1) != null ? m.group(1) : m.group(2) != null ? m.group(2) : m.group(3);
      out.add(new Mention(Type.MONTH, month(name), name, false));
    }
    m = WEEKDAY.matcher(s);
    while (m.find()) {
      out.add(new Mention(Type.WEEKDAY, WEEKDAYS.indexOf(m.group(1).toLowerCase(Locale.ROOT)) + 1, m.group(), false));
    }
    readDigits(s, used, out);
    readWords(s, out);
    return out;
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
      if (factor == 1 && run.matches("\\d\\d") && season.find()) {
        out.add(new Mention(Type.YEAR, Integer.parseInt(season.group(1)) * 100 + Integer.parseInt(run), run, false));
        continue;
      }
      boolean year = factor == 1 && run.matches("(1[89]|20)\\d\\d") && !approx;
      out.add(new Mention(year ? Type.YEAR : Type.NUMBER, value * factor, text, approx));
    }
  }

  /** English notation: "3,000" is 3000, "3.5" is 3.5; a German "1,5" left in the English is 1.5. */
  static Double englishValue(String run) {
    try {
      if (run.matches("\\d{1,3}(,\\d{3})+(\\.\\d+)?")) return Double.parseDouble(run.replace(",", ""));
      if (run.matches("\\d+\\.\\d+")) return Double.parseDouble(run);
      if (run.matches("\\d+,\\d{1,2}")) return Double.parseDouble(run.replace(',', '.'));
      if (run.matches("\\d+")) return Double.parseDouble(run);
      return null;
    } catch (NumberFormatException e) {
      return null;
    }
  }

  private static void readWords(String s, List<Mention> out) {
    for (EnglishNumerals.Hit h : EnglishNumerals.find(s)) {
      boolean approx = APPROX.matcher(s.substring(Math.max(0, h.start() - 20), h.start())).find();
      out.add(new Mention(Type.NUMBER, h.value(), h.text(), approx));
    }
  }
}
