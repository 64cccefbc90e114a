package dev.kurz.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import opennlp.tools.langdetect.Language;
import opennlp.tools.langdetect.LanguageDetectorME;
import opennlp.tools.langdetect.LanguageDetectorModel;

/**
 * Detects the language of an article's text with Apache OpenNLP's packaged language model
 * ({@code langdetect-183.bin}, 103 languages, from {@code opennlp-models-langdetect}). The model
 * (about 10 MB) is loaded on first use, once per process, and never changes after. Thread-safe.
 */
public final class LanguageDetector {
  /** Texts shorter than this many letters are not judged: too little to tell. */
  static final int MIN_LETTERS = 40;
  private static final int SAMPLE = 4000;
  private static final Map<String, String> ISO3_TO_ISO1 = iso3ToIso1();

  private LanguageDetector() {}

  /** ISO 639-1 code (or the model's ISO 639-3 code where there is none), or null when unsure or too short. */
  public static String detect(String text) {
    String sample = text.length() > SAMPLE ? text.substring(0, SAMPLE) : text;
    if (!hasLetters(sample, MIN_LETTERS)) return null;
    String quick = StopwordGuess.guess(sample);
    if (quick != null) return quick;
    Language best = new LanguageDetectorME(Model.INSTANCE).predictLanguage(sample);
    if (best == null || best.getConfidence() < 0.1) return null;
    String code = best.getLang();
    return ISO3_TO_ISO1.getOrDefault(code, code);
  }

  private static boolean hasLetters(String s, int wanted) {
    int letters = 0;
    for (int i = 0; i < s.length() && letters < wanted; i++) {
      if (Character.isLetter(s.codePointAt(i))) letters++;
    }
    return letters >= wanted;
  }

  /** English name of a language code: "en" becomes "English". */
  public static String displayName(String code) {
    String name = Locale.forLanguageTag(code).getDisplayLanguage(Locale.ENGLISH);
    return name.isEmpty() ? code : name;
  }

  /**
   * The ISO 639-1 code a model's free-text language answer stands for ("de", "deu", "German",
   * "Deutsch", "de-AT"), or null when it names no known language.
   */
  public static String code(String answer) {
    if (answer == null || answer.isBlank()) return null;
    String a = answer.strip().toLowerCase(Locale.ROOT);
    int cut = a.indexOf('-') > 0 ? a.indexOf('-') : a.indexOf('_');
    if (cut > 0 && cut <= 3) a = a.substring(0, cut);
    if (a.length() == 2 && Arrays.asList(Locale.getISOLanguages()).contains(a)) return a;
    if (a.length() == 3 && ISO3_TO_ISO1.containsKey(a)) return ISO3_TO_ISO1.get(a);
    for (String iso1 : Locale.getISOLanguages()) {
      Locale l = Locale.of(iso1);
      if (a.equals(l.getDisplayLanguage(Locale.ENGLISH).toLowerCase(Locale.ROOT))
          || a.equals(l.getDisplayLanguage(l).toLowerCase(l))) {
        return iso1;
      }
    }
    return null;
  }

  private static Map<String, String> iso3ToIso1() {
    Map<String, String> map = new HashMap<>();
    for (String iso1 : Locale.getISOLanguages()) {
      try {
        map.put(Locale.of(iso1).getISO3Language(), iso1);
      } catch (java.util.MissingResourceException e) {
        // no three-letter code known for it
      }
    }
    // the model's macro-language members and variants
    map.putAll(Map.of("cmn", "zh", "nob", "no", "nno", "nn", "pes", "fa", "zsm", "ms", "ekk", "et", "lvs", "lv",
        "swh", "sw", "uzn", "uz"));
    map.putAll(Map.of("ydd", "yi", "azj", "az", "khk", "mn", "plt", "mg"));
    return Map.copyOf(map);
  }

  /** Holder: the model is read the first time a text is judged. */
  private static final class Model {
    static final LanguageDetectorModel INSTANCE = load();

    private static LanguageDetectorModel load() {
      try (InputStream in = LanguageDetector.class.getResourceAsStream("/langdetect-183.bin")) {
        if (in == null) throw new IllegalStateException("langdetect-183.bin missing from the class path");
        return new LanguageDetectorModel(in);
      } catch (IOException e) {
        throw new UncheckedIOException("cannot load the language model", e);
      }
    }
  }
}
