package dev.kurz.cache;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;

/**
 * A disk cache of model answers in {@code <dir>/cache.db} (SQLite, WAL mode), so that no answer is
 * paid for twice and a crashed batch resumes where it stopped.
 *
 * <p>Contract: {@link #put} is committed before it returns, so the entry survives the process
 * being killed right after. Several processes may use one file at once: writes wait for each other
 * (busy timeout plus retries) and nothing is lost. {@link #get} counts hits and misses in memory and
 * writes the counts in batches (with the next put, every {@value HitLog#FLUSH_EVERY} gets, before
 * statistics, listings and pruning, and on {@link #close}); a killed process loses only its
 * unwritten counts.
 *
 * <p>Thread-safe: one connection, guarded by a lock; every operation is short except pruning and
 * {@link #verify}. Failures of an open cache are unchecked {@link CacheException}s; {@link #open}
 * fails with {@link CacheUnavailableException}.
 */
public final class SqliteCache implements Cache {
  private final Path file;
  /** Replaced when the file turns out to be damaged inside (see {@link #locked}). */
  private Connection connection;
  private final Path dir;
  private final Clock clock;
  private final Consumer<String> warnings;
  private final ReentrantLock lock = new ReentrantLock();
  private final HitLog hitLog = new HitLog();
  private boolean closed;
  private boolean flushFailureReported;

  private SqliteCache(Path file, Connection connection, Clock clock, Consumer<String> warnings) {
    this.file = file;
    this.dir = file.getParent();
    this.connection = connection;
    this.clock = clock;
    this.warnings = warnings;
  }

  /**
   * Opens (creating if needed) {@code dir/cache.db}. Cheap: no full integrity check. A file that
   * is not a readable database is moved to {@code cache.db.corrupt-<UTC time>} (with its -wal and
   * -shm), reported through {@code warnings} in one line, and replaced by an empty cache.
   *
   * @throws CacheUnavailableException when the folder cannot be created or written, or the file
   *     cannot be opened or belongs to a newer kurz; the message is one line
   */
  public static SqliteCache open(Path dir, Consumer<String> warnings)
      throws CacheUnavailableException {
    return open(dir, warnings, Clock.systemUTC());
  }

  static SqliteCache open(Path dir, Consumer<String> warnings, Clock clock)
      throws CacheUnavailableException {
    Objects.requireNonNull(warnings, "warnings");
    Connection connection = CacheFile.open(dir, warnings, clock);
    return new SqliteCache(
        dir.resolve(CacheFile.FILE_NAME).toAbsolutePath(), connection, clock, warnings);
  }

  /** The database file. */
  public Path file() {
    return file;
  }

  @Override
  public String location() {
    return file.toString();
  }

  /** The entry stored under {@code key}; counts a hit or a miss. */
  @Override
  public Optional<CacheEntry> get(String key) {
    Objects.requireNonNull(key, "key");
    return locked(
        "read " + key,
        c -> {
          Optional<CacheEntry> entry = Entries.select(c, key);
          if (entry.isPresent()) {
            hitLog.hit(key, clock.millis());
          } else {
            hitLog.miss();
          }
          if (hitLog.isDue()) {
            flushHits(c);
          }
          return entry;
        });
  }

  /**
   * Stores {@code entry}, replacing one with the same key (whose hit count starts over). Durable
   * when it returns.
   */
  @Override
  public boolean contains(String key) {
    Objects.requireNonNull(key, "key");
    return locked("read " + key, c -> Entries.exists(c, key));
  }

  @Override
  public void put(CacheEntry entry) {
    Objects.requireNonNull(entry, "entry");
    locked(
        "store " + entry.key(),
        c -> {
          Sql.write(
              c,
              tx -> {
                // Pending counts ride along in the same transaction, before a replace resets them.
                hitLog.writeTo(tx);
                Entries.insertIn(tx, entry);
                return null;
              });
          hitLog.clear();
          return null;
        });
  }

  /**
   * The entry whose key starts with {@code keyPrefix} (at least {@value #MIN_PREFIX} characters,
   * taken literally), without counting a hit; empty when none matches.
   *
   * @throws IllegalArgumentException when the prefix is too short or matches several entries; the
   *     message names up to three of them
   */
  @Override
  public Optional<CacheEntry> find(String keyPrefix) {
    Objects.requireNonNull(keyPrefix, "keyPrefix");
    if (keyPrefix.length() < MIN_PREFIX) {
      throw new IllegalArgumentException(
          "key prefix \"" + keyPrefix + "\" is too short: give at least " + MIN_PREFIX
              + " characters");
    }
    return locked(
        "find " + keyPrefix,
        c -> {
          List<String> keys = Entries.keysStartingWith(c, keyPrefix, 4);
          if (keys.size() > 1) {
            throw new IllegalArgumentException(
                "key prefix \"" + keyPrefix + "\" is ambiguous: it matches "
                    + (keys.size() > 3 ? "more than 3 entries" : keys.size() + " entries")
                    + " (" + String.join(", ", keys.subList(0, Math.min(3, keys.size())))
                    + "); give more characters");
          }
          return keys.isEmpty() ? Optional.<CacheEntry>empty() : Entries.select(c, keys.get(0));
        });
  }

  /**
   * Entries newest first (by creation), without payloads.
   *
   * @param sinceOrNull only entries created at or after this instant; null for all
   * @param kindOrNull only entries of this kind; null for all
   * @param limit at most this many (positive)
   */
  @Override
  public List<EntryInfo> list(Instant sinceOrNull, String kindOrNull, int limit) {
    if (limit <= 0) {
      throw new IllegalArgumentException("limit must be positive: " + limit);
    }
    return locked(
        "list entries",
        c -> {
          flushHits(c);
          return Entries.list(c, sinceOrNull, kindOrNull, limit);
        });
  }

  /** Size, hit and miss totals, and tokens saved per provider and model. */
  @Override
  public CacheStats stats() {
    return locked(
        "read statistics",
        c -> {
          flushHits(c);
          return Entries.stats(
              c, file.toString(), bytesOnDisk(), hitLog.pendingHits(), hitLog.pendingMisses());
        });
  }

  /** Deletes entries created before {@code cutoff}, then shrinks the file; returns how many. */
  @Override
  public int pruneOlderThan(Instant cutoff) {
    Objects.requireNonNull(cutoff, "cutoff");
    return locked(
        "prune entries",
        c -> {
          flushHits(c);
          int deleted = Entries.deleteCreatedBefore(c, cutoff);
          if (deleted > 0) {
            Entries.compact(c);
          }
          return deleted;
        });
  }

  /**
   * When the file (with its log) is larger than {@code maxBytes}: deletes the least recently used
   * entries (last hit, else creation) until the data fits, then checkpoints and vacuums so the
   * file shrinks. Returns how many entries were deleted. The file may stay above the limit while
   * another process reads it, or when even an empty cache is larger than {@code maxBytes}.
   */
  @Override
  public int pruneToSize(long maxBytes) {
    if (maxBytes < 0) {
      throw new IllegalArgumentException("maxBytes must not be negative: " + maxBytes);
    }
    return locked(
        "prune entries",
        c -> {
          flushHits(c);
          if (bytesOnDisk() <= maxBytes) {
            return 0;
          }
          int deleted = Entries.deleteLeastRecentlyUsed(c, maxBytes);
          Entries.compact(c);
          return deleted;
        });
  }

  /** Deletes every entry (the hit and miss totals stay) and shrinks the file; returns how many. */
  @Override
  public int clear() {
    return locked(
        "clear",
        c -> {
          flushHits(c);
          int deleted = Entries.deleteAll(c);
          if (deleted > 0) {
            Entries.compact(c);
          }
          return deleted;
        });
  }

  /** Runs SQLite's full integrity check (slow on a big cache); empty when the file is sound. */
  @Override
  public List<String> verify() {
    return locked("check integrity", Entries::integrityProblems);
  }

  /** Writes pending hit counts, checkpoints the log and closes. Idempotent; never throws. */
  @Override
  public void close() {
    lock.lock();
    try {
      if (closed) {
        return;
      }
      closed = true;
      flushHits(connection);
      try {
        // PASSIVE never waits for other processes; the last connection to close checkpoints fully.
        Sql.exec(connection, "PRAGMA wal_checkpoint(PASSIVE)");
      } catch (SQLException e) {
        warnings.accept("cache: checkpoint of " + file + " failed: " + CacheFile.firstLine(e));
      }
      try {
        connection.close();
      } catch (SQLException e) {
        warnings.accept("cache: closing " + file + " failed: " + CacheFile.firstLine(e));
      }
    } finally {
      lock.unlock();
    }
  }

  /**
   * Runs {@code work} on the connection. A statement that reports corruption inside the file
   * (which the cheap check on open cannot see) leads to an integrity check; when that confirms the
   * damage, the file is moved aside as a bad header is, a fresh cache takes its place (one warning)
   * and the work runs once more on it, so a damaged cache costs its entries, never the run or the
   * command ({@code cache clear} included).
   */
  private <T> T locked(String what, Sql.Work<T> work) {
    lock.lock();
    try {
      if (closed) {
        throw new IllegalStateException("cache " + file + " is closed");
      }
      try {
        return work.run(connection);
      } catch (SQLException e) {
        if (!Sql.isCorrupt(e) || !damaged()) throw e;
        replaceDamaged(CacheFile.firstLine(e));
        return work.run(connection);
      }
    } catch (SQLException e) {
      throw new CacheException("cache: could not " + what + ": " + CacheFile.firstLine(e), e);
    } catch (CacheUnavailableException e) {
      throw new CacheException("cache: could not " + what + ": " + e.getMessage(), e);
    } finally {
      lock.unlock();
    }
  }

  /** Whether SQLite's own check finds the file damaged (a failing check counts as damage). */
  private boolean damaged() {
    try {
      return !"ok".equalsIgnoreCase(CacheFile.text(connection, "PRAGMA quick_check(1)"));
    } catch (SQLException e) {
      return true;
    }
  }

  private void replaceDamaged(String damage) throws CacheUnavailableException {
    hitLog.clear();
    try {
      connection.close();
    } catch (SQLException e) {
      // A damaged file may not close cleanly; it is moved aside all the same.
    }
    connection = CacheFile.replaceDamaged(dir, damage, warnings, clock);
  }

  /**
   * Writes pending counts. A failure (another process holding the lock for a minute) drops them
   * and is reported once: statistics are not worth failing or slowing down a run for.
   */
  private void flushHits(Connection c) {
    if (hitLog.isEmpty()) {
      return;
    }
    try {
      Sql.write(
          c,
          tx -> {
            hitLog.writeTo(tx);
            return null;
          });
    } catch (SQLException e) {
      if (!flushFailureReported) {
        flushFailureReported = true;
        warnings.accept("cache: could not record hit counts: " + CacheFile.firstLine(e));
      }
    } finally {
      hitLog.clear();
    }
  }

  private long bytesOnDisk() {
    return sizeOf(file) + sizeOf(file.resolveSibling(file.getFileName() + "-wal"));
  }

  private static long sizeOf(Path path) {
    try {
      return Files.size(path);
    } catch (IOException e) {
      return 0; // No log file is a log of size zero.
    }
  }
}
