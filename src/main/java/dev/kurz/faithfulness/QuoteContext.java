package dev.kurz.faithfulness;

import dev.kurz.model.Grounding;
import java.util.List;

/**
 * An article split into sentences once, and the sentences around a grounded quote: the quote's own
 * sentence, or a window before and after it within the quote's paragraph (or across paragraphs).
 * Immutable and thread-safe.
 */
final class QuoteContext {
  private final String article;
  private final List<Sentences.Span> sentences;

  QuoteContext(String article) {
    this.article = article;
    this.sentences = Sentences.split(article);
  }

  String article() {
    return article;
  }

  /** The article's sentences, split once. */
  List<Sentences.Span> sentences() {
    return sentences;
  }

  /** The sentence or sentences the quote stands in, or null when the quote was not found. */
  String sentence(Grounding g) {
    return around(g, 0, 0, false);
  }

  /** The quote's sentences and up to {@code before}/{@code after} more in its paragraph, or null. */
  String around(Grounding g, int before, int after) {
    return around(g, before, after, false);
  }

  /** The article up to the end of the quote's sentence, or null when the quote was not found. */
  String before(Grounding g) {
    if (g == null || !g.found() || g.start() < 0 || g.end() > article.length()) return null;
    for (Sentences.Span s : sentences) {
      if (s.end() > g.start()) return article.substring(0, s.end());
    }
    return null;
  }

  /** The sentences around a grounded quote, or null when the quote was not found. */
  String around(Grounding g, int before, int after, boolean acrossParagraphs) {
    int[] spanned = Sentences.spanned(sentences, g, article.length());
    if (spanned == null) return null;
    int first = spanned[0];
    int last = spanned[1];
    int from = first;
    // Back within the quote's paragraph; past its start only when the quote opens the paragraph
    // (a speaker named at the end of one paragraph and quoted at the start of the next).
    while (from > 0 && first - from < before) {
      boolean sameParagraph = sentences.get(from - 1).paragraph() == sentences.get(first).paragraph();
      if (!sameParagraph && from != first && !acrossParagraphs) break;
      from--;
    }
    int to = last;
    while (to + 1 < sentences.size() && to - last < after && sentences.get(to + 1).paragraph() == sentences.get(last).paragraph()) to++;
    return article.substring(sentences.get(from).start(), sentences.get(to).end());
  }
}
