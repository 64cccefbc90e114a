package dev.kurz.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import mockwebserver3.MockResponse;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A batch against a provider that states its token budget: kurz waits for it and says so. */
class PacingCliTest {
  @TempDir Path home;
  FakeLlm llm;
  CliRun cli;
  final List<String> args = new ArrayList<>();
  String answer;

  @BeforeEach
  void start() throws IOException {
    llm = new FakeLlm(FakeLlm.Wire.OPENAI);
    cli = new CliRun(home).env("OPENAI_API_KEY", "sk-test-FAKE-0000");
    answer = SummarizeCommandTest.fixture("hafen.analysis.json");
    args.addAll(List.of("summarize", "--provider", "openai", "--base-url", llm.baseUrl(), "--model", "m", "-j", "1",
        "--format", "jsonl"));
    for (int i = 1; i <= 3; i++) {
      Path p = home.resolve("artikel" + i + ".txt");
      Files.writeString(p, SummarizeCommandTest.fixture("hafen.txt").replace("4,2 Prozent", i + ",2 Prozent"));
      args.add(p.toString());
    }
  }

  @AfterEach
  void stop() throws IOException {
    llm.close();
  }

  private static MockResponse withBudget(MockResponse r, long remaining, String reset) {
    return r.newBuilder().addHeader("x-ratelimit-limit-tokens", "40000").addHeader("x-ratelimit-remaining-tokens", remaining)
        .addHeader("x-ratelimit-reset-tokens", reset).build();
  }

  @Test
  void aSpentBudgetIsWaitedForAndTold() {
    llm.on("Prozent", n -> withBudget(llm.ok(answer), n == 1 ? 0 : 39_000, n == 1 ? "5s" : "1s"));

    cli.run(args.toArray(String[]::new));

    assertThat(cli.exit).isEqualTo(0);
    assertThat(cli.err).contains("[WAIT] the provider's tokens budget (40000 per window) is spent: next request in 5.0 s");
    assertThat(cli.err).contains("3 requests, 0 rejected by the provider");
    assertThat(cli.sleeps.stream().reduce(Duration.ZERO, Duration::plus)).isEqualTo(Duration.ofSeconds(5));
  }

  @Test
  void theSummaryCountsRejectedRequests() {
    llm.on("Prozent", n -> n == 1
        ? withBudget(FakeLlm.status(429, "{\"error\":{\"message\":\"Rate limit reached for tokens\"}}"), 0, "2s")
            .newBuilder().addHeader("retry-after-ms", "2000").build()
        : withBudget(llm.ok(answer), 39_000, "1s"));

    cli.run(args.toArray(String[]::new));

    assertThat(cli.exit).isEqualTo(0);
    assertThat(cli.err).contains("[WAIT] waiting 2.0 s before attempt 2 of 6: HTTP 429");
    assertThat(cli.err).contains("4 requests, 1 rejected by the provider");
    assertThat(cli.out.lines().count()).isEqualTo(3);
  }
}
