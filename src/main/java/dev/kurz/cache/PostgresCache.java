package dev.kurz.cache;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;

/**
 * The answer cache on a PostgreSQL server that several machines share: the same entries, keys,
 * pruning and statistics as {@link SqliteCache}, in tables {@code entries} and {@code meta} of the
 * database the URL names (give kurz a database or a {@code currentSchema} of its own).
 *
 * <p>Several processes at once: every write is one transaction, an upsert replaces an entry
 * atomically, counters are added to rather than overwritten, and a transaction that lost a
 * deadlock or serialization race is tried again, so no write is lost. {@link #claim} takes a
 * session-level advisory lock on the key: a second process asking for the same article waits for
 * the first one's answer instead of paying for its own, and a process that dies releases its
 * claims with its session.
 *
 * <p>Thread-safe: one connection, guarded by a lock; a broken connection is opened again once.
 */
public final class PostgresCache implements Cache {
  private static final int MAX_ATTEMPTS = 5;
  /** Rough per-row overhead (key, tuple header, index entry) when estimating what a delete frees. */
  private static final long ROW_OVERHEAD = 200;
  /** Longest wait for another process's claim: past a model's timeout and retries. */
  static final Duration CLAIM_WAIT = Duration.ofMinutes(10);
  /** Serializes schema creation of processes that start at once (CREATE IF NOT EXISTS races). */
  private static final long SCHEMA_LOCK = 0x6b75727a_00000001L;

  private static final String[] SCHEMA = {
    """
    CREATE TABLE IF NOT EXISTS entries (
      key TEXT PRIMARY KEY NOT NULL,
      kind TEXT NOT NULL,
      provider TEXT NOT NULL,
      model TEXT NOT NULL,
      prompt_hash TEXT NOT NULL,
      input_tokens BIGINT NOT NULL,
      output_tokens BIGINT NOT NULL,
      source_label TEXT NOT NULL,
      created BIGINT NOT NULL,
      hits BIGINT NOT NULL DEFAULT 0,
      last_hit BIGINT,
      payload_bytes BIGINT NOT NULL,
      payload TEXT NOT NULL
    )""",
    "CREATE INDEX IF NOT EXISTS entries_created ON entries(created)",
    "CREATE TABLE IF NOT EXISTS meta (name TEXT PRIMARY KEY NOT NULL, value BIGINT NOT NULL)",
  };

  private final PostgresUrl url;
  private final Properties properties;
  private final Clock clock;
  private final Consumer<String> warnings;
  private final ReentrantLock lock = new ReentrantLock();
  private final HitLog hitLog = new HitLog();
  private final Map<String, Object> claimedHere = new ConcurrentHashMap<>();
  private Connection connection;
  private boolean closed;
  private boolean flushFailureReported;

  private PostgresCache(
      PostgresUrl url, Properties properties, Connection connection, Clock clock,
      Consumer<String> warnings) {
    this.url = url;
    this.properties = properties;
    this.connection = connection;
    this.clock = clock;
    this.warnings = warnings;
  }

  /**
   * Connects to the server {@code url} names and creates the tables when missing.
   *
   * @param env where {@code PGPASSWORD}, {@code PGPASSFILE} and {@code HOME} are looked up
   * @throws CacheUnavailableException in one line, when the URL is malformed or holds a password,
   *     the server cannot be reached, or it refuses the user or password
   */
  public static PostgresCache open(String url, Map<String, String> env, Consumer<String> warnings)
      throws CacheUnavailableException {
    return open(url, env, warnings, Clock.systemUTC());
  }

  static PostgresCache open(
      String url, Map<String, String> env, Consumer<String> warnings, Clock clock)
      throws CacheUnavailableException {
    Objects.requireNonNull(warnings, "warnings");
    PostgresUrl parsed;
    try {
      parsed = PostgresUrl.parse(url);
    } catch (IllegalArgumentException e) {
      throw new CacheUnavailableException(e.getMessage());
    }
    Properties properties = new Properties();
    properties.setProperty("user", parsed.user());
    String password = parsed.password(env);
    if (password != null) {
      properties.setProperty("password", password);
    }
    properties.setProperty("ApplicationName", "kurz");
    properties.setProperty("connectTimeout", "10");
    properties.setProperty("tcpKeepAlive", "true");
    Connection connection = connect(parsed, properties, password != null);
    try {
      createSchema(connection, clock);
    } catch (SQLException e) {
      closeQuietly(connection);
      throw new CacheUnavailableException(
          "cannot set up the cache tables on " + parsed + ": " + CacheFile.firstLine(e), e);
    }
    return new PostgresCache(parsed, properties, connection, clock, warnings);
  }

  private static Connection connect(PostgresUrl url, Properties properties, boolean hadPassword)
      throws CacheUnavailableException {
    try {
      return DriverManager.getConnection(url.jdbcUrl(), properties);
    } catch (SQLException e) {
      String state = e.getSQLState() == null ? "" : e.getSQLState();
      String why = CacheFile.firstLine(e);
      if (state.startsWith("28")) {
        why += hadPassword ? "" : " (no password found in PGPASSWORD or ~/.pgpass)";
        throw new CacheUnavailableException(
            "the PostgreSQL cache at " + url + " refused the login: " + why, e);
      }
      throw new CacheUnavailableException(
          "cannot reach the PostgreSQL cache at " + url + ": " + why, e);
    }
  }

  private static void createSchema(Connection c, Clock clock) throws SQLException {
    transaction(
        c,
        tx -> {
          try (PreparedStatement lock = tx.prepareStatement("SELECT pg_advisory_xact_lock(?)")) {
            lock.setLong(1, SCHEMA_LOCK);
            lock.execute();
          }
          for (String ddl : SCHEMA) {
            Sql.exec(tx, ddl);
          }
          try (PreparedStatement meta =
              tx.prepareStatement(
                  "INSERT INTO meta(name, value) VALUES ('created', ?), ('hits', 0), ('misses', 0)"
                      + " ON CONFLICT (name) DO NOTHING")) {
            meta.setLong(1, clock.millis());
            meta.executeUpdate();
          }
          return null;
        });
  }

  @Override
  public String location() {
    return url.toString();
  }

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
          transaction(
              c,
              tx -> {
                hitLog.writeTo(tx);
                upsert(tx, entry);
                return null;
              });
          hitLog.clear();
          return null;
        });
  }

  private static void upsert(Connection tx, CacheEntry entry) throws SQLException {
    Entries.insert(tx,
        "INSERT INTO entries (key, kind, provider, model, prompt_hash, input_tokens,"
                + " output_tokens, source_label, created, payload, payload_bytes, hits, last_hit)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0, NULL)"
                + " ON CONFLICT (key) DO UPDATE SET kind = excluded.kind,"
                + " provider = excluded.provider, model = excluded.model,"
                + " prompt_hash = excluded.prompt_hash, input_tokens = excluded.input_tokens,"
                + " output_tokens = excluded.output_tokens, source_label = excluded.source_label,"
                + " created = excluded.created, payload = excluded.payload,"
                + " payload_bytes = excluded.payload_bytes, hits = 0, last_hit = NULL",
        entry);
  }

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
          List<String> keys = new ArrayList<>();
          try (PreparedStatement select =
              c.prepareStatement(
                  "SELECT key FROM entries WHERE starts_with(key, ?) ORDER BY key COLLATE \"C\""
                      + " LIMIT 4")) {
            select.setString(1, keyPrefix);
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
          return keys.isEmpty() ? Optional.<CacheEntry>empty() : Entries.select(c, keys.get(0));
        });
  }

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

  @Override
  public CacheStats stats() {
    return locked(
        "read statistics",
        c -> {
          flushHits(c);
          return Entries.stats(
              c, location(), bytesOnDisk(c), hitLog.pendingHits(), hitLog.pendingMisses());
        });
  }

  @Override
  public int pruneOlderThan(Instant cutoff) {
    Objects.requireNonNull(cutoff, "cutoff");
    return locked(
        "prune entries",
        c -> {
          flushHits(c);
          int deleted =
              transaction(
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
   * Measures the tables as the server stores them (compressed, with indexes), deletes the least
   * recently used entries worth the excess at the table's own bytes per payload byte, rewrites the
   * table (VACUUM FULL, which holds other processes off for the moment it takes) and measures
   * again, a few rounds at most.
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
          int deleted = 0;
          for (int round = 0; round < 5; round++) {
            long size = bytesOnDisk(c);
            if (size <= maxBytes) {
              break;
            }
            int removed = deleteLeastRecentlyUsed(c, size, size - maxBytes);
            if (removed == 0) {
              break;
            }
            deleted += removed;
            compact(c);
          }
          return deleted;
        });
  }

  private static int deleteLeastRecentlyUsed(Connection c, long size, long excess)
      throws SQLException {
    long logical;
    try (Statement statement = c.createStatement();
        ResultSet rows =
            statement.executeQuery(
                "SELECT coalesce(sum(payload_bytes + length(key)), 0) + count(*) * "
                    + ROW_OVERHEAD + " FROM entries")) {
      rows.next();
      logical = rows.getLong(1);
    }
    if (logical == 0) {
      return 0;
    }
    double bytesPerByte = (double) size / logical;
    List<String> keys = new ArrayList<>();
    try (Statement statement = c.createStatement();
        ResultSet rows =
            statement.executeQuery(
                "SELECT key, payload_bytes FROM entries"
                    + " ORDER BY coalesce(last_hit, created), created, key COLLATE \"C\"")) {
      double freed = 0;
      while (freed < excess && rows.next()) {
        keys.add(rows.getString(1));
        freed += (rows.getLong(2) + rows.getString(1).length() + ROW_OVERHEAD) * bytesPerByte;
      }
    }
    return deleteKeys(c, keys);
  }

  private static int deleteKeys(Connection c, List<String> keys) throws SQLException {
    if (keys.isEmpty()) {
      return 0;
    }
    return transaction(
        c,
        tx -> {
          try (PreparedStatement delete =
              tx.prepareStatement("DELETE FROM entries WHERE key = ANY (?)")) {
            delete.setArray(1, tx.createArrayOf("text", keys.toArray()));
            return delete.executeUpdate();
          }
        });
  }

  @Override
  public int clear() {
    return locked(
        "clear",
        c -> {
          flushHits(c);
          int deleted =
              transaction(
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

  /** Entries whose recorded size does not match their payload; empty when there are none. */
  @Override
  public List<String> verify() {
    return locked(
        "check integrity",
        c -> {
          List<String> problems = new ArrayList<>();
          try (Statement statement = c.createStatement();
              ResultSet rows =
                  statement.executeQuery(
                      "SELECT key FROM entries WHERE octet_length(payload) <> payload_bytes"
                          + " LIMIT 20")) {
            while (rows.next()) {
              problems.add("entry " + rows.getString(1) + ": payload size does not match");
            }
          }
          return problems;
        });
  }

  /**
   * Waits (polling, with backoff to a second) until no other process holds {@code key}, then
   * holds it. Threads of this process wait for each other the same way, since they share one
   * session. After {@link #CLAIM_WAIT} the caller goes ahead without a claim.
   */
  @Override
  public Claim claim(String key) {
    Objects.requireNonNull(key, "key");
    Object mine = new Object();
    long deadline = System.nanoTime() + CLAIM_WAIT.toNanos();
    for (int attempt = 0; ; attempt++) {
      if (claimedHere.putIfAbsent(key, mine) == null) {
        boolean held = locked("claim " + key, c -> advisory(c, "pg_try_advisory_lock", key));
        if (held) {
          return () -> release(key, mine);
        }
        claimedHere.remove(key, mine);
      }
      if (System.nanoTime() > deadline) {
        warnings.accept("cache: another process held " + key + " for " + CLAIM_WAIT.toMinutes()
            + " minutes; asking anyway");
        return Claim.NONE;
      }
      try {
        Thread.sleep(Math.min(1000, 25L << Math.min(attempt, 6)));
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return Claim.NONE;
      }
    }
  }

  private void release(String key, Object mine) {
    try {
      lock.lock();
      try {
        if (!closed) {
          advisory(connection, "pg_advisory_unlock", key);
        }
      } finally {
        lock.unlock();
      }
    } catch (SQLException e) {
      // A lost session released the lock already.
    } finally {
      claimedHere.remove(key, mine);
    }
  }

  private static boolean advisory(Connection c, String function, String key) throws SQLException {
    try (PreparedStatement statement =
        c.prepareStatement("SELECT " + function + "(hashtextextended(?, 0))")) {
      statement.setString(1, key);
      try (ResultSet rows = statement.executeQuery()) {
        return rows.next() && rows.getBoolean(1);
      }
    }
  }

  @Override
  public void close() {
    lock.lock();
    try {
      if (closed) {
        return;
      }
      closed = true;
      flushHits(connection);
      closeQuietly(connection);
    } finally {
      lock.unlock();
    }
  }

  private <T> T locked(String what, Sql.Work<T> work) {
    lock.lock();
    try {
      if (closed) {
        throw new IllegalStateException("cache " + url + " is closed");
      }
      try {
        return work.run(connection);
      } catch (SQLException e) {
        if (!isConnectionLost(e)) {
          throw e;
        }
        reconnect();
        return work.run(connection);
      }
    } catch (SQLException e) {
      throw new CacheException("cache: could not " + what + " on " + url + ": "
          + CacheFile.firstLine(e), e);
    } finally {
      lock.unlock();
    }
  }

  private void reconnect() throws SQLException {
    closeQuietly(connection);
    connection = DriverManager.getConnection(url.jdbcUrl(), properties);
  }

  private static boolean isConnectionLost(SQLException e) {
    return e.getSQLState() != null && e.getSQLState().startsWith("08");
  }

  private void flushHits(Connection c) {
    if (hitLog.isEmpty()) {
      return;
    }
    try {
      transaction(
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

  /**
   * Runs {@code work} in one transaction; one that lost a deadlock or a serialization race is
   * rolled back and run again, so {@code work} must be safe to repeat.
   */
  private static <T> T transaction(Connection c, Sql.Work<T> work) throws SQLException {
    for (int attempt = 1; ; attempt++) {
      c.setAutoCommit(false);
      try {
        T result = work.run(c);
        c.commit();
        return result;
      } catch (SQLException | RuntimeException e) {
        try {
          c.rollback();
        } catch (SQLException rollback) {
          e.addSuppressed(rollback);
        }
        if (!(e instanceof SQLException sql) || !isRetryable(sql) || attempt >= MAX_ATTEMPTS) {
          throw e;
        }
        backOff(attempt);
      } finally {
        try {
          c.setAutoCommit(true);
        } catch (SQLException ignored) {
          // The connection is gone; the next use reports it.
        }
      }
    }
  }

  private static boolean isRetryable(SQLException e) {
    String state = e.getSQLState();
    return "40001".equals(state) || "40P01".equals(state) || "23505".equals(state);
  }

  private static long bytesOnDisk(Connection c) throws SQLException {
    return Long.parseLong(
        CacheFile.text(
            c, "SELECT pg_total_relation_size('entries') + pg_total_relation_size('meta')"));
  }

  /** Gives the space of deleted rows back to the file system, as SQLite's VACUUM does. */
  private static void compact(Connection c) throws SQLException {
    Sql.exec(c, "VACUUM FULL entries");
  }

  private static void backOff(int attempt) {
    long millis = 20L * attempt + ThreadLocalRandom.current().nextLong(30);
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static void closeQuietly(Connection connection) {
    try {
      connection.close();
    } catch (SQLException e) {
      // Closing a broken connection has nothing left to report.
    }
  }
}
