package dev.kurz.config;

import java.util.Locale;
import java.util.function.UnaryOperator;

/**
 * Every setting kurz reads, with its environment variable and built-in default. Flags use the
 * kebab-case name ({@code --base-url}), the config file the snake_case one ({@code base_url}).
 * Backend keys may also sit in a {@code [backends.NAME]} table of the file.
 */
public enum Key {
  BACKEND("Named backend from the config file's [backends.NAME] tables", null, false),
  PROVIDER("openai, ollama, anthropic, gemini, mistral, azure-openai or embedded", "openai", true),
  MODEL("Model name as the provider knows it", null, true),
  BASE_URL("API endpoint; for openai any compatible server (vLLM, LM Studio, llama.cpp, OpenRouter)", null, true),
  API_KEY_ENV("Environment variable holding the API key", null, true),
  API_KEY_FILE("File holding the API key (first line)", null, true),
  API_KEY("The API key itself (prefer api_key_env; the file must not be readable by others)", null, true),
  TIMEOUT("How long one model answer may take, the whole call from request to last byte: seconds (180) or a span (90s, 3m)", "180",
      true, Values::seconds),
  MAX_ANSWER_SIZE("Largest model answer accepted, in MB (as sent and after decompression)", "4", false, Values.wholeNumber(1)),
  TEMPERATURE("Sampling temperature; provider default when unset", null, true, Values.number(0, 2)),
  CONTEXT_TOKENS("Tokens one request may carry; longer articles are analysed in parts", "24000", true, Values.wholeNumber(1)),
  MAX_ARTICLE_TOKENS("Longest article accepted, in tokens (split into parts of context_tokens)", "200000", false, Values.wholeNumber(1)),
  TIME_ZONE("Time zone of a calendar day for --date and --since", "Europe/Berlin", false, Values::timeZone),
  TO("Target language (ISO 639-1 code or name)", "en", false, Values::language),
  LENGTH("Summary length: short, medium or long", "medium", false, Values.oneOf("short", "medium", "long")),
  CONCURRENCY("Requests in flight at once", "4", false, Values.wholeNumber(1)),
  CACHE_DIR("Folder of the answer cache", null, false),
  CACHE_URL("Shared cache on PostgreSQL, postgresql://user@host/db (password from PGPASSWORD or ~/.pgpass)", null, false),
  GLOSSARY("Your own name forms, laid over the built-in glossary (format: docs/glossary.md)", null, false),
  PROMPTS_DIR("Folder with edited prompt templates (missing files fall back to the built-in ones)", null, false),
  STRICT("Faithfulness failures go back to the model in a repair request; those left make the exit code 1", "false", false,
      Values::bool);

  private final String description;
  private final String defaultValue;
  private final boolean perBackend;
  private final UnaryOperator<String> check;

  Key(String description, String defaultValue, boolean perBackend) {
    this(description, defaultValue, perBackend, UnaryOperator.identity());
  }

  Key(String description, String defaultValue, boolean perBackend, UnaryOperator<String> check) {
    this.description = description;
    this.defaultValue = defaultValue;
    this.perBackend = perBackend;
    this.check = check;
  }

  /**
   * The value in its canonical form ({@code German} becomes {@code de}, {@code " 4"} becomes
   * {@code 4}); throws {@link IllegalArgumentException} saying what is wrong with it.
   */
  public String check(String value) {
    return check.apply(value);
  }

  public String description() {
    return description;
  }

  /** The built-in default, or null when the value is derived (e.g. from the provider). */
  public String defaultValue() {
    return defaultValue;
  }

  /** Whether the key may appear in a [backends.NAME] table. */
  public boolean perBackend() {
    return perBackend;
  }

  /** snake_case, as in the config file. */
  public String fileName() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** kebab-case, as the flag. */
  public String flagName() {
    return "--" + fileName().replace('_', '-');
  }

  /** The key a flag sets ({@code --base-url} sets BASE_URL), or null for a flag that is no setting. */
  public static Key forFlag(String flag) {
    for (Key k : values()) {
      if (k.flagName().equals(flag)) return k;
    }
    return null;
  }

  /** KURZ_..., as the environment variable. */
  public String envName() {
    return "KURZ_" + name();
  }
}
