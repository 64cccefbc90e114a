package dev.kurz.cache;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Small JDBC helpers: classifying SQLite errors and running short write transactions that survive
 * another process holding the write lock. Stateless; callers serialize use of a connection.
 */
final class Sql {
  /** busy_timeout already waits 10 s per attempt; a few more attempts cover long writers. */
  static final int BUSY_TIMEOUT_MS = 10_000;

  private static final int MAX_ATTEMPTS = 5;

  // Primary SQLite result codes (the low byte of extended codes).
  private static final int SQLITE_BUSY = 5;
  private static final int SQLITE_LOCKED = 6;
  private static final int SQLITE_CORRUPT = 11;
  private static final int SQLITE_NOTADB = 26;

  private Sql() {}

  @FunctionalInterface
  interface Work<T> {
    T run(Connection connection) throws SQLException;
  }

  /** True for "database is locked/busy": worth waiting and trying again. */
  static boolean isBusy(SQLException e) {
    int code = e.getErrorCode() & 0xff;
    return code == SQLITE_BUSY || code == SQLITE_LOCKED;
  }

  /** True when the file is not a database or its structure is damaged. */
  static boolean isCorrupt(SQLException e) {
    int code = e.getErrorCode() & 0xff;
    return code == SQLITE_CORRUPT || code == SQLITE_NOTADB;
  }

  static void exec(Connection connection, String sql) throws SQLException {
    try (Statement statement = connection.createStatement()) {
      statement.execute(sql);
    }
  }

  /**
   * Runs {@code work} in a {@code BEGIN IMMEDIATE} transaction and commits it. Takes the write lock
   * up front so the transaction never has to upgrade a read lock (which fails without waiting in
   * WAL mode); if the lock is still held after the busy timeout, rolls back and tries again.
   * {@code work} must therefore be safe to repeat.
   */
  static <T> T write(Connection connection, Work<T> work) throws SQLException {
    for (int attempt = 1; ; attempt++) {
      try {
        exec(connection, "BEGIN IMMEDIATE");
        try {
          T result = work.run(connection);
          exec(connection, "COMMIT");
          return result;
        } catch (SQLException | RuntimeException e) {
          rollbackQuietly(connection, e);
          throw e;
        }
      } catch (SQLException e) {
        if (!isBusy(e) || attempt >= MAX_ATTEMPTS) {
          throw e;
        }
        backOff(attempt);
      }
    }
  }

  /** Runs a statement outside a transaction (reads, VACUUM, checkpoints), retrying while busy. */
  static <T> T retrying(Connection connection, Work<T> work) throws SQLException {
    for (int attempt = 1; ; attempt++) {
      try {
        return work.run(connection);
      } catch (SQLException e) {
        if (!isBusy(e) || attempt >= MAX_ATTEMPTS) {
          throw e;
        }
        backOff(attempt);
      }
    }
  }

  private static void rollbackQuietly(Connection connection, Exception cause) {
    try {
      exec(connection, "ROLLBACK");
    } catch (SQLException e) {
      // Nothing to roll back when BEGIN itself failed; SQLite rolled back already on some errors.
      cause.addSuppressed(e);
    }
  }

  private static void backOff(int attempt) {
    // Jitter keeps two processes that timed out together from colliding again.
    long millis = 20L * attempt + ThreadLocalRandom.current().nextLong(30);
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
