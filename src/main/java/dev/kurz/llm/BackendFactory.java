package dev.kurz.llm;

import dev.kurz.config.ConfigFile;
import dev.kurz.config.Key;
import dev.kurz.config.Settings;
import dev.kurz.llm.batch.BatchApi;
import dev.kurz.llm.batch.BatchApis;
import dev.kurz.llm.embedded.DownloadProgress;
import dev.kurz.llm.embedded.EmbeddedBackend;
import dev.kurz.llm.embedded.EmbeddedModel;
import dev.kurz.llm.embedded.ModelStore;
import dev.kurz.llm.embedded.ModelUnavailableException;
import dev.kurz.llm.http.AnswerSizeLimit;
import dev.kurz.model.ModelRef;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;
import okhttp3.HttpUrl;
import okhttp3.Interceptor;
import okhttp3.OkHttpClient;

/**
 * The run's backend from its {@link Settings}: the provider's defaults, the key (from a key file,
 * the config or the named variable), Ollama's {@code num_ctx}, the embedded model's install, the
 * model server's HTTP client (the run's client with the answer-size caps, the run's model
 * interceptors and the call timeout) and the decorator chain around the provider's backend, built
 * here and nowhere else, as OkHttp builds its interceptor chain: {@link LazyBackend} innermost,
 * then each decorator in the order given (the run's throttle, then its retries).
 *
 * <p>Nothing is sent or loaded before the first request: a fully cached run needs no key. Setup
 * errors that stop the run before any work are {@link SetupException}s. Not thread-safe while
 * building; the backends it returns are thread-safe.
 */
public final class BackendFactory {
  /** Why the run cannot start: a bad setting (usage) or something missing (key file, provider). */
  public static final class SetupException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final boolean usage;

    SetupException(boolean usage, String message) {
      super(message);
      this.usage = usage;
    }

    /** Whether the user asked for something that cannot be (exit 2), rather than it being unavailable (exit 3). */
    public boolean usage() {
      return usage;
    }
  }

  private final Settings settings;
  private final Map<String, String> env;
  private final HttpBuilders http;
  private final List<Interceptor> modelInterceptors;
  private final Consumer<String> warn;
  private final DownloadProgress progress;
  private BackendSpec spec;
  private LazyBackend lazy;

  /** Builders of the run's one client (its pool, socket factory and logging shared). */
  @FunctionalInterface
  public interface HttpBuilders {
    /** A builder; with {@code cleartext} one that never loads the trust store (plain-http servers). */
    OkHttpClient.Builder newBuilder(boolean cleartext);
  }

  /**
   * @param http builders of the run's one client
   * @param modelInterceptors added to every model server's client (the run's rate-limit listener)
   * @param warn where warnings go (a key file readable by others)
   * @param progress the embedded model's download bar
   */
  public BackendFactory(Settings settings, Map<String, String> env, HttpBuilders http,
      List<Interceptor> modelInterceptors, Consumer<String> warn, DownloadProgress progress) {
    this.settings = settings;
    this.env = env;
    this.http = http;
    this.modelInterceptors = List.copyOf(modelInterceptors);
    this.warn = warn;
    this.progress = progress;
  }

  /** What {@link Settings} fill in for a provider the user did not configure further. */
  public static Map<Key, String> providerDefaults(String provider) {
    Map<Key, String> m = new EnumMap<>(Key.class);
    if (provider.equals(EmbeddedBackend.PROVIDER)) {
      m.put(Key.MODEL, EmbeddedModel.DEFAULT.name());
      m.put(Key.CONCURRENCY, "1");
      m.put(Key.CONTEXT_TOKENS, "8192");
      return m;
    }
    for (var p : Backends.PROVIDERS) {
      if (p.name().equals(provider)) {
        putIfSet(m, Key.MODEL, p.defaultModel());
        putIfSet(m, Key.API_KEY_ENV, p.keyEnv());
        putIfSet(m, Key.BASE_URL, p.defaultBaseUrl());
        // A local model's context is what the server allots; Ollama's is small unless asked for more.
        if (p.name().equals("ollama")) m.put(Key.CONTEXT_TOKENS, "8192");
      }
    }
    return m;
  }

  private static void putIfSet(Map<Key, String> m, Key key, String value) {
    if (value != null) m.put(key, value);
  }

  /**
   * The backend's spec, the key read: checks the provider's name, so a bad one fails before any work.
   *
   * @throws SetupException for an unknown provider or an unreadable key file
   */
  public BackendSpec spec() {
    if (spec == null) {
      String provider = settings.value(Key.PROVIDER);
      if (!provider.equals(EmbeddedBackend.PROVIDER)) {
        try {
          Backends.provider(provider);
        } catch (IllegalArgumentException e) {
          throw new SetupException(true, e.getMessage() + ", embedded (" + settings.get(Key.PROVIDER).origin() + ")");
        }
      }
      String keyEnv = settings.value(Key.API_KEY_ENV);
      String key = apiKey(keyEnv);
      // Where the key came from, for the hint when it is rejected: a file or the config, not the variable.
      if (settings.value(Key.API_KEY_FILE) != null) keyEnv = "the key file " + settings.value(Key.API_KEY_FILE);
      else if (settings.value(Key.API_KEY) != null) keyEnv = "api_key (" + settings.get(Key.API_KEY).origin() + ")";
      String name = settings.value(Key.BACKEND) != null ? settings.value(Key.BACKEND) : provider;
      Map<String, String> options = new HashMap<>();
      // Ollama truncates silently past num_ctx: give it the budget plus room for the answer.
      if (provider.equals("ollama")) options.put("num_ctx", String.valueOf(settings.intValue(Key.CONTEXT_TOKENS) + 4096));
      Duration timeout = Duration.ofSeconds(settings.intValue(Key.TIMEOUT));
      spec = new BackendSpec(name, provider, settings.value(Key.MODEL), settings.value(Key.BASE_URL), key, keyEnv, timeout,
          options);
    }
    return spec;
  }

  /** The key from api_key_file, api_key or the named variable; null when none is set. */
  private String apiKey(String keyEnv) {
    String file = settings.value(Key.API_KEY_FILE);
    if (file != null) {
      Path path = Path.of(file);
      try {
        String key = Files.readString(path).lines().findFirst().orElse("").strip();
        if (ConfigFile.readableByOthers(path)) warn.accept("key file " + path + " is readable by others: chmod 600 " + path);
        return key.isEmpty() ? null : key;
      } catch (IOException e) {
        throw new SetupException(false, "cannot read the key file " + path + " (" + settings.get(Key.API_KEY_FILE).origin() + ")");
      }
    }
    if (settings.value(Key.API_KEY) != null) return settings.value(Key.API_KEY);
    if (keyEnv == null) return null;
    String key = env.get(keyEnv);
    return key == null || key.isBlank() ? null : key.strip();
  }

  /**
   * The run's backend: the provider's, built on its first request, inside {@code decorators}
   * (each wraps what the ones before it made, so the last is outermost).
   */
  public Backend chain(List<UnaryOperator<Backend>> decorators) {
    Backend backend = lazy();
    for (UnaryOperator<Backend> d : decorators) backend = d.apply(backend);
    return backend;
  }

  /** The provider's backend, built on its first request (or ahead, by {@link LazyBackend#prepare}); one per factory. */
  public LazyBackend lazy() {
    if (lazy == null) {
      BackendSpec s = spec();
      lazy = new LazyBackend(new ModelRef(s.provider(), s.model()), this::create);
    }
    return lazy;
  }

  /** The provider's backend, built now: the key checked, the embedded model installed if missing. */
  public Backend create() throws BackendException {
    BackendSpec spec = spec();
    if (spec.provider().equals(EmbeddedBackend.PROVIDER)) return embeddedBackend(spec);
    if (spec.apiKey() == null && spec.apiKeyEnv() != null && isProviderDefaultUrl(spec)) {
      throw new BackendException(BackendException.Kind.AUTH, "no API key for " + spec.provider() + ": set "
          + spec.apiKeyEnv() + " (or name another variable with --api-key-env, or api_key_file in the config)");
    }
    checkHeaderSafe(spec.apiKey(), spec.apiKeyEnv() != null && spec.apiKeyEnv().contains(" ") ? spec.apiKeyEnv()
        : "$" + (spec.apiKeyEnv() == null ? Backends.provider(spec.provider()).keyEnv() : spec.apiKeyEnv()));
    try {
      OkHttpClient client = modelClient();
      return OfferedModels.wrap(Backends.create(spec, client), spec, client);
    } catch (IllegalArgumentException e) {
      throw new BackendException(BackendException.Kind.UNREACHABLE, 0, null, e.getMessage(), null); // misconfigured: nothing can run
    }
  }

  /**
   * A key must go into an HTTP header: a character outside printable ASCII (a non-breaking space
   * or a typographic quote copied along) would fail every request alike, and OkHttp's message for
   * it would quote the key. Stops the run before the first request (a cached run needs no key);
   * the message never shows the key.
   */
  private static void checkHeaderSafe(String key, String source) throws BackendException {
    if (key == null) return;
    for (int i = 0; i < key.length(); i++) {
      char c = key.charAt(i);
      if (c < 0x21 || c > 0x7e) {
        throw new BackendException(BackendException.Kind.AUTH, "the API key from " + source + " holds a character that cannot be sent"
            + " (U+" + String.format("%04X", (int) c) + " at position " + (i + 1) + " of " + key.length()
            + "; keys are printable ASCII): check it for a stray character");
      }
    }
  }

  /**
   * The configured provider's batch API (openai, anthropic); the key is checked as for a backend.
   *
   * @throws SetupException without a key, or for a provider without a batch API
   */
  public BatchApi batchApi() {
    BackendSpec spec = spec();
    if (spec.apiKey() == null && spec.apiKeyEnv() != null && isProviderDefaultUrl(spec)) {
      throw new SetupException(false, "no API key for " + spec.provider() + ": set " + spec.apiKeyEnv());
    }
    try {
      return BatchApis.create(spec, providerDefaults(spec.provider()).get(Key.BASE_URL), modelClient());
    } catch (IllegalArgumentException e) {
      throw new SetupException(true, e.getMessage());
    }
  }

  /**
   * The client for the model server: for a plain-http one (Ollama, a local server) without TLS, so
   * the first request does not wait for the trust store to load (about 0.1 s of start-up).
   * Answers are capped as decoded (application) and as sent (network), so no answer can exhaust
   * memory; {@code --timeout} bounds the whole call, so a server trickling headers or body a byte
   * at a time never trips a per-read timeout.
   */
  public OkHttpClient modelClient() {
    BackendSpec spec = spec();
    String url = spec.baseUrl();
    boolean plain = url != null && url.regionMatches(true, 0, "http://", 0, 7);
    OkHttpClient.Builder b = http.newBuilder(plain);
    AnswerSizeLimit limit = new AnswerSizeLimit(settings.intValue(Key.MAX_ANSWER_SIZE) * 1024L * 1024L);
    b.addInterceptor(limit).addNetworkInterceptor(limit);
    modelInterceptors.forEach(b::addInterceptor);
    return b.callTimeout(spec.timeout()).build();
  }

  /** Where embedded models live and come from ($HF_ENDPOINT names a mirror). */
  public ModelStore modelStore() {
    HttpUrl source = HttpUrl.parse(env.getOrDefault("HF_ENDPOINT", ModelStore.HUGGING_FACE.toString()));
    if (source == null) throw new SetupException(true, "HF_ENDPOINT is not a URL");
    return new ModelStore(settings.cacheDir(env), http.newBuilder(false).build(), source);
  }

  /** The in-process model: downloaded on first use (size shown, checksum verified, resumable). */
  private Backend embeddedBackend(BackendSpec spec) throws BackendException {
    EmbeddedModel model;
    try {
      model = EmbeddedModel.byName(spec.model());
    } catch (IllegalArgumentException e) {
      throw new BackendException(BackendException.Kind.MODEL_NOT_FOUND, 0, null, e.getMessage(), null);
    }
    ModelStore store = modelStore();
    try {
      if (!store.installed(model)) store.pull(model, progress);
    } catch (ModelUnavailableException e) {
      throw new BackendException(BackendException.Kind.UNREACHABLE, 0, null, e.getMessage(), null);
    } catch (IOException e) {
      throw new BackendException(BackendException.Kind.UNREACHABLE, 0, null,
          "cannot install the embedded model " + model.name() + ": " + e.getMessage(), null);
    }
    return new EmbeddedBackend(store.folder(model), model.name());
  }

  private static boolean isProviderDefaultUrl(BackendSpec spec) {
    String def = providerDefaults(spec.provider()).get(Key.BASE_URL);
    return spec.baseUrl() == null || spec.baseUrl().equals(def);
  }
}
