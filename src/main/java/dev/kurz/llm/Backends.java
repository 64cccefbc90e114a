package dev.kurz.llm;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import okhttp3.OkHttpClient;

/**
 * Creates {@link Backend}s from {@link BackendSpec}s. Every provider sends its HTTP through the one
 * {@link OkHttpClient} given here (derived per backend for timeouts, sharing
 * its pool); LangChain4j retries are off everywhere (the caller retries by
 * {@link BackendException.Kind}), and request/response logging is off so keys and articles stay out
 * of logs. Stateless; the backends it returns are thread-safe.
 */
public final class Backends {
  /** Applied when a spec has no timeout. */
  public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(120);

  /** The providers this build knows, in the order the CLI lists them. */
  public static final List<ProviderInfo> PROVIDERS = List.of(
      new ProviderInfo("openai", "OPENAI_API_KEY", "gpt-4.1-mini", "https://api.openai.com/v1"),
      new ProviderInfo("ollama", null, "qwen2.5:7b", "http://localhost:11434"),
      new ProviderInfo("anthropic", "ANTHROPIC_API_KEY", "claude-haiku-4-5", "https://api.anthropic.com/v1"),
      new ProviderInfo("gemini", "GEMINI_API_KEY", "gemini-2.5-flash",
          "https://generativelanguage.googleapis.com/v1beta"),
      new ProviderInfo("mistral", "MISTRAL_API_KEY", "mistral-small-latest", "https://api.mistral.ai/v1"),
      new ProviderInfo("azure-openai", "AZURE_OPENAI_API_KEY", null, null));

  private static final Map<String, ProviderInfo> BY_NAME =
      PROVIDERS.stream().collect(Collectors.toUnmodifiableMap(ProviderInfo::name, Function.identity()));

  private Backends() {}

  /**
   * Builds the backend a spec describes. Does no I/O.
   *
   * @throws IllegalArgumentException for an unknown provider (the message names the known ones),
   *     a missing model without default, or an invalid option
   */
  public static Backend create(BackendSpec spec, OkHttpClient http) {
    ProviderInfo info = provider(spec.provider());
    return switch (info.name()) {
      case "openai" -> OpenAiBackend.create(spec, http);
      case "ollama" -> OllamaBackend.create(spec, http);
      case "anthropic" -> AnthropicBackend.create(spec, http);
      case "gemini" -> GeminiBackend.create(spec, http);
      case "mistral" -> MistralBackend.create(spec, http);
      case "azure-openai" -> AzureOpenAiBackend.create(spec, http);
      default -> throw new AssertionError(info.name());
    };
  }

  /**
   * The provider's facts by name (case-insensitive).
   *
   * @throws IllegalArgumentException naming the known providers
   */
  public static ProviderInfo provider(String name) {
    ProviderInfo info = name == null ? null : BY_NAME.get(name.trim().toLowerCase(Locale.ROOT));
    if (info == null) {
      throw new IllegalArgumentException("unknown provider '" + name + "'; known: "
          + PROVIDERS.stream().map(ProviderInfo::name).collect(Collectors.joining(", ")));
    }
    return info;
  }

  /**
   * The models the server offers, for {@code kurz backends check}: OpenAI-compatible servers and
   * Mistral via {@code GET {base}/models}, Ollama via {@code GET /api/tags}, Anthropic via
   * {@code GET /v1/models}, Gemini via {@code GET {base}/models}; azure-openai returns an empty
   * list (deployments are not listed through the key). One request, no retries.
   *
   * @throws BackendException classified like {@link Backend#complete} failures
   */
  public static List<String> listModels(BackendSpec spec, OkHttpClient http) throws BackendException {
    return new ModelLister(http).list(spec, provider(spec.provider()));
  }

  static String baseUrl(BackendSpec spec) {
    if (spec.baseUrl() != null && !spec.baseUrl().isBlank()) return spec.baseUrl();
    String url = provider(spec.provider()).defaultBaseUrl();
    if (url == null) throw new IllegalArgumentException(spec.provider() + " needs a base URL");
    return url;
  }

  static String model(BackendSpec spec) {
    if (spec.model() != null && !spec.model().isBlank()) return spec.model();
    String model = provider(spec.provider()).defaultModel();
    if (model == null) throw new IllegalArgumentException(spec.provider() + " needs a model name");
    return model;
  }

  static Duration timeout(BackendSpec spec) {
    return spec.timeout() == null ? DEFAULT_TIMEOUT : spec.timeout();
  }

  static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s;
  }

  static int positiveInt(String option, String value) {
    try {
      int n = Integer.parseInt(value.trim());
      if (n > 0) return n;
    } catch (NumberFormatException e) {
      // reported below
    }
    throw new IllegalArgumentException("option " + option + " must be a positive integer, not " + value);
  }

  static ErrorTranslator errors(BackendSpec spec, String endpoint) {
    return errors(spec, endpoint, t -> null);
  }

  static ErrorTranslator errors(BackendSpec spec, String endpoint,
      Function<Throwable, ErrorTranslator.HttpFailure> extraExtractor) {
    return new ErrorTranslator(endpoint, spec.apiKey(), keyEnv(spec), Clock.systemUTC(), extraExtractor);
  }

  private static String keyEnv(BackendSpec spec) {
    if (spec.apiKeyEnv() != null) return spec.apiKeyEnv();
    return provider(spec.provider()).keyEnv();
  }
}
