/**
 * A day's coverage into stories.
 *
 * <pre>
 *   Digester(results)  StoryGrouper (TermVectors, Linkage) -> stories
 *     -> per story of several articles: Synthesizer (StructuredCall, SynthesisSchema, cached)
 *        or LocalStories when the model fails -> Digest
 * </pre>
 *
 * Depends on {@code llm}, {@code cache} and {@code model}; never on {@code render} or {@code cli}.
 */
package dev.kurz.digest;
