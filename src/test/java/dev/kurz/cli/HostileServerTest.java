package dev.kurz.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kurz.reliability.Outputs;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Servers that behave worse than an API should (issue 20), over real loopback HTTP. */
class HostileServerTest extends FaultRig {

  /** Every provider's key, against a model endpoint that redirects to another host (which records what it got). */
  @ParameterizedTest
  @CsvSource({"openai,307", "openai,308", "openai,302", "anthropic,307", "anthropic,308", "gemini,307", "gemini,301",
      "mistral,308", "ollama,307"})
  void aRedirectToAnotherHostNeverCarriesTheKey(String provider, int status) throws IOException {
    String key = provider.equals("gemini") ? Outputs.FAKE_KEYS.get(2) : provider.equals("anthropic") ? Outputs.FAKE_KEYS.get(1) : KEY;
    List<String> seenElsewhere = Collections.synchronizedList(new ArrayList<>());
    try (MockWebServer elsewhere = new MockWebServer()) {
      elsewhere.setDispatcher(new Dispatcher() {
        @Override
        public MockResponse dispatch(RecordedRequest request) {
          seenElsewhere.add(request.getRequestLine() + "\n" + request.getHeaders() + "\n" + request.getUrl());
          return FakeLlm.status(401, "{\"error\":{\"message\":\"who are you\"}}");
        }
      });
      elsewhere.start();
      llm.server.setDispatcher(new Dispatcher() {
        @Override
        public MockResponse dispatch(RecordedRequest request) {
          return new MockResponse.Builder().code(status)
              .addHeader("Location", elsewhere.url(request.getUrl().encodedPath()).toString()).build();
        }
      });
      String base = llm.server.url("/").toString();
      CliRun run = record(cli().env("FAKE_KEY_VAR", key), "summarize", "--provider", provider, "--base-url",
          provider.equals("ollama") ? base : base + "v1", "--model", "fake-model", "--api-key-env", "FAKE_KEY_VAR",
          write("hafen.txt", hafen()).toString());
      assertThat(run.exit).as(run.err).isNotZero();
      assertThat(seenElsewhere).as("the redirect was followed").isNotEmpty();
      for (String seen : seenElsewhere) {
        assertThat(seen).doesNotContain(key).doesNotContain(key.substring(0, key.length() - 4));
      }
      assertThat(run.err + run.out).doesNotContain(key);
    }
  }
}
