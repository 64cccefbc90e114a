package dev.kurz.llm.batch;

import dev.kurz.llm.BackendSpec;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;

/**
 * The batch API of a configured backend. OpenAI (and servers implementing its Batch API) and
 * Anthropic have one kurz speaks. Gemini's batch mode and Mistral's batch jobs exist but are not
 * spoken here yet: their input files and result shapes differ from the chat requests kurz sends
 * through LangChain4j, and there is no stand-in server to test them against.
 */
public final class BatchApis {
  private BatchApis() {}

  /** @throws IllegalArgumentException naming the providers that have one, for any other */
  public static BatchApi create(BackendSpec spec, String defaultBaseUrl, OkHttpClient http) {
    String url = spec.baseUrl() != null && !spec.baseUrl().isBlank() ? spec.baseUrl() : defaultBaseUrl;
    HttpUrl base = url == null ? null : HttpUrl.parse(url);
    if (base == null) throw new IllegalArgumentException("no base URL for " + spec.provider());
    return switch (spec.provider()) {
      case "openai" -> new OpenAiBatchApi(spec, base, http);
      case "anthropic" -> new AnthropicBatchApi(spec, base, http);
      default -> throw new IllegalArgumentException("provider " + spec.provider()
          + " has no batch API in kurz (openai and anthropic do); summarize the inputs normally");
    };
  }
}
