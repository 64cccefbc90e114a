package dev.kurz.model;

import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The run's one Jackson mapper, Jackson's defaults unchanged: every reader and writer of JSON in
 * kurz (answers, cache payloads, provider batches, outputs) shares it, since a mapper is costly to
 * build and caches what it learns about types. Thread-safe as long as nobody reconfigures it:
 * never call its {@code configure}, {@code enable} or {@code set...} methods; use
 * {@code MAPPER.writer(...)} or {@code MAPPER.reader(...)} for a variant.
 */
public final class Json {
  public static final ObjectMapper MAPPER = new ObjectMapper();

  private Json() {}
}
