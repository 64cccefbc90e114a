package dev.kurz.cache;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The cache contract on SQLite, and what is particular to a database file. */
class SqliteCacheTest extends CacheContractTest {
  @TempDir Path dir;

  @Override
  Cache openCache() throws Exception {
    return SqliteCache.open(dir, warnings::add, clock);
  }

  private SqliteCache sqlite() {
    return (SqliteCache) cache;
  }

  static CacheEntry entry(String key, java.time.Instant created) {
    return CacheContractTest.entry(key, created);
  }

  @Test
  void statsCountTheFileAndItsLog() throws Exception {
    cache.put(entry("k1", T0));

    CacheStats stats = cache.stats();
    assertThat(stats.location()).isEqualTo(dir.resolve("cache.db").toAbsolutePath().toString());
    assertThat(stats.bytesOnDisk())
        .isEqualTo(Files.size(sqlite().file()) + Files.size(dir.resolve("cache.db-wal")));
  }

  @Test
  void pruneToSizeShrinksTheFile() throws Exception {
    for (int i = 0; i < 30; i++) {
      cache.put(entry("k" + i, "page", "none", T0.plusSeconds(i), "x".repeat(100_000)));
    }

    cache.pruneToSize(1_000_000);

    assertThat(Files.size(sqlite().file())).isLessThanOrEqualTo(1_000_000);
  }

  @Test
  void aPutWaitsForAnotherWriterInsteadOfFailing() throws Exception {
    try (Connection other = DriverManager.getConnection("jdbc:sqlite:" + sqlite().file())) {
      Sql.exec(other, "BEGIN IMMEDIATE");
      Sql.exec(other, "INSERT INTO meta(name, value) VALUES ('probe', 1)");
      try (ExecutorService pool = Executors.newSingleThreadExecutor()) {
        Future<?> put = pool.submit(() -> cache.put(entry("k1", T0)));
        // The other writer really holds the lock for a while; no clock to fake here.
        Thread.sleep(300);
        assertThat(put).isNotDone();
        Sql.exec(other, "COMMIT");
        put.get();
      }
    }

    assertThat(cache.get("k1")).isPresent();
  }

}
