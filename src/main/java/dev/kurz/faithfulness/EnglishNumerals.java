package dev.kurz.faithfulness;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Written English numbers: "three", "twenty-five", "three hundred", "two million", "twice", and
 * ordinals from "third" on. "one", "first", "second" and "half" are left out: they are far more
 * often words ("one of", "a second official") than counts. Stateless.
 */
final class EnglishNumerals {
  private EnglishNumerals() {}

  record Hit(int start, double value, String text) {}

  private static final Map<String, Integer> WORDS = Map.ofEntries(
      Map.entry("two", 2), Map.entry("three", 3), Map.entry("four", 4), Map.entry("five", 5), Map.entry("six", 6),
      Map.entry("seven", 7), Map.entry("eight", 8), Map.entry("nine", 9), Map.entry("ten", 10), Map.entry("eleven", 11),
      Map.entry("twelve", 12), Map.entry("thirteen", 13), Map.entry("fourteen", 14), Map.entry("fifteen", 15),
      Map.entry("sixteen", 16), Map.entry("seventeen", 17), Map.entry("eighteen", 18), Map.entry("nineteen", 19),
      Map.entry("twenty", 20), Map.entry("thirty", 30), Map.entry("forty", 40), Map.entry("fifty", 50),
      Map.entry("sixty", 60), Map.entry("seventy", 70), Map.entry("eighty", 80), Map.entry("ninety", 90),
      Map.entry("twice", 2), Map.entry("dozen", 12), Map.entry("third", 3), Map.entry("fourth", 4),
      Map.entry("fifth", 5), Map.entry("sixth", 6), Map.entry("seventh", 7), Map.entry("eighth", 8),
      Map.entry("ninth", 9), Map.entry("tenth", 10), Map.entry("eleventh", 11), Map.entry("twelfth", 12),
      Map.entry("twentieth", 20), Map.entry("thirds", 3), Map.entry("fifths", 5), Map.entry("fourths", 4),
      Map.entry("one", 1));
  private static final Map<String, Double> SCALES = Map.of(
      "hundred", 1e2, "thousand", 1e3, "million", 1e6, "billion", 1e9, "trillion", 1e12);
  private static final Pattern WORD = Pattern.compile("[A-Za-z]+");
  private static final Pattern HALF_AFTER = Pattern.compile("\\s+and\\s+a\\s+half\\b", Pattern.CASE_INSENSITIVE);

  static List<Hit> find(String s) {
    List<Hit> out = new ArrayList<>();
    Matcher m = WORD.matcher(s);
    List<int[]> spans = new ArrayList<>();
    while (m.find()) spans.add(new int[] {m.start(), m.end()});
    int i = 0;
    while (i < spans.size()) {
      String w = word(s, spans.get(i));
      if (!WORDS.containsKey(w) || w.equals("one") && !scaleAfter(s, spans, i) && !HALF_AFTER.matcher(s.substring(spans.get(i)[1])).lookingAt()) {
        i++;
        continue;
      }
      int first = i;
      double total = 0;
      double current = 0;
      while (i < spans.size()) {
        String x = word(s, spans.get(i));
        if (WORDS.containsKey(x)) {
          int v = WORDS.get(x);
          // A word joins the number before it only as its units after a ten ("twenty-five") or after a hundred.
          boolean joins = i == first || v < 10 && current % 10 == 0 && current % 100 >= 20 || v < 100 && current > 0 && current % 100 == 0
              || current == 0 && total > 0;
          if (!joins) break;
          current += v;
        } else if (SCALES.containsKey(x)) {
          double scale = SCALES.get(x);
          if (scale >= 1e3) {
            total += (current == 0 ? 1 : current) * scale;
            current = 0;
          } else {
            current = (current == 0 ? 1 : current) * scale;
          }
        } else if (!(x.equals("and") && i + 1 < spans.size() && WORDS.containsKey(word(s, spans.get(i + 1))) && total + current >= 100)) {
          break;
        }
        // Words of one number touch, or stand apart by a space or hyphen.
        if (i + 1 < spans.size() && !joined(s, spans.get(i)[1], spans.get(i + 1)[0])) {
          i++;
          break;
        }
        i++;
      }
      int endChar = spans.get(i - 1)[1];
      double value = total + current;
      // "two and a half months" is 2.5 ("zweieinhalb"), not 2.
      Matcher half = HALF_AFTER.matcher(s.substring(endChar));
      if (half.lookingAt()) {
        value += 0.5;
        endChar += half.end();
        while (i < spans.size() && spans.get(i)[0] < endChar) i++;
      }
      out.add(new Hit(spans.get(first)[0], value, s.substring(spans.get(first)[0], endChar)));
    }
    return out;
  }

  private static boolean scaleAfter(String s, List<int[]> spans, int i) {
    return i + 1 < spans.size() && SCALES.containsKey(word(s, spans.get(i + 1)));
  }

  private static boolean joined(String s, int end, int nextStart) {
    String between = s.substring(end, nextStart);
    return between.equals(" ") || between.equals("-");
  }

  private static String word(String s, int[] span) {
    return s.substring(span[0], span[1]).toLowerCase(Locale.ROOT);
  }
}
