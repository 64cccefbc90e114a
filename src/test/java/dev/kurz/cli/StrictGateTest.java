package dev.kurz.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The faithfulness gate from the command line: warnings by default, a repair request and exit 1 with --strict. */
class StrictGateTest {
  @TempDir Path home;
  FakeLlm llm;
  String article;
  String answer;

  @BeforeEach
  void start() throws IOException {
    llm = new FakeLlm(FakeLlm.Wire.OPENAI);
    answer = SummarizeCommandTest.fixture("hafen.analysis.json");
    // The article says 5.2 percent; the answer says 4.2.
    Path p = home.resolve("hafen.txt");
    Files.writeString(p, SummarizeCommandTest.fixture("hafen.txt").replace("4,2 Prozent", "5,2 Prozent"));
    article = p.toString();
  }

  @AfterEach
  void stop() throws IOException {
    llm.close();
  }

  private CliRun run(String... extra) {
    CliRun cli = new CliRun(home).env("OPENAI_API_KEY", "sk-test-FAKE-0000");
    String[] base = {"summarize", "--provider", "openai", "--base-url", llm.baseUrl(), "--model", "fake-model", article};
    String[] all = new String[base.length + extra.length];
    System.arraycopy(base, 0, all, 0, base.length);
    System.arraycopy(extra, 0, all, base.length, extra.length);
    cli.run(all);
    return cli;
  }

  @Test
  void unfaithfulNumberIsAWarningCountedInTheSummaryLine() {
    llm.answer("Prozent", answer);
    CliRun cli = run();
    assertThat(cli.exit).as(cli.err).isZero();
    assertThat(cli.err).contains("[WARN] " + article + ": faithfulness: claim 1: number '4.2' not in the article");
    assertThat(cli.err).contains("1 article: 1 done (0 from cache, 1 new), 0 failed; 3 faithfulness warnings in 1 answer;");
    assertThat(cli.out).contains("## Warnings").contains("number '4.2' not in the article");
    assertThat(llm.requestsFor("Prozent")).isEqualTo(1);
  }

  @Test
  void strictSendsTheFailuresBackAndExitsOneWhenTheyRemain() {
    llm.answer("Prozent", answer);
    CliRun cli = run("--strict");
    assertThat(cli.exit).as(cli.err).isEqualTo(1);
    assertThat(llm.requestsFor("Prozent")).isEqualTo(2);
    assertThat(llm.requests.get(1).toString()).contains("does not bear out").contains("number '4.2' not in the article");
    assertThat(cli.out).contains("# "); // still delivered, with its warnings
    assertThat(cli.err).contains("(--strict: exit 1)");
  }

  @Test
  void strictDeliversTheRepairedAnswer() {
    llm.on("Prozent", n -> llm.ok(n == 1 ? answer : answer.replace("4.2", "5.2")));
    CliRun cli = run("--strict");
    assertThat(cli.exit).as(cli.err).isZero();
    assertThat(cli.out).contains("5.2 percent").doesNotContain("faithfulness:");
  }

  @Test
  void strictFromTheEnvironment() {
    llm.answer("Prozent", answer);
    CliRun cli = new CliRun(home).env("OPENAI_API_KEY", "sk-test-FAKE-0000").env("KURZ_STRICT", "true");
    cli.run("summarize", "--provider", "openai", "--base-url", llm.baseUrl(), "--model", "fake-model", article);
    assertThat(cli.exit).as(cli.err).isEqualTo(1);
  }
}
