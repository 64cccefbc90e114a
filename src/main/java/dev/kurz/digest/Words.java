package dev.kurz.digest;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Content words of German and English text for comparing articles: folded (lower case, no
 * diacritics, ß as ss), German and English stopwords removed, and lightly stemmed so that
 * "Gespräche" and "Gesprächen" or "talks" and "talk" meet. Stateless.
 */
final class Words {
  private static final Pattern MARKS = Pattern.compile("\\p{M}+");

  // Function words and the commonest news verbs; the batch's IDF takes care of the rest.
  private static final Set<String> STOP = Set.copyOf(List.of(
      // German
      "aber", "alle", "allem", "allen", "aller", "alles", "als", "also", "am", "an", "andere", "anderen", "auch", "auf",
      "aus", "bei", "beim", "bereits", "bis", "bisher", "dabei", "damit", "dann", "darauf", "darum", "das", "dass",
      "dem", "den", "denn", "der", "des", "die", "dies", "diese", "diesem", "diesen", "dieser", "dieses", "doch", "dort",
      "durch", "ein", "eine", "einem", "einen", "einer", "eines", "er", "es", "etwa", "fur", "gegen", "gegenuber",
      "habe", "haben", "hat", "hatte", "hatten", "hier", "ihm", "ihn", "ihr", "ihre", "ihrem", "ihren", "ihrer", "im",
      "in", "ist", "jedoch", "jetzt", "kann", "kein", "keine", "man", "mehr", "mit", "muss", "nach", "nicht", "noch",
      "nun", "nur", "ob", "oder", "ohne", "schon", "sei", "seien", "sein", "seine", "seinem", "seinen", "seiner", "seit",
      "sich", "sie", "sind", "so", "soll", "sollen", "sowie", "uber", "um", "und", "uns", "unter", "vom", "von", "vor",
      "wahrend", "war", "waren", "was", "weil", "weiter", "wenn", "werde", "werden", "wie", "wieder", "will", "wir",
      "wird", "wo", "wurde", "wurden", "zu", "zum", "zur", "zwischen", "sagte", "sagt", "erklarte", "heisst", "laut",
      "zufolge", "demnach", "zudem", "sowohl", "wolle", "wollen", "konne", "konnen", "konnte", "mussen", "worden",
      "jahr", "jahre", "jahren", "prozent", "uhr", "montag", "dienstag", "mittwoch", "donnerstag", "freitag",
      "samstag", "sonntag", "heute", "gestern", "neue", "neuen", "ersten", "erste", "zwei", "drei",
      // English
      "the", "and", "for", "that", "this", "with", "from", "were", "are", "has", "have", "had", "been", "will",
      "would", "could", "should", "its", "his", "her", "their", "they", "them", "than", "then", "which", "who", "whom",
      "what", "when", "where", "while", "after", "before", "about", "into", "over", "under", "between", "not",
      "but", "said", "says", "say", "according", "article", "reportedly", "some", "any", "all", "one", "two", "three",
      "more", "most", "other", "such", "only", "both", "there", "these", "those", "our", "out", "per", "can", "may",
      "being", "did", "does", "new", "year", "years", "percent", "monday", "tuesday", "wednesday", "thursday",
      "friday", "saturday", "sunday", "today", "yesterday"));

  private Words() {}

  /** How each Latin-1 character folds (index = char), computed once by the slow path. */
  private static final String[] LATIN1 = new String[256];

  static {
    for (char c = 0; c < 256; c++) LATIN1[c] = slowFold(String.valueOf(c));
  }

  /** Lower case, no diacritics, ß as ss. */
  static String fold(String s) {
    StringBuilder b = new StringBuilder(s.length());
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c < 256) {
        b.append(LATIN1[c]);
      } else if (Character.isLetter(c) || Character.getType(c) == Character.NON_SPACING_MARK) {
        return slowFold(s); // beyond Latin-1: let the normalizer do it all
      } else {
        b.append(c); // quotes, dashes, currency: nothing to fold
      }
    }
    return b.toString();
  }

  private static String slowFold(String s) {
    String lower = s.toLowerCase(Locale.ROOT).replace("ß", "ss");
    return MARKS.matcher(Normalizer.normalize(lower, Normalizer.Form.NFD)).replaceAll("");
  }

  /** Folded, stemmed content words in text order; words shorter than 3 letters and stopwords dropped. */
  static List<String> content(String text) {
    return stems(plain(text));
  }

  /** The stems of words already {@link #plain}. */
  static List<String> stems(List<String> plain) {
    List<String> out = new ArrayList<>(plain.size());
    for (String w : plain) out.add(stem(w));
    return out;
  }

  /** Folded words without stemming, stopwords dropped: for names, where endings carry no case. */
  static List<String> plain(String text) {
    List<String> out = new ArrayList<>();
    if (text == null) return out;
    String f = fold(text);
    int start = -1;
    for (int i = 0; i <= f.length(); i++) {
      boolean word = i < f.length() && Character.isLetterOrDigit(f.charAt(i));
      if (word && start < 0) {
        start = i;
      } else if (!word && start >= 0) {
        if (i - start >= 3) {
          String w = f.substring(start, i);
          if (!STOP.contains(w) && !isNumber(w)) out.add(w);
        }
        start = -1;
      }
    }
    return out;
  }

  /** Strips one common German or English inflection ending, keeping at least four letters. */
  static String stem(String w) {
    for (String end : new String[] {"ungen", "ern", "en", "er", "es", "em", "e", "n", "s"}) {
      if (w.endsWith(end) && w.length() - end.length() >= 4) return w.substring(0, w.length() - end.length());
    }
    return w;
  }

  private static boolean isNumber(String w) {
    if (w.length() == 4) return false; // years stay
    for (int i = 0; i < w.length(); i++) {
      if (!Character.isDigit(w.charAt(i))) return false;
    }
    return true;
  }
}
