/**
 * One article to one {@link dev.kurz.model.Outcome}: what the model says it claims, checked.
 *
 * <pre>
 *   Summarizer.summarize(article)
 *     -> CacheKey -> AnswerCache hit? (checked as a fresh answer) -> done
 *     -> too long? ArticleSplitter parts, AnalysisMerger merges their answers
 *     -> StructuredCall.ask (contract schema, one repair; --strict: the faithfulness gate's repair)
 *     -> QuoteLocator grounds every quote, ModalityCheck (GermanVerbForms) and NameCheck warn
 *     -> AnswerCache.put -> FaithfulnessCheck warnings on every answer delivered
 * </pre>
 *
 * Depends on {@code llm}, {@code cache}, {@code ingest} (language), {@code glossary},
 * {@code faithfulness} and {@code model}; never on {@code render}, {@code scheduling} or {@code cli}.
 */
package dev.kurz.analysis;
