package dev.kurz.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * kurz batch against a stand-in for Anthropic's Message Batches, built from its documented
 * formats: {@code POST /v1/messages/batches} with {@code requests[{custom_id, params}]}, {@code GET
 * /v1/messages/batches/{id}} with {@code processing_status} and {@code request_counts}, and the
 * results as JSONL at {@code results_url}, one {@code result} of type succeeded, errored, canceled
 * or expired per request.
 */
class AnthropicBatchTest {
  static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path home;
  final MockWebServer server = new MockWebServer();
  final List<JsonNode> created = Collections.synchronizedList(new ArrayList<>());
  final Map<String, String> results = new ConcurrentHashMap<>();
  final List<String> messagesRequests = Collections.synchronizedList(new ArrayList<>());
  volatile boolean ended;

  @BeforeEach
  void start() throws IOException {
    server.setDispatcher(new Dispatcher() {
      @Override
      public MockResponse dispatch(RecordedRequest request) {
        try {
          return answer(request);
        } catch (IOException e) {
          return json(500, "{}");
        }
      }
    });
    server.start();
  }

  @AfterEach
  void stop() throws IOException {
    server.close();
  }

  MockResponse answer(RecordedRequest request) throws IOException {
    String path = request.getUrl().encodedPath();
    if (!"sk-ant-test-FAKE".equals(request.getHeaders().get("x-api-key")) || request.getHeaders().get("anthropic-version") == null) {
      return json(401, "{\"type\":\"error\",\"error\":{\"type\":\"authentication_error\",\"message\":\"invalid x-api-key\"}}");
    }
    if (request.getMethod().equals("POST") && path.equals("/v1/messages/batches")) {
      JsonNode body = JSON.readTree(request.getBody().utf8());
      created.add(body);
      StringBuilder lines = new StringBuilder();
      for (JsonNode r : body.path("requests")) {
        int n = SyntheticArticles.numberIn(r.path("params").path("messages").toString());
        ObjectNode line = JSON.createObjectNode().put("custom_id", r.path("custom_id").asText());
        ObjectNode result = line.putObject("result");
        if (n == 2) {
          result.put("type", "errored").putObject("error").put("type", "error").putObject("error")
              .put("type", "invalid_request_error").put("message", "prompt is too long");
        } else if (n == 3) {
          result.put("type", "expired");
        } else {
          result.put("type", "succeeded").set("message", message(SyntheticArticles.analysis(n)));
        }
        lines.append(line).append('\n');
      }
      results.put("msgbatch_01", lines.toString());
      return json(200, batch("msgbatch_01", body.path("requests").size()).toString());
    }
    if (request.getMethod().equals("GET") && path.equals("/v1/messages/batches/msgbatch_01")) {
      return json(200, batch("msgbatch_01", (int) results.get("msgbatch_01").lines().count()).toString());
    }
    if (request.getMethod().equals("GET") && path.equals("/v1/messages/batches/msgbatch_01/results")) {
      return new MockResponse.Builder().code(200).addHeader("Content-Type", "application/binary").body(results.get("msgbatch_01")).build();
    }
    if (request.getMethod().equals("POST") && path.equals("/v1/messages")) {
      messagesRequests.add(request.getBody().utf8());
      return json(500, "{\"type\":\"error\",\"error\":{\"type\":\"api_error\",\"message\":\"not expected\"}}");
    }
    return json(404, "{\"type\":\"error\",\"error\":{\"type\":\"not_found_error\",\"message\":\"" + path + "\"}}");
  }

  ObjectNode batch(String id, int total) {
    ObjectNode b = JSON.createObjectNode().put("id", id).put("type", "message_batch")
        .put("processing_status", ended ? "ended" : "in_progress");
    b.putObject("request_counts").put("processing", ended ? 0 : total).put("succeeded", ended ? total - 2 : 0)
        .put("errored", ended ? 1 : 0).put("canceled", 0).put("expired", ended ? 1 : 0);
    b.put("created_at", "2025-12-03T08:00:00Z").put("expires_at", "2025-12-04T08:00:00Z");
    if (ended) b.put("ended_at", "2025-12-03T09:00:00Z").put("results_url", server.url("/v1/messages/batches/" + id + "/results").toString());
    else b.putNull("ended_at").putNull("results_url");
    return b;
  }

  static ObjectNode message(String text) {
    ObjectNode m = JSON.createObjectNode().put("id", "msg_01").put("type", "message").put("role", "assistant").put("model", "claude-test");
    m.putArray("content").addObject().put("type", "text").put("text", text);
    m.put("stop_reason", "end_turn").putNull("stop_sequence");
    m.putObject("usage").put("input_tokens", 800).put("output_tokens", 250);
    return m;
  }

  static MockResponse json(int code, String body) {
    return new MockResponse.Builder().code(code).addHeader("Content-Type", "application/json").body(body).build();
  }

  CliRun kurz(String... args) {
    List<String> all = new ArrayList<>(List.of(args));
    if (args[1].equals("submit") || args[0].equals("summarize")) {
      all.addAll(List.of("--provider", "anthropic", "--base-url", server.url("/v1").toString(), "--model", "claude-test"));
    }
    return new CliRun(home).env("ANTHROPIC_API_KEY", "sk-ant-test-FAKE").run(all.toArray(String[]::new));
  }

  @Test
  void messageBatchSubmittedAndCollectedWithErrorsPerInput() throws Exception {
    Path dir = home.resolve("in");
    SyntheticArticles.write(dir, 1, 4);

    CliRun submit = kurz("batch", "submit", dir.toString());
    assertThat(submit.exit).as(submit.err).isZero();
    assertThat(submit.out.strip()).isEqualTo("msgbatch_01");
    JsonNode request = created.get(0).path("requests").path(0);
    assertThat(request.path("custom_id").asText()).matches("[a-f0-9]{64}");
    assertThat(request.path("params").path("model").asText()).isEqualTo("claude-test");
    assertThat(request.path("params").path("max_tokens").asInt()).isPositive();
    assertThat(request.path("params").has("stream")).isFalse();

    assertThat(kurz("batch", "status").out).contains("in_progress, 0 of 4 done");
    assertThat(kurz("batch", "collect").exit).isEqualTo(ExitCodes.USAGE);
    ended = true;
    CliRun collect = kurz("batch", "collect");

    assertThat(collect.exit).isEqualTo(ExitCodes.SOME_FAILED);
    assertThat(collect.err).contains("meldung-2.txt: the batch did not answer it: errored: prompt is too long")
        .contains("meldung-3.txt: the batch did not answer it: expired")
        .contains("2 stored now, 2 failed, 0 stored before");
    CliRun summarize = kurz("summarize", dir.resolve("meldung-1.txt").toString(), dir.resolve("meldung-4.txt").toString());
    assertThat(summarize.err).contains("2 done (2 from cache, 0 new)");
    assertThat(messagesRequests).isEmpty();
  }
}
