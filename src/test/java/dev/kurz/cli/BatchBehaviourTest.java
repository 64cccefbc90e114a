package dev.kurz.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BatchBehaviourTest {
  @TempDir Path home;
  FakeLlm llm;
  CliRun cli;
  final List<String> files = new ArrayList<>();

  @BeforeEach
  void start() throws IOException {
    llm = new FakeLlm(FakeLlm.Wire.OPENAI);
    cli = new CliRun(home).env("OPENAI_API_KEY", "sk-test-FAKE-0000");
    for (int i = 1; i <= 3; i++) {
      Path p = home.resolve("artikel" + i + ".txt");
      Files.writeString(p, SummarizeCommandTest.fixture("hafen.txt").replace("4,2 Prozent", i + ",2 Prozent"));
      files.add(p.toString());
    }
  }

  @AfterEach
  void stop() throws IOException {
    llm.close();
  }

  String[] args(String... extra) {
    List<String> all = new ArrayList<>(List.of("summarize", "--provider", "openai", "--base-url", llm.baseUrl(), "--model", "m"));
    all.addAll(List.of(extra));
    return all.toArray(String[]::new);
  }

  @Test
  void ctrlCKeepsTheAnswerInFlightAndStopsTheRest() throws IOException {
    String answer = SummarizeCommandTest.fixture("hafen.analysis.json");
    llm.on("Prozent", n -> {
      cli.interrupted.set(true); // the user presses Ctrl-C while the first answer is on its way
      return llm.ok(answer);
    });
    List<String> a = new ArrayList<>(files);
    a.addAll(List.of("--format", "jsonl", "-j", "1"));
    cli.run(args(a.toArray(String[]::new)));
    assertThat(cli.exit).isEqualTo(130);
    assertThat(cli.out.lines().count()).isEqualTo(1);
    assertThat(cli.err).contains("interrupted: 3 articles: 1 done");
    assertThat(cli.err).as("never-started articles are not failures").contains("0 failed, 2 not finished");
    assertThat(llm.requests).hasSize(1);

    String finished = FakeLlm.JSON.readTree(cli.out).path("source").path("path").asText();
    CliRun again = new CliRun(home).env("OPENAI_API_KEY", "sk-test-FAKE-0000");
    again.run(args(finished, "--format", "jsonl"));
    assertThat(again.out).contains("\"cached\":true");
    assertThat(llm.requests).hasSize(1);
  }

  @Test
  void rateLimitedRequestWaitsWhatTheServerAskedAndSucceeds() throws IOException {
    String answer = SummarizeCommandTest.fixture("hafen.analysis.json");
    llm.on("1,2 Prozent", n -> n == 1
        ? new mockwebserver3.MockResponse.Builder().code(429).addHeader("Retry-After", "3")
            .body("{\"error\":{\"message\":\"Rate limit reached\",\"type\":\"requests\"}}").build()
        : llm.ok(answer));
    cli.run(args(files.get(0)));
    assertThat(cli.exit).as(cli.err).isZero();
    assertThat(cli.sleeps).containsExactly(Duration.ofSeconds(3));
    assertThat(llm.requests).hasSize(2);
  }

  @Test
  void serverErrorsAreRetriedWithBackoffThenGiveUpForThatArticleOnly() throws IOException {
    String answer = SummarizeCommandTest.fixture("hafen.analysis.json");
    llm.on("1,2 Prozent", n -> FakeLlm.status(503, "{\"error\":{\"message\":\"overloaded\"}}"));
    llm.answer("Prozent", answer);
    List<String> a = new ArrayList<>(files);
    a.addAll(List.of("--format", "jsonl"));
    cli.run(args(a.toArray(String[]::new)));
    assertThat(cli.exit).isEqualTo(1);
    assertThat(llm.requestsFor("1,2 Prozent")).isEqualTo(6);
    assertThat(cli.sleeps).hasSize(5);
    for (int i = 1; i < cli.sleeps.size(); i++) {
      assertThat(cli.sleeps.get(i).toMillis()).isLessThanOrEqualTo(60_000);
    }
    assertThat(cli.out.lines().count()).isEqualTo(2);
    assertThat(cli.err).contains("artikel1.txt: HTTP 503");
  }

  @Test
  void plainProgressLinesWhenStderrIsNotATerminal() throws IOException {
    llm.answer("Prozent", SummarizeCommandTest.fixture("hafen.analysis.json"));
    List<String> a = new ArrayList<>(files);
    cli.run(args(a.toArray(String[]::new)));
    assertThat(cli.err).contains("/3] ").contains(": done (1500 in / 600 out tokens)").doesNotContain("\r");
    // The articles' percentages were changed from the answer's 4.2: the faithfulness gate counts that.
    assertThat(cli.err).contains("3 articles: 3 done (0 from cache, 3 new), 0 failed; 9 faithfulness warnings in 3 answers; tokens 4500 in / 1800 out");
    CliRun quiet = new CliRun(home).env("OPENAI_API_KEY", "sk-test-FAKE-0000");
    a.add("--quiet");
    quiet.run(args(a.toArray(String[]::new)));
    assertThat(quiet.err).isEmpty();
  }
}
