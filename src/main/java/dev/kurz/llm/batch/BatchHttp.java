package dev.kurz.llm.batch;

import dev.kurz.model.Json;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.kurz.llm.BackendException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;

/**
 * The few HTTP exchanges of a batch API: a JSON call, a file download. A refusal becomes a {@link
 * BackendException} of the matching kind with the provider's message (never a key). Stateless.
 */
final class BatchHttp {
  static final ObjectMapper JSON = Json.MAPPER;

  private BatchHttp() {}

  static JsonNode json(OkHttpClient http, Request request, String what) throws BackendException {
    try (Response response = http.newCall(request).execute()) {
      String body = response.body().string();
      if (!response.isSuccessful()) throw refused(response.code(), body, what);
      return JSON.readTree(body);
    } catch (IOException e) {
      throw new BackendException(BackendException.Kind.TRANSIENT, 0, null, what + " failed: " + e.getMessage(), e);
    }
  }

  /**
   * Downloads to {@code target} through a temporary file moved into place when complete; a
   * complete {@code target} is kept and not fetched again.
   */
  static void download(OkHttpClient http, Request request, Path target, String what) throws BackendException {
    if (Files.exists(target)) return;
    try {
      Files.createDirectories(target.getParent());
      Path part = target.resolveSibling(target.getFileName() + ".part");
      try (Response response = http.newCall(request).execute()) {
        if (!response.isSuccessful()) throw refused(response.code(), response.body().string(), what);
        try (InputStream in = response.body().byteStream()) {
          Files.copy(in, part, StandardCopyOption.REPLACE_EXISTING);
        }
      }
      Files.move(part, target, StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException e) {
      throw new BackendException(BackendException.Kind.TRANSIENT, 0, null, what + " failed: " + e.getMessage(), e);
    }
  }

  private static BackendException refused(int code, String body, String what) {
    String message = what + " refused (HTTP " + code + ")" + providerMessage(body);
    BackendException.Kind kind = switch (code) {
      case 401, 403 -> BackendException.Kind.AUTH;
      case 429 -> BackendException.Kind.RATE_LIMITED;
      default -> code >= 500 ? BackendException.Kind.TRANSIENT : BackendException.Kind.INVALID_REQUEST;
    };
    return new BackendException(kind, code, null, message, null);
  }

  /** ": the message" from an OpenAI- or Anthropic-style error body, or "". */
  private static String providerMessage(String body) {
    try {
      JsonNode error = JSON.readTree(body).path("error");
      String message = error.isTextual() ? error.asText() : error.path("message").asText("");
      return message.isBlank() ? "" : ": " + message;
    } catch (IOException | RuntimeException e) {
      return "";
    }
  }
}
