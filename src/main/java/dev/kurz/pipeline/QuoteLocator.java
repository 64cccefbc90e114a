package dev.kurz.pipeline;

import dev.kurz.model.Grounding;

/** TEMPORARY STUB until the real one merges. */
public final class QuoteLocator {
  private final String text;

  public QuoteLocator(String text) {
    this.text = text;
  }

  public Grounding locate(String quote) {
    int i = text.indexOf(quote);
    return i < 0 ? Grounding.notFound() : new Grounding(Grounding.Status.EXACT, i, i + quote.length());
  }
}
