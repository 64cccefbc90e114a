package dev.kurz.llm;

import java.time.Duration;
import java.util.Map;

/**
 * What it takes to build one backend, resolved from flags, environment and config file.
 *
 * @param name the backend's name in the config file (or the provider kind when none)
 * @param provider one of openai, ollama, anthropic, gemini, mistral, azure-openai
 * @param baseUrl null for the provider's default endpoint
 * @param apiKey the key itself, read from {@code apiKeyEnv} or a key file; never printed
 * @param apiKeyEnv the variable the key came from, named in errors about the key
 * @param options provider-specific settings (azure: deployment, api_version)
 */
public record BackendSpec(
    String name,
    String provider,
    String model,
    String baseUrl,
    String apiKey,
    String apiKeyEnv,
    Duration timeout,
    Map<String, String> options) {

  public BackendSpec {
    options = Map.copyOf(options);
  }

  @Override
  public String toString() {
    return "BackendSpec[name=" + name + ", provider=" + provider + ", model=" + model
        + ", baseUrl=" + baseUrl + ", apiKey=" + (apiKey == null ? "none" : "***")
        + ", apiKeyEnv=" + apiKeyEnv + ", timeout=" + timeout + ", options=" + options + "]";
  }
}
