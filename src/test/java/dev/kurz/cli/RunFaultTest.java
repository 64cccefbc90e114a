package dev.kurz.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import dev.kurz.ChildJvm;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockResponse;
import org.junit.jupiter.api.Test;

/** Runs that end badly or share their cache: nothing that arrived is lost, nothing is asked twice. */
class RunFaultTest extends FaultRig {

  Map<String, String> childEnv() {
    return Map.of("HOME", home.toString(), "XDG_CONFIG_HOME", home.resolve("config").toString(),
        "XDG_CACHE_HOME", home.resolve("cache").toString(), "OPENAI_API_KEY", KEY);
  }

  static int entries(Path cacheDir) throws SQLException {
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + cacheDir.resolve("cache.db"));
        ResultSet r = c.createStatement().executeQuery("SELECT count(*) FROM entries")) {
      return r.getInt(1);
    }
  }

  @Test
  void aRunKilledMidBatchIsResumedAskingOnlyForTheUnfinishedArticles() throws Exception {
    List<String> files = hafenCopies(10);
    String answer = hafenAnswer();
    llm.on(HAFEN_MARKER, n -> new MockResponse.Builder(llm.ok(answer)).headersDelay(300, TimeUnit.MILLISECONDS).build());
    List<String> args = new ArrayList<>(List.of(summarizeArgs(concat(files, "--format", "jsonl", "-j", "1"))));
    try (ChildJvm kurz = ChildJvm.builder(home, Main.class).env(childEnv()).stdin("").args(args).start()) {
      for (int i = 0; i < 3; i++) assertThat(kurz.nextLine()).contains("\"headline\"");
      kurz.kill();
    }
    int before = llm.requests.size();
    assertThat(before).isBetween(3, 6);

    CliRun again = summarize(concat(files, "--format", "jsonl"));
    assertThat(again.exit).as(again.err).isZero();
    long cached = again.out.lines().filter(l -> l.contains("\"cached\":true")).count();
    assertThat(cached).isGreaterThanOrEqualTo(3);
    assertThat(again.out.lines().count()).isEqualTo(10);
    assertThat(llm.requests.size() - before).as("requests on the re-run").isEqualTo(10 - cached);
  }

  @Test
  void ctrlCKeepsWhatArrivedAndExitsWith130() throws IOException {
    List<String> files = hafenCopies(4);
    String answer = hafenAnswer();
    CliRun run = cli();
    llm.on(HAFEN_MARKER, n -> {
      if (n == 2) run.interrupted.set(true);
      return llm.ok(answer);
    });
    record(run, summarizeArgs(concat(files, "--format", "jsonl", "-j", "1")));
    assertThat(run.exit).isEqualTo(ExitCodes.INTERRUPTED);
    assertThat(run.out.lines().count()).isEqualTo(2);
    assertThat(run.err).contains("interrupted: 4 articles: 2 done");
    CliRun again = summarize(concat(files, "--format", "jsonl"));
    assertThat(again.exit).as(again.err).isZero();
    assertThat(again.out.lines().filter(l -> l.contains("\"cached\":true")).count()).isEqualTo(2);
    assertThat(llm.requests).hasSize(4);
  }

  @Test
  void twoProcessesShareOneCacheWithoutLosingAnEntry() throws Exception {
    llm.answer(HAFEN_MARKER, hafenAnswer());
    List<List<String>> halves = List.of(new ArrayList<>(), new ArrayList<>());
    for (int i = 1; i <= 100; i++) {
      Path p = write("teil" + (i % 2) + "/artikel" + i + ".txt", hafen().replace("4,2 Prozent", i + ",2 Prozent"));
      halves.get(i % 2).add(p.toString());
    }
    try (ChildJvm a = ChildJvm.builder(home, Main.class).env(childEnv()).stdin("").args(List.of(summarizeArgs(concat(halves.get(0), "--format", "jsonl", "-j", "8")))).start();
        ChildJvm b = ChildJvm.builder(home, Main.class).env(childEnv()).stdin("").args(List.of(summarizeArgs(concat(halves.get(1), "--format", "jsonl", "-j", "8")))).start()) {
      assertThat(a.waitForExit()).as(a.stderr()).isZero();
      assertThat(b.waitForExit()).as(b.stderr()).isZero();
      assertThat(a.stdout().lines().count()).isEqualTo(50);
      assertThat(b.stdout().lines().count()).isEqualTo(50);
    }
    assertThat(entries(home.resolve("cache/kurz"))).isEqualTo(100);
  }

  @Test
  void aCacheFolderThatCannotBeCreatedMeansRunningWithoutCacheWithAWarning() throws IOException {
    llm.answer(HAFEN_MARKER, hafenAnswer());
    Path notADir = write("keinordner", "just a file");
    CliRun run = summarize(write("hafen.txt", hafen()).toString(), "--cache-dir", notADir.resolve("kurz").toString());
    assertThat(run.exit).as(run.err).isZero();
    assertThat(run.err).contains("[WARN]").containsIgnoringCase("cache");
    assertThat(run.out).contains("Port of Hamburg");
  }

  @Test
  void aReadOnlyCacheFolderMeansRunningWithoutCacheWithAWarning() throws IOException {
    llm.answer(HAFEN_MARKER, hafenAnswer());
    Path dir = home.resolve("nurlesen");
    Files.createDirectories(dir);
    Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("r-xr-xr-x"));
    try {
      assumeFalse(Files.isWritable(dir), "running as root: a read-only folder is still writable");
      CliRun run = summarize(write("hafen.txt", hafen()).toString(), "--cache-dir", dir.toString());
      assertThat(run.exit).as(run.err).isZero();
      assertThat(run.err).contains("[WARN]").containsIgnoringCase("cache");
    } finally {
      Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxr-xr-x"));
    }
  }

  @Test
  void aCorruptCacheFileIsSetAsideWithAWarningAndTheRunGoesOn() throws Exception {
    llm.answer(HAFEN_MARKER, hafenAnswer());
    Path cacheDir = home.resolve("cache/kurz");
    Files.createDirectories(cacheDir);
    Files.write(cacheDir.resolve("cache.db"), "SQLite format 3\0 und dann nur noch Unsinn".repeat(200).getBytes(StandardCharsets.ISO_8859_1));
    String article = write("hafen.txt", hafen()).toString();
    CliRun run = summarize(article);
    assertThat(run.exit).as(run.err).isZero();
    assertThat(run.err).contains("[WARN]").contains("corrupt");
    try (var listing = Files.list(cacheDir)) {
      assertThat(listing.map(p -> p.getFileName().toString())).anyMatch(n -> n.startsWith("cache.db.corrupt-"));
    }
    CliRun again = summarize(article, "--format", "json");
    assertThat(FakeLlm.JSON.readTree(again.out).path("cached").asBoolean()).isTrue();
    assertThat(llm.requests).hasSize(1);
  }
}
