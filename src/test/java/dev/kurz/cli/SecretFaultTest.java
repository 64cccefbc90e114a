package dev.kurz.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kurz.reliability.Outputs;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.util.List;
import java.util.stream.Stream;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Keys go to the provider and nowhere else: not to stdout, stderr, verbose logs, the cache or error output. */
class SecretFaultTest extends FaultRig {

  @Test
  void verboseLogsShowEachExchangeWithTheKeyRedactedAndNoBodies() throws Exception {
    llm.answer(HAFEN_MARKER, hafenAnswer());
    CliRun run = summarize(write("hafen.txt", hafen()).toString(), "--verbose");
    assertThat(run.exit).as(run.err).isZero();
    assertThat(run.err).contains("--> POST " + llm.server.url("/v1/chat/completions"))
        .contains("Authorization: ***").containsPattern("<-- 200 \\S+/v1/chat/completions \\(\\d+ ms\\)")
        .contains("Content-Type: application/json");
    assertThat(run.err).doesNotContain(KEY).doesNotContain("Bearer sk-").doesNotContain("Hafenmarketing-Gesellschaft")
        .doesNotContain("\"messages\"");
    assertThat(llm.server.takeRequest().getHeaders().get("Authorization")).isEqualTo("Bearer " + KEY);
  }

  /** Every provider's key header, against a server that rejects the key and echoes it back. */
  @ParameterizedTest
  @CsvSource({"openai,Authorization", "anthropic,x-api-key", "gemini,x-goog-api-key", "mistral,Authorization"})
  void aRejectedKeyEchoedByTheServerIsNeverShownEvenVerbose(String provider, String header) throws IOException {
    String key = provider.equals("gemini") ? Outputs.FAKE_KEYS.get(2) : provider.equals("anthropic") ? Outputs.FAKE_KEYS.get(1) : KEY;
    llm.server.setDispatcher(new Dispatcher() {
      @Override
      public MockResponse dispatch(RecordedRequest request) {
        return FakeLlm.status(401, "{\"error\":{\"message\":\"Incorrect API key provided: " + key + " (url " + request.getUrl() + ")\"}}");
      }
    });
    String base = llm.server.url("/").toString();
    CliRun run = record(cli().env("FAKE_KEY_VAR", key), "summarize", "--provider", provider, "--base-url",
        base + "v1", "--model", "fake-model", "--api-key-env", "FAKE_KEY_VAR",
        write("hafen.txt", hafen()).toString(), "--verbose");
    assertThat(run.exit).as(run.err).isNotZero();
    assertThat(run.err).containsIgnoringCase(header + ": ***").contains("FAKE_KEY_VAR").contains("401");
    assertThat(run.err + run.out).doesNotContain(key);
    assertThat(llm.server.getRequestCount()).isEqualTo(1);
  }

  @Test
  void theCacheHoldsNoKey() throws Exception {
    llm.answer(HAFEN_MARKER, hafenAnswer());
    CliRun run = summarize(write("hafen.txt", hafen()).toString());
    assertThat(run.exit).as(run.err).isZero();
    Path cacheDir = home.resolve("cache/kurz");
    int rows = 0;
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + cacheDir.resolve("cache.db"));
        ResultSet r = c.createStatement().executeQuery("SELECT * FROM entries")) {
      while (r.next()) {
        rows++;
        StringBuilder row = new StringBuilder();
        for (int i = 1; i <= r.getMetaData().getColumnCount(); i++) {
          Object v = r.getObject(i);
          row.append(v instanceof byte[] b ? new String(b, StandardCharsets.ISO_8859_1) : String.valueOf(v)).append('|');
        }
        Outputs.record("cache row", row.toString());
        assertThat(row.toString()).doesNotContain(KEY);
      }
    }
    assertThat(rows).isEqualTo(1);
    try (Stream<Path> files = Files.list(cacheDir)) {
      for (Path f : files.toList()) {
        String bytes = new String(Files.readAllBytes(f), StandardCharsets.ISO_8859_1);
        Outputs.record("cache file " + f.getFileName(), bytes);
        assertThat(bytes).as(f.toString()).doesNotContain(KEY);
      }
    }
  }

  @Test
  void aConfigFileHoldingAKeyThatOthersCanReadDrawsAWarning() throws IOException {
    String key = Outputs.FAKE_KEYS.get(3);
    Path config = write("config/kurz/config.toml", "provider = \"openai\"\napi_key = \"" + key + "\"\n");
    Files.setPosixFilePermissions(config, PosixFilePermissions.fromString("rw-r--r--"));
    llm.answer(HAFEN_MARKER, hafenAnswer());
    CliRun run = record(new CliRun(home), summarizeArgs(write("hafen.txt", hafen()).toString()));
    assertThat(run.exit).as(run.err).isZero();
    assertThat(run.err).contains("[WARN] " + config + " holds an API key and others can read it: chmod 600 " + config);
    assertThat(run.err + run.out).doesNotContain(key);

    Files.setPosixFilePermissions(config, PosixFilePermissions.fromString("rw-------"));
    CliRun quiet = record(new CliRun(home), summarizeArgs(home.resolve("hafen.txt").toString()));
    assertThat(quiet.err).doesNotContain("others can read");
  }

  @Test
  void aKeyFromTheConfigThatIsRejectedIsNotPrintedEvenInAStackTrace() throws IOException {
    String key = Outputs.FAKE_KEYS.get(3);
    Path config = write("config/kurz/config.toml", "api_key = \"" + key + "\"\n");
    Files.setPosixFilePermissions(config, PosixFilePermissions.fromString("rw-------"));
    llm.on(HAFEN_MARKER, n -> FakeLlm.status(401, "{\"error\":{\"message\":\"bad key " + key + "\"}}"));
    CliRun run = record(new CliRun(home), summarizeArgs(write("hafen.txt", hafen()).toString(), "--verbose"));
    assertThat(run.exit).isEqualTo(ExitCodes.NOTHING_RAN);
    assertThat(run.err).contains("HTTP 401").doesNotContain(key);
  }

  @Test
  void listingModelsWithARejectedKeyPrintsNoKey() throws IOException {
    llm.server.setDispatcher(new Dispatcher() {
      @Override
      public MockResponse dispatch(RecordedRequest request) {
        return FakeLlm.status(401, "{\"error\":{\"message\":\"Incorrect API key provided: " + KEY + "\"}}");
      }
    });
    CliRun run = record(cli(), "models", "--provider", "openai", "--base-url", llm.baseUrl(), "--verbose");
    assertThat(run.exit).isNotZero();
    assertThat(run.err + run.out).doesNotContain(KEY);
  }

  @Test
  void everyCapturedOutputSoFarIsFreeOfKeys() {
    for (Outputs.Captured c : Outputs.seen()) {
      for (String key : Outputs.FAKE_KEYS) assertThat(c.text()).as(c.origin()).doesNotContain(key);
    }
    assertThat(List.copyOf(Outputs.FAKE_KEYS)).allMatch(k -> k.contains("FAKE"));
  }
}
