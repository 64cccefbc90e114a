package dev.kurz.llm;

import dev.kurz.model.Json;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.kurz.llm.http.HttpStatusException;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;

/**
 * Lists a server's models with one plain GET (no LangChain4j involved), for
 * {@code kurz backends check}. Failures are classified by the same {@link ErrorTranslator} as chat
 * calls. Thread-safe.
 */
final class ModelLister {
  private static final ObjectMapper JSON = Json.MAPPER;

  private final OkHttpClient http;

  ModelLister(OkHttpClient http) {
    this.http = http;
  }

  List<String> list(BackendSpec spec, ProviderInfo info) throws BackendException {
    if (info.name().equals("azure-openai")) return List.of();
    String base = Backends.baseUrl(spec);
    ErrorTranslator errors = Backends.errors(spec, base);
    String key = Backends.blankToNull(spec.apiKey());
    Request.Builder request = new Request.Builder().get();
    String listField;
    String idField;
    switch (info.name()) {
      case "ollama" -> {
        request.url(url(base, "api/tags"));
        listField = "models";
        idField = "name";
      }
      case "anthropic" -> {
        request.url(url(base, "models"));
        if (key != null) request.header("x-api-key", key);
        request.header("anthropic-version", "2023-06-01");
        listField = "data";
        idField = "id";
      }
      case "gemini" -> {
        request.url(url(base, "models"));
        if (key != null) request.header("x-goog-api-key", key);
        listField = "models";
        idField = "name";
      }
      default -> { // openai-compatible, mistral
        request.url(url(base, "models"));
        if (key != null) request.header("Authorization", "Bearer " + key);
        listField = "data";
        idField = "id";
      }
    }
    Request built = request.build();
    try (Response response = http.newCall(built).execute()) {
      String body = response.body().string();
      if (!response.isSuccessful()) {
        throw errors.translate(new HttpStatusException(
            response.code(), body, response.headers().toMultimap(), built.url().toString()));
      }
      List<String> names = new ArrayList<>();
      JsonNode list = JSON.readTree(body).path(listField);
      for (JsonNode model : list) {
        String name = model.path(idField).asText("");
        if (name.startsWith("models/")) name = name.substring("models/".length());
        if (!name.isEmpty()) names.add(name);
      }
      return names;
    } catch (IOException | RuntimeException e) {
      throw errors.translate(e);
    }
  }

  private static HttpUrl url(String base, String path) {
    HttpUrl parsed = HttpUrl.parse(base);
    if (parsed == null) throw new IllegalArgumentException("not an http(s) URL: " + base);
    String prefix = parsed.encodedPath().endsWith("/") ? parsed.encodedPath() : parsed.encodedPath() + "/";
    return parsed.newBuilder().encodedPath(prefix + path).build();
  }
}
