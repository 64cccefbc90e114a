package dev.kurz.cache;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.function.Consumer;

/**
 * Opens {@code cache.db} in a folder: creates folder and schema when missing, sets WAL mode, and
 * replaces a file that is not a readable database with a fresh one after moving it aside. Only the
 * cheap check runs on open (the header and the schema are read); a full integrity check would cost
 * time proportional to the cache on every start. Stateless.
 */
final class CacheFile {
  static final String FILE_NAME = "cache.db";
  static final int SCHEMA_VERSION = 1;

  // The payload goes last: columns after a large value would cost a walk over its overflow pages.
  private static final String[] SCHEMA = {
    """
    CREATE TABLE IF NOT EXISTS entries (
      key TEXT PRIMARY KEY NOT NULL,
      kind TEXT NOT NULL,
      provider TEXT NOT NULL,
      model TEXT NOT NULL,
      prompt_hash TEXT NOT NULL,
      input_tokens INTEGER NOT NULL,
      output_tokens INTEGER NOT NULL,
      source_label TEXT NOT NULL,
      created INTEGER NOT NULL,
      hits INTEGER NOT NULL DEFAULT 0,
      last_hit INTEGER,
      payload_bytes INTEGER NOT NULL,
      payload TEXT NOT NULL
    )""",
    "CREATE INDEX IF NOT EXISTS entries_created ON entries(created)",
    "CREATE TABLE IF NOT EXISTS meta (name TEXT PRIMARY KEY NOT NULL, value INTEGER NOT NULL)",
  };

  private static final byte[] SQLITE_MAGIC =
      "SQLite format 3\0".getBytes(StandardCharsets.US_ASCII);

  private static final DateTimeFormatter STAMP =
      DateTimeFormatter.ofPattern("uuuuMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);

  private CacheFile() {}

  static Connection open(Path dir, Consumer<String> warnings, Clock clock)
      throws CacheUnavailableException {
    try {
      Files.createDirectories(dir);
    } catch (FileAlreadyExistsException e) {
      throw new CacheUnavailableException("cache folder " + dir + " exists but is not a folder", e);
    } catch (IOException | SecurityException e) {
      throw new CacheUnavailableException("cannot create cache folder " + dir + ": " + e, e);
    }
    if (!Files.isWritable(dir)) {
      throw new CacheUnavailableException("cache folder " + dir + " is not writable");
    }
    Path db = dir.resolve(FILE_NAME).toAbsolutePath();
    // Checked before SQLite sees the file: closing a connection to a non-database deletes its -wal,
    // which we want to keep with the damaged file.
    String damage = headerProblem(db);
    if (damage == null) {
      createPrivate(db);
      try {
        return connect(db, warnings, clock);
      } catch (SQLException e) {
        if (!Sql.isCorrupt(e)) {
          throw unavailable(db, e);
        }
        damage = firstLine(e);
      }
    }
    return replaceDamaged(dir, damage, warnings, clock);
  }

  /** Moves a damaged {@code cache.db} aside (one warning) and opens a fresh one in its place. */
  static Connection replaceDamaged(Path dir, String damage, Consumer<String> warnings, Clock clock)
      throws CacheUnavailableException {
    Path db = dir.resolve(FILE_NAME).toAbsolutePath();
    Path movedTo = moveAside(db, clock);
    warnings.accept(
        "cache file " + db + " is not a usable database (" + damage + "); moved it to "
            + movedTo.getFileName() + " and started an empty cache");
    try {
      createPrivate(db);
      return connect(db, warnings, clock);
    } catch (SQLException e) {
      throw unavailable(db, e);
    }
  }

  /**
   * The cache holds article texts: a new file is created readable by its owner only (SQLite gives
   * its -wal and -shm the same mode), and an existing one that others can read is made so.
   */
  private static void createPrivate(Path db) throws CacheUnavailableException {
    try {
      if (Files.notExists(db)) {
        Files.createFile(db, java.nio.file.attribute.PosixFilePermissions.asFileAttribute(OWNER_ONLY));
      } else {
        for (String suffix : new String[] {"", "-wal", "-shm"}) {
          Path f = db.resolveSibling(db.getFileName() + suffix);
          if (Files.notExists(f)) continue;
          java.util.Set<java.nio.file.attribute.PosixFilePermission> mode = Files.getPosixFilePermissions(f);
          if (mode.retainAll(OWNER_ONLY)) Files.setPosixFilePermissions(f, mode);
        }
      }
    } catch (UnsupportedOperationException e) {
      // Not a POSIX file system: its own defaults apply.
    } catch (FileAlreadyExistsException e) {
      // Another process made it first.
    } catch (IOException e) {
      if (Files.notExists(db)) throw new CacheUnavailableException("cannot create cache file " + db + ": " + e, e);
      // Not ours to change (another user's cache we may use): left as it is.
    }
  }

  private static final java.util.Set<java.nio.file.attribute.PosixFilePermission> OWNER_ONLY =
      java.nio.file.attribute.PosixFilePermissions.fromString("rw-------");

  /** Why {@code db} is certainly not an SQLite database, or null when it may be one (or is absent). */
  private static String headerProblem(Path db) throws CacheUnavailableException {
    byte[] header = new byte[SQLITE_MAGIC.length];
    int read;
    try (InputStream in = Files.newInputStream(db)) {
      read = in.readNBytes(header, 0, header.length);
    } catch (NoSuchFileException e) {
      return null;
    } catch (IOException e) {
      throw new CacheUnavailableException("cannot read cache file " + db + ": " + e, e);
    }
    if (read == 0) {
      return null; // SQLite takes an empty file as an empty database.
    }
    return Arrays.equals(header, SQLITE_MAGIC) ? null : "no SQLite header";
  }

  private static Connection connect(Path db, Consumer<String> warnings, Clock clock)
      throws SQLException, CacheUnavailableException {
    Connection connection = DriverManager.getConnection("jdbc:sqlite:" + db);
    try {
      // First, so that everything after it waits for other processes instead of failing.
      Sql.exec(connection, "PRAGMA busy_timeout = " + Sql.BUSY_TIMEOUT_MS);
      // Reading the journal mode reads the header: garbage fails here with SQLITE_NOTADB.
      String mode = Sql.retrying(connection, c -> text(c, "PRAGMA journal_mode = WAL"));
      if (!"wal".equalsIgnoreCase(mode)) {
        warnings.accept(
            "cache file " + db + " cannot use write-ahead logging (journal mode " + mode
                + "); parallel kurz runs will wait for each other");
      }
      Sql.exec(connection, "PRAGMA synchronous = NORMAL");
      long version = Long.parseLong(text(connection, "PRAGMA user_version"));
      if (version > SCHEMA_VERSION) {
        throw new CacheUnavailableException(
            "cache file " + db + " has schema version " + version + ", newer than this kurz knows ("
                + SCHEMA_VERSION + "); upgrade kurz or use another cache folder");
      }
      if (version < SCHEMA_VERSION || !schemaPresent(connection)) {
        createSchema(connection, clock);
      }
      return connection;
    } catch (SQLException | CacheUnavailableException | RuntimeException e) {
      try {
        connection.close();
      } catch (SQLException closing) {
        e.addSuppressed(closing);
      }
      throw e;
    }
  }

  /** Reads the schema table, which also catches a damaged first page. */
  private static boolean schemaPresent(Connection connection) throws SQLException {
    return "2"
        .equals(
            text(
                connection,
                "SELECT count(*) FROM sqlite_schema WHERE type = 'table'"
                    + " AND name IN ('entries', 'meta')"));
  }

  private static void createSchema(Connection connection, Clock clock) throws SQLException {
    long now = clock.millis();
    Sql.write(
        connection,
        c -> {
          for (String ddl : SCHEMA) {
            Sql.exec(c, ddl);
          }
          Sql.exec(
              c,
              "INSERT OR IGNORE INTO meta(name, value) VALUES ('created', " + now
                  + "), ('hits', 0), ('misses', 0)");
          Sql.exec(c, "PRAGMA user_version = " + SCHEMA_VERSION);
          return null;
        });
  }

  static String text(Connection connection, String sql) throws SQLException {
    try (Statement statement = connection.createStatement();
        ResultSet rows = statement.executeQuery(sql)) {
      return rows.next() ? rows.getString(1) : "";
    }
  }

  /** Moves the database and its -wal and -shm companions to {@code cache.db.corrupt-<stamp>}. */
  private static Path moveAside(Path db, Clock clock) throws CacheUnavailableException {
    String base = db.getFileName() + ".corrupt-" + STAMP.format(clock.instant());
    Path target = db.resolveSibling(base);
    for (int n = 2; Files.exists(target); n++) {
      target = db.resolveSibling(base + "-" + n);
    }
    try {
      Files.move(db, target);
      for (String companion : new String[] {"-wal", "-shm"}) {
        Path from = db.resolveSibling(db.getFileName() + companion);
        if (Files.exists(from)) {
          Files.move(from, target.resolveSibling(target.getFileName() + companion));
        }
      }
    } catch (IOException e) {
      throw new CacheUnavailableException(
          "cache file " + db + " is damaged and cannot be moved aside: " + e, e);
    }
    return target;
  }

  private static CacheUnavailableException unavailable(Path db, SQLException e) {
    return new CacheUnavailableException("cannot open cache file " + db + ": " + firstLine(e), e);
  }

  static String firstLine(Exception e) {
    String message = String.valueOf(e.getMessage());
    int newline = message.indexOf('\n');
    return newline < 0 ? message : message.substring(0, newline);
  }
}
