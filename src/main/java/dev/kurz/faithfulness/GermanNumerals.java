package dev.kurz.faithfulness;

import java.util.List;
import java.util.Map;

/**
 * Written German numbers at the start of a word: "drei" 3, "fünfundzwanzig" 25,
 * "zweihundertfünfzig" 250, and inside compounds and ordinals: "fünfstündigen" 5, "zweimal" 2,
 * "dritten" 3. Stateless.
 */
final class GermanNumerals {
  private GermanNumerals() {}

  private static final Map<String, Integer> UNITS = Map.ofEntries(
      Map.entry("eins", 1), Map.entry("ein", 1), Map.entry("zwei", 2), Map.entry("drei", 3), Map.entry("vier", 4),
      Map.entry("fünf", 5), Map.entry("sechs", 6), Map.entry("sieben", 7), Map.entry("acht", 8), Map.entry("neun", 9));
  private static final Map<String, Integer> TEENS = Map.ofEntries(
      Map.entry("zehn", 10), Map.entry("elf", 11), Map.entry("zwölf", 12), Map.entry("dreizehn", 13),
      Map.entry("vierzehn", 14), Map.entry("fünfzehn", 15), Map.entry("sechzehn", 16), Map.entry("siebzehn", 17),
      Map.entry("achtzehn", 18), Map.entry("neunzehn", 19));
  private static final Map<String, Integer> TENS = Map.ofEntries(
      Map.entry("zwanzig", 20), Map.entry("dreißig", 30), Map.entry("dreissig", 30), Map.entry("vierzig", 40),
      Map.entry("fünfzig", 50), Map.entry("sechzig", 60), Map.entry("siebzig", 70), Map.entry("achtzig", 80),
      Map.entry("neunzig", 90));
  /** Ordinal stems whose cardinal is not their prefix. */
  private static final Map<String, Integer> ORDINALS = Map.of("zweit", 2, "dritt", 3, "siebt", 7, "erst", 1);
  /** The numerals of the tables, longest first: the first that matches at a place is the longest there. */
  private static final List<Map.Entry<String, Integer>> NUMERALS = java.util.stream.Stream.of(TEENS, TENS, UNITS)
      .flatMap(t -> t.entrySet().stream())
      .sorted(java.util.Comparator.comparingInt((Map.Entry<String, Integer> e) -> e.getKey().length()).reversed())
      .toList();
  /** The letters a numeral begins with: a word beginning with none has none there. */
  private static final String FIRST_LETTERS = NUMERALS.stream().map(e -> e.getKey().substring(0, 1)).distinct()
      .collect(java.util.stream.Collectors.joining());

  /** A word that is a written number and nothing else: "drei", "fünfundzwanzig", "zweihundert". */
  private static final java.util.regex.Pattern WHOLE_NUMERAL = java.util.regex.Pattern.compile(
      "(?:(?:" + String.join("|", NUMERALS.stream().map(Map.Entry::getKey).toList()) + ")(?:und)?|hundert|tausend)+");

  /** Whether the lower-case word is a written number and nothing else (no compound, no ordinal). */
  static boolean isNumeral(String lower) {
    return WHOLE_NUMERAL.matcher(lower).matches();
  }

  /** The value of the written number the word starts with, or 0 when it starts with none. */
  static long prefixValue(String lower) {
    for (var o : ORDINALS.entrySet()) {
      if (lower.startsWith(o.getKey()) && !lower.startsWith("erstens") && !lower.startsWith("erstell")) {
        if (!o.getKey().equals("erst") || lower.length() <= 7) return o.getValue();
      }
    }
    long total = 0;
    long current = 0;
    int i = 0;
    boolean any = false;
    while (i < lower.length()) {
      int[] hit = longest(lower, i);
      if (hit != null) {
        current += hit[0];
        i += hit[1];
        any = true;
        if (lower.startsWith("und", i) && longest(lower, i + 3) != null) i += 3;
        continue;
      }
      if (lower.startsWith("hundert", i)) {
        current = (current == 0 ? 1 : current) * 100;
        i += 7;
        any = true;
        continue;
      }
      if (lower.startsWith("tausend", i)) {
        total += (current == 0 ? 1 : current) * 1000;
        current = 0;
        i += 7;
        any = true;
        continue;
      }
      break;
    }
    if (!any) return 0;
    long v = total + current;
    // A lone "ein..." is the article or a prefix (einfach, Einheit): not a number.
    if (v == 1 && !lower.equals("eins")) return 0;
    return v;
  }

  /** {value, length} of the longest numeral at {@code i}, or null. */
  private static int[] longest(String s, int i) {
    if (i >= s.length() || FIRST_LETTERS.indexOf(s.charAt(i)) < 0) return null;
    for (Map.Entry<String, Integer> e : NUMERALS) {
      if (s.startsWith(e.getKey(), i)) return new int[] {e.getValue(), e.getKey().length()};
    }
    return null;
  }
}
