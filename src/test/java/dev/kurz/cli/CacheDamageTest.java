package dev.kurz.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/** A cache damaged or edited inside the file, with a real SQLite file (issue 20, item 10). */
class CacheDamageTest extends FaultRig {

  Path cacheDb() {
    return home.resolve("cache/kurz/cache.db");
  }

  /** Three answers in the cache, then every page after the first (the header and schema) overwritten. */
  private void damagePagesInside(List<String> files) throws Exception {
    llm.answer(HAFEN_MARKER, hafenAnswer());
    CliRun first = summarize(files.toArray(String[]::new));
    assertThat(first.exit).as(first.err).isZero();
    Files.deleteIfExists(cacheDb().resolveSibling("cache.db-wal"));
    Files.deleteIfExists(cacheDb().resolveSibling("cache.db-shm"));
    try (RandomAccessFile f = new RandomAccessFile(cacheDb().toFile(), "rw")) {
      byte[] junk = "kaputt! ".repeat(512).getBytes(java.nio.charset.StandardCharsets.US_ASCII);
      for (long page = 4096; page < f.length(); page += 4096) {
        f.seek(page);
        f.write(junk, 0, (int) Math.min(junk.length, f.length() - page));
      }
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"stats", "prune", "clear", "list"})
  void aCacheDamagedInsideIsSetAsideAndTheCacheCommandStillWorks(String sub) throws Exception {
    damagePagesInside(hafenCopies(3));
    List<String> args = new java.util.ArrayList<>(List.of("cache", sub));
    if (sub.equals("prune")) args.addAll(List.of("--older-than", "1d"));
    CliRun run = record(cli(), args.toArray(String[]::new));
    assertThat(run.exit).as(run.err).isZero();
    assertThat(run.err).contains("[WARN]").contains("moved it to cache.db.corrupt-");
    try (var listing = Files.list(cacheDb().getParent())) {
      assertThat(listing.map(p -> p.getFileName().toString())).anyMatch(n -> n.startsWith("cache.db.corrupt-"));
    }
  }

  @Test
  void aRunOnACacheDamagedInsideAsksAgainAndRefillsIt() throws Exception {
    List<String> files = hafenCopies(3);
    damagePagesInside(files);
    CliRun run = summarize(concat(files, "--format", "jsonl"));
    assertThat(run.exit).as(run.err).isZero();
    assertThat(run.out.lines().count()).isEqualTo(3);
    assertThat(run.err).contains("moved it to cache.db.corrupt-");
    assertThat(llm.requests).hasSize(6);
    CliRun again = summarize(concat(files, "--format", "jsonl"));
    assertThat(again.out).contains("\"cached\":true");
    assertThat(llm.requests).hasSize(6);
  }

  @ParameterizedTest
  @ValueSource(strings = {"{}", "{\"analysis\":{}}", "[]", "null", "not json"})
  void aCachedAnswerEditedOnDiskIsAskedAgainNotServed(String payload) throws Exception {
    llm.answer(HAFEN_MARKER, hafenAnswer());
    String file = write("hafen.txt", hafen()).toString();
    assertThat(summarize(file).exit).isZero();
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + cacheDb())) {
      c.createStatement().executeUpdate("UPDATE entries SET payload = '" + payload.replace("'", "''") + "'");
    }
    CliRun run = summarize(file, "--format", "json");
    assertThat(run.exit).as(run.err).isZero();
    assertThat(FakeLlm.JSON.readTree(run.out).path("claims")).isNotEmpty();
    assertThat(FakeLlm.JSON.readTree(run.out).path("cached").asBoolean()).isFalse();
    assertThat(llm.requests).hasSize(2);
  }

  @Test
  void aCachedAnswerEditedToHoldTenThousandClaimsIsAskedAgain() throws Exception {
    llm.answer(HAFEN_MARKER, hafenAnswer());
    String file = write("hafen.txt", hafen()).toString();
    assertThat(summarize(file).exit).isZero();
    String payload;
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + cacheDb());
        var rows = c.createStatement().executeQuery("SELECT payload FROM entries")) {
      rows.next();
      var tree = (com.fasterxml.jackson.databind.node.ObjectNode) FakeLlm.JSON.readTree(rows.getString(1));
      var claims = tree.withArray("claims");
      var one = claims.get(0).deepCopy();
      for (int i = 0; i < 10_000; i++) claims.add(one.deepCopy());
      payload = tree.toString();
    }
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + cacheDb());
        var update = c.prepareStatement("UPDATE entries SET payload = ?")) {
      update.setString(1, payload);
      update.executeUpdate();
    }
    CliRun run = summarize(file, "--format", "json");
    assertThat(run.exit).as(run.err).isZero();
    assertThat(FakeLlm.JSON.readTree(run.out).path("claims").size()).isLessThan(100);
    assertThat(llm.requests).hasSize(2);
  }

  @Test
  void theCacheFileIsReadableByItsOwnerOnly() throws Exception {
    llm.answer(HAFEN_MARKER, hafenAnswer());
    assertThat(summarize(write("hafen.txt", hafen()).toString()).exit).isZero();
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(cacheDb()))).isEqualTo("rw-------");
  }

  @Test
  void anOldCacheFileThatOthersCanReadIsMadePrivate() throws Exception {
    llm.answer(HAFEN_MARKER, hafenAnswer());
    String file = write("hafen.txt", hafen()).toString();
    assertThat(summarize(file).exit).isZero();
    Files.setPosixFilePermissions(cacheDb(), PosixFilePermissions.fromString("rw-r--r--"));
    assertThat(summarize(file).exit).isZero();
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(cacheDb()))).isEqualTo("rw-------");
  }
}
