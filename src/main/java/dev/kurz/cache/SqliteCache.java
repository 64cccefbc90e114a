package dev.kurz.cache;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
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
 * statistics, and on {@link #close}); a killed process loses only its unwritten counts.
 *
 * <p>Thread-safe: one connection, guarded by a lock; every operation is short. Failures of an open
 * cache are {@link CacheException}s; {@link #open} fails with {@link CacheUnavailableException}.
 */
public final class SqliteCache implements AutoCloseable {
  /** Shortest prefix {@link #find} accepts, so a typo cannot pick an arbitrary entry. */
  public static final int MIN_PREFIX = 6;

  private static final String ENTRY_COLUMNS =
      "key, kind, provider, model, prompt_hash, input_tokens, output_tokens, source_label,"
          + " created, payload";
  private static final String INFO_COLUMNS =
      "key, kind, provider, model, source_label, created, input_tokens, output_tokens, hits,"
          + " last_hit, payload_bytes";
  /** Rough per-row overhead (key, header, columns) when estimating what a delete frees. */
  private static final long ROW_OVERHEAD = 200;

  private final Path file;
  private final Connection connection;
  private final Clock clock;
  private final Consumer<String> warnings;
  private final ReentrantLock lock = new ReentrantLock();
  private final HitLog hitLog = new HitLog();
  private boolean closed;
  private boolean flushFailureReported;

  private SqliteCache(Path file, Connection connection, Clock clock, Consumer<String> warnings) {
    this.file = file;
    this.connection = connection;
    this.clock = clock;
    this.warnings = warnings;
  }

  /**
   * Opens (creating if needed) {@code dir/cache.db}. A file that is not a readable database is moved
   * to {@code cache.db.corrupt-<time>}, reported through {@code warnings} in one line, and replaced
   * by an empty cache.
   *
   * @throws CacheUnavailableException when the folder cannot be created or written, or the file
   *     cannot be opened; the message is one line
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

  /** The entry stored under {@code key}, counting a hit or a miss. */
  public Optional<CacheEntry> get(String key) {
    Objects.requireNonNull(key, "key");
    return locked(
        "read " + key,
        c -> {
          Optional<CacheEntry> entry = selectEntry(c, "key = ?", key);
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

  /** Stores {@code entry}, replacing one with the same key (and its hit count); durable on return. */
  public void put(CacheEntry entry) {
    Objects.requireNonNull(entry, "entry");
    long payloadBytes = utf8Length(entry.payload());
    locked(
        "store " + entry.key(),
        c -> {
          Sql.write(
              c,
              tx -> {
                // Pending counts ride along: they must land before a replace resets the row.
                hitLog.writeTo(tx);
                try (PreparedStatement insert =
                    tx.prepareStatement(
                        "INSERT OR REPLACE INTO entries (" + ENTRY_COLUMNS + ", payload_bytes,"
                            + " hits, last_hit) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0, NULL)")) {
                  insert.setString(1, entry.key());
                  insert.setString(2, entry.kind());
                  insert.setString(3, entry.provider());
                  insert.setString(4, entry.model());
                  insert.setString(5, entry.promptHash());
                  insert.setLong(6, entry.inputTokens());
                  insert.setLong(7, entry.outputTokens());
                  insert.setString(8, entry.sourceLabel());
                  insert.setLong(9, entry.created().toEpochMilli());
                  insert.setString(10, entry.payload());
                  insert.setLong(11, payloadBytes);
                  insert.executeUpdate();
                }
                return null;
              });
          hitLog.clear();
          return null;
        });
  }

  /**
   * The entry whose key starts with {@code keyPrefix} (at least {@value #MIN_PREFIX} characters),
   * without counting a hit. Empty when none matches.
   *
   * @throws IllegalArgumentException when the prefix is too short or matches several entries
   */
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
          List<String> keys = new ArrayList<>();
          try (PreparedStatement select =
              c.prepareStatement("SELECT key FROM entries WHERE key GLOB ? ORDER BY key LIMIT 4")) {
            select.setString(1, globPrefix(keyPrefix));
            try (ResultSet rows = select.executeQuery()) {
              while (rows.next()) {
                keys.add(rows.getString(1));
              }
            }
          }
          if (keys.size() > 1) {
            throw new IllegalArgumentException(
                "key prefix \"" + keyPrefix + "\" is ambiguous: it matches "
                    + (keys.size() > 3 ? "more than 3 entries" : keys.size() + " entries")
                    + " (" + String.join(", ", keys.subList(0, Math.min(3, keys.size())))
                    + "); give more characters");
          }
          return keys.isEmpty() ? Optional.<CacheEntry>empty() : selectEntry(c, "key = ?", keys.get(0));
        });
  }

  /**
   * Entries newest first, without payloads.
   *
   * @param sinceOrNull only entries created at or after this instant; null for all
   * @param kindOrNull only entries of this kind; null for all
   * @param limit at most this many (positive)
   */
  public List<EntryInfo> list(Instant sinceOrNull, String kindOrNull, int limit) {
    if (limit <= 0) {
      throw new IllegalArgumentException("limit must be positive: " + limit);
    }
    return locked(
        "list entries",
        c -> {
          flushHits(c);
          String sql =
              "SELECT " + INFO_COLUMNS + " FROM entries WHERE created >= ?"
                  + (kindOrNull == null ? "" : " AND kind = ?")
                  + " ORDER BY created DESC, key LIMIT ?";
          List<EntryInfo> infos = new ArrayList<>();
          try (PreparedStatement select = c.prepareStatement(sql)) {
            int i = 1;
            select.setLong(i++, sinceOrNull == null ? Long.MIN_VALUE : sinceOrNull.toEpochMilli());
            if (kindOrNull != null) {
              select.setString(i++, kindOrNull);
            }
            select.setInt(i, limit);
            try (ResultSet rows = select.executeQuery()) {
              while (rows.next()) {
                long lastHit = rows.getLong(10);
                infos.add(
                    new EntryInfo(
                        rows.getString(1),
                        rows.getString(2),
                        rows.getString(3),
                        rows.getString(4),
                        rows.getString(5),
                        Instant.ofEpochMilli(rows.getLong(6)),
                        rows.getLong(7),
                        rows.getLong(8),
                        rows.getLong(9),
                        rows.wasNull() || lastHit == 0 ? null : Instant.ofEpochMilli(lastHit),
                        rows.getLong(11)));
              }
            }
          }
          return infos;
        });
  }

  /** Size, hit counts and tokens saved per model. Writes pending hit counts first. */
  public CacheStats stats() {
    return locked(
        "read statistics",
        c -> {
          flushHits(c);
          long entries;
          long payloadBytes;
          try (Statement statement = c.createStatement();
              ResultSet rows =
                  statement.executeQuery(
                      "SELECT count(*), coalesce(sum(payload_bytes), 0) FROM entries")) {
            rows.next();
            entries = rows.getLong(1);
            payloadBytes = rows.getLong(2);
          }
          long created = 0;
          long hits = 0;
          long misses = 0;
          try (Statement statement = c.createStatement();
              ResultSet rows = statement.executeQuery("SELECT name, value FROM meta")) {
            while (rows.next()) {
              switch (rows.getString(1)) {
                case "created" -> created = rows.getLong(2);
                case "hits" -> hits = rows.getLong(2);
                case "misses" -> misses = rows.getLong(2);
                default -> {}
              }
            }
          }
          List<CacheStats.ModelSavings> savings = new ArrayList<>();
          try (Statement statement = c.createStatement();
              ResultSet rows =
                  statement.executeQuery(
                      "SELECT provider, model, sum(hits), sum(hits * input_tokens),"
                          + " sum(hits * output_tokens) FROM entries WHERE hits > 0"
                          + " GROUP BY provider, model ORDER BY provider, model")) {
            while (rows.next()) {
              savings.add(
                  new CacheStats.ModelSavings(
                      rows.getString(1),
                      rows.getString(2),
                      rows.getLong(3),
                      rows.getLong(4),
                      rows.getLong(5)));
            }
          }
          return new CacheStats(
              file,
              entries,
              payloadBytes,
              bytesOnDisk(),
              hits + hitLog.pendingHits(),
              misses + hitLog.pendingMisses(),
              Instant.ofEpochMilli(created),
              savings);
        });
  }

  /** Deletes entries created before {@code cutoff}, then shrinks the file; returns how many. */
  public int pruneOlderThan(Instant cutoff) {
    Objects.requireNonNull(cutoff, "cutoff");
    return locked(
        "prune entries",
        c -> {
          flushHits(c);
          int deleted =
              Sql.write(
                  c,
                  tx -> {
                    try (PreparedStatement delete =
                        tx.prepareStatement("DELETE FROM entries WHERE created < ?")) {
                      delete.setLong(1, cutoff.toEpochMilli());
                      return delete.executeUpdate();
                    }
                  });
          if (deleted > 0) {
            compact(c);
          }
          return deleted;
        });
  }

  /**
   * Deletes the least recently used entries (last hit, else creation) until the data fits in
   * {@code maxBytes}, then shrinks the file. Returns how many entries were deleted. The file may
   * stay a little above the limit when another process is reading it, or when even an empty cache
   * is larger than {@code maxBytes}.
   */
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
          int deleted = 0;
          for (long excess = usedBytes(c) - maxBytes; excess > 0; excess = usedBytes(c) - maxBytes) {
            int batch = deleteLeastRecentlyUsed(c, excess);
            if (batch == 0) {
              break;
            }
            deleted += batch;
          }
          compact(c);
          return deleted;
        });
  }

  /** Deletes every entry (the hit and miss totals stay) and shrinks the file; returns how many. */
  public int clear() {
    return locked(
        "clear",
        c -> {
          flushHits(c);
          int deleted =
              Sql.write(
                  c,
                  tx -> {
                    try (Statement delete = tx.createStatement()) {
                      return delete.executeUpdate("DELETE FROM entries");
                    }
                  });
          if (deleted > 0) {
            compact(c);
          }
          return deleted;
        });
  }

  /** Runs SQLite's full integrity check (slow on a big cache); empty when the file is sound. */
  public List<String> verify() {
    return locked(
        "check integrity",
        c -> {
          List<String> problems = new ArrayList<>();
          try (Statement statement = c.createStatement();
              ResultSet rows = statement.executeQuery("PRAGMA integrity_check")) {
            while (rows.next()) {
              problems.add(rows.getString(1));
            }
          }
          return problems.equals(List.of("ok")) ? List.of() : problems;
        });
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

  private <T> T locked(String what, Sql.Work<T> work) {
    lock.lock();
    try {
      if (closed) {
        throw new IllegalStateException("cache " + file + " is closed");
      }
      return work.run(connection);
    } catch (SQLException e) {
      throw new CacheException("cache: could not " + what + ": " + CacheFile.firstLine(e), e);
    } finally {
      lock.unlock();
    }
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
      hitLog.clear();
    } catch (SQLException e) {
      hitLog.clear();
      if (!flushFailureReported) {
        flushFailureReported = true;
        warnings.accept("cache: could not record hit counts: " + CacheFile.firstLine(e));
      }
    }
  }

  private static Optional<CacheEntry> selectEntry(Connection c, String where, String value)
      throws SQLException {
    try (PreparedStatement select =
        c.prepareStatement("SELECT " + ENTRY_COLUMNS + " FROM entries WHERE " + where)) {
      select.setString(1, value);
      try (ResultSet rows = select.executeQuery()) {
        if (!rows.next()) {
          return Optional.empty();
        }
        return Optional.of(
            new CacheEntry(
                rows.getString(1),
                rows.getString(2),
                rows.getString(3),
                rows.getString(4),
                rows.getString(5),
                rows.getLong(6),
                rows.getLong(7),
                rows.getString(8),
                rows.getString(10),
                Instant.ofEpochMilli(rows.getLong(9))));
      }
    }
  }

  /** Deletes the least recently used entries whose estimated size covers {@code excess}. */
  private static int deleteLeastRecentlyUsed(Connection c, long excess) throws SQLException {
    List<String> keys = new ArrayList<>();
    try (PreparedStatement select =
        c.prepareStatement(
            "SELECT key, payload_bytes FROM entries"
                + " ORDER BY coalesce(last_hit, created), created, key LIMIT 500")) {
      try (ResultSet rows = select.executeQuery()) {
        long freed = 0;
        while (freed < excess && rows.next()) {
          keys.add(rows.getString(1));
          freed += rows.getLong(2) + rows.getString(1).length() + ROW_OVERHEAD;
        }
      }
    }
    return Sql.write(
        c,
        tx -> {
          try (PreparedStatement delete = tx.prepareStatement("DELETE FROM entries WHERE key = ?")) {
            for (String key : keys) {
              delete.setString(1, key);
              delete.addBatch();
            }
            delete.executeBatch();
          }
          return keys.size();
        });
  }

  /** Bytes of pages in use, as this connection sees the database (log included). */
  private static long usedBytes(Connection c) throws SQLException {
    long pageSize = Long.parseLong(CacheFile.text(c, "PRAGMA page_size"));
    long pages = Long.parseLong(CacheFile.text(c, "PRAGMA page_count"));
    long free = Long.parseLong(CacheFile.text(c, "PRAGMA freelist_count"));
    return (pages - free) * pageSize;
  }

  /** Rewrites the database without free pages and moves the log into the (now smaller) file. */
  private static void compact(Connection c) throws SQLException {
    Sql.retrying(c, tx -> CacheFile.text(tx, "PRAGMA wal_checkpoint(TRUNCATE)"));
    Sql.retrying(
        c,
        tx -> {
          Sql.exec(tx, "VACUUM");
          return null;
        });
    Sql.retrying(c, tx -> CacheFile.text(tx, "PRAGMA wal_checkpoint(TRUNCATE)"));
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

  /** A GLOB pattern matching keys that start with {@code prefix} taken literally. */
  private static String globPrefix(String prefix) {
    StringBuilder pattern = new StringBuilder();
    for (char ch : prefix.toCharArray()) {
      switch (ch) {
        case '*', '?', '[' -> pattern.append('[').append(ch).append(']');
        default -> pattern.append(ch);
      }
    }
    return pattern.append('*').toString();
  }

  private static long utf8Length(String text) {
    long bytes = 0;
    for (int i = 0; i < text.length(); i++) {
      char ch = text.charAt(i);
      if (ch < 0x80) {
        bytes += 1;
      } else if (ch < 0x800) {
        bytes += 2;
      } else if (Character.isHighSurrogate(ch) && i + 1 < text.length()
          && Character.isLowSurrogate(text.charAt(i + 1))) {
        bytes += 4;
        i++;
      } else {
        bytes += 3;
      }
    }
    return bytes;
  }
}
