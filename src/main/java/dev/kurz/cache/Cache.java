package dev.kurz.cache;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * A store of model answers that no answer is paid for twice: {@link SqliteCache} on local disk (the
 * default), {@link PostgresCache} on a server several machines share. Both keep the same entries
 * under the same keys and answer the same operations the same way.
 *
 * <p>Contract for every implementation: {@link #put} is durable before it returns; several threads
 * and several processes may use one store at once without losing a write; hit counts may be
 * written in batches (a killed process loses only its unwritten counts). Failures of an open store
 * are unchecked {@link CacheException}s. Thread-safe.
 */
public interface Cache extends AutoCloseable {
  /** Shortest prefix {@link #find} accepts, so a typo cannot pick an arbitrary entry. */
  int MIN_PREFIX = 6;

  /**
   * The shared cache {@code url} names ({@code postgresql://user@host[:port]/db}), or the SQLite
   * cache in {@code dir} when {@code url} is null or blank.
   *
   * @param env where a server's password is looked up ({@code PGPASSWORD}, {@code PGPASSFILE},
   *     {@code HOME})
   */
  static Cache open(String url, Path dir, Map<String, String> env, Consumer<String> warnings)
      throws CacheUnavailableException {
    if (url == null || url.isBlank()) {
      return SqliteCache.open(dir, warnings);
    }
    return PostgresCache.open(url.strip(), env, warnings);
  }

  /**
   * A run's store, opened as {@link #open} opens it; empty when the local cache cannot be used,
   * said once through {@code warnings}, so the run goes on uncached. A server that cannot be used
   * stays an exception: the user asked for sharing.
   */
  static Optional<Cache> openForRun(String url, Path dir, Map<String, String> env, Consumer<String> warnings)
      throws CacheUnavailableException {
    try {
      return Optional.of(open(url, dir, env, warnings));
    } catch (CacheUnavailableException e) {
      if (url != null && !url.isBlank()) throw e;
      warnings.accept("cache unavailable, running without it: " + e.getMessage());
      return Optional.empty();
    }
  }

  /** Where the entries live, for messages: a file path or a server URL (never a password). */
  String location();

  /** The entry stored under {@code key}; counts a hit or a miss. */
  Optional<CacheEntry> get(String key);

  /** Whether an entry is stored under exactly {@code key}, without counting a hit or a miss. */
  boolean contains(String key);

  /** Stores {@code entry}, replacing one with the same key (whose hit count starts over). */
  void put(CacheEntry entry);

  /**
   * The entry whose key starts with {@code keyPrefix} (at least {@value #MIN_PREFIX} characters,
   * taken literally), without counting a hit; empty when none matches.
   *
   * @throws IllegalArgumentException when the prefix is too short or matches several entries
   */
  Optional<CacheEntry> find(String keyPrefix);

  /**
   * Entries newest first (by creation), without payloads.
   *
   * @param sinceOrNull only entries created at or after this instant; null for all
   * @param kindOrNull only entries of this kind; null for all
   * @param limit at most this many (positive)
   */
  List<EntryInfo> list(Instant sinceOrNull, String kindOrNull, int limit);

  /** Size, hit and miss totals, and tokens saved per provider and model. */
  CacheStats stats();

  /** Deletes entries created before {@code cutoff}, then reclaims the space; returns how many. */
  int pruneOlderThan(Instant cutoff);

  /**
   * Deletes the least recently used entries (last hit, else creation) until the store takes at
   * most {@code maxBytes}, then reclaims the space; returns how many were deleted.
   */
  int pruneToSize(long maxBytes);

  /** Deletes every entry (the hit and miss totals stay); returns how many. */
  int clear();

  /** The store's own integrity check; empty when it is sound. */
  List<String> verify();

  /**
   * Waits while another process is asking the model for {@code key}, then holds the key until the
   * claim is closed, so that two editors asking at once pay once. A store that cannot coordinate
   * processes returns a claim at once. The caller looks the key up again after claiming: the other
   * process may have stored the answer meanwhile.
   */
  default Claim claim(String key) {
    return Claim.NONE;
  }

  /** Writes pending hit counts and closes. Idempotent; never throws. */
  @Override
  void close();

  /** A key held while its answer is being made; closing releases it. */
  interface Claim extends AutoCloseable {
    Claim NONE = () -> {};

    @Override
    void close();
  }
}
