package dev.kurz.faithfulness;

import java.text.Normalizer;
import java.util.Locale;

/** Spelling folds for comparing names across German and English notation. Stateless. */
final class Fold {
  private Fold() {}

  /** Lower case, umlauts and accents folded: "Türkei" -> "turkei", "Orbán" -> "orban", "ß" -> "ss". */
  static String plain(String s) {
    if (ascii(s)) return s.toLowerCase(Locale.ROOT);
    String lc = s.toLowerCase(Locale.ROOT).replace("ß", "ss").replace("ä", "a").replace("ö", "o").replace("ü", "u");
    String d = Normalizer.normalize(lc, Normalizer.Form.NFD);
    StringBuilder b = new StringBuilder(d.length());
    for (int i = 0; i < d.length(); i++) {
      char c = d.charAt(i);
      if (Character.getType(c) != Character.NON_SPACING_MARK) b.append(c);
    }
    return b.toString();
  }

  private static boolean ascii(String s) {
    for (int i = 0; i < s.length(); i++) {
      if (s.charAt(i) >= 128) return false;
    }
    return true;
  }

  /**
   * A rough phonetic key for names transliterated from Cyrillic the German and the English way:
   * Selenskyj and Zelensky, Uschakow and Ushakov, Charkiw and Kharkiv end up equal or one or two
   * letters apart.
   */
  static String translit(String s) {
    String p = plain(s);
    p = p.replace("dsch", "j").replace("tsch", "ch").replace("sch", "sh").replace("kh", "ch").replace("zh", "sh")
        .replace("ck", "k").replace("ph", "f").replace("ts", "z").replace("tz", "z");
    StringBuilder b = new StringBuilder(p.length());
    for (int i = 0; i < p.length(); i++) {
      char c = p.charAt(i);
      char m = switch (c) {
        case 'w' -> 'v';
        case 'j' -> 'y';
        case 'c' -> 'k';
        case 'z' -> 's';
        case 'i' -> 'y';
        default -> c;
      };
      // Doubled letters and y-runs ("ij", "iy", "yj") collapse.
      if (b.length() > 0 && b.charAt(b.length() - 1) == m) continue;
      b.append(m);
    }
    return b.toString();
  }

  static int commonPrefix(String a, String b) {
    int n = Math.min(a.length(), b.length());
    int i = 0;
    while (i < n && a.charAt(i) == b.charAt(i)) i++;
    return i;
  }

  /** Levenshtein distance, giving up (returning {@code max + 1}) once it must exceed {@code max}. */
  static int distance(String a, String b, int max) {
    if (Math.abs(a.length() - b.length()) > max) return max + 1;
    int[] prev = new int[b.length() + 1];
    int[] cur = new int[b.length() + 1];
    for (int j = 0; j <= b.length(); j++) prev[j] = j;
    for (int i = 1; i <= a.length(); i++) {
      cur[0] = i;
      int rowMin = cur[0];
      for (int j = 1; j <= b.length(); j++) {
        int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
        cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
        rowMin = Math.min(rowMin, cur[j]);
      }
      if (rowMin > max) return max + 1;
      int[] t = prev;
      prev = cur;
      cur = t;
    }
    return prev[b.length()];
  }
}
