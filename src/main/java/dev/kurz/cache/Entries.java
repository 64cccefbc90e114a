package dev.kurz.cache;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The SQL for the {@code entries} and {@code meta} tables (see {@link CacheFile} for the schema).
 * Writers run their own short {@code BEGIN IMMEDIATE} transaction unless named {@code ...In}, which
 * expect the caller's. Stateless; callers serialize use of the connection.
 */
final class Entries {
  private static final String ENTRY_COLUMNS =
      "key, kind, provider, model, prompt_hash, input_tokens, output_tokens, source_label,"
          + " created, payload";
  private static final String INFO_COLUMNS =
      "key, kind, provider, model, source_label, created, input_tokens, output_tokens, hits,"
          + " last_hit, payload_bytes";
  /** Rough per-row overhead (key, header, columns) when estimating what a delete frees. */
  private static final long ROW_OVERHEAD = 200;

  private Entries() {}

  static void insertIn(Connection tx, CacheEntry entry) throws SQLException {
    insert(tx, "INSERT OR REPLACE INTO entries (" + ENTRY_COLUMNS + ", payload_bytes, hits, last_hit)"
        + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0, NULL)", entry);
  }

  /**
   * Runs {@code sql}, an insert whose eleven parameters are the entry's columns in
   * {@link #ENTRY_COLUMNS} order and then its payload's size in bytes (each store words its own
   * replace clause).
   */
  static void insert(Connection tx, String sql, CacheEntry entry) throws SQLException {
    try (PreparedStatement insert = tx.prepareStatement(sql)) {
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
      insert.setLong(11, utf8Length(entry.payload()));
      insert.executeUpdate();
    }
  }

  static Optional<CacheEntry> select(Connection c, String key) throws SQLException {
    try (PreparedStatement select =
        c.prepareStatement("SELECT " + ENTRY_COLUMNS + " FROM entries WHERE key = ?")) {
      select.setString(1, key);
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

  static boolean exists(Connection c, String key) throws SQLException {
    try (PreparedStatement select = c.prepareStatement("SELECT 1 FROM entries WHERE key = ?")) {
      select.setString(1, key);
      try (ResultSet rows = select.executeQuery()) {
        return rows.next();
      }
    }
  }

  /** Keys starting with {@code prefix} (taken literally), in order, at most {@code limit}. */
  static List<String> keysStartingWith(Connection c, String prefix, int limit)
      throws SQLException {
    List<String> keys = new ArrayList<>();
    try (PreparedStatement select =
        c.prepareStatement("SELECT key FROM entries WHERE key GLOB ? ORDER BY key LIMIT ?")) {
      select.setString(1, globPrefix(prefix));
      select.setInt(2, limit);
      try (ResultSet rows = select.executeQuery()) {
        while (rows.next()) {
          keys.add(rows.getString(1));
        }
      }
    }
    return keys;
  }

  static List<EntryInfo> list(Connection c, Instant sinceOrNull, String kindOrNull, int limit)
      throws SQLException {
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
          boolean neverHit = rows.wasNull() || lastHit == 0;
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
                  neverHit ? null : Instant.ofEpochMilli(lastHit),
                  rows.getLong(11)));
        }
      }
    }
    return infos;
  }

  /** Statistics as stored, plus the hits and misses the caller has not written yet. */
  static CacheStats stats(
      Connection c, String location, long bytesOnDisk, long pendingHits, long pendingMisses)
      throws SQLException {
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
    long hits = pendingHits;
    long misses = pendingMisses;
    try (Statement statement = c.createStatement();
        ResultSet rows = statement.executeQuery("SELECT name, value FROM meta")) {
      while (rows.next()) {
        switch (rows.getString(1)) {
          case "created" -> created = rows.getLong(2);
          case "hits" -> hits += rows.getLong(2);
          case "misses" -> misses += rows.getLong(2);
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
                rows.getString(1), rows.getString(2), rows.getLong(3), rows.getLong(4),
                rows.getLong(5)));
      }
    }
    return new CacheStats(
        location, entries, payloadBytes, bytesOnDisk, hits, misses, Instant.ofEpochMilli(created),
        savings);
  }

  static int deleteCreatedBefore(Connection c, Instant cutoff) throws SQLException {
    return Sql.write(
        c,
        tx -> {
          try (PreparedStatement delete =
              tx.prepareStatement("DELETE FROM entries WHERE created < ?")) {
            delete.setLong(1, cutoff.toEpochMilli());
            return delete.executeUpdate();
          }
        });
  }

  static int deleteAll(Connection c) throws SQLException {
    return Sql.write(
        c,
        tx -> {
          try (Statement delete = tx.createStatement()) {
            return delete.executeUpdate("DELETE FROM entries");
          }
        });
  }

  /**
   * Deletes least recently used entries (last hit, else creation) until the pages in use fit in
   * {@code maxBytes} or nothing is left; returns how many.
   */
  static int deleteLeastRecentlyUsed(Connection c, long maxBytes) throws SQLException {
    int deleted = 0;
    for (long excess = usedBytes(c) - maxBytes; excess > 0; excess = usedBytes(c) - maxBytes) {
      List<String> keys = new ArrayList<>();
      try (Statement statement = c.createStatement();
          ResultSet rows =
              statement.executeQuery(
                  "SELECT key, payload_bytes FROM entries"
                      + " ORDER BY coalesce(last_hit, created), created, key LIMIT 500")) {
        long freed = 0;
        while (freed < excess && rows.next()) {
          keys.add(rows.getString(1));
          freed += rows.getLong(2) + rows.getString(1).length() + ROW_OVERHEAD;
        }
      }
      if (keys.isEmpty()) {
        break;
      }
      deleted +=
          Sql.write(
              c,
              tx -> {
                try (PreparedStatement delete =
                    tx.prepareStatement("DELETE FROM entries WHERE key = ?")) {
                  for (String key : keys) {
                    delete.setString(1, key);
                    delete.addBatch();
                  }
                  delete.executeBatch();
                }
                return keys.size();
              });
    }
    return deleted;
  }

  /** Bytes of pages in use, as this connection sees the database (log included). */
  private static long usedBytes(Connection c) throws SQLException {
    long pageSize = Long.parseLong(CacheFile.text(c, "PRAGMA page_size"));
    long pages = Long.parseLong(CacheFile.text(c, "PRAGMA page_count"));
    long free = Long.parseLong(CacheFile.text(c, "PRAGMA freelist_count"));
    return (pages - free) * pageSize;
  }

  /**
   * Rewrites the database without free pages and moves the log into the now smaller file. The
   * file stays larger while another process reads an older snapshot (the checkpoint cannot finish).
   */
  static void compact(Connection c) throws SQLException {
    Sql.retrying(c, tx -> CacheFile.text(tx, "PRAGMA wal_checkpoint(TRUNCATE)"));
    Sql.retrying(
        c,
        tx -> {
          Sql.exec(tx, "VACUUM");
          return null;
        });
    Sql.retrying(c, tx -> CacheFile.text(tx, "PRAGMA wal_checkpoint(TRUNCATE)"));
  }

  /** The problems SQLite's full integrity check finds; empty when there are none. */
  static List<String> integrityProblems(Connection c) throws SQLException {
    List<String> problems = new ArrayList<>();
    try (Statement statement = c.createStatement();
        ResultSet rows = statement.executeQuery("PRAGMA integrity_check")) {
      while (rows.next()) {
        problems.add(rows.getString(1));
      }
    }
    return problems.equals(List.of("ok")) ? List.of() : problems;
  }

  /** A GLOB pattern matching texts that start with {@code prefix} taken literally. */
  static String globPrefix(String prefix) {
    StringBuilder pattern = new StringBuilder();
    for (char ch : prefix.toCharArray()) {
      switch (ch) {
        case '*', '?', '[' -> pattern.append('[').append(ch).append(']');
        default -> pattern.append(ch);
      }
    }
    return pattern.append('*').toString();
  }

  /** Bytes of {@code text} in UTF-8, without encoding a payload of megabytes to count them. */
  static long utf8Length(String text) {
    long bytes = 0;
    for (int i = 0; i < text.length(); i++) {
      char ch = text.charAt(i);
      if (ch < 0x80) {
        bytes += 1;
      } else if (ch < 0x800) {
        bytes += 2;
      } else if (Character.isHighSurrogate(ch)
          && i + 1 < text.length()
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
