/**
 * Values shared by every package: an {@link dev.kurz.model.Article} goes in, an
 * {@link dev.kurz.model.Analysis} (the contract the model answers with) comes back, and an
 * {@link dev.kurz.model.ArticleResult} wraps it with source, model, usage, cache and grounding facts;
 * {@link dev.kurz.model.RecordJson} is its one JSON shape (output and cache alike). Also the
 * run's one Jackson mapper ({@link dev.kurz.model.Json}) and {@link dev.kurz.model.Sha256}.
 *
 * <pre>
 *   ingest -> Article -> analysis (cache? StructuredCall via llm -> ground) -> ArticleResult -> render
 * </pre>
 *
 * This package depends on nothing else in kurz.
 */
package dev.kurz.model;
