package dev.kurz.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A dry run predicts the run: it refuses what the run refuses and counts the digest's synthesis requests. */
class DryRunPredictsTest {
  @TempDir Path home;
  FakeLlm llm;

  @AfterEach
  void stop() throws IOException {
    if (llm != null) llm.close();
  }

  CliRun kurz(String... args) {
    List<String> all = new ArrayList<>(List.of(args));
    all.addAll(List.of("--provider", "openai", "--base-url", llm.baseUrl(), "--model", "gpt-4.1-mini"));
    return new CliRun(home).env("OPENAI_API_KEY", DigestCommandTest.FAKE_KEY).run(all.toArray(String[]::new));
  }

  @Test
  void aDryRunRefusesAnArticleTheRunWouldRefuseAsTooLong() throws IOException {
    llm = new FakeLlm(FakeLlm.Wire.OPENAI);
    Path tram = Files.writeString(home.resolve("tram.txt"), SummarizeCommandTest.fixture("tram.txt"));
    CliRun dry = kurz("summarize", tram.toString(), "--max-article-tokens", "50", "--dry-run");
    CliRun real = kurz("summarize", tram.toString(), "--max-article-tokens", "50");
    assertThat(real.exit).isEqualTo(ExitCodes.SOME_FAILED);
    assertThat(dry.exit).isEqualTo(real.exit);
    assertThat(dry.err).contains("[ERROR] " + tram + ": too long");
    assertThat(dry.out).startsWith("dry run: 0 articles (1 refused as too long)");
    assertThat(llm.requests).isEmpty();

    CliRun one = kurz("summarize", tram.toString(), "--dry-run");
    assertThat(one.out).startsWith("dry run: 1 article; no requests sent");
  }

  @Test
  void aDigestDryRunCountsTheSynthesisRequestsTheRunMakes() throws IOException {
    llm = new FakeLlm(FakeLlm.Wire.OPENAI);
    llm.answer("<story>", DigestCommandTest.SYNTHESIS);
    List<String> files = new ArrayList<>();
    for (JsonNode a : FakeLlm.JSON.readTree(DigestCommandTest.resource("/stories/witkoff-moskau.json")).path("articles")) {
      String id = a.path("id").asText();
      if (!id.equals("a-westkurier") && !id.equals("a-nordblatt-2")) continue;
      files.add(Files.writeString(home.resolve(id + ".txt"), a.path("text").asText()).toString());
      llm.answer(a.path("analysis").path("claims").get(0).path("quote").asText(), a.path("analysis").toString());
    }
    Path tram = Files.writeString(home.resolve("tram.txt"), SummarizeCommandTest.fixture("tram.txt"));
    llm.answer("Straßenbahnlinie", SummarizeCommandTest.fixture("tram.analysis.json"));
    files.add(tram.toString());

    CliRun unknown = kurz(concat("digest", files, "--dry-run", "--format", "json"));
    assertThat(FakeLlm.JSON.readTree(unknown.out).path("synthesis").path("known").asBoolean()).isFalse();

    kurz(concat("summarize", files, "--format", "json")); // every article answered and cached
    int asked = llm.requests.size();
    CliRun dry = kurz(concat("digest", files, "--dry-run", "--format", "json"));
    assertThat(dry.exit).as(dry.err).isZero();
    JsonNode synthesis = FakeLlm.JSON.readTree(dry.out).path("synthesis");
    assertThat(synthesis.path("known").asBoolean()).isTrue();
    assertThat(synthesis.path("stories").asInt()).isEqualTo(1);
    assertThat(synthesis.path("to_ask").asInt()).isEqualTo(1);
    assertThat(synthesis.path("input_tokens").asLong()).isGreaterThan(200);
    assertThat(llm.requests).as("the dry run asks nothing").hasSize(asked);

    CliRun real = kurz(concat("digest", files, "--format", "json"));
    assertThat(real.exit).as(real.err).isZero();
    assertThat(llm.requestsFor("<story>")).as("as predicted").isEqualTo(1);
    CliRun again = kurz(concat("digest", files, "--dry-run"));
    assertThat(again.out).contains("synthesis (openai/gpt-4.1-mini): 0 requests for 1 stories of several articles (1 cached)");
  }

  private static String[] concat(String command, List<String> files, String... rest) {
    List<String> all = new ArrayList<>(List.of(command));
    all.addAll(files);
    all.addAll(List.of(rest));
    return all.toArray(String[]::new);
  }
}
