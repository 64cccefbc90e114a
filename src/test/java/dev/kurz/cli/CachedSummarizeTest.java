package dev.kurz.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CachedSummarizeTest {
  @TempDir Path home;
  FakeLlm llm;
  Path tram;
  Path hafen;

  @BeforeEach
  void start() throws IOException {
    llm = new FakeLlm(FakeLlm.Wire.OPENAI);
    llm.answer("Straßenbahnlinie", SummarizeCommandTest.fixture("tram.analysis.json"));
    llm.answer("Containerumschlag", SummarizeCommandTest.fixture("hafen.analysis.json"));
    tram = home.resolve("tram.txt");
    hafen = home.resolve("hafen.txt");
    Files.writeString(tram, SummarizeCommandTest.fixture("tram.txt"));
    Files.writeString(hafen, SummarizeCommandTest.fixture("hafen.txt"));
  }

  @AfterEach
  void stop() throws IOException {
    llm.close();
  }

  CliRun summarize(String... extra) {
    String[] base = {"summarize", "--provider", "openai", "--base-url", llm.baseUrl(), "--model", "fake-model"};
    String[] all = new String[base.length + extra.length];
    System.arraycopy(base, 0, all, 0, base.length);
    System.arraycopy(extra, 0, all, base.length, extra.length);
    return new CliRun(home).env("OPENAI_API_KEY", "sk-test-FAKE-0000").run(all);
  }

  @Test
  void secondRunAsksNothingAndPrintsTheSameButCached() throws IOException {
    CliRun first = summarize(tram.toString(), hafen.toString(), "--format", "jsonl");
    assertThat(first.exit).as(first.err).isZero();
    assertThat(llm.requests).hasSize(2);
    CliRun second = summarize(tram.toString(), hafen.toString(), "--format", "jsonl");
    assertThat(second.exit).as(second.err).isZero();
    assertThat(llm.requests).hasSize(2);
    var a = first.out.lines().toList();
    var b = second.out.lines().toList();
    for (int i = 0; i < 2; i++) {
      ObjectNode fresh = (ObjectNode) FakeLlm.JSON.readTree(a.get(i));
      ObjectNode cached = (ObjectNode) FakeLlm.JSON.readTree(b.get(i));
      assertThat(fresh.get("cached").asBoolean()).isFalse();
      assertThat(cached.get("cached").asBoolean()).isTrue();
      fresh.remove("cached");
      cached.remove("cached");
      assertThat(cached).isEqualTo(fresh);
    }
    assertThat(second.err).contains("2 done (2 from cache, 0 new), 0 failed");
  }

  @Test
  void renamedFileHitsButEditedPromptMisses() throws IOException {
    summarize(tram.toString());
    Path renamed = Files.move(tram, home.resolve("umbenannt.txt"));
    CliRun hit = summarize(renamed.toString(), "--format", "json");
    assertThat(llm.requests).hasSize(1);
    JsonNode record = FakeLlm.JSON.readTree(hit.out);
    assertThat(record.path("cached").asBoolean()).isTrue();
    assertThat(record.path("source").path("path").asText()).isEqualTo(renamed.toString());

    Path prompts = home.resolve("prompts");
    Files.createDirectories(prompts);
    Files.writeString(prompts.resolve("repair.txt"), "Fix these: {{errors}}");
    summarize(renamed.toString(), "--prompts-dir", prompts.toString());
    assertThat(llm.requests).hasSize(2);
  }

  @Test
  void otherModelOrLengthOrLanguageMisses() {
    summarize(tram.toString());
    summarize(tram.toString(), "--length", "short");
    summarize(tram.toString(), "--to", "fr");
    summarize(tram.toString(), "--model", "other-model");
    assertThat(llm.requests).hasSize(4);
  }

  @Test
  void noCacheNeitherReadsNorWrites() {
    summarize(tram.toString(), "--no-cache");
    summarize(tram.toString(), "--no-cache");
    assertThat(llm.requests).hasSize(2);
    summarize(tram.toString());
    assertThat(llm.requests).hasSize(3);
    assertThat(Files.exists(home.resolve("cache/kurz/cache.db"))).isTrue();
  }

  @Test
  void refreshAsksAgainAndOverwrites() {
    summarize(tram.toString());
    summarize(tram.toString(), "--refresh");
    assertThat(llm.requests).hasSize(2);
    summarize(tram.toString());
    assertThat(llm.requests).hasSize(2);
  }

  @Test
  void garbageCacheFileIsMovedAsideWithAWarning() throws IOException {
    Path db = home.resolve("cache/kurz/cache.db");
    Files.createDirectories(db.getParent());
    Files.write(db, "this is not a database, just garbage".repeat(100).getBytes(StandardCharsets.UTF_8));
    CliRun run = summarize(tram.toString());
    assertThat(run.exit).isZero();
    assertThat(run.err).contains("[WARN]").contains("corrupt");
    summarize(tram.toString());
    assertThat(llm.requests).hasSize(1);
  }

  @Test
  void cacheDirFlagAndVariableAreHonoured() {
    Path elsewhere = home.resolve("elsewhere");
    summarize(tram.toString(), "--cache-dir", elsewhere.toString());
    assertThat(Files.exists(elsewhere.resolve("cache.db"))).isTrue();
    CliRun viaEnv = new CliRun(home).env("OPENAI_API_KEY", "sk-test-FAKE-0000").env("KURZ_CACHE_DIR", elsewhere.toString())
        .run("summarize", "--provider", "openai", "--base-url", llm.baseUrl(), "--model", "fake-model", tram.toString());
    assertThat(viaEnv.exit).isZero();
    assertThat(llm.requests).hasSize(1);
  }

  @Test
  void cacheCommandsReportListShowPruneAndClear() throws IOException {
    summarize(tram.toString(), hafen.toString());
    summarize(tram.toString());
    CliRun stats = new CliRun(home).run("cache", "stats", "--format", "json");
    assertThat(stats.exit).as(stats.err).isZero();
    JsonNode s = FakeLlm.JSON.readTree(stats.out);
    assertThat(s.get("entries").asInt()).isEqualTo(2);
    assertThat(s.get("hits").asInt()).isEqualTo(1);
    assertThat(s.get("misses").asInt()).isEqualTo(2);
    assertThat(s.get("saved").get(0).get("input_tokens").asLong()).isEqualTo(1500);

    CliRun list = new CliRun(home).run("cache", "list", "--format", "json");
    JsonNode entries = FakeLlm.JSON.readTree(list.out);
    assertThat(entries).hasSize(2);
    String id = entries.get(0).get("id").asText();

    CliRun show = new CliRun(home).run("cache", "show", id.substring(0, 10));
    assertThat(show.exit).as(show.err).isZero();
    assertThat(FakeLlm.JSON.readTree(show.out).path("payload").path("headline").asText()).isNotBlank();
    assertThat(show.out).doesNotContain("sk-test-FAKE");

    CliRun text = new CliRun(home).run("cache", "stats");
    assertThat(text.out).contains("entries      2");

    CliRun pruneNothing = new CliRun(home).run("cache", "prune", "--older-than", "30d");
    assertThat(pruneNothing.out).startsWith("removed 0 entries");
    CliRun clear = new CliRun(home).run("cache", "clear");
    assertThat(clear.out).startsWith("removed 2 entries");
    CliRun badAge = new CliRun(home).run("cache", "prune", "--older-than", "soon");
    assertThat(badAge.exit).isEqualTo(2);
  }
}
