/**
 * The disk cache of model answers: {@link dev.kurz.cache.SqliteCache} stores {@link
 * dev.kurz.cache.CacheEntry} payloads (summaries, translation chunks, syntheses, fetched pages) in
 * one SQLite file per cache folder, shared safely by threads and by parallel kurz processes.
 * {@link dev.kurz.cache.CacheUnits} parses the sizes and ages of the cache options.
 *
 * <p>This is the only package in kurz that uses JDBC. It depends on nothing else in kurz.
 */
package dev.kurz.cache;
