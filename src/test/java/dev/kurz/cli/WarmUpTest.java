package dev.kurz.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.kurz.model.Outcome;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The background warm-up of summarize and digest: its made-up answer passes every check of a real
 * run (so it warms the whole path of an article, not an early exit), and so does the warm-up itself.
 */
class WarmUpTest {
  @TempDir Path home;
  FakeLlm llm;

  @AfterEach
  void stop() throws IOException {
    if (llm != null) llm.close();
  }

  private CliRun summarize(String... more) throws IOException {
    llm = new FakeLlm(FakeLlm.Wire.OPENAI);
    llm.answer("Straßenbahnlinie", WarmUp.ANALYSIS);
    Path article = home.resolve("linie.txt");
    Files.writeString(article, WarmUp.ARTICLE.formatted(31));
    String[] base = {"summarize", article.toString(), "--provider", "openai", "--base-url", llm.baseUrl(), "--model", "fake-model",
        "--format", "json"};
    String[] args = new String[base.length + more.length];
    System.arraycopy(base, 0, args, 0, base.length);
    System.arraycopy(more, 0, args, base.length, more.length);
    return new CliRun(home).env("OPENAI_API_KEY", "sk-test-FAKE-0000-warm").run(args);
  }

  @Test
  void theMadeUpAnswerPassesTheChecksWithEveryQuoteFound() throws IOException {
    CliRun run = summarize();
    assertThat(run.exit).as(run.err).isZero();
    JsonNode record = FakeLlm.JSON.readTree(run.out);
    assertThat(record.path("claims")).hasSize(2);
    for (JsonNode claim : record.path("claims")) {
      assertThat(claim.path("grounding").path("status").asText()).as(claim.toString()).isEqualTo("exact");
    }
  }

  @Test
  void theRehearsedRequestIsAnsweredWithoutTheNetwork() throws Exception {
    // Fails (instead of warming nothing) if the client's path or the canned completion stop fitting.
    WarmUp.rehearseRequest();
  }

  @Test
  void theWarmUpGoesThroughTheWholePathOfAnArticle() {
    assertThat(WarmUp.run()).isInstanceOf(Outcome.Done.class);
  }
}
