package dev.kurz.llm;

import java.util.List;

/** TEMPORARY STUB until the real one merges. */
public final class Backends {
  public record ProviderInfo(String name, String keyEnv, String defaultModel, String defaultBaseUrl) {}

  public static final List<ProviderInfo> PROVIDERS = List.of(
      new ProviderInfo("openai", "OPENAI_API_KEY", "gpt-4o-mini", "https://api.openai.com/v1"),
      new ProviderInfo("ollama", null, "qwen2.5:7b", "http://localhost:11434"));

  public static Backend create(BackendSpec spec, okhttp3.OkHttpClient http) {
    throw new UnsupportedOperationException();
  }

  public static List<String> listModels(BackendSpec spec, okhttp3.OkHttpClient http) {
    return List.of();
  }
}
