/**
 * Answers and pages kept between runs, and the keys they are kept under.
 *
 * <pre>
 *   CacheKey.of(kind).text(...).part(...).build()   SHA-256 of everything that shapes an answer
 *   AnswerCache (StoredAnswerCache, DISABLED)        get / put / claim, never failing an article
 *   Cache.open(url, dir)                             SqliteCache (one file per cache folder, shared
 *                                                    by threads and processes) or PostgresCache
 * </pre>
 *
 * {@link dev.kurz.cache.CacheUnits} parses the sizes and ages of the cache options. The only
 * package in kurz that uses JDBC. Depends only on {@code model}.
 */
package dev.kurz.cache;
