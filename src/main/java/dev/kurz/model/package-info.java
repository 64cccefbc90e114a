/**
 * Values shared by every package: an {@link dev.kurz.model.Article} goes in, an
 * {@link dev.kurz.model.Analysis} (the contract the model answers with) comes back, and an
 * {@link dev.kurz.model.ArticleResult} wraps it with source, model, usage, cache and grounding facts.
 *
 * <pre>
 *   ingest -> Article -> pipeline (cache? prompt -> llm -> validate -> ground) -> ArticleResult -> render
 * </pre>
 *
 * This package depends on nothing else in kurz.
 */
package dev.kurz.model;
