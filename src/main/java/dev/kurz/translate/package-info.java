/**
 * Whole-article translation, paragraph for paragraph.
 *
 * <pre>
 *   Article -> Paragraphs.of (title, headings, text) -> Chunker.chunks (token budget, content-defined cuts)
 *     -> per chunk: cache? else prompt (+ glossary entries of the chunk) -> llm -> same count? (one repair)
 *     -> NameCheck / NameFixer on each translated paragraph -> Translation
 * </pre>
 *
 * Depends on {@code llm}, {@code pipeline} (cache, keys, retries, language guess), {@code glossary}
 * and {@code model}; never on {@code render} or {@code cli}.
 */
package dev.kurz.translate;
