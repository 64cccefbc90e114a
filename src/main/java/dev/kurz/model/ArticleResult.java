package dev.kurz.model;

import java.time.Instant;
import java.util.List;

/**
 * Everything kurz reports for one article: the analysis with grounded claims, plus source, model,
 * usage, whether it came from the cache, and warnings for the reader (unlocated quotes, modality
 * that contradicts the German wording, ...).
 */
public record ArticleResult(
    Source source,
    Analysis analysis,
    ModelRef model,
    Usage usage,
    boolean cached,
    List<String> warnings,
    String cacheKey,
    Instant created) {

  public ArticleResult {
    warnings = List.copyOf(warnings);
  }

  public ArticleResult asCached(Source currentSource) {
    return new ArticleResult(currentSource, analysis, model, usage, true, warnings, cacheKey, created);
  }
}
