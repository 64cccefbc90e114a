package dev.kurz.ingest;

import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A fast guess at a text's language from its most common function words, for the languages kurz
 * meets most. It answers only when the evidence is clear (many hits, well ahead of the runner-up);
 * otherwise {@link LanguageDetector} asks OpenNLP's model, whose loading costs about a second.
 */
final class StopwordGuess {
  private static final Pattern WORD = Pattern.compile("[\\p{L}]+");
  private static final Map<String, Set<String>> STOPWORDS = Map.of(
      "de", Set.of("der", "die", "das", "und", "ist", "nicht", "mit", "sich", "auf", "für", "dem", "den", "ein", "eine", "zu", "von", "auch", "wird", "sei", "hat"),
      "en", Set.of("the", "and", "is", "of", "to", "in", "that", "it", "was", "for", "on", "with", "as", "are", "by", "this", "has", "have"),
      "fr", Set.of("le", "la", "les", "et", "est", "des", "un", "une", "du", "que", "pour", "dans", "pas", "qui", "sur", "au"),
      "es", Set.of("el", "la", "los", "las", "y", "es", "que", "de", "en", "un", "una", "por", "con", "para", "del", "se"),
      "it", Set.of("il", "la", "che", "di", "e", "è", "un", "una", "per", "non", "con", "del", "della", "sono", "gli"),
      "nl", Set.of("de", "het", "een", "en", "van", "is", "dat", "niet", "op", "met", "voor", "zijn", "ook", "wordt"),
      "pl", Set.of("i", "w", "nie", "na", "się", "jest", "że", "do", "to", "z", "jak", "ale", "od"),
      "ru", Set.of("и", "в", "не", "на", "что", "с", "по", "это", "как", "из", "за", "он", "к"),
      "uk", Set.of("і", "в", "не", "на", "що", "з", "у", "до", "як", "це", "та", "за", "від"));

  private StopwordGuess() {}

  /** ISO 639-1 code of the clearly likeliest language, or null when the function words do not tell. */
  static String guess(String text) {
    var m = WORD.matcher(text.length() > 20_000 ? text.substring(0, 20_000) : text);
    Map<String, int[]> scores = new java.util.HashMap<>();
    int words = 0;
    while (m.find()) {
      String w = m.group().toLowerCase(Locale.ROOT);
      words++;
      for (var e : STOPWORDS.entrySet()) {
        if (e.getValue().contains(w)) scores.computeIfAbsent(e.getKey(), k -> new int[1])[0]++;
      }
    }
    String best = null;
    int bestScore = 0;
    int second = 0;
    for (var e : scores.entrySet()) {
      int score = e.getValue()[0];
      if (score > bestScore) {
        second = bestScore;
        best = e.getKey();
        bestScore = score;
      } else if (score > second) {
        second = score;
      }
    }
    boolean clear = words >= 30 && bestScore * 8 >= words && bestScore >= 3 * second;
    return clear ? best : null;
  }
}
