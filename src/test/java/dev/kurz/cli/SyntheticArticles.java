package dev.kurz.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Many short German articles of our own, numbered, and the valid analysis a good model gives for
 * each (its quotes are in the article), for tests that need hundreds of distinct inputs.
 */
final class SyntheticArticles {
  private static final Pattern NUMBER = Pattern.compile("Messstation Nummer (\\d+)");

  private SyntheticArticles() {}

  static String text(int n) {
    return "Musterstadt eröffnet Messstation Nummer " + n + "\n\n"
        + "Die Stadtverwaltung von Musterstadt hat am Montag die Messstation Nummer " + n
        + " in Betrieb genommen. Nach Angaben des Umweltamts soll sie die Luftqualität im Viertel "
        + n + " stündlich erfassen.\n\n"
        + "Anwohner hatten die Station seit Jahren gefordert. Kritiker bezweifeln jedoch, dass die"
        + " Messwerte viel ändern werden.\n";
  }

  /** Writes articles {@code from..to} (inclusive) as {@code meldung-N.txt} and returns their paths. */
  static List<Path> write(Path dir, int from, int to) throws IOException {
    Files.createDirectories(dir);
    List<Path> paths = new ArrayList<>();
    for (int n = from; n <= to; n++) {
      Path p = dir.resolve("meldung-" + n + ".txt");
      if (!Files.exists(p)) Files.writeString(p, text(n));
      paths.add(p);
    }
    return paths;
  }

  /** The article number a request or text is about, or -1. */
  static int numberIn(String text) {
    Matcher m = NUMBER.matcher(text);
    return m.find() ? Integer.parseInt(m.group(1)) : -1;
  }

  /** A valid analysis of article {@code n}. */
  static String analysis(int n) {
    return """
        {"source_language": "de",
         "headline": "Musterstadt opens measuring station number %1$d",
         "summary": "Musterstadt's administration opened measuring station number %1$d on Monday. According to the environment office it is to record the air quality in district %1$d every hour.",
         "key_points": ["Station %1$d opened on Monday."],
         "claims": [
           {"claim": "Musterstadt's administration opened measuring station number %1$d on Monday.", "attributed_to": "the article", "source_type": "article_voice", "modality": "stated",
            "quote": "Die Stadtverwaltung von Musterstadt hat am Montag die Messstation Nummer %1$d in Betrieb genommen."}
         ],
         "entities": [{"name": "Musterstadt", "original": "Musterstadt", "type": "place"}]}
        """.formatted(n);
  }
}
