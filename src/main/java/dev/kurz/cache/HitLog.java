package dev.kurz.cache;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Map;
import java.util.TreeMap;

/**
 * Hits and misses counted in memory and written to the database in one batch, so that a cached
 * run pays for reads only. Counts not yet flushed are lost if the process dies, which only makes
 * statistics a little low. Not thread-safe: the cache guards it with its lock. The SQL is
 * the same on SQLite and PostgreSQL; keys are written in order, so that two processes flushing at
 * once lock rows in the same order and cannot deadlock.
 */
final class HitLog {
  /** Flush after this many gets even before close, so a long batch keeps statistics current. */
  static final int FLUSH_EVERY = 200;

  private final Map<String, Pending> byKey = new TreeMap<>();
  private long hits;
  private long misses;

  private static final class Pending {
    long count;
    long lastHitMillis;
  }

  void hit(String key, long nowMillis) {
    Pending pending = byKey.computeIfAbsent(key, k -> new Pending());
    pending.count++;
    pending.lastHitMillis = Math.max(pending.lastHitMillis, nowMillis);
    hits++;
  }

  void miss() {
    misses++;
  }

  long pendingHits() {
    return hits;
  }

  long pendingMisses() {
    return misses;
  }

  boolean isEmpty() {
    return hits == 0 && misses == 0;
  }

  boolean isDue() {
    return hits + misses >= FLUSH_EVERY;
  }

  /** Writes the counts inside the caller's transaction; call {@link #clear} once it committed. */
  void writeTo(Connection connection) throws SQLException {
    if (isEmpty()) {
      return;
    }
    if (!byKey.isEmpty()) {
      try (PreparedStatement update =
          connection.prepareStatement(
              "UPDATE entries SET hits = hits + ?, last_hit = CASE WHEN coalesce(last_hit, 0) > ? THEN last_hit ELSE ? END"
                  + " WHERE key = ?")) {
        for (Map.Entry<String, Pending> e : byKey.entrySet()) {
          update.setLong(1, e.getValue().count);
          update.setLong(2, e.getValue().lastHitMillis);
          update.setLong(3, e.getValue().lastHitMillis);
          update.setString(4, e.getKey());
          update.addBatch();
        }
        update.executeBatch();
      }
    }
    try (PreparedStatement meta =
        connection.prepareStatement("UPDATE meta SET value = value + ? WHERE name = ?")) {
      meta.setLong(1, hits);
      meta.setString(2, "hits");
      meta.addBatch();
      meta.setLong(1, misses);
      meta.setString(2, "misses");
      meta.addBatch();
      meta.executeBatch();
    }
  }

  void clear() {
    byKey.clear();
    hits = 0;
    misses = 0;
  }
}
