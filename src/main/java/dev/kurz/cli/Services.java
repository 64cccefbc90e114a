package dev.kurz.cli;

import dev.kurz.config.ConfigException;
import dev.kurz.config.ConfigFile;
import dev.kurz.config.Key;
import dev.kurz.config.Settings;
import dev.kurz.glossary.Glossary;
import dev.kurz.glossary.GlossaryException;
import dev.kurz.llm.Backend;
import dev.kurz.llm.BackendFactory;
import dev.kurz.llm.BackendSpec;
import dev.kurz.llm.ContractSchema;
import dev.kurz.llm.embedded.DownloadProgress;
import dev.kurz.llm.embedded.ModelStore;
import dev.kurz.llm.PromptTemplates;
import dev.kurz.llm.http.RateLimitInterceptor;
import dev.kurz.llm.http.RedactingLogInterceptor;
import dev.kurz.cache.Cache;
import dev.kurz.cache.CacheUnavailableException;
import dev.kurz.ingest.PageCache;
import dev.kurz.ingest.StoredPageCache;
import dev.kurz.cache.AnswerCache;
import dev.kurz.llm.BackendResolver;
import dev.kurz.scheduling.RequestLimiter;
import dev.kurz.scheduling.RetryPolicy;
import dev.kurz.scheduling.RetryingBackend;
import dev.kurz.scheduling.ThrottledBackend;
import dev.kurz.cache.StoredAnswerCache;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import okhttp3.OkHttpClient;
import picocli.CommandLine.Model.CommandSpec;

/**
 * The run's shared pieces, each built on first use so a command pays only for what it needs (the
 * help text never loads LangChain4j or SQLite): the one OkHttp client, the limiter, the backend
 * chain, the cache store, the prompts, the glossary, the schema. Its settings are the command's,
 * resolved once by {@link ConfigDefaults}; what they mean for the backend is decided in {@code llm}
 * ({@link BackendFactory}, {@link BackendResolver}), for the store in {@code cache}. One per command
 * invocation; not thread-safe while building.
 */
final class Services implements AutoCloseable {
  private final Terminal term;
  private final GlobalOptions global;
  private final ConfigDefaults config;
  private final CommandSpec spec;
  /** Other flags than the command's (a batch's recorded backend), or null for the command's own. */
  private final Map<Key, String> flags;
  private final Consumer<String> warn;
  private Settings settings;
  private OkHttpClient http;
  private okhttp3.ConnectionPool pool;
  private Backend backend;
  private RequestLimiter limiter;
  private BackendFactory factory;
  private AnswerCache answerCache;
  private Glossary glossary;
  /** The line saying which backend was picked automatically and why; printed once the backend is needed. */
  private Optional<String> autoChoice = Optional.empty();
  private Cache store;
  private boolean storeFailed;
  private boolean storeShared;
  private PageCache pageCache;

  private Services(Terminal term, GlobalOptions global, ConfigDefaults config, CommandSpec spec, Map<Key, String> flags) {
    this.term = term;
    this.global = global;
    this.config = config;
    this.spec = spec;
    this.flags = flags == null ? null : Map.copyOf(flags);
    this.warn = msg -> {
      if (!global.quiet) term.err().println("[WARN] " + msg);
    };
  }

  /** The run of command {@code spec}: its settings are what its flags, the environment and the config file say. */
  static Services of(Terminal term, GlobalOptions global, CommandSpec spec) {
    return new Services(term, global, ConfigDefaults.of(spec, term.env()), spec, null);
  }

  /** The run of command {@code spec} with other flags than it was given, on the same config file. */
  static Services of(Terminal term, GlobalOptions global, CommandSpec spec, Map<Key, String> flags) {
    return new Services(term, global, ConfigDefaults.of(spec, term.env()), spec, flags);
  }

  /**
   * The same run with other backend flags (a batch's recorded provider and model): it shares this
   * one's cache store, which must name the same cache, so the store is opened once per run. Closing
   * it leaves the store to this one.
   */
  Services withBackendFlags(Map<Key, String> otherFlags) {
    Services other = new Services(term, global, config, spec, otherFlags);
    other.store = store();
    other.storeFailed = storeFailed;
    other.storeShared = true;
    return other;
  }

  Consumer<String> warn() {
    return warn;
  }

  /** The run's settings; when nothing names a backend, with the one picked automatically ({@link BackendResolver}). */
  Settings settings() {
    if (settings == null) {
      configFile();
      try {
        BackendResolver.Resolved r = flags == null ? config.completed(spec, this::http)
            : BackendResolver.complete(config.settings(spec, flags), term.env(), this::http);
        settings = r.settings();
        autoChoice = r.notice();
      } catch (ConfigException e) {
        throw new KurzException(ExitCodes.USAGE, e.getMessage());
      }
    }
    return settings;
  }

  /**
   * The settings as the user gave them, before any automatic choice of backend: enough for what no
   * backend changes (the cache, the prompts, the glossary), so {@code cache stats} probes no server.
   */
  Settings settingsAsGiven() {
    if (settings != null) return settings;
    configFile();
    try {
      return flags == null ? config.settings(spec) : config.settings(spec, flags);
    } catch (ConfigException e) {
      throw new KurzException(ExitCodes.USAGE, e.getMessage());
    }
  }

  /** The config file in use, or null; read once per invocation, what is wrong in it said once. */
  ConfigFile configFile() {
    try {
      return config.file(spec);
    } catch (ConfigException e) {
      throw new KurzException(ExitCodes.USAGE, e.getMessage());
    } finally {
      config.takeWarnings().forEach(warn);
    }
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

  /** The retry policy, telling its waits on stderr. */
  private RetryPolicy retryPolicy() {
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

  /** The run's backend factory: the provider, key and model server's client from the settings. */
  private BackendFactory factory() {
    if (factory == null) {
      factory = new BackendFactory(settings(), term.env(), cleartext -> {
        // A plain-http server's client never loads the trust store (about 0.1 s of start-up).
        if (cleartext) return httpBuilder().connectionSpecs(java.util.List.of(okhttp3.ConnectionSpec.CLEARTEXT));
        return http().newBuilder();
      }, java.util.List.of(new RateLimitInterceptor(limiter(), term.clock())), warn,
          global.quiet ? DownloadProgress.NONE : DownloadProgress.bar(term.err()));
    }
    return factory;
  }

  BackendSpec backendSpec() {
    BackendSpec backendSpec = setup(() -> factory().spec());
    if (!global.quiet) autoChoice.ifPresent(term.err()::println);
    autoChoice = Optional.empty();
    return backendSpec;
  }

  private static <T> T setup(java.util.function.Supplier<T> step) {
    try {
      return step.get();
    } catch (BackendFactory.SetupException e) {
      throw new KurzException(e.usage() ? ExitCodes.USAGE : ExitCodes.NOTHING_RAN, e.getMessage());
    }
  }

  /**
   * The run's backend, the same for every request of every command: the provider's, built on its
   * first request (a fully cached run loads no provider client and needs no key), behind the run's
   * limiter (nothing more is sent once Ctrl-C was pressed), each request retried by the policy.
   * The settings are checked now, so a bad provider name fails before any work.
   */
  Backend backend() {
    if (backend == null) {
      backendSpec();
      backend = factory().chain(java.util.List.of(
          b -> new ThrottledBackend(b, limiter(), () -> term.interrupted().get()),
          b -> new RetryingBackend(b, retryPolicy(), term.sleeper())));
    }
    return backend;
  }

  /** A run that will send requests: the backend is built now, in the background, not on the first request. */
  void prepareBackend() {
    backend();
    factory().lazy().prepare();
  }

  /** The provider's backend alone, for one probing request without throttle or retries (backends check). */
  Backend probeBackend() {
    backendSpec();
    return factory().chain(java.util.List.of());
  }

  /** The configured provider's batch API (openai, anthropic); the key is checked as for a backend. */
  dev.kurz.llm.batch.BatchApi batchApi() {
    backendSpec();
    return setup(() -> factory().batchApi());
  }

  /** Where embedded models live and come from ($HF_ENDPOINT names a mirror). */
  ModelStore modelStore() {
    return setup(() -> factory().modelStore());
  }

  /** How every model request of the run is made: through its backend, with its prompts and (unless --no-cache) its cache. */
  dev.kurz.llm.StructuredCall call(boolean noCache) {
    return new dev.kurz.llm.StructuredCall(backend(), prompts(), noCache ? AnswerCache.DISABLED : answerCache());
  }

  PromptTemplates prompts() {
    String dir = settingsAsGiven().value(Key.PROMPTS_DIR);
    return PromptTemplates.load(dir == null ? null : Path.of(dir));
  }

  /** The glossary: built-in name forms with the user's file (the glossary setting) over them. */
  Glossary glossary() {
    if (glossary == null) {
      String configured = settingsAsGiven().value(Key.GLOSSARY);
      Path file = configured == null ? null : Path.of(configured);
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
      try {
        store = Cache.openForRun(settingsAsGiven().value(Key.CACHE_URL), cacheDir(), term.env(), warn).orElse(null);
        storeFailed = store == null;
      } catch (CacheUnavailableException e) {
        throw new KurzException(ExitCodes.NOTHING_RAN, e.getMessage());
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
    return settingsAsGiven().cacheDir(term.env());
  }

  @Override
  public void close() {
    if (store != null && !storeShared) store.close();
    if (http != null) {
      http.dispatcher().executorService().shutdown();
      http.connectionPool().evictAll();
    }
  }
}
