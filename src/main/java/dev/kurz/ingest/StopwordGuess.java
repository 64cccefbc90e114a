package dev.kurz.ingest;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * A fast guess at a text's language from its most common function words, for the languages kurz
 * meets most. It answers only when the evidence is clear (many hits, well ahead of the runner-up);
 * otherwise {@link LanguageDetector} asks OpenNLP's model, whose loading costs about a second.
 */
final class StopwordGuess {
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

  /** Each function word with the languages it belongs to: one lookup per word of the text. */
  private static final Map<String, List<String>> LANGUAGES_OF = new java.util.HashMap<>();

  static {
    STOPWORDS.forEach((language, words) -> words.forEach(
        w -> LANGUAGES_OF.computeIfAbsent(w, k -> new java.util.ArrayList<>()).add(language)));
  }

  private StopwordGuess() {}

  /** ISO 639-1 code of the clearly likeliest language, or null when the function words do not tell. */
  static String guess(String text) {
    String sample = text.length() > 20_000 ? text.substring(0, 20_000) : text;
    Map<String, int[]> scores = new java.util.HashMap<>();
    int words = 0;
    int start = -1;
    for (int i = 0; i <= sample.length(); i++) {
      boolean letter = i < sample.length() && Character.isLetter(sample.charAt(i));
      if (letter) {
        if (start < 0) start = i;
        continue;
      }
      if (start < 0) continue;
      String w = sample.substring(start, i).toLowerCase(Locale.ROOT);
      start = -1;
      words++;
      for (String language : LANGUAGES_OF.getOrDefault(w, List.of())) {
        scores.computeIfAbsent(language, k -> new int[1])[0]++;
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
