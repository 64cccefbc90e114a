package dev.kurz.model;

import java.time.Instant;
import java.util.List;

/**
 * Everything kurz reports for one article: the analysis with grounded claims, plus source, model,
 * usage, whether it came from the cache, and warnings for the reader (unlocated quotes, modality
 * that contradicts the German wording, ...). {@code text} is what the claims' grounding offsets
 * index ({@link Article#fullText()}), so the record verifies itself; null in records from before
 * it was kept.
 */
public record ArticleResult(
    Source source,
    Analysis analysis,
    ModelRef model,
    Usage usage,
    boolean cached,
    List<String> warnings,
    String cacheKey,
    Instant created,
    String text) {

  public ArticleResult {
    warnings = List.copyOf(warnings);
  }

  public ArticleResult asCached(Source currentSource) {
    return new ArticleResult(currentSource, analysis, model, usage, true, warnings, cacheKey, created, text);
  }
}
