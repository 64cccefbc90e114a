package dev.kurz.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;

/**
 * A stand-in for OpenAI's Batch API over real HTTP, built from its documented formats: {@code POST
 * /v1/files} (multipart, purpose batch), {@code POST /v1/batches}, {@code GET /v1/batches/{id}},
 * {@code GET /v1/files/{id}/content} (output and error files as JSONL), and {@code POST
 * /v1/chat/completions} for the normal requests a collect makes to repair an answer. Answers come
 * from {@link SyntheticArticles}; tests say which articles expire, fail or answer badly.
 */
final class FakeOpenAiBatchServer implements AutoCloseable {
  static final ObjectMapper JSON = new ObjectMapper();

  final MockWebServer server = new MockWebServer();
  /** Every upload's form fields (purpose, file name) and the file's text. */
  final List<Map<String, String>> uploads = Collections.synchronizedList(new ArrayList<>());
  /** Every batch-creation body. */
  final List<JsonNode> batchCreations = Collections.synchronizedList(new ArrayList<>());
  /** Normal chat requests (repairs), by article number. */
  final Map<Integer, AtomicInteger> chatRequests = new ConcurrentHashMap<>();
  final AtomicInteger contentDownloads = new AtomicInteger();
  /** Every normal chat request's body. */
  final List<JsonNode> chatBodies = Collections.synchronizedList(new ArrayList<>());
  /** When positive, a batch completes by itself at this status request (the fleet at work). */
  volatile int finishAtPoll;
  private final AtomicInteger polls = new AtomicInteger();
  final Set<Integer> expired = ConcurrentHashMap.newKeySet();
  final Set<Integer> invalidInBatch = ConcurrentHashMap.newKeySet();
  final Set<Integer> invalidAlways = ConcurrentHashMap.newKeySet();
  /** When set, a repair request for this article waits until {@link #release} is counted down. */
  volatile int blockRepairOf = -1;
  final CountDownLatch repairArrived = new CountDownLatch(1);
  final CountDownLatch release = new CountDownLatch(1);

  private final Map<String, String> files = new ConcurrentHashMap<>();
  private final Map<String, ObjectNode> batches = new ConcurrentHashMap<>();
  private final AtomicInteger ids = new AtomicInteger();

  FakeOpenAiBatchServer() throws IOException {
    server.setDispatcher(new Dispatcher() {
      @Override
      public MockResponse dispatch(RecordedRequest request) {
        try {
          return answer(request);
        } catch (Exception e) {
          return json(500, "{\"error\":{\"message\":\"" + e + "\"}}");
        }
      }
    });
    server.start();
  }

  String baseUrl() {
    return server.url("/v1").toString();
  }

  /** Runs every request of batch {@code id} and completes it, as the provider's fleet would. */
  void finish(String id) throws IOException {
    ObjectNode batch = batches.get(id);
    StringBuilder output = new StringBuilder();
    StringBuilder errors = new StringBuilder();
    int ok = 0;
    int failed = 0;
    for (String line : files.get(batch.path("input_file_id").asText()).split("\n")) {
      if (line.isBlank()) continue;
      JsonNode input = JSON.readTree(line);
      int n = SyntheticArticles.numberIn(FakeLlm.allText(input.path("body")));
      ObjectNode out = JSON.createObjectNode().put("id", "batch_req_" + ids.incrementAndGet()).put("custom_id", input.path("custom_id").asText());
      if (expired.contains(n)) {
        out.putNull("response");
        out.putObject("error").put("code", "batch_expired").put("message", "This request could not be executed before the completion window expired.");
        errors.append(out).append('\n');
        failed++;
        continue;
      }
      String content = invalidInBatch.contains(n) || invalidAlways.contains(n) ? "{\"headline\": 42}" : SyntheticArticles.analysis(n);
      ObjectNode response = out.putObject("response").put("status_code", 200).put("request_id", "req_" + n);
      response.set("body", completion(content));
      out.putNull("error");
      output.append(out).append('\n');
      ok++;
    }
    String outputId = "file-out-" + ids.incrementAndGet();
    files.put(outputId, output.toString());
    batch.put("status", "completed").put("output_file_id", outputId);
    if (!errors.isEmpty()) {
      String errorId = "file-err-" + ids.incrementAndGet();
      files.put(errorId, errors.toString());
      batch.put("error_file_id", errorId);
    }
    batch.putObject("request_counts").put("total", ok + failed).put("completed", ok).put("failed", failed);
  }

  void setStatus(String id, String status, int completed) {
    ObjectNode batch = batches.get(id);
    batch.put("status", status);
    ((ObjectNode) batch.path("request_counts")).put("completed", completed);
  }

  int totalChatRequests() {
    return chatRequests.values().stream().mapToInt(AtomicInteger::get).sum();
  }

  private MockResponse answer(RecordedRequest request) throws IOException, InterruptedException {
    String path = request.getUrl().encodedPath();
    String method = request.getMethod();
    if (!"Bearer sk-test-FAKE-0000".equals(request.getHeaders().get("Authorization"))) {
      return json(401, "{\"error\":{\"message\":\"Incorrect API key provided\"}}");
    }
    if (method.equals("POST") && path.equals("/v1/files")) {
      Map<String, String> form = multipart(request);
      uploads.add(form);
      String id = "file-" + ids.incrementAndGet();
      files.put(id, form.getOrDefault("file", ""));
      return json(200, JSON.createObjectNode().put("id", id).put("object", "file").put("bytes", form.getOrDefault("file", "").length())
          .put("created_at", 1_700_000_000).put("filename", form.get("file.filename")).put("purpose", form.get("purpose")).toString());
    }
    if (method.equals("POST") && path.equals("/v1/batches")) {
      JsonNode body = JSON.readTree(request.getBody().utf8());
      batchCreations.add(body);
      String id = "batch_" + ids.incrementAndGet();
      ObjectNode batch = JSON.createObjectNode().put("id", id).put("object", "batch").put("endpoint", body.path("endpoint").asText());
      batch.putNull("errors");
      batch.put("input_file_id", body.path("input_file_id").asText()).put("completion_window", "24h").put("status", "validating");
      batch.putNull("output_file_id");
      batch.putNull("error_file_id");
      batch.put("created_at", 1_700_000_000);
      int lines = (int) files.getOrDefault(body.path("input_file_id").asText(), "").lines().count();
      batch.putObject("request_counts").put("total", lines).put("completed", 0).put("failed", 0);
      batch.set("metadata", body.path("metadata"));
      batches.put(id, batch);
      return json(200, batch.toString());
    }
    if (method.equals("GET") && path.startsWith("/v1/batches/")) {
      String id = path.substring("/v1/batches/".length());
      if (finishAtPoll > 0 && polls.incrementAndGet() == finishAtPoll) finish(id);
      ObjectNode batch = batches.get(id);
      return batch == null ? json(404, "{\"error\":{\"message\":\"No batch found\"}}") : json(200, batch.toString());
    }
    if (method.equals("GET") && path.startsWith("/v1/files/") && path.endsWith("/content")) {
      String id = path.substring("/v1/files/".length(), path.length() - "/content".length());
      contentDownloads.incrementAndGet();
      String content = files.get(id);
      return content == null ? json(404, "{\"error\":{\"message\":\"No such file\"}}")
          : new MockResponse.Builder().code(200).addHeader("Content-Type", "application/octet-stream").body(content).build();
    }
    if (method.equals("POST") && path.equals("/v1/chat/completions")) {
      JsonNode body = JSON.readTree(request.getBody().utf8());
      chatBodies.add(body);
      if (body.path("response_format").path("json_schema").path("name").asText().equals("story_synthesis")) {
        // A digest's story synthesis (not a repair): a valid one, citing the first article's first claim.
        return json(200, completion("{\"headline\": \"Musterstadt story\", \"synthesis\": \"The articles report the same.\","
            + " \"key_claims\": [{\"claim\": \"The first claim.\", \"sources\": [\"a1c1\"]}], \"contradictions\": []}").toString());
      }
      int n = SyntheticArticles.numberIn(FakeLlm.allText(body));
      chatRequests.computeIfAbsent(n, k -> new AtomicInteger()).incrementAndGet();
      if (n == blockRepairOf) {
        repairArrived.countDown();
        release.await();
      }
      String content = invalidAlways.contains(n) ? "{\"headline\": 43}" : SyntheticArticles.analysis(n);
      return json(200, completion(content).toString());
    }
    return json(404, "{\"error\":{\"message\":\"unknown path " + path + "\"}}");
  }

  static ObjectNode completion(String content) {
    ObjectNode body = JSON.createObjectNode();
    body.put("id", "chatcmpl-b").put("object", "chat.completion").put("created", 1_700_000_000).put("model", "gpt-test-2025");
    ObjectNode choice = body.putArray("choices").addObject();
    choice.put("index", 0).put("finish_reason", "stop");
    choice.putObject("message").put("role", "assistant").put("content", content);
    body.putObject("usage").put("prompt_tokens", 900).put("completion_tokens", 300).put("total_tokens", 1200);
    return body;
  }

  /** The form fields of a multipart body; a file field also gives "NAME.filename". */
  static Map<String, String> multipart(RecordedRequest request) {
    String type = request.getHeaders().get("Content-Type");
    String boundary = type.substring(type.indexOf("boundary=") + "boundary=".length());
    Map<String, String> form = new LinkedHashMap<>();
    for (String part : request.getBody().utf8().split("--" + boundary)) {
      int split = part.indexOf("\r\n\r\n");
      if (split < 0) continue;
      String headers = part.substring(0, split);
      String value = part.substring(split + 4);
      if (value.endsWith("\r\n")) value = value.substring(0, value.length() - 2);
      java.util.regex.Matcher name = java.util.regex.Pattern.compile("name=\"([^\"]+)\"").matcher(headers);
      if (!name.find()) continue;
      form.put(name.group(1), value);
      java.util.regex.Matcher file = java.util.regex.Pattern.compile("filename=\"([^\"]+)\"").matcher(headers);
      if (file.find()) form.put(name.group(1) + ".filename", file.group(1));
    }
    return form;
  }

  private static MockResponse json(int code, String body) {
    return new MockResponse.Builder().code(code).addHeader("Content-Type", "application/json").body(body).build();
  }

  @Override
  public void close() throws IOException {
    release.countDown();
    server.close();
  }
}
