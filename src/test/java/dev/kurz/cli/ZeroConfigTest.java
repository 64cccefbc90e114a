package dev.kurz.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kurz.llm.embedded.TinyModel;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * No backend named anywhere: a key in the environment wins, then a server on this machine, then the
 * embedded model. Local-server probing and model downloads are pointed at loopback addresses
 * (OLLAMA_HOST, HF_ENDPOINT), so nothing leaves the machine.
 */
class ZeroConfigTest {
  @TempDir Path home;
  Path article;
  CliRun cli;

  @BeforeEach
  void setUp() throws IOException {
    article = home.resolve("hafen.txt");
    Files.writeString(article, SummarizeCommandTest.fixture("hafen.txt"));
    // A closed port: the probe and the download fail at once, as on a machine without network.
    cli = new CliRun(home).env("OLLAMA_HOST", "http://127.0.0.1:9").env("HF_ENDPOINT", "http://127.0.0.1:9/");
  }

  @AfterEach
  void tearDown() {}

  @Test
  void noKeyNoServerNoNetworkEndsWithOneClearMessage() {
    cli.run("summarize", article.toString());
    assertThat(cli.exit).isEqualTo(3);
    assertThat(cli.err.lines().findFirst().orElseThrow())
        .startsWith("kurz: using embedded qwen2.5-0.5b-instruct (no API key in the environment and no local model server)");
    assertThat(cli.err).contains("[ERROR]").contains("OPENAI_API_KEY").contains("ollama serve")
        .contains(home.resolve("cache/kurz/models/qwen2.5-0.5b-instruct").toString());
  }

  @Test
  void aKeyInTheEnvironmentIsChosenFirst() throws IOException {
    try (FakeLlm llm = new FakeLlm(FakeLlm.Wire.OPENAI)) {
      llm.answer("Containerumschlag", SummarizeCommandTest.fixture("hafen.analysis.json"));
      cli.env("MISTRAL_API_KEY", "FAKE-mistral-0000").env("OPENAI_API_KEY", "sk-test-FAKE-0000")
          .env("KURZ_BASE_URL", llm.baseUrl()).run("summarize", article.toString());
      assertThat(cli.exit).as(cli.err).isZero();
      assertThat(cli.err.lines().findFirst().orElseThrow()).isEqualTo("kurz: using openai gpt-4.1-mini (OPENAI_API_KEY is set)");
    }
  }

  @Test
  void theCacheCommandsAskNoServerWhichBackendToUse() throws IOException {
    try (MockWebServer ollama = new MockWebServer()) {
      ollama.start();
      String host = ollama.url("/").toString();
      cli.env("OLLAMA_HOST", host.substring(0, host.length() - 1)).run("cache", "stats");
      assertThat(cli.exit).as(cli.err).isZero();
      assertThat(ollama.getRequestCount()).isZero();
    }
  }

  @Test
  void aServerOnLoopbackIsChosenWhenNoKeyIsSet() throws IOException {
    try (MockWebServer ollama = new MockWebServer(); FakeLlm llm = new FakeLlm(FakeLlm.Wire.OLLAMA)) {
      ollama.enqueue(new MockResponse.Builder().code(200).addHeader("Content-Type", "application/json")
          .body("{\"models\":[{\"name\":\"qwen2.5:7b\",\"model\":\"qwen2.5:7b\"}]}").build());
      ollama.start();
      llm.answer("Containerumschlag", SummarizeCommandTest.fixture("hafen.analysis.json"));
      String host = ollama.url("/").toString();
      cli.env("OLLAMA_HOST", host.substring(0, host.length() - 1)).env("KURZ_BASE_URL", llm.baseUrl())
          .run("summarize", article.toString(), "--format", "json");
      assertThat(cli.exit).as(cli.err).isZero();
      assertThat(cli.err.lines().findFirst().orElseThrow()).startsWith("kurz: using ollama qwen2.5:7b (ollama server answering at");
      assertThat(cli.out).contains("\"provider\" : \"ollama\"");
    }
  }

  @Test
  void aModelFolderCopiedIntoPlaceRunsTheEmbeddedPathEndToEnd() throws IOException {
    TinyModel.write(home.resolve("cache/kurz/models/qwen2.5-0.5b-instruct"), 7);
    cli.run("summarize", article.toString(), "--timeout", "120");
    // Random weights cannot write JSON: the real load, generation, validation and repair ran, and the
    // article fails with a message naming the model.
    assertThat(cli.err).as(cli.err).contains("kurz: using embedded").contains("embedded/qwen2.5-0.5b-instruct");
    assertThat(cli.exit).isIn(1, 3);
  }

  @Test
  void backendsListsTheOrder() {
    cli.run("backends");
    assertThat(cli.out).contains("When none is named, kurz uses the first of:")
        .contains("openai when OPENAI_API_KEY is set").contains("the embedded model");
  }
}
