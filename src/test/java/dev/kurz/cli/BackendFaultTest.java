package dev.kurz.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.RecordedRequest;
import mockwebserver3.SocketEffect;
import org.junit.jupiter.api.Disabled;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Bad backends, over real HTTP: each fault is recovered from, or is one clear error for its article. */
class BackendFaultTest extends FaultRig {

  String article() throws IOException {
    return write("hafen.txt", hafen()).toString();
  }

  @Test
  void rateLimitWithRetryAfterWaitsWhatTheServerAskedThenSucceeds() throws IOException {
    llm.on(HAFEN_MARKER, n -> n == 1
        ? new MockResponse.Builder().code(429).addHeader("Retry-After", "7").body("{\"error\":{\"message\":\"Rate limit reached\"}}").build()
        : llm.ok(hafenAnswerUnchecked()));
    CliRun run = summarize(article());
    assertThat(run.exit).as(run.err).isZero();
    assertThat(run.sleeps).containsExactly(Duration.ofSeconds(7));
    assertThat(llm.requests).hasSize(2);
  }

  @Test
  void rateLimitWithoutRetryAfterBacksOffBrieflyThenSucceeds() throws IOException {
    llm.on(HAFEN_MARKER, n -> n <= 2 ? FakeLlm.status(429, "{\"error\":{\"message\":\"slow down\"}}") : llm.ok(hafenAnswerUnchecked()));
    CliRun run = summarize(article());
    assertThat(run.exit).as(run.err).isZero();
    assertThat(run.sleeps).hasSize(2);
    assertThat(run.sleeps.get(0)).isBetween(Duration.ofMillis(250), Duration.ofMillis(500));
    assertThat(run.sleeps.get(1)).isBetween(Duration.ofMillis(500), Duration.ofMillis(1000));
  }

  @ParameterizedTest
  @ValueSource(ints = {500, 502, 503})
  void serverErrorsAreRetriedAndRecovered(int status) throws IOException {
    llm.on(HAFEN_MARKER, n -> n <= 2 ? FakeLlm.status(status, "{\"error\":{\"message\":\"upstream trouble\"}}") : llm.ok(hafenAnswerUnchecked()));
    CliRun run = summarize(article(), "--format", "json");
    assertThat(run.exit).as(run.err).isZero();
    assertThat(llm.requests).hasSize(3);
    assertThat(run.sleeps).hasSize(2);
    assertThat(run.out).contains("\"headline\"");
  }

  @ParameterizedTest
  @ValueSource(ints = {500, 502, 503})
  void serverErrorsThatPersistAreOneClearErrorAndTheRestFinish(int status) throws IOException {
    List<String> files = hafenCopies(2);
    llm.on("1,2 Prozent", n -> FakeLlm.status(status, "{\"error\":{\"message\":\"upstream trouble\"}}"));
    llm.answer(HAFEN_MARKER, hafenAnswer());
    CliRun run = summarize(concat(files, "--format", "jsonl"));
    assertThat(run.exit).isEqualTo(ExitCodes.SOME_FAILED);
    assertThat(llm.requestsFor("1,2 Prozent")).isEqualTo(6);
    assertThat(run.out.lines().count()).isEqualTo(1);
    assertThat(run.err.lines().filter(l -> l.startsWith("[ERROR]")).toList())
        .singleElement().asString().contains("artikel1.txt: HTTP " + status);
  }

  @Test
  void headersSlowerThanTheTimeoutAreATimeoutThatIsRetried() throws IOException {
    llm.on(HAFEN_MARKER, n -> n == 1
        ? new MockResponse.Builder(llm.ok(hafenAnswerUnchecked())).headersDelay(2500, TimeUnit.MILLISECONDS).build()
        : llm.ok(hafenAnswerUnchecked()));
    CliRun run = summarize(article(), "--timeout", "1");
    assertThat(run.exit).as(run.err).isZero();
    assertThat(llm.requests).hasSize(2);
    assertThat(run.sleeps).hasSize(1);
  }

  @Test
  void headersThatNeverComeInTimeEndInOneTimeoutError() throws IOException {
    llm.on(HAFEN_MARKER, n -> new MockResponse.Builder(llm.ok(hafenAnswerUnchecked())).headersDelay(1500, TimeUnit.MILLISECONDS).build());
    CliRun run = summarize(article(), "--timeout", "1");
    assertThat(run.exit).isEqualTo(ExitCodes.SOME_FAILED);
    assertThat(llm.requests).hasSize(6);
    assertThat(run.err).contains("[ERROR] " + home.resolve("hafen.txt") + ": no answer from").contains("in time (timeout)");
  }

  @Test
  void aBodyThatStallsHalfWayIsATimeoutThatIsRetried() throws IOException {
    llm.on(HAFEN_MARKER, n -> {
      MockResponse ok = llm.ok(hafenAnswerUnchecked());
      return n == 1 ? new MockResponse.Builder(ok).throttleBody(400, 2500, TimeUnit.MILLISECONDS).build() : ok;
    });
    CliRun run = summarize(article(), "--timeout", "1", "--format", "json");
    assertThat(run.exit).as(run.err).isZero();
    assertThat(llm.requests).hasSize(2);
    assertThat(run.out).contains("Port of Hamburg");
  }

  @Test
  void aConnectionResetBeforeTheAnswerIsRetried() throws IOException {
    llm.on(HAFEN_MARKER, n -> n == 1
        ? new MockResponse.Builder(llm.ok(hafenAnswerUnchecked())).onResponseStart(new SocketEffect.CloseSocket()).build()
        : llm.ok(hafenAnswerUnchecked()));
    CliRun run = summarize(article());
    assertThat(run.exit).as(run.err).isZero();
    assertThat(llm.requestsFor(HAFEN_MARKER)).isGreaterThanOrEqualTo(2);
  }

  @Test
  void aConnectionResetEveryTimeIsOneClearError() throws IOException {
    llm.on(HAFEN_MARKER, n -> new MockResponse.Builder(llm.ok(hafenAnswerUnchecked())).onResponseStart(new SocketEffect.CloseSocket()).build());
    CliRun run = summarize(article());
    assertThat(run.exit).isEqualTo(ExitCodes.SOME_FAILED);
    assertThat(run.err).contains("[ERROR] " + home.resolve("hafen.txt") + ": connection to");
    assertThat(run.err.lines().filter(l -> l.startsWith("[ERROR]")).count()).isEqualTo(1);
  }

  @Test
  void anEmptyAnswerIsOneClearError() throws IOException {
    llm.answer(HAFEN_MARKER, "");
    CliRun run = summarize(article());
    assertThat(run.exit).isEqualTo(ExitCodes.SOME_FAILED);
    assertThat(run.err).contains("[ERROR] " + home.resolve("hafen.txt") + ": empty answer");
  }

  @Test
  void aRefusalGetsOneRepairRequestThenOneClearError() throws IOException {
    llm.answer(HAFEN_MARKER, "I can't help with that.");
    CliRun run = summarize(article());
    assertThat(run.exit).isEqualTo(ExitCodes.SOME_FAILED);
    assertThat(llm.requests).hasSize(2);
    assertThat(run.err).contains("[ERROR] " + home.resolve("hafen.txt") + ": the answer of openai/fake-model is not valid after one repair request");
  }

  static String truncated(String json) {
    return json.substring(0, json.length() / 2);
  }

  static String invalid(String json) {
    return json.replace("\"headline\":", "headline:");
  }

  static String offSchema(String json) throws IOException {
    ObjectNode node = (ObjectNode) FakeLlm.JSON.readTree(json);
    node.remove("claims");
    node.put("mood", "gloomy");
    return node.toString();
  }

  String broken(String kind) throws IOException {
    return switch (kind) {
      case "truncated" -> truncated(hafenAnswer());
      case "invalid" -> invalid(hafenAnswer());
      default -> offSchema(hafenAnswer());
    };
  }

  @ParameterizedTest
  @ValueSource(strings = {"truncated", "invalid", "off-schema"})
  void aBrokenAnswerIsRepairedByOneMoreRequest(String kind) throws IOException {
    String bad = broken(kind);
    llm.on(HAFEN_MARKER, n -> llm.ok(n == 1 ? bad : hafenAnswerUnchecked()));
    CliRun run = summarize(article(), "--format", "json");
    assertThat(run.exit).as(run.err).isZero();
    assertThat(llm.requests).hasSize(2);
    JsonNode repair = llm.requests.get(1).path("messages");
    assertThat(repair.get(repair.size() - 2).path("content").asText()).isEqualTo(bad);
    assertThat(FakeLlm.JSON.readTree(run.out).path("usage").path("input_tokens").asLong()).isEqualTo(3000);
  }

  @ParameterizedTest
  @ValueSource(strings = {"truncated", "invalid", "off-schema"})
  void aBrokenAnswerThatStaysBrokenIsOneClearError(String kind) throws IOException {
    List<String> files = hafenCopies(2);
    llm.on("1,2 Prozent", n -> llm.ok(brokenUnchecked(kind)));
    llm.answer(HAFEN_MARKER, hafenAnswer());
    CliRun run = summarize(concat(files, "--format", "jsonl"));
    assertThat(run.exit).isEqualTo(ExitCodes.SOME_FAILED);
    assertThat(llm.requestsFor("1,2 Prozent")).isEqualTo(2);
    assertThat(run.err).contains("artikel1.txt: the answer of openai/fake-model is not valid after one repair request");
    assertThat(run.out.lines().count()).isEqualTo(1);
  }

  @Test
  void quotesNotInTheArticleAreFlaggedNotFoundWithAWarning() throws IOException {
    ObjectNode answer = (ObjectNode) FakeLlm.JSON.readTree(hafenAnswer());
    ((ObjectNode) answer.withArray("claims").get(1)).put("quote", "Der Hafen wird 2030 geschlossen, sagte der Bürgermeister.");
    llm.answer(HAFEN_MARKER, answer.toString());
    CliRun run = summarize(article(), "--format", "json");
    assertThat(run.exit).as(run.err).isZero();
    JsonNode claims = FakeLlm.JSON.readTree(run.out).path("claims");
    assertThat(claims.get(0).path("grounding").path("status").asText()).isEqualTo("exact");
    assertThat(claims.get(1).path("grounding").path("status").asText()).isEqualTo("not_found");
    assertThat(run.err).contains("[WARN]").contains("claim 2: quote not found in the article");
  }

  @Test
  void aContextLengthErrorSplitsTheArticleAndRetries() throws IOException {
    String longArticle = hafen() + "\n\n" + "Weitere Einzelheiten zum Umschlag im Hafen folgen in diesem Absatz. ".repeat(400);
    llm.on(HAFEN_MARKER, n -> n == 1
        ? FakeLlm.status(400, "{\"error\":{\"message\":\"This model's maximum context length is 8192 tokens. However, your messages resulted in 9100 tokens.\",\"type\":\"invalid_request_error\",\"code\":\"context_length_exceeded\"}}")
        : llm.ok(hafenAnswerUnchecked()));
    llm.answer("Weitere Einzelheiten", hafenAnswerUnchecked()); // the later parts
    CliRun run = summarize(write("lang.txt", longArticle).toString(), "--format", "json");
    assertThat(run.exit).as(run.err).isZero();
    assertThat(llm.requests.size()).isGreaterThan(2);
    int first = FakeLlm.allText(llm.requests.get(0)).length();
    for (JsonNode later : llm.requests.subList(1, llm.requests.size())) {
      assertThat(FakeLlm.allText(later).length()).isLessThan(first);
    }
  }

  @ParameterizedTest
  @ValueSource(ints = {401, 403})
  void aRejectedKeyStopsTheRunAtOnceNamingTheVariableNotTheKey(int status) throws IOException {
    List<String> files = hafenCopies(4);
    llm.on(HAFEN_MARKER, n -> FakeLlm.status(status, "{\"error\":{\"message\":\"Incorrect API key provided: " + KEY + "\",\"code\":\"invalid_api_key\"}}"));
    CliRun run = summarize(concat(files, "-j", "1"));
    assertThat(run.exit).isEqualTo(ExitCodes.NOTHING_RAN);
    assertThat(llm.requests).hasSize(1);
    assertThat(run.sleeps).isEmpty();
    assertThat(run.err).contains("HTTP " + status).contains("OPENAI_API_KEY").doesNotContain(KEY);
    assertThat(run.out).doesNotContain(KEY);
  }

  @Test
  void anUnknownModelNamesTheModelsTheServerOffers() throws IOException {
    llm.server.setDispatcher(new Dispatcher() {
      @Override
      public MockResponse dispatch(RecordedRequest request) {
        if ("GET".equals(request.getMethod()) && request.getUrl().encodedPath().endsWith("/models")) {
          return FakeLlm.status(200, "{\"object\":\"list\",\"data\":[{\"id\":\"fake-small\",\"object\":\"model\"},{\"id\":\"fake-large\",\"object\":\"model\"}]}");
        }
        return FakeLlm.status(404, "{\"error\":{\"message\":\"The model `fake-model` does not exist or you do not have access to it.\",\"code\":\"model_not_found\"}}");
      }
    });
    List<String> files = hafenCopies(3);
    CliRun run = summarize(concat(files, "-j", "1"));
    assertThat(run.exit).isEqualTo(ExitCodes.NOTHING_RAN);
    assertThat(run.err).contains("fake-model").contains("does not exist").doesNotContain(KEY);
    assertThat(run.err).as("kurz names the models the server offers").contains("fake-small").contains("fake-large");
  }

  @Test
  void anUnknownModelStopsTheRunWithTheServersMessage() throws IOException {
    llm.on(HAFEN_MARKER, n -> FakeLlm.status(404, "{\"error\":{\"message\":\"The model `fake-model` does not exist or you do not have access to it.\",\"code\":\"model_not_found\"}}"));
    List<String> files = hafenCopies(3);
    CliRun run = summarize(concat(files, "-j", "1"));
    assertThat(run.exit).isEqualTo(ExitCodes.NOTHING_RAN);
    assertThat(llm.requests).hasSize(1);
    // Whichever article asked first got the 404; the others were not attempted: one line says why.
    assertThat(run.err.lines().filter(l -> l.startsWith("[ERROR]")).toList()).singleElement().asString()
        .contains("HTTP 404 from ").contains("The model `fake-model` does not exist");
    assertThat(run.err).doesNotContain("not attempted: not attempted");
    assertThat(run.err).contains("3 articles: 0 done");
  }

  static String hafenAnswerUnchecked() {
    try {
      return hafenAnswer();
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  String brokenUnchecked(String kind) {
    try {
      return broken(kind);
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
