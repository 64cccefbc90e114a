package dev.kurz.digest;

import dev.kurz.model.ArticleResult;
import dev.kurz.model.Claim;
import dev.kurz.model.Usage;
import java.util.List;

/**
 * One story of a digest: an English headline, a short synthesis, the articles that cover it (the
 * sources, in input order), the key claims merged across them and where they contradict each other.
 * Every claim reference points into {@link #articles()}.
 */
public record Story(
    String headline,
    String synthesis,
    List<ArticleResult> articles,
    List<KeyClaim> keyClaims,
    List<Contradiction> contradictions,
    Origin origin,
    Usage usage,
    List<String> warnings) {

  /** Where headline and synthesis come from. */
  public enum Origin {
    /** One article: its own headline and summary, no request. */
    SINGLE,
    /** A synthesis request made in this run. */
    SYNTHESIZED,
    /** A synthesis answer from the cache. */
    CACHED,
    /** Several articles without a synthesis (no model asked): built locally. */
    LOCAL,
    /** Several articles whose synthesis request or answer failed: built locally, the warnings say why. */
    FAILED
  }

  public Story {
    articles = List.copyOf(articles);
    keyClaims = List.copyOf(keyClaims);
    contradictions = List.copyOf(contradictions);
    warnings = List.copyOf(warnings);
    if (articles.isEmpty()) throw new IllegalArgumentException("a story needs an article");
  }

  public Claim claim(ClaimRef ref) {
    return articles.get(ref.article()).analysis().claims().get(ref.claim());
  }

  public ArticleResult article(ClaimRef ref) {
    return articles.get(ref.article());
  }
}
