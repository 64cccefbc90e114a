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
import java.util.function.Function;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;

/**
 * A fake model server over real HTTP, speaking the OpenAI chat-completions or the Ollama chat wire
 * format. It answers each request with whatever the registered rule returns for the article text
 * found in the request (the user message between the article markers), and records every request.
 */
final class FakeLlm implements AutoCloseable {
  enum Wire { OPENAI, OLLAMA }

  static final ObjectMapper JSON = new ObjectMapper();

  final MockWebServer server = new MockWebServer();
  final Wire wire;
  final List<JsonNode> requests = Collections.synchronizedList(new ArrayList<>());
  private final Map<String, Function<Integer, MockResponse>> rules = Collections.synchronizedMap(new LinkedHashMap<>());
  private final java.util.concurrent.atomic.AtomicInteger rejectNext = new java.util.concurrent.atomic.AtomicInteger();
  private final Map<String, Integer> counts = Collections.synchronizedMap(new LinkedHashMap<>());
  private final Map<String, Function<JsonNode, String>> computed = Collections.synchronizedMap(new LinkedHashMap<>());

  FakeLlm(Wire wire) throws IOException {
    this.wire = wire;
    server.setDispatcher(new Dispatcher() {
      @Override
      public MockResponse dispatch(RecordedRequest request) {
        return answer(request);
      }
    });
    server.start();
  }

  String baseUrl() {
    String url = server.url("/").toString();
    return wire == Wire.OPENAI ? url + "v1" : url.substring(0, url.length() - 1);
  }

  /** Answers requests whose article contains {@code marker} with the content the rule gives for the n-th such request (1-based). */
  FakeLlm on(String marker, Function<Integer, MockResponse> rule) {
    rules.put(marker, rule);
    return this;
  }

  /** Answers requests whose article contains {@code marker} with {@code content} as the model's text. */
  FakeLlm answer(String marker, String content) {
    return on(marker, n -> ok(content));
  }

  /** Answers requests whose text contains {@code marker} with the content the function computes from the request body. */
  FakeLlm compute(String marker, Function<JsonNode, String> content) {
    computed.put(marker, content);
    return this;
  }

  /** Rejects the next {@code n} chat requests with 429 and a {@code retry-after-ms} of 10, before any rule. */
  FakeLlm rejectNext(int n) {
    rejectNext.set(n);
    return this;
  }

  int requestsFor(String marker) {
    return counts.getOrDefault(marker, 0);
  }

  MockResponse ok(String content) {
    ObjectNode body = JSON.createObjectNode();
    if (wire == Wire.OPENAI) {
      body.put("id", "chatcmpl-test").put("object", "chat.completion").put("created", 1_700_000_000).put("model", "fake-model-2025");
      ObjectNode choice = body.putArray("choices").addObject();
      choice.put("index", 0).put("finish_reason", "stop");
      choice.putObject("message").put("role", "assistant").put("content", content);
      body.putObject("usage").put("prompt_tokens", 1500).put("completion_tokens", 600).put("total_tokens", 2100);
    } else {
      body.put("model", "fake-model").put("created_at", "2025-01-01T00:00:00Z").put("done", true).put("done_reason", "stop");
      body.putObject("message").put("role", "assistant").put("content", content);
      body.put("prompt_eval_count", 1500).put("eval_count", 600);
    }
    return new MockResponse.Builder().code(200).addHeader("Content-Type", "application/json").body(body.toString()).build();
  }

  static MockResponse status(int code, String body) {
    return new MockResponse.Builder().code(code).addHeader("Content-Type", "application/json").body(body).build();
  }

  private MockResponse answer(RecordedRequest request) {
    // Model listings (GET .../models) are not chat requests: not recorded, and unknown here.
    if ("GET".equals(request.getMethod())) return status(404, "{\"error\":{\"message\":\"not found\"}}");
    String raw = request.getBody() == null ? "" : request.getBody().utf8();
    JsonNode body;
    try {
      body = JSON.readTree(raw);
    } catch (IOException e) {
      return status(400, "{\"error\":\"bad json\"}");
    }
    requests.add(body);
    if (rejectNext.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
      return status(429, "{\"error\":{\"message\":\"Rate limit reached\"}}").newBuilder().addHeader("retry-after-ms", "10").build();
    }
    String text = allText(body);
    synchronized (computed) {
      for (var rule : computed.entrySet()) {
        if (text.contains(rule.getKey())) {
          counts.merge(rule.getKey(), 1, Integer::sum);
          return ok(rule.getValue().apply(body));
        }
      }
    }
    synchronized (rules) {
      for (var rule : rules.entrySet()) {
        if (text.contains(rule.getKey())) {
          int n = counts.merge(rule.getKey(), 1, Integer::sum);
          return rule.getValue().apply(n);
        }
      }
    }
    return status(500, "{\"error\":{\"message\":\"no rule for this request\"}}");
  }

  /** The text of every message (the article appears in the user message). */
  static String allText(JsonNode body) {
    StringBuilder b = new StringBuilder();
    for (JsonNode m : body.path("messages")) {
      JsonNode content = m.path("content");
      if (content.isTextual()) b.append(content.asText()).append('\n');
      else content.forEach(part -> b.append(part.path("text").asText()).append('\n'));
    }
    return b.toString();
  }

  @Override
  public void close() throws IOException {
    server.close();
  }
}
