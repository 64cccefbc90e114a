/**
 * Inputs into {@link dev.kurz.model.Article}s.
 *
 * <pre>
 *   InputResolver   names, folders, --inputs files, URLs, feeds -> Input (duplicates dropped)
 *   ArticleReader   Input -> bytes (PageFetcher, PageCache) -> TextDecoder / HtmlExtractor / PdfText
 *                   -> TextCleaner, Furniture, Reflow -> Article (title, date, language)
 * </pre>
 *
 * Depends on {@code model} and {@code cache} (fetched pages); with {@code llm}, the only package
 * that touches OkHttp.
 */
package dev.kurz.ingest;
