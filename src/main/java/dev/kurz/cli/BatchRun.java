package dev.kurz.cli;

import dev.kurz.analysis.Summarizer;
import dev.kurz.config.Key;
import dev.kurz.config.PriceTable;
import dev.kurz.ingest.Input;
import dev.kurz.ingest.InputException;
import dev.kurz.llm.BackendException;
import dev.kurz.llm.BackendSpec;
import dev.kurz.llm.batch.BatchApi;
import dev.kurz.model.Article;
import dev.kurz.model.ModelRef;
import dev.kurz.model.Outcome;
import dev.kurz.cache.AnswerCache;
import dev.kurz.scheduling.ProviderBatches;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Model.CommandSpec;

/**
 * What the batch commands do, on one run's services: read the inputs, submit, report progress,
 * collect. Batches are looked up in the cache, so status and collect take the provider and model a
 * batch was submitted to from its record, not from the flags.
 */
final class BatchRun {
  private final Terminal term;
  private final Services services;
  private final CacheOptions cacheOptions;
  private final GlobalOptions global;

  BatchRun(Terminal term, Services services, CacheOptions cacheOptions, GlobalOptions global) {
    this.term = term;
    this.services = services;
    this.cacheOptions = cacheOptions;
    this.global = global;
  }

  @FunctionalInterface
  interface Action {
    int run(BatchRun run, String id) throws Exception;
  }

  /** Runs {@code action} on batch {@code idOrNull} (the latest when null) with the settings it was submitted with. */
  static int forBatch(Terminal term, GlobalOptions global, CommandSpec spec, CacheOptions cacheOptions, String idOrNull,
      Action action) throws Exception {
    try (Services lookup = Services.of(term, global, spec)) {
      ProviderBatches.Recorded recorded = ProviderBatches.recorded(cache(lookup), idOrNull).orElseThrow(() -> new KurzException(ExitCodes.USAGE,
          idOrNull == null ? "no batch submitted yet in this cache (kurz batch submit INPUTS...)"
              : "no batch " + idOrNull + " in this cache (batches are recorded where they were submitted: same --cache-dir or --cache-url)"));
      Map<Key, String> withBatch = new EnumMap<>(Key.class);
      withBatch.putAll(SettingFlags.of(spec));
      withBatch.put(Key.PROVIDER, recorded.provider());
      withBatch.put(Key.MODEL, recorded.model());
      if (recorded.baseUrl() != null) withBatch.put(Key.BASE_URL, recorded.baseUrl());
      withBatch.remove(Key.BACKEND);
      // The batch's own settings, on the store the batch was found in: opened once for the run.
      try (Services services = lookup.withBackendFlags(withBatch)) {
        return action.run(new BatchRun(term, services, cacheOptions, global), recorded.id());
      }
    }
  }

  private static AnswerCache cache(Services services) {
    if (services.store() == null) throw new KurzException(ExitCodes.NOTHING_RAN, "batches are recorded in the cache, which cannot be opened");
    return services.answerCache();
  }

  ProviderBatches batches(boolean fixNames) {
    BackendSpec spec = services.backendSpec();
    Summarizer summarizer = new SummarizeJob(term, services, cacheOptions, global).summarizer(fixNames);
    return new ProviderBatches(summarizer, cache(services), services.batchApi(), new ModelRef(spec.provider(), spec.model()),
        spec.baseUrl(), services.cacheDir().resolve("batches"), term.clock());
  }

  int submit(InputOptions inputOptions, List<String> inputs, boolean fixNames) {
    InputOptions.Reading reading = inputOptions.read(term, services, inputs, true);
    ProviderBatches batches = batches(fixNames);
    List<Article> articles = articles(reading, line -> term.err().println("[ERROR] " + line));
    int failed = reading.inputs().size() - articles.size();
    ProviderBatches.Submitted s;
    try {
      s = batches.submit(articles);
    } catch (BackendException e) {
      throw new KurzException(ExitCodes.NOTHING_RAN, e.getMessage());
    }
    s.batchIds().forEach(term.out()::println);
    s.unbatchable().forEach((label, reason) -> term.err().println("[WARN] " + label + ": " + reason));
    if (!global.quiet) {
      BackendSpec spec = services.backendSpec();
      PriceTable.Price price = PriceTable.of(services.configFile()).price(spec.provider(), spec.model());
      String cost = price == null ? "cost unknown (no price for " + spec.provider() + "/" + spec.model() + "; see [prices] in the config)"
          : String.format("est. cost $%.4f at batch prices (half the normal $%.4f)",
              price.cost(s.inputTokens(), s.outputTokens()) / 2, price.cost(s.inputTokens(), s.outputTokens()));
      term.err().printf("%d articles: %d submitted in %s, %d already cached, %d already in a batch%s; about %d in / %d out tokens; %s%n",
          articles.size() + failed, s.requests(), s.batchIds().size() == 1 ? "batch " + s.batchIds().get(0) : s.batchIds().size() + " batches",
          s.cached(), s.alreadySubmitted(), s.waiting().isEmpty() ? "" : " (" + String.join(", ", s.waiting()) + ")",
          s.inputTokens(), s.outputTokens(), cost);
      if (s.requests() > 0) term.err().println("then: kurz batch status, kurz batch collect");
    }
    return failed > 0 ? ExitCodes.SOME_FAILED : ExitCodes.OK;
  }

  /** The inputs read; each one that cannot be is told to {@code failures} as {@code label: message}. */
  private static List<Article> articles(InputOptions.Reading reading, java.util.function.Consumer<String> failures) {
    List<Article> articles = new ArrayList<>();
    for (Input input : reading.inputs()) {
      try {
        articles.add(reading.reader().read(input));
      } catch (InputException e) {
        failures.accept(input.label() + ": " + e.getMessage());
      }
    }
    return articles;
  }

  /** First poll after this long; each next one waits twice as long, up to {@link #POLL_MAX}. */
  static final java.time.Duration POLL_FIRST = java.time.Duration.ofSeconds(30);
  static final java.time.Duration POLL_MAX = java.time.Duration.ofMinutes(10);

  /**
   * For digest --batch: submits what is not cached or already in a batch, waits for every batch
   * holding these articles (polling with backoff), and collects them, so the digest after it finds
   * every answer the batches gave in the cache. Run again after an interruption, it submits nothing
   * new and waits for the same batches.
   */
  void throughBatches(InputOptions.Reading reading, boolean fixNames) throws InterruptedException {
    ProviderBatches batches = batches(fixNames);
    // An unreadable input is reported once, by the digest's own pass over the inputs.
    List<Article> articles = articles(reading, line -> {});
    try {
      ProviderBatches.Submitted s = batches.submit(articles);
      java.util.LinkedHashSet<String> ids = new java.util.LinkedHashSet<>(s.waiting());
      ids.addAll(s.batchIds());
      if (!global.quiet && !ids.isEmpty()) {
        term.err().printf("batch: %d submitted now, %d already cached, %d waiting in earlier batches; waiting for %s%n",
            s.requests(), s.cached(), s.alreadySubmitted(), String.join(", ", ids));
      }
      for (String id : ids) {
        java.time.Duration wait = POLL_FIRST;
        for (BatchApi.Progress p = batches.status(id); !p.ended(); p = batches.status(id)) {
          if (term.interrupted().get()) throw new InterruptedException();
          if (!global.quiet) term.err().println(describe(p) + "; next look in " + wait.toSeconds() + " s");
          term.sleeper().sleep(wait);
          wait = wait.multipliedBy(2).compareTo(POLL_MAX) > 0 ? POLL_MAX : wait.multipliedBy(2);
        }
        ProviderBatches.Collected c = batches.collect(id, outcome -> {
          if (outcome instanceof Outcome.Failed f && !global.quiet) {
            term.err().println("[WARN] " + f.label() + ": " + f.message() + "; asking for it normally");
          }
        });
        if (!global.quiet) term.err().println("batch " + id + ": " + c.outcomes().size() + " collected");
      }
    } catch (BackendException e) {
      throw new KurzException(ExitCodes.NOTHING_RAN, e.getMessage());
    }
  }

  int status(String id) {
    BatchApi.Progress p;
    try {
      p = services.batchApi().status(id);
    } catch (BackendException e) {
      throw new KurzException(ExitCodes.NOTHING_RAN, e.getMessage());
    }
    term.out().println(describe(p));
    return ExitCodes.OK;
  }

  /** "batch ID: status, done of total (n failed)", with a bar on a terminal. */
  String describe(BatchApi.Progress p) {
    String counts = p.done() + " of " + p.total() + " done (" + p.succeeded() + " answered, " + p.failed() + " failed)";
    if (!term.interactive() || p.total() == 0) return "batch " + p.id() + ": " + p.status() + ", " + counts;
    int width = 30;
    int filled = (int) Math.round(width * (double) p.done() / p.total());
    return "batch " + p.id() + ": " + p.status() + " [" + "#".repeat(filled) + "-".repeat(width - filled) + "] " + counts;
  }

  int collect(String id, boolean fixNames) {
    ProviderBatches batches = batches(fixNames);
    ProgressReporter progress = new ProgressReporter(term.err(), term.clock(), term.interactive(), global.quiet);
    int[] done = {0};
    ProviderBatches.Collected c;
    try {
      c = batches.collect(id, outcome -> {
        if (outcome instanceof Outcome.Failed f) progress.println("[ERROR] " + f.label() + ": " + f.message());
        progress.finished(outcome, ++done[0], 0);
      });
    } catch (BackendException e) {
      throw new KurzException(ExitCodes.NOTHING_RAN, e.getMessage());
    } catch (IllegalStateException | IllegalArgumentException e) {
      throw new KurzException(ExitCodes.USAGE, e.getMessage());
    } finally {
      progress.close();
    }
    long failed = c.outcomes().stream().filter(o -> o instanceof Outcome.Failed).count();
    if (!global.quiet) {
      term.err().printf("batch %s (%s): %d stored now, %d failed, %d stored before%n", id, c.progress().status(),
          c.outcomes().size() - failed, failed, c.collectedBefore());
    }
    return failed > 0 ? ExitCodes.SOME_FAILED : ExitCodes.OK;
  }
}
