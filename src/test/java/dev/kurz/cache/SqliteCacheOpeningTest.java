package dev.kurz.cache;

import dev.kurz.MutableClock;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Opening a cache: fresh, damaged, unusable or from a newer kurz. */
class SqliteCacheOpeningTest {
  private static final Instant T0 = Instant.parse("2025-03-01T10:00:00Z");

  @TempDir Path dir;
  private final MutableClock clock = new MutableClock(T0);
  private final List<String> warnings = new ArrayList<>();

  @Test
  void openingCreatesTheFolderAndAWalModeDatabaseWithASchemaVersion() throws Exception {
    Path cacheDir = dir.resolve("a/b/cache");
    try (SqliteCache cache = SqliteCache.open(cacheDir, warnings::add, clock)) {
      assertThat(cache.file()).isEqualTo(cacheDir.resolve("cache.db").toAbsolutePath());
      try (Connection c = jdbc(cache.file())) {
        assertThat(CacheFile.text(c, "PRAGMA journal_mode")).isEqualTo("wal");
        assertThat(CacheFile.text(c, "PRAGMA user_version")).isEqualTo("1");
      }
    }
    assertThat(warnings).isEmpty();
  }

  @Test
  void reopeningKeepsEntriesAndWarnsAboutNothing() throws Exception {
    try (SqliteCache cache = SqliteCache.open(dir, warnings::add, clock)) {
      cache.put(SqliteCacheTest.entry("k1", T0));
    }
    try (SqliteCache cache = SqliteCache.open(dir, warnings::add, clock)) {
      assertThat(cache.get("k1")).isPresent();
    }
    assertThat(warnings).isEmpty();
  }

  @Test
  void anEmptyFileIsTakenAsAFreshDatabase() throws Exception {
    Files.createFile(dir.resolve("cache.db"));
    try (SqliteCache cache = SqliteCache.open(dir, warnings::add, clock)) {
      cache.put(SqliteCacheTest.entry("k1", T0));
      assertThat(cache.get("k1")).isPresent();
    }
    assertThat(warnings).isEmpty();
  }

  @Test
  void aFileOfGarbageIsMovedAsideWithOneWarningAndTheCacheStartsEmpty() throws Exception {
    byte[] garbage = "Das ist keine Datenbank, nur Text. ".repeat(300).getBytes(StandardCharsets.UTF_8);
    Files.write(dir.resolve("cache.db"), garbage);
    Files.write(dir.resolve("cache.db-wal"), garbage);

    try (SqliteCache cache = SqliteCache.open(dir, warnings::add, clock)) {
      cache.put(SqliteCacheTest.entry("k1", T0));
      assertThat(cache.get("k1")).isPresent();
      assertThat(cache.stats().entries()).isEqualTo(1);
    }

    assertThat(warnings).hasSize(1);
    assertThat(warnings.get(0))
        .doesNotContain("\n")
        .contains("not a usable database")
        .contains("cache.db.corrupt-20250301T100000Z");
    assertThat(dir.resolve("cache.db.corrupt-20250301T100000Z")).hasBinaryContent(garbage);
    assertThat(dir.resolve("cache.db.corrupt-20250301T100000Z-wal")).hasBinaryContent(garbage);
  }

  @Test
  void aDatabaseWithADamagedSchemaPageIsMovedAside() throws Exception {
    try (SqliteCache cache = SqliteCache.open(dir, warnings::add, clock)) {
      cache.put(SqliteCacheTest.entry("k1", T0));
    }
    assertThat(dir.resolve("cache.db-wal")).doesNotExist(); // Checkpointed into the file on close.
    try (RandomAccessFile file = new RandomAccessFile(dir.resolve("cache.db").toFile(), "rw")) {
      file.seek(100); // Right after the 100-byte header: the page holding the schema.
      file.write(new byte[3000]);
      file.seek(100);
      file.write("kaputt".repeat(100).getBytes(StandardCharsets.US_ASCII));
    }

    try (SqliteCache cache = SqliteCache.open(dir, warnings::add, clock)) {
      assertThat(cache.get("k1")).isEmpty();
      cache.put(SqliteCacheTest.entry("k2", T0));
      assertThat(cache.get("k2")).isPresent();
    }
    assertThat(warnings).singleElement().asString().contains("corrupt-20250301T100000Z");
  }

  @Test
  void aSecondCorruptionOnTheSameSecondGetsItsOwnName() throws Exception {
    Files.writeString(dir.resolve("cache.db"), "garbage ".repeat(200));
    SqliteCache.open(dir, warnings::add, clock).close();
    Files.writeString(dir.resolve("cache.db"), "more garbage ".repeat(200));
    SqliteCache.open(dir, warnings::add, clock).close();

    assertThat(dir.resolve("cache.db.corrupt-20250301T100000Z")).exists();
    assertThat(dir.resolve("cache.db.corrupt-20250301T100000Z-2")).exists();
    assertThat(warnings).hasSize(2);
  }

  @Test
  void aReadOnlyFolderIsUnavailable() throws Exception {
    Path readOnly = Files.createDirectory(dir.resolve("ro"));
    Files.setPosixFilePermissions(readOnly, PosixFilePermissions.fromString("r-xr-xr-x"));
    try {
      assumeFalse(Files.isWritable(readOnly), "running as root: a read-only folder is writable");

      assertThatThrownBy(() -> SqliteCache.open(readOnly, warnings::add, clock))
          .isInstanceOf(CacheUnavailableException.class)
          .hasMessageContaining(readOnly.toString())
          .hasMessageContaining("not writable");
    } finally {
      Files.setPosixFilePermissions(readOnly, PosixFilePermissions.fromString("rwxr-xr-x"));
    }
  }

  @Test
  void aFolderThatCannotBeCreatedIsUnavailableWithAOneLineMessage() throws Exception {
    Path file = Files.writeString(dir.resolve("not-a-folder"), "x");

    assertThatThrownBy(() -> SqliteCache.open(file, warnings::add, clock))
        .isInstanceOf(CacheUnavailableException.class)
        .hasMessageContaining("not a folder");
    assertThatThrownBy(() -> SqliteCache.open(file.resolve("sub"), warnings::add, clock))
        .isInstanceOf(CacheUnavailableException.class)
        .hasMessageContaining("cannot create cache folder")
        .message()
        .doesNotContain("\n");
  }

  @Test
  void aDatabaseFromANewerKurzIsUnavailableAndLeftAlone() throws Exception {
    try (SqliteCache cache = SqliteCache.open(dir, warnings::add, clock)) {
      cache.put(SqliteCacheTest.entry("k1", T0));
    }
    try (Connection c = jdbc(dir.resolve("cache.db"))) {
      Sql.exec(c, "PRAGMA user_version = 7");
    }

    assertThatThrownBy(() -> SqliteCache.open(dir, warnings::add, clock))
        .isInstanceOf(CacheUnavailableException.class)
        .hasMessageContaining("schema version 7");
    try (Connection c = jdbc(dir.resolve("cache.db"))) {
      assertThat(CacheFile.text(c, "SELECT count(*) FROM entries")).isEqualTo("1");
    }
    assertThat(warnings).isEmpty();
  }

  private static Connection jdbc(Path file) throws SQLException {
    return DriverManager.getConnection("jdbc:sqlite:" + file);
  }
}
