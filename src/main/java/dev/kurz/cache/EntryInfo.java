package dev.kurz.cache;

import java.time.Instant;
import java.util.Objects;

/**
 * A line of a cache listing: everything about an entry except its payload, plus how often it was
 * served. {@code lastHit} is null when the entry was never served from the cache.
 */
public record EntryInfo(
    String key,
    String kind,
    String provider,
    String model,
    String sourceLabel,
    Instant created,
    long inputTokens,
    long outputTokens,
    long hits,
    Instant lastHit,
    long payloadBytes) {

  public EntryInfo {
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(created, "created");
  }

  /** Input plus output tokens of the answer. */
  public long tokens() {
    return inputTokens + outputTokens;
  }
}
