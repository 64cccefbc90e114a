package dev.kurz.llm.batch;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kurz.llm.BackendException;
import dev.kurz.llm.BackendSpec;
import dev.kurz.llm.LlmReply;
import dev.kurz.model.Usage;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;

/**
 * Anthropic's Message Batches: {@code POST /messages/batches} with {@code requests: [{custom_id,
 * params}]} (params: the Messages API body), polled with {@code GET /messages/batches/{id}} until
 * {@code processing_status} is {@code ended}, results as JSONL from the batch's {@code results_url}.
 */
final class AnthropicBatchApi implements BatchApi {
  static final String VERSION = "2023-06-01";
  private static final MediaType APPLICATION_JSON = MediaType.get("application/json");
  private static final String CANNED_REPLY = """
      {"id":"msg_0","type":"message","role":"assistant","model":"m",
       "content":[{"type":"text","text":"{}"}],"stop_reason":"end_turn","stop_sequence":null,
       "usage":{"input_tokens":0,"output_tokens":0}}""";

  private final BackendSpec spec;
  private final OkHttpClient http;
  private final HttpUrl base;
  private final WireCapture capture;

  AnthropicBatchApi(BackendSpec spec, HttpUrl base, OkHttpClient http) {
    this.spec = spec;
    this.http = http;
    this.base = base;
    this.capture = new WireCapture(spec, http, CANNED_REPLY);
  }

  @Override
  public String provider() {
    return spec.provider();
  }

  /** Message Batches' limits: requests per batch and bytes per batch request. */
  static final int MAX_REQUESTS = 100_000;
  static final long MAX_BYTES = 256L * 1024 * 1024 - 64 * 1024;

  @Override
  public List<Submitted> submit(List<Item> items, Path spool) throws BackendException {
    Chunks chunks = new Chunks(spool, MAX_REQUESTS, MAX_BYTES, "{\"requests\":[", ",", "]}", this::submitFile);
    for (Item item : items) {
      ObjectNode params = (ObjectNode) capture.body(item.request());
      params.remove("stream"); // batches do not stream
      ObjectNode request = BatchHttp.JSON.createObjectNode().put("custom_id", item.customId());
      request.set("params", params);
      chunks.add(item.customId(), request.toString());
    }
    return chunks.finish();
  }

  private String submitFile(Path body) throws BackendException {
    JsonNode batch = BatchHttp.json(http,
        headers(url("messages", "batches")).post(RequestBody.create(body.toFile(), APPLICATION_JSON)).build(),
        "creating the message batch");
    return batch.path("id").asText();
  }

  @Override
  public Progress status(String id) throws BackendException {
    JsonNode batch = batch(id);
    JsonNode c = batch.path("request_counts");
    int failed = c.path("errored").asInt() + c.path("canceled").asInt() + c.path("expired").asInt();
    int total = c.path("processing").asInt() + c.path("succeeded").asInt() + failed;
    String status = batch.path("processing_status").asText();
    return new Progress(id, status, total, c.path("succeeded").asInt(), failed, "ended".equals(status));
  }

  @Override
  public void results(String id, Path spool, Consumer<Result> each) throws BackendException {
    JsonNode batch = batch(id);
    String resultsUrl = batch.path("results_url").asText("");
    HttpUrl url = resultsUrl.isEmpty() ? null : HttpUrl.parse(resultsUrl);
    if (url == null) throw new BackendException(BackendException.Kind.INVALID_REQUEST, "batch " + id + " has no results yet");
    Path target = spool.resolve(id + ".results.jsonl");
    BatchHttp.download(http, headers(url).get().build(), target, "downloading the results of " + id);
    try (BufferedReader lines = Files.newBufferedReader(target, StandardCharsets.UTF_8)) {
      for (String line; (line = lines.readLine()) != null; ) {
        if (!line.isBlank()) each.accept(result(BatchHttp.JSON.readTree(line)));
      }
    } catch (IOException e) {
      throw new BackendException(BackendException.Kind.TRANSIENT, 0, null, "reading " + target + " failed: " + e.getMessage(), e);
    }
  }

  static Result result(JsonNode line) {
    String customId = line.path("custom_id").asText();
    JsonNode result = line.path("result");
    String type = result.path("type").asText();
    if (!"succeeded".equals(type)) {
      String message = result.path("error").path("error").path("message").asText("");
      return new Result.Error(customId, type + (message.isEmpty() ? "" : ": " + message));
    }
    JsonNode message = result.path("message");
    StringBuilder text = new StringBuilder();
    for (JsonNode block : message.path("content")) {
      if ("text".equals(block.path("type").asText())) text.append(block.path("text").asText());
    }
    if (text.isEmpty()) return new Result.Error(customId, "empty answer (" + message.path("stop_reason").asText("no reason given") + ")");
    JsonNode usage = message.path("usage");
    return new Result.Answer(customId, new LlmReply(text.toString(),
        new Usage(usage.path("input_tokens").asLong(), usage.path("output_tokens").asLong()),
        message.path("model").asText(null), message.path("stop_reason").asText(null)));
  }

  private JsonNode batch(String id) throws BackendException {
    return BatchHttp.json(http, headers(url("messages", "batches", id)).get().build(), "reading batch " + id);
  }

  private HttpUrl url(String... segments) {
    HttpUrl.Builder b = base.newBuilder();
    for (String s : segments) b.addPathSegment(s);
    return b.build();
  }

  private Request.Builder headers(HttpUrl url) {
    Request.Builder b = new Request.Builder().url(url).header("anthropic-version", VERSION);
    if (spec.apiKey() != null && !spec.apiKey().isBlank()) b.header("x-api-key", spec.apiKey());
    return b;
  }
}
