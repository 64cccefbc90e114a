package dev.kurz.cli;

import dev.kurz.config.ConfigException;
import dev.kurz.config.ConfigFile;
import dev.kurz.config.Key;
import dev.kurz.config.Settings;
import dev.kurz.glossary.Glossary;
import dev.kurz.glossary.GlossaryException;
import dev.kurz.llm.Backend;
import dev.kurz.llm.BackendException;
import dev.kurz.llm.BackendSpec;
import dev.kurz.llm.Backends;
import dev.kurz.llm.ContractSchema;
import dev.kurz.llm.OfferedModels;
import dev.kurz.llm.embedded.DownloadProgress;
import dev.kurz.llm.embedded.EmbeddedBackend;
import dev.kurz.llm.embedded.EmbeddedModel;
import dev.kurz.llm.embedded.ModelStore;
import dev.kurz.llm.embedded.ModelUnavailableException;
import dev.kurz.llm.PromptTemplates;
import dev.kurz.llm.http.AnswerSizeLimit;
import dev.kurz.llm.http.RateLimitInterceptor;
import dev.kurz.llm.http.RedactingLogInterceptor;
import dev.kurz.model.ModelRef;
import dev.kurz.cache.Cache;
import dev.kurz.cache.CacheUnavailableException;
import dev.kurz.ingest.PageCache;
import dev.kurz.ingest.StoredPageCache;
import dev.kurz.pipeline.AnswerCache;
import dev.kurz.llm.LazyBackend;
import dev.kurz.llm.BackendResolver;
import dev.kurz.pipeline.RequestLimiter;
import dev.kurz.pipeline.RetryPolicy;
import dev.kurz.pipeline.ThrottledBackend;
import dev.kurz.pipeline.StoredAnswerCache;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;

/**
 * The run's shared pieces, each built on first use so a command pays only for what it needs (the
 * help text never loads LangChain4j or SQLite): settings, the one OkHttp client, the backend, the
 * prompts, the schema. One per command invocation; not thread-safe while building.
 */
final class Services implements AutoCloseable {
  private final Terminal term;
  private final GlobalOptions global;
  private final Map<Key, String> flags;
  private final Consumer<String> warn;
  private Settings settings;
  private OkHttpClient http;
  private okhttp3.ConnectionPool pool;
  private Backend backend;
  private RequestLimiter limiter;
  private ThrottledBackend throttled;
  private BackendSpec spec;
  private AnswerCache answerCache;
  private Glossary glossary;
  /** The line saying which backend was picked automatically and why; printed once the backend is needed. */
  private String autoChoice;
  private Cache store;
  private boolean storeFailed;
  private PageCache pageCache;

  Services(Terminal term, GlobalOptions global, Map<Key, String> flags) {
    this.term = term;
    this.global = global;
    this.flags = new EnumMap<>(Key.class);
    this.flags.putAll(flags);
    this.warn = msg -> {
      if (!global.quiet) term.err().println("[WARN] " + msg);
    };
  }

  Consumer<String> warn() {
    return warn;
  }

  Settings settings() {
    if (settings == null) {
      try {
        ConfigFile file = configFile();
        Settings s = Settings.resolve(flags, term.env(), file, Services::providerDefaults);
        if (s.get(Key.PROVIDER).origin().equals("default")) s = autoBackend(s, file);
        settings = s;
      } catch (ConfigException e) {
        throw new KurzException(ExitCodes.USAGE, e.getMessage());
      }
    }
    return settings;
  }

  /** No backend named anywhere: pick one (key in the environment, local server, embedded) and say so. */
  private Settings autoBackend(Settings resolved, ConfigFile file) {
    BackendResolver.Choice choice = BackendResolver.choose(term.env(), this::http);
    Map<Key, String> chosen = new EnumMap<>(Key.class);
    chosen.put(Key.PROVIDER, choice.provider());
    // What the user set (flag, variable, file) stays; the choice fills in only the rest.
    if (choice.baseUrl() != null && !userSet(resolved, Key.BASE_URL)) chosen.put(Key.BASE_URL, choice.baseUrl());
    if (choice.model() != null && !userSet(resolved, Key.MODEL)) chosen.put(Key.MODEL, choice.model());
    Map<Key, String> merged = new EnumMap<>(Key.class);
    merged.putAll(chosen);
    merged.putAll(flags);
    Settings s = Settings.resolve(merged, term.env(), file, Services::providerDefaults)
        .withOrigin(chosen.keySet(), "auto: " + choice.reason());
    autoChoice = "kurz: using " + choice.provider() + " " + s.value(Key.MODEL) + " (" + choice.reason() + ")";
    return s;
  }

  ConfigFile configFile() {
    try {
      return ConfigFile.find(global.config, term.env(), warn);
    } catch (ConfigException e) {
      throw new KurzException(ExitCodes.USAGE, e.getMessage());
    }
  }

  private static boolean userSet(Settings s, Key key) {
    String origin = s.get(key).origin();
    return origin.startsWith("flag") || origin.startsWith("env") || origin.startsWith("file");
  }

  static Map<Key, String> providerDefaults(String provider) {
    Map<Key, String> m = new EnumMap<>(Key.class);
    if (provider.equals(EmbeddedBackend.PROVIDER)) {
      m.put(Key.MODEL, EmbeddedModel.DEFAULT.name());
      m.put(Key.CONCURRENCY, "1");
      m.put(Key.CONTEXT_TOKENS, "8192");
      return m;
    }
    for (var p : Backends.PROVIDERS) {
      if (p.name().equals(provider)) {
        BackendOptions.put(m, Key.MODEL, p.defaultModel());
        BackendOptions.put(m, Key.API_KEY_ENV, p.keyEnv());
        BackendOptions.put(m, Key.BASE_URL, p.defaultBaseUrl());
        // A local model's context is what the server allots; Ollama's is small unless asked for more.
        if (p.name().equals("ollama")) m.put(Key.CONTEXT_TOKENS, "8192");
      }
    }
    return m;
  }

  /**
   * The HTTP client of the run for pages, feeds and downloads. Its timeouts are the defaults for
   * fetching pages; each backend derives its own (sharing the connection pool) with the configured
   * answer timeout.
   */
  synchronized OkHttpClient http() {
    if (http == null) http = httpBuilder().build();
    return http;
  }

  /**
   * The client for a model server: for a plain-http one (Ollama, a local server) without TLS, so
   * the first request does not wait for the trust store to load (about 0.1 s of start-up).
   */
  private OkHttpClient http(BackendSpec spec) {
    String url = spec.baseUrl();
    boolean plain = url != null && url.regionMatches(true, 0, "http://", 0, 7);
    OkHttpClient.Builder b = plain ? httpBuilder().connectionSpecs(java.util.List.of(okhttp3.ConnectionSpec.CLEARTEXT))
        : http().newBuilder();
    // Answers are capped as decoded (application) and as sent (network): no answer can exhaust memory.
    AnswerSizeLimit limit = new AnswerSizeLimit(maxAnswerBytes());
    // --timeout bounds the whole call: a server trickling headers or body a byte at a time never
    // trips a per-read timeout. Every answer's rate-limit headers go to the run's limiter.
    return b.addInterceptor(limit).addNetworkInterceptor(limit).addInterceptor(new RateLimitInterceptor(limiter(), term.clock()))
        .callTimeout(spec.timeout()).build();
  }

  private long maxAnswerBytes() {
    return settings().intValue(Key.MAX_ANSWER_SIZE) * 1024L * 1024L; // at least 1, checked where it was set
  }

  /** The run's one limiter for its backend: every request of every command passes through it. */
  synchronized RequestLimiter limiter() {
    if (limiter == null) {
      int concurrency = settings().intValue(Key.CONCURRENCY); // at least 1, checked where it was set
      // Waits on the budget go through the terminal's sleeper when tests replace it.
      RequestLimiter.Waiter waiter = term.sleeper() == RetryPolicy.Sleeper.REAL
          ? RequestLimiter.Waiter.REAL
          : (news, d) -> term.sleeper().sleep(d);
      limiter = new RequestLimiter(concurrency, term.clock(), waiter);
      limiter.pacing((budget, limit, wait) -> {
        if (!global.quiet) term.err().println("[WAIT] " + ProgressReporter.pacingLine(budget, limit, wait));
      });
    }
    return limiter;
  }

  /** The backend behind the run's limiter; nothing more is sent once Ctrl-C was pressed. */
  ThrottledBackend throttledBackend() {
    if (throttled == null) throttled = new ThrottledBackend(backend(), limiter(), () -> term.interrupted().get());
    return throttled;
  }

  /** The retry policy, telling its waits on stderr. */
  RetryPolicy retryPolicy() {
    return RetryPolicy.DEFAULT.withNotices(msg -> {
      if (!global.quiet) term.err().println("[WAIT] " + msg);
    });
  }

  private synchronized OkHttpClient.Builder httpBuilder() {
    if (pool == null) pool = new okhttp3.ConnectionPool();
    OkHttpClient.Builder b = new OkHttpClient.Builder()
        .connectionPool(pool)
        .connectTimeout(10, TimeUnit.SECONDS)
        .readTimeout(Duration.ofSeconds(180))
        .callTimeout(Duration.ZERO)
        .socketFactory(new dev.kurz.llm.http.NoDelaySockets())
        // A redirect to another host never carries a key along (OkHttp strips only Authorization).
        .addNetworkInterceptor(new dev.kurz.llm.http.SameOriginHeaders());
    if (global.verbose) b.addInterceptor(new RedactingLogInterceptor(term.err()::println));
    return b;
  }

  private Duration settingsTimeout() {
    return Duration.ofSeconds(settings().intValue(Key.TIMEOUT));
  }

  BackendSpec backendSpec() {
    if (spec == null) {
      Settings s = settings();
      String provider = s.value(Key.PROVIDER);
      if (!provider.equals(EmbeddedBackend.PROVIDER)) {
        try {
          Backends.provider(provider);
        } catch (IllegalArgumentException e) {
          throw new KurzException(ExitCodes.USAGE, e.getMessage() + ", embedded (" + s.get(Key.PROVIDER).origin() + ")");
        }
      }
      if (autoChoice != null && !global.quiet) term.err().println(autoChoice);
      String keyEnv = s.value(Key.API_KEY_ENV);
      String key = apiKey(s, keyEnv);
      // Where the key came from, for the hint when it is rejected: a file or the config, not the variable.
      if (s.value(Key.API_KEY_FILE) != null) keyEnv = "the key file " + s.value(Key.API_KEY_FILE);
      else if (s.value(Key.API_KEY) != null) keyEnv = "api_key (" + s.get(Key.API_KEY).origin() + ")";
      String name = s.value(Key.BACKEND) != null ? s.value(Key.BACKEND) : provider;
      Map<String, String> options = new HashMap<>();
      // Ollama truncates silently past num_ctx: give it the budget plus room for the answer.
      if (provider.equals("ollama")) options.put("num_ctx", String.valueOf(s.intValue(Key.CONTEXT_TOKENS) + 4096));
      spec = new BackendSpec(name, provider, s.value(Key.MODEL), s.value(Key.BASE_URL), key, keyEnv, settingsTimeout(), options);
    }
    return spec;
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

  /** The key from api_key_file, api_key or the named variable; null when none is set. */
  private String apiKey(Settings s, String keyEnv) {
    String file = s.value(Key.API_KEY_FILE);
    if (file != null) {
      Path path = Path.of(file);
      try {
        String key = Files.readString(path).lines().findFirst().orElse("").strip();
        if (ConfigFile.readableByOthers(path)) warn.accept("key file " + path + " is readable by others: chmod 600 " + path);
        return key.isEmpty() ? null : key;
      } catch (IOException e) {
        throw new KurzException(ExitCodes.NOTHING_RAN, "cannot read the key file " + path + " (" + s.get(Key.API_KEY_FILE).origin() + ")");
      }
    }
    if (s.value(Key.API_KEY) != null) return s.value(Key.API_KEY);
    if (keyEnv == null) return null;
    String key = term.env().get(keyEnv);
    return key == null || key.isBlank() ? null : key.strip();
  }

  /**
   * The backend, built on its first request: a fully cached run loads no provider client and needs
   * no key. The settings are checked now, so a bad provider name fails before any work.
   */
  Backend backend() {
    if (backend == null) {
      BackendSpec spec = backendSpec();
      backend = new LazyBackend(new ModelRef(spec.provider(), spec.model()), () -> createBackend(spec));
    }
    return backend;
  }

  /** A run that will send requests: the backend is built now, in the background, not on the first request. */
  void prepareBackend() {
    if (backend() instanceof LazyBackend lazy) lazy.prepare();
  }

  private Backend createBackend(BackendSpec spec) throws BackendException {
    if (spec.provider().equals(EmbeddedBackend.PROVIDER)) return embeddedBackend(spec);
    if (spec.apiKey() == null && spec.apiKeyEnv() != null && isProviderDefaultUrl(spec)) {
      throw new BackendException(BackendException.Kind.AUTH, "no API key for " + spec.provider() + ": set "
          + spec.apiKeyEnv() + " (or name another variable with --api-key-env, or api_key_file in the config)");
    }
    checkHeaderSafe(spec.apiKey(), spec.apiKeyEnv() != null && spec.apiKeyEnv().contains(" ") ? spec.apiKeyEnv()
        : "$" + (spec.apiKeyEnv() == null ? Backends.provider(spec.provider()).keyEnv() : spec.apiKeyEnv()));
    try {
      OkHttpClient client = http(spec);
      return OfferedModels.wrap(Backends.create(spec, client), spec, client);
    } catch (IllegalArgumentException e) {
      throw new BackendException(BackendException.Kind.UNREACHABLE, 0, null, e.getMessage(), null); // misconfigured: nothing can run
    }
  }

  /** The configured provider's batch API (openai, anthropic); the key is checked as for a backend. */
  dev.kurz.llm.batch.BatchApi batchApi() {
    BackendSpec spec = backendSpec();
    if (spec.apiKey() == null && spec.apiKeyEnv() != null && isProviderDefaultUrl(spec)) {
      throw new KurzException(ExitCodes.NOTHING_RAN, "no API key for " + spec.provider() + ": set " + spec.apiKeyEnv());
    }
    try {
      return dev.kurz.llm.batch.BatchApis.create(spec, providerDefaults(spec.provider()).get(Key.BASE_URL), http(spec));
    } catch (IllegalArgumentException e) {
      throw new KurzException(ExitCodes.USAGE, e.getMessage());
    }
  }

  /** Where embedded models live and come from ($HF_ENDPOINT names a mirror). */
  ModelStore modelStore() {
    HttpUrl source = HttpUrl.parse(term.env().getOrDefault("HF_ENDPOINT", ModelStore.HUGGING_FACE.toString()));
    if (source == null) throw new KurzException(ExitCodes.USAGE, "HF_ENDPOINT is not a URL");
    return new ModelStore(cacheDir(), http(), source);
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
      if (!store.installed(model)) store.pull(model, global.quiet ? DownloadProgress.NONE : DownloadProgress.bar(term.err()));
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

  PromptTemplates prompts() {
    String dir = settings().value(Key.PROMPTS_DIR);
    return PromptTemplates.load(dir == null ? null : Path.of(dir));
  }

  /** The glossary: built-in name forms with the user's file (flag, else the glossary setting) over them. */
  Glossary glossary(Path flagFile) {
    if (glossary == null) {
      String configured = settings().value(Key.GLOSSARY);
      Path file = flagFile != null ? flagFile : configured == null ? null : Path.of(configured);
      try {
        glossary = Glossary.load(file);
      } catch (GlossaryException e) {
        throw new KurzException(ExitCodes.USAGE, e.getMessage());
      }
    }
    return glossary;
  }

  ContractSchema schema() {
    return ContractSchema.load();
  }

  /**
   * The cache store: the shared PostgreSQL server cache_url names, else SQLite in the cache folder.
   * A local file that cannot be used is null (one warning: the run goes on uncached); a server
   * that cannot be used stops the run, since the user asked for sharing (exit 3).
   */
  Cache store() {
    if (store == null && !storeFailed) {
      String url = settings().value(Key.CACHE_URL);
      try {
        store = Cache.open(url, cacheDir(), term.env(), warn);
      } catch (CacheUnavailableException e) {
        if (url != null && !url.isBlank()) throw new KurzException(ExitCodes.NOTHING_RAN, e.getMessage());
        storeFailed = true;
        warn.accept("cache unavailable, running without it: " + e.getMessage());
      }
    }
    return store;
  }

  /** The answer cache; when the store cannot be opened the run goes on without it. */
  AnswerCache answerCache() {
    if (answerCache == null) {
      Cache s = store();
      answerCache = s == null ? AnswerCache.DISABLED : new StoredAnswerCache(s, warn, term.clock());
    }
    return answerCache;
  }

  /** Fetched pages, in the answers' store; without a cache when it cannot be opened. */
  PageCache pageCache() {
    if (pageCache == null) {
      Cache s = store();
      pageCache = s == null ? PageCache.NONE : new StoredPageCache(s, warn, term.clock());
    }
    return pageCache;
  }

  Path cacheDir() {
    return settings().cacheDir(term.env());
  }

  @Override
  public void close() {
    if (store != null) store.close();
    if (http != null) {
      http.dispatcher().executorService().shutdown();
      http.connectionPool().evictAll();
    }
  }
}
