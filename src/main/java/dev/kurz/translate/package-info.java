/**
 * Whole-article translation, paragraph for paragraph.
 *
 * <pre>
 *   Article -> Paragraphs.of (title, headings, text) -> Chunker.chunks (token budget, content-defined cuts)
 *     -> per chunk: cache? else StructuredCall.ask (prompt + glossary entries of the chunk; same count? one repair)
 *     -> NameCheck / NameFixer and the lost-distance check on each translated paragraph -> Translation
 * </pre>
 *
 * Depends on {@code llm}, {@code cache}, {@code analysis} (the modality cues), {@code ingest}
 * (language guess), {@code glossary} and {@code model}; never on {@code render} or {@code cli}.
 */
package dev.kurz.translate;
