package dev.kurz.cli;

import dev.kurz.config.Key;
import java.util.EnumMap;
import java.util.Map;
import picocli.CommandLine.Option;

/** Which model answers: flags that win over KURZ_* variables and the config file. */
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

  @Option(names = "--timeout", paramLabel = "SECONDS", converter = SettingConverter.Timeout.class,
      description = "Seconds one model call may take in all, request to last byte (default 180).")
  String timeout;

  @Option(names = "--max-answer-size", paramLabel = "MB", converter = SettingConverter.MaxAnswerSize.class,
      description = "Refuse model answers larger than this (default 4).")
  String maxAnswerSize;

  @Option(names = "--temperature", paramLabel = "T", converter = SettingConverter.Temperature.class, description = "Sampling temperature (default: the provider's).")
  String temperature;

  @Option(names = "--context-tokens", paramLabel = "N", converter = SettingConverter.ContextTokens.class, description = "Tokens one request may carry (default 24000; ollama 8192); longer articles go in parts.")
  String contextTokens;

  @Option(names = "--max-article-tokens", paramLabel = "N", converter = SettingConverter.MaxArticleTokens.class, description = "Refuse articles longer than this many tokens (default 200000).")
  String maxArticleTokens;

  Map<Key, String> flags() {
    Map<Key, String> m = new EnumMap<>(Key.class);
    put(m, Key.BACKEND, backend);
    put(m, Key.PROVIDER, provider);
    put(m, Key.MODEL, model);
    put(m, Key.BASE_URL, baseUrl);
    put(m, Key.API_KEY_ENV, apiKeyEnv);
    put(m, Key.TIMEOUT, timeout);
    put(m, Key.TEMPERATURE, temperature);
    put(m, Key.MAX_ANSWER_SIZE, maxAnswerSize);
    put(m, Key.CONTEXT_TOKENS, contextTokens);
    put(m, Key.MAX_ARTICLE_TOKENS, maxArticleTokens);
    return m;
  }

  static void put(Map<Key, String> m, Key key, String value) {
    if (value != null) m.put(key, value);
  }
}
