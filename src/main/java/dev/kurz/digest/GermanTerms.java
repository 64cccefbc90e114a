package dev.kurz.digest;

import de.danielnaber.jwordsplitter.GermanWordSplitter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.analysis.de.GermanAnalyzer;
import org.tartarus.snowball.ext.GermanStemmer;

/**
 * A German text's content terms for comparing articles: Lucene's German stopwords and Snowball
 * stemmer ("Lockerungen" and "Lockerung" meet), and each compound's parts besides the whole word
 * (jwordsplitter: "Kontaktbeschränkungen" also counts as "kontakt" and "beschrank"), so that
 * "Corona-Maßnahmen" and "Maßnahmen gegen Corona" share terms. Terms are folded like {@link
 * Words#fold}. Each distinct word is analysed once per instance (a batch's vocabulary is far smaller
 * than its text). Not thread-safe: one per batch.
 */
final class GermanTerms {
  private static final CharArraySet STOP = GermanAnalyzer.getDefaultStopSet();

  private final GermanWordSplitter splitter;
  private final GermanStemmer stemmer = new GermanStemmer();
  private final Map<String, String[]> memo = new HashMap<>();

  GermanTerms() {
    try {
      splitter = new GermanWordSplitter(true);
    } catch (IOException e) {
      throw new UncheckedIOException("jwordsplitter's dictionary", e);
    }
  }

  /** The text's terms in text order, a compound's parts after the whole word. */
  List<String> terms(String text) {
    List<String> out = new ArrayList<>();
    if (text == null) return out;
    int start = -1;
    for (int i = 0; i <= text.length(); i++) {
      boolean letter = i < text.length() && Character.isLetterOrDigit(text.charAt(i));
      if (letter && start < 0) {
        start = i;
      } else if (!letter && start >= 0) {
        if (i - start >= 3) {
          for (String t : analyse(text.substring(start, i))) out.add(t);
        }
        start = -1;
      }
    }
    return out;
  }

  private String[] analyse(String word) {
    return memo.computeIfAbsent(word, this::compute);
  }

  private String[] compute(String word) {
    String lower = word.toLowerCase(Locale.GERMAN);
    if (STOP.contains(lower) || isNumber(lower)) return new String[0];
    List<String> terms = new ArrayList<>(3);
    terms.add(stem(lower));
    if (lower.length() >= 8 && Character.isLetter(lower.charAt(0))) {
      List<String> parts = splitter.splitWord(lower);
      if (parts.size() > 1) {
        for (String p : parts) {
          if (p.length() >= 4 && !STOP.contains(p)) terms.add(stem(p));
        }
      }
    }
    return terms.toArray(String[]::new);
  }

  private String stem(String lower) {
    stemmer.setCurrent(lower);
    stemmer.stem();
    return Words.fold(stemmer.getCurrent());
  }

  private static boolean isNumber(String w) {
    for (int i = 0; i < w.length(); i++) {
      if (!Character.isDigit(w.charAt(i))) return false;
    }
    return w.length() != 4; // years stay
  }
}
