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
import java.util.Set;
import java.util.function.Consumer;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.MultipartBody;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;

/**
 * OpenAI's Batch API: the requests as a JSONL file ({@code custom_id}, {@code method}, {@code
 * url}, {@code body}) uploaded to {@code POST /files} with purpose {@code batch}, a batch created
 * with {@code POST /batches} (endpoint {@code /v1/chat/completions}, window {@code 24h}), polled
 * with {@code GET /batches/{id}}, and the output and error files read from {@code GET
 * /files/{id}/content}. Works with any server that implements it at the configured base URL.
 */
final class OpenAiBatchApi implements BatchApi {
  static final String ENDPOINT = "/v1/chat/completions";
  private static final Set<String> ENDED = Set.of("completed", "failed", "expired", "cancelled");
  private static final MediaType JSONL = MediaType.get("application/jsonl");
  private static final MediaType APPLICATION_JSON = MediaType.get("application/json");
  private static final String CANNED_REPLY = """
      {"id":"chatcmpl-0","object":"chat.completion","created":0,"model":"m",
       "choices":[{"index":0,"message":{"role":"assistant","content":"{}"},"finish_reason":"stop"}],
       "usage":{"prompt_tokens":0,"completion_tokens":0,"total_tokens":0}}""";

  private final BackendSpec spec;
  private final OkHttpClient http;
  private final HttpUrl base;
  private final WireCapture capture;

  OpenAiBatchApi(BackendSpec spec, HttpUrl base, OkHttpClient http) {
    this.spec = spec;
    this.http = http;
    this.base = base;
    this.capture = new WireCapture(spec, http, CANNED_REPLY);
  }

  @Override
  public String provider() {
    return spec.provider();
  }

  /** The Batch API's limits: requests per batch, and bytes per input file (with room for the form). */
  static final int MAX_REQUESTS = 50_000;
  static final long MAX_BYTES = 200L * 1024 * 1024 - 64 * 1024;

  @Override
  public List<Submitted> submit(List<Item> items, Path spool) throws BackendException {
    Chunks chunks = new Chunks(spool, MAX_REQUESTS, MAX_BYTES, "", "\n", "\n", this::submitFile);
    for (Item item : items) {
      ObjectNode line = BatchHttp.JSON.createObjectNode();
      line.put("custom_id", item.customId()).put("method", "POST").put("url", ENDPOINT);
      line.set("body", capture.body(item.request()));
      chunks.add(item.customId(), line.toString());
    }
    return chunks.finish();
  }

  private String submitFile(Path jsonl) throws BackendException {
    RequestBody upload = new MultipartBody.Builder().setType(MultipartBody.FORM)
        .addFormDataPart("purpose", "batch")
        .addFormDataPart("file", "kurz-batch.jsonl", RequestBody.create(jsonl.toFile(), JSONL))
        .build();
    JsonNode file = BatchHttp.json(http, authorized(url("files")).post(upload).build(), "uploading the batch file");
    ObjectNode create = BatchHttp.JSON.createObjectNode();
    create.put("input_file_id", file.path("id").asText()).put("endpoint", ENDPOINT).put("completion_window", "24h");
    create.putObject("metadata").put("created_by", "kurz");
    JsonNode batch = BatchHttp.json(http,
        authorized(url("batches")).post(RequestBody.create(create.toString(), APPLICATION_JSON)).build(), "creating the batch");
    return batch.path("id").asText();
  }

  @Override
  public Progress status(String id) throws BackendException {
    JsonNode batch = batch(id);
    JsonNode counts = batch.path("request_counts");
    String status = batch.path("status").asText();
    return new Progress(id, status, counts.path("total").asInt(), counts.path("completed").asInt(),
        counts.path("failed").asInt(), ENDED.contains(status));
  }

  @Override
  public void results(String id, Path spool, Consumer<Result> each) throws BackendException {
    JsonNode batch = batch(id);
    for (String field : List.of("output_file_id", "error_file_id")) {
      String fileId = batch.path(field).asText("");
      if (fileId.isEmpty() || batch.path(field).isNull()) continue;
      Path target = spool.resolve(id + "." + field.replace("_file_id", "") + ".jsonl");
      BatchHttp.download(http, authorized(url("files", fileId, "content")).get().build(), target, "downloading " + field);
      read(target, each);
    }
  }

  private void read(Path file, Consumer<Result> each) throws BackendException {
    try (BufferedReader lines = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      for (String line; (line = lines.readLine()) != null; ) {
        if (!line.isBlank()) each.accept(result(BatchHttp.JSON.readTree(line)));
      }
    } catch (IOException e) {
      throw new BackendException(BackendException.Kind.TRANSIENT, 0, null, "reading " + file + " failed: " + e.getMessage(), e);
    }
  }

  /** One line of the output or error file. */
  static Result result(JsonNode line) {
    String customId = line.path("custom_id").asText();
    JsonNode response = line.path("response");
    JsonNode error = line.path("error");
    if (!error.isMissingNode() && !error.isNull()) {
      return new Result.Error(customId, error.path("code").asText("error") + ": " + error.path("message").asText(""));
    }
    int status = response.path("status_code").asInt();
    JsonNode body = response.path("body");
    if (status != 200) {
      return new Result.Error(customId, "HTTP " + status + ": " + body.path("error").path("message").asText(""));
    }
    JsonNode choice = body.path("choices").path(0);
    String content = choice.path("message").path("content").asText("");
    if (content.isEmpty()) return new Result.Error(customId, "empty answer (" + choice.path("finish_reason").asText("no reason given") + ")");
    JsonNode usage = body.path("usage");
    return new Result.Answer(customId, new LlmReply(content,
        new Usage(usage.path("prompt_tokens").asLong(), usage.path("completion_tokens").asLong()),
        body.path("model").asText(null), choice.path("finish_reason").asText(null)));
  }

  private JsonNode batch(String id) throws BackendException {
    return BatchHttp.json(http, authorized(url("batches", id)).get().build(), "reading batch " + id);
  }

  private HttpUrl url(String... segments) {
    HttpUrl.Builder b = base.newBuilder();
    for (String s : segments) b.addPathSegment(s);
    return b.build();
  }

  private Request.Builder authorized(HttpUrl url) {
    Request.Builder b = new Request.Builder().url(url);
    if (spec.apiKey() != null && !spec.apiKey().isBlank()) b.header("Authorization", "Bearer " + spec.apiKey());
    return b;
  }
}
