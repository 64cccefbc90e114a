package dev.kurz.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DryRunAndDatesTest {
  @TempDir Path home;
  FakeLlm llm;
  Path tram;
  Path hafen;

  @BeforeEach
  void start() throws IOException {
    llm = new FakeLlm(FakeLlm.Wire.OPENAI);
    llm.answer("Straßenbahnlinie", SummarizeCommandTest.fixture("tram.analysis.json"));
    llm.answer("Containerumschlag", SummarizeCommandTest.fixture("hafen.analysis.json"));
    // CliRun's clock stands at 2025-12-03T08:00Z; dates in the text become "published".
    tram = home.resolve("tram.txt");
    Files.writeString(tram, "date 2025-12-02\n" + SummarizeCommandTest.fixture("tram.txt"));
    hafen = home.resolve("hafen.txt");
    Files.writeString(hafen, "date 2025-11-20\n" + SummarizeCommandTest.fixture("hafen.txt"));
  }

  @AfterEach
  void stop() throws IOException {
    llm.close();
  }

  CliRun kurz(String... args) {
    return new CliRun(home).env("OPENAI_API_KEY", "sk-test-FAKE-0000").env("KURZ_BASE_URL", llm.baseUrl())
        .env("KURZ_PROVIDER", "openai").env("KURZ_MODEL", "gpt-4.1-mini").run(args);
  }

  @Test
  void dryRunCountsCacheHitsTokensAndCostAndSendsNothing() throws IOException {
    kurz("summarize", tram.toString());
    assertThat(llm.requests).hasSize(1);
    CliRun dry = kurz("summarize", tram.toString(), hafen.toString(), "--dry-run", "--format", "json");
    assertThat(dry.exit).as(dry.err).isZero();
    assertThat(llm.requests).hasSize(1);
    JsonNode report = FakeLlm.JSON.readTree(dry.out);
    JsonNode row = report.path("models").get(0);
    assertThat(row.path("model").asText()).isEqualTo("openai/gpt-4.1-mini");
    assertThat(row.path("cached").asInt()).isEqualTo(1);
    assertThat(row.path("to_ask").asInt()).isEqualTo(1);
    assertThat(row.path("input_tokens").asLong()).isGreaterThan(500);
    assertThat(row.path("cost_usd").asDouble()).isGreaterThan(0);
    CliRun table = kurz("digest", tram.toString(), hafen.toString(), "--dry-run");
    assertThat(table.out).startsWith("dry run: 2 articles; no requests sent").contains("openai/gpt-4.1-mini");
    assertThat(llm.requests).hasSize(1);
  }

  @Test
  void sinceAndDateKeepOnlyArticlesInTheWindow() {
    CliRun since = kurz("summarize", tram.toString(), hafen.toString(), "--since", "3d", "--format", "jsonl");
    assertThat(since.exit).as(since.err).isZero();
    assertThat(since.out.lines().count()).isEqualTo(1);
    assertThat(since.out).contains("tram.txt");
    assertThat(since.err).contains("1 inputs outside the date window left out");
    CliRun day = kurz("summarize", tram.toString(), hafen.toString(), "--date", "2025-11-20", "--format", "jsonl");
    assertThat(day.out.lines().count()).isEqualTo(1);
    assertThat(day.out).contains("hafen.txt");
    CliRun bad = kurz("summarize", tram.toString(), "--since", "lately");
    assertThat(bad.exit).isEqualTo(2);
  }

  @Test
  void aSpanOfTimeIsWrittenOneWayForEveryOption() {
    CliRun summarize = kurz("summarize", tram.toString(), "--since", "30s", "--dry-run");
    assertThat(summarize.exit).as(summarize.err).isZero();
    assertThat(summarize.err).contains("1 inputs outside the date window left out");
    CliRun list = kurz("cache", "list", "--since", "30s");
    assertThat(list.exit).as(list.err).isZero();
    CliRun timeout = kurz("config", "show", "--timeout", "3m", "--show-origin");
    assertThat(timeout.out).containsPattern("(?m)^timeout\\s+180\\s+\\[flag --timeout]");
    for (String[] bad : new String[][] {{"summarize", tram.toString(), "--since", "30x"}, {"cache", "list", "--since", "30x"},
        {"cache", "prune", "--older-than", "30x"}, {"summarize", tram.toString(), "--timeout", "30x"}}) {
      CliRun run = kurz(bad);
      assertThat(run.exit).as(run.err).isEqualTo(2);
      assertThat(run.err).startsWith("[ERROR] Invalid value for option '" + bad[bad.length - 2] + "': '30x'");
    }
  }

  @Test
  void aDateWindowReadsEachFileOnce() throws IOException {
    // Not German: the reader warns about it each time it reads the file.
    Path english = home.resolve("english.txt");
    Files.writeString(english, "date 2025-12-02\nThe city council approved a new tram line on Tuesday. Twenty-seven members"
        + " voted in favour, and the transport company says the line will cost about 48 million euros.\n");
    CliRun run = kurz("summarize", english.toString(), "--since", "3d", "--dry-run");
    assertThat(run.exit).as(run.err).isZero();
    assertThat(run.err.lines().filter(l -> l.contains("seems to be in English")).count()).as(run.err).isEqualTo(1);
  }

  @Test
  void theConfigFileIsReadOnceAndWhatIsWrongInItSaidOnce() throws IOException {
    Path config = Files.writeString(home.resolve("kurz.toml"), "colour = \"blue\"\n[backends.other]\nprovider = \"openai\"\n");
    CliRun dry = kurz("digest", tram.toString(), hafen.toString(), "--dry-run", "--config", config.toString());
    assertThat(dry.exit).as(dry.err).isZero();
    assertThat(dry.err.lines().filter(l -> l.contains("unknown key 'colour'"))).hasSize(1);
  }
}
