package dev.kurz.cache;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kurz.ChildJvm;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Several kurz processes on one cache file, and a kurz process killed in the middle of a batch. */
class SqliteCacheProcessesTest {
  @TempDir Path dir;
  @TempDir Path logs;

  @Test
  void twoProcessesWritingAtOnceLoseNothing() throws Exception {
    Path cacheDir = dir.resolve("fresh"); // Not created yet: both race to create the schema too.
    try (ChildJvm a = ChildJvm.builder(logs, CacheWriterMain.class).args(cacheDir.toString(), "a", "50", "--wait").start();
        ChildJvm b = ChildJvm.builder(logs, CacheWriterMain.class).args(cacheDir.toString(), "b", "50", "--wait").start()) {
      assertThat(a.nextLine()).isEqualTo("ready");
      assertThat(b.nextLine()).isEqualTo("ready");
      a.send("go");
      b.send("go");

      assertThat(a.waitForExit()).as("child a, stderr: %s", a.stderr()).isZero();
      assertThat(b.waitForExit()).as("child b, stderr: %s", b.stderr()).isZero();
      assertThat(a.stderr()).doesNotContain("Exception");
      assertThat(b.stderr()).doesNotContain("Exception");
    }

    try (SqliteCache cache = SqliteCache.open(cacheDir, w -> {})) {
      assertThat(cache.stats().entries()).isEqualTo(100);
      for (int i = 0; i < 50; i++) {
        assertThat(cache.get("a-" + i)).isPresent();
        assertThat(cache.get("b-" + i)).isPresent();
      }
      assertThat(cache.verify()).isEmpty();
    }
  }

  @Test
  void everyPutReportedBeforeSigkillSurvivesAndTheFileIsIntact() throws Exception {
    List<String> reported = new ArrayList<>();
    try (ChildJvm child = ChildJvm.builder(logs, CacheWriterMain.class).args(dir.toString(), "k", "-1").start()) {
      assertThat(child.nextLine()).isEqualTo("ready");
      while (reported.size() < 150) {
        String line = child.nextLine();
        assertThat(line).startsWith("put ");
        reported.add(line.substring(4));
      }
      child.kill();
    }

    List<String> warnings = new ArrayList<>();
    try (SqliteCache cache = SqliteCache.open(dir, warnings::add)) {
      assertThat(warnings).isEmpty();
      assertThat(cache.verify()).isEmpty();
      for (String key : reported) {
        assertThat(cache.get(key)).as(key).isPresent();
      }
      assertThat(cache.stats().entries()).isGreaterThanOrEqualTo(reported.size());
    }
  }
}
