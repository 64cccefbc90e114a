package dev.kurz.cli;

import dev.kurz.config.Key;
import dev.kurz.config.PriceTable;
import dev.kurz.config.Settings;
import dev.kurz.faithfulness.Finding;
import dev.kurz.ingest.ArticleReader;
import dev.kurz.ingest.Input;
import dev.kurz.ingest.InputException;
import dev.kurz.model.Article;
import dev.kurz.model.Outcome;
import dev.kurz.scheduling.BatchRunner;
import dev.kurz.scheduling.RequestLimiter;
import dev.kurz.analysis.Summarizer;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The batch engine behind summarize (and digest): wires the summarizer from the services, runs
 * the inputs through a bounded pool whose request concurrency adapts to the provider's push-back,
 * reads each input inside its own task (so one unreadable file is one error), reports failures on
 * stderr as they happen, shows progress, and ends with a summary line and the exit code.
 */
final class SummarizeJob {
  private final Terminal term;
  private final Services services;
  private final CacheOptions cacheOptions;
  private final GlobalOptions global;
  private final ArticleReader reader;
  private long startMillis;
  private Map<String, String> texts;
  private boolean fixNames;

  SummarizeJob(Terminal term, Services services, CacheOptions cacheOptions, GlobalOptions global, ArticleReader reader) {
    this.term = term;
    this.services = services;
    this.cacheOptions = cacheOptions;
    this.global = global;
    this.reader = reader;
  }

  /** German name forms left in the English text are replaced from the glossary. */
  SummarizeJob fixingNames(boolean fix) {
    this.fixNames = fix;
    return this;
  }

  /** Keeps each article's analysed text, for work after the batch (story grouping). */
  SummarizeJob keepingTexts() {
    texts = new java.util.concurrent.ConcurrentHashMap<>();
    return this;
  }

  /**
   * The analysed text of an input read by {@link #run}, when texts are kept; else "". The job lets
   * go of it: a second call gives "" (a big digest's texts are needed once, for grouping).
   */
  String takeText(String label) {
    String text = texts == null ? null : texts.remove(label);
    return text == null ? "" : text;
  }

  /** The summarizer for this run's settings, its requests throttled adaptively. */
  Summarizer summarizer() {
    Settings s = services.settings();
    return new Summarizer(services.call(cacheOptions.noCache), services.schema(), services.glossary(null),
        new Summarizer.Options(s.value(Key.TO), s.value(Key.LENGTH), s.doubleValue(Key.TEMPERATURE),
            services.backendSpec().baseUrl(), !cacheOptions.noCache && !cacheOptions.refresh, !cacheOptions.noCache,
            s.intValue(Key.CONTEXT_TOKENS), s.intValue(Key.MAX_ARTICLE_TOKENS), fixNames, strict()), term.clock());
  }

  /** Whether faithfulness failures are repaired and fail the run (--strict, KURZ_STRICT, strict = true). */
  boolean strict() {
    return Boolean.parseBoolean(services.settings().value(Key.STRICT)); // true or false, checked where it was set
  }

  int concurrency() {
    return services.settings().intValue(Key.CONCURRENCY);
  }

  List<Outcome> run(List<Input> inputs, Consumer<Outcome> emit) throws InterruptedException {
    startMillis = term.clock().millis();
    // Nothing can come from the cache: the provider's client is built while the first articles are read.
    if (cacheOptions.noCache || cacheOptions.refresh) services.prepareBackend();
    Summarizer summarizer = summarizer();
    ProgressReporter progress = new ProgressReporter(term.err(), term.clock(), term.interactive(), global.quiet);
    services.limiter().pacing(progress);
    Map<String, Input> byLabel = new LinkedHashMap<>();
    for (Input input : inputs) byLabel.putIfAbsent(input.label(), input);
    // Errors are reported as inputs finish: one line per failed input, but one line in all for
    // what stops the run (unreachable server, missing key), not one per input it stopped.
    boolean[] stopped = {false};
    BatchRunner.Listener listener = (outcome, done, total) -> {
      if (outcome instanceof Outcome.Failed f) {
        switch (f.kind()) {
          case BACKEND -> {
            if (!stopped[0]) progress.println("[ERROR] " + f.message().replaceFirst("^not attempted: ", ""));
            stopped[0] = true;
          }
          case INTERRUPTED -> { }
          case INPUT, ANSWER -> progress.println("[ERROR] " + f.label() + ": " + f.message());
        }
      }
      progress.finished(outcome, done, total);
    };
    // Articles in flight: enough to keep every request slot busy while others read or validate.
    BatchRunner runner = new BatchRunner(concurrency() + 2, () -> term.interrupted().get(), listener);
    List<Outcome> outcomes = runner.run(List.copyOf(byLabel.keySet()), label -> {
      Outcome outcome;
      try {
        Article article = reader.read(byLabel.get(label));
        if (texts != null) texts.put(label, article.text());
        outcome = summarizer.summarize(article);
      } catch (InputException e) {
        outcome = new Outcome.Failed(label, e.getMessage(), Outcome.Failure.INPUT);
      }
      return outcome;
    }, emit);
    progress.close();
    return outcomes;
  }

  int report(List<Outcome> outcomes) {
    int failed = 0;
    int notAttempted = 0;
    int cached = 0;
    int interrupted = 0;
    long in = 0;
    long out = 0;
    double cost = 0;
    boolean priced = true;
    boolean backendDown = false;
    int faithfulness = 0;
    int unfaithfulAnswers = 0;
    WarningTally warnings = new WarningTally();
    PriceTable prices = PriceTable.of(services.configFile());
    for (Outcome o : outcomes) {
      switch (o) {
        case Outcome.Done d -> {
          if (d.result().cached()) {
            cached++;
          } else {
            var u = d.result().usage();
            in += u.inputTokens();
            out += u.outputTokens();
            PriceTable.Price price = prices.price(d.result().model().provider(), d.result().model().name());
            if (price == null) priced = false;
            else cost += price.cost(u.inputTokens(), u.outputTokens());
          }
          int unfaithful = 0;
          for (String w : d.result().warnings()) {
            warnings.add(d.label(), w);
            if (Finding.isFaithfulnessWarning(w)) unfaithful++;
          }
          faithfulness += unfaithful;
          if (unfaithful > 0) unfaithfulAnswers++;
        }
        case Outcome.Failed f -> {
          switch (f.kind()) {
            case INTERRUPTED -> interrupted++;
            case BACKEND -> {
              backendDown = true;
              if (f.message().startsWith("not attempted: ")) notAttempted++;
              else failed++;
            }
            case INPUT, ANSWER -> failed++;
          }
        }
      }
    }
    int done = outcomes.size() - failed - notAttempted - interrupted;
    boolean strict = strict();
    if (!global.quiet) {
      // One input, or --verbose: every warning; a batch: a tally by kind (each also in the output's warnings).
      boolean detail = outcomes.size() == 1 || global.verbose;
      if (detail) warnings.lines().forEach(term.err()::println);
      if (outcomes.size() > 1 || interrupted > 0 || faithfulness > 0) {
        double seconds = (term.clock().millis() - startMillis) / 1000.0;
        RequestLimiter limiter = services.limiter();
        String gate = faithfulness == 0 ? "" : String.format("; %d faithfulness warning%s in %d answer%s%s", faithfulness,
            faithfulness == 1 ? "" : "s", unfaithfulAnswers, unfaithfulAnswers == 1 ? "" : "s", strict ? " (--strict: exit 1)" : "");
        term.err().printf("%s%d article%s: %d done (%d from cache, %d new), %d failed%s%s%s; tokens %d in / %d out; est. cost %s; %d requests, %d rejected by the provider; %.1f s%n",
            interrupted > 0 ? "interrupted: " : "", outcomes.size(), outcomes.size() == 1 ? "" : "s", done, cached,
            done - cached, failed, notAttempted > 0 ? ", " + notAttempted + " not attempted" : "",
            interrupted > 0 ? ", " + interrupted + " not finished" : "", gate, in, out,
            priced ? String.format("$%.4f", cost) : "unknown (no price for this model; see [prices] in the config)",
            limiter.sent(), limiter.rejected(), seconds);
        if (!detail && warnings.count() > 0) term.err().println(warnings.summary());
      }
    }
    if (interrupted > 0) return ExitCodes.INTERRUPTED;
    if (strict && unfaithfulAnswers > 0 && !(done == 0 && backendDown)) return ExitCodes.SOME_FAILED;
    if (failed + notAttempted == 0) return ExitCodes.OK;
    if (done == 0 && backendDown) return ExitCodes.NOTHING_RAN;
    return ExitCodes.SOME_FAILED;
  }
}
