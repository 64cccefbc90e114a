package dev.kurz.cache;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * A snapshot of the cache: its size, how often it answered, and what that saved per model.
 *
 * @param location where the entries live: the database file, or the server's URL
 * @param entries number of entries
 * @param payloadBytes sum of the payload sizes (UTF-8)
 * @param bytesOnDisk database file plus its write-ahead log (on a server: the tables' size)
 * @param hits gets answered from the cache since the cache was created
 * @param misses gets not answered since the cache was created
 * @param created when the cache was created
 * @param savings per provider and model, the tokens the hits on the current entries saved (entries
 *     that were pruned no longer count); only models with at least one hit
 */
public record CacheStats(
    String location,
    long entries,
    long payloadBytes,
    long bytesOnDisk,
    long hits,
    long misses,
    Instant created,
    List<ModelSavings> savings) {

  public CacheStats {
    Objects.requireNonNull(location, "location");
    Objects.requireNonNull(created, "created");
    savings = List.copyOf(savings);
  }

  /** Tokens not spent on one model because answers came from the cache: sum of hits x tokens. */
  public record ModelSavings(
      String provider, String model, long hits, long inputTokensSaved, long outputTokensSaved) {

    public ModelSavings {
      Objects.requireNonNull(provider, "provider");
      Objects.requireNonNull(model, "model");
    }
  }
}
