package dev.kurz.cli;

import dev.kurz.config.Key;
import java.util.Map;
import picocli.CommandLine.Option;

/** Which model answers: flags that win over KURZ_* variables and the config file (collected by {@link SettingFlags}). */
final class BackendOptions {
  @Option(names = {"-b", "--backend"}, paramLabel = "NAME", description = "A backend named in the config file.")
  String backend;

  @Option(names = {"-p", "--provider"}, paramLabel = "PROVIDER", completionCandidates = SettingConverter.Providers.class,
      description = "openai, ollama, anthropic, gemini, mistral, azure-openai or embedded.")
  String provider;

  @Option(names = {"-m", "--model"}, paramLabel = "MODEL", description = "Model name, e.g. gpt-4o-mini, qwen2.5:14b.")
  String model;

  @Option(names = "--base-url", paramLabel = "URL", description = "API endpoint; with openai any compatible server (vLLM, LM Studio, llama.cpp, OpenRouter).")
  String baseUrl;

  @Option(names = "--api-key-env", paramLabel = "VAR", description = "Environment variable holding the API key (default per provider, e.g. OPENAI_API_KEY).")
  String apiKeyEnv;

  @Option(names = "--timeout", paramLabel = "TIME", converter = SettingConverter.Timeout.class,
      description = "How long one model call may take in all, request to last byte: seconds or a span like 90s, 3m (default 180).")
  java.time.Duration timeout;

  @Option(names = "--max-answer-size", paramLabel = "MB", converter = SettingConverter.MaxAnswerSize.class,
      description = "Refuse model answers larger than this (default 4).")
  Integer maxAnswerSize;

  @Option(names = "--temperature", paramLabel = "T", converter = SettingConverter.Temperature.class, description = "Sampling temperature (default: the provider's).")
  Double temperature;

  @Option(names = "--context-tokens", paramLabel = "N", converter = SettingConverter.ContextTokens.class, description = "Tokens one request may carry (default 24000; ollama 8192); longer articles go in parts.")
  Integer contextTokens;

  @Option(names = "--max-article-tokens", paramLabel = "N", converter = SettingConverter.MaxArticleTokens.class, description = "Refuse articles longer than this many tokens (default 200000).")
  Integer maxArticleTokens;

  static void put(Map<Key, String> m, Key key, String value) {
    if (value != null) m.put(key, value);
  }
}
