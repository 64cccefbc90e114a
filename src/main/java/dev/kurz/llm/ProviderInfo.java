package dev.kurz.llm;

import java.util.Objects;

/**
 * What the CLI needs to know about a provider before any backend exists.
 *
 * @param name the provider kind as written in config and flags, e.g. {@code openai}
 * @param keyEnv the environment variable the API key is read from by default, or null when the
 *     provider needs no key (ollama)
 * @param defaultModel the model used when none is configured, or null when there is no sensible
 *     default (azure-openai: deployments are named by the user)
 * @param defaultBaseUrl the endpoint used when none is configured, or null when the user must give
 *     one (azure-openai: the resource endpoint)
 */
public record ProviderInfo(String name, String keyEnv, String defaultModel, String defaultBaseUrl) {
  public ProviderInfo {
    Objects.requireNonNull(name, "name");
    if (name.isBlank()) throw new IllegalArgumentException("blank provider name");
  }

  /** Whether requests need an API key. */
  public boolean needsKey() {
    return keyEnv != null;
  }
}
