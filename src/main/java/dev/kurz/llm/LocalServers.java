package dev.kurz.llm;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import okhttp3.OkHttpClient;

/**
 * Finds a model server on this machine at its usual address: Ollama ({@code OLLAMA_HOST}, else
 * port 11434), then OpenAI-compatible servers (LM Studio 1234, llama.cpp 8080, vLLM 8000). A
 * closed port answers at once, so asking costs milliseconds when nothing runs. Stateless.
 */
public final class LocalServers {
  /** A server that answered, with the models it offers (never empty). */
  public record Found(String provider, String baseUrl, List<String> models) {}

  private LocalServers() {}

  /** The usual addresses, in the order they are tried. */
  public static List<String> addresses(Map<String, String> env) {
    List<String> out = new ArrayList<>();
    out.add("ollama " + ollamaUrl(env));
    for (int port : new int[] {1234, 8080, 8000}) out.add("openai http://127.0.0.1:" + port + "/v1");
    return out;
  }

  public static Optional<Found> probe(OkHttpClient shared, Map<String, String> env) {
    OkHttpClient quick = shared.newBuilder()
        .connectTimeout(Duration.ofMillis(300)).readTimeout(Duration.ofSeconds(2)).callTimeout(Duration.ofSeconds(3))
        .retryOnConnectionFailure(false).build();
    for (String address : addresses(env)) {
      String provider = address.substring(0, address.indexOf(' '));
      String url = address.substring(address.indexOf(' ') + 1);
      try {
        List<String> models = Backends.listModels(
            new BackendSpec(provider, provider, null, url, null, null, Duration.ofSeconds(3), Map.of()), quick);
        if (!models.isEmpty()) return Optional.of(new Found(provider, url, models));
      } catch (BackendException | RuntimeException nothingThere) {
        // next address
      }
    }
    return Optional.empty();
  }

  private static String ollamaUrl(Map<String, String> env) {
    String host = env.get("OLLAMA_HOST");
    if (host == null || host.isBlank()) return "http://127.0.0.1:11434";
    if (!host.startsWith("http")) host = "http://" + host;
    return host.endsWith("/") ? host.substring(0, host.length() - 1) : host;
  }
}
