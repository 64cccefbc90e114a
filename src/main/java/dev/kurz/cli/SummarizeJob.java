package dev.kurz.cli;

import dev.kurz.analysis.Summarizer;
import dev.kurz.config.Key;
import dev.kurz.config.PriceTable;
import dev.kurz.config.Settings;
import dev.kurz.ingest.ArticleReader;
import dev.kurz.ingest.Input;
import dev.kurz.model.Outcome;
import dev.kurz.scheduling.RequestLimiter;
import dev.kurz.scheduling.RunTally;
import dev.kurz.scheduling.SummaryBatch;
import java.util.List;
import java.util.function.Consumer;

/**
 * The command side of a batch of summaries (summarize, digest, batch): the summarizer from the
 * run's services, the {@link SummaryBatch} engine with progress and [ERROR] lines on stderr, and
 * at the end the summary line from the {@link RunTally} and its exit code.
 */
final class SummarizeJob {
  private final Terminal term;
  private final Services services;
  private final CacheOptions cacheOptions;
  private final GlobalOptions global;
  private long startMillis;

  SummarizeJob(Terminal term, Services services, CacheOptions cacheOptions, GlobalOptions global) {
    this.term = term;
    this.services = services;
    this.cacheOptions = cacheOptions;
    this.global = global;
  }

  /** The summarizer for this run's settings; with {@code fixNames} German name forms left in the English text are replaced. */
  Summarizer summarizer(boolean fixNames) {
    Settings s = services.settings();
    return new Summarizer(services.call(cacheOptions.noCache), services.schema(), services.glossary(),
        new Summarizer.Options(s.value(Key.TO), s.value(Key.LENGTH), s.doubleValue(Key.TEMPERATURE),
            services.backendSpec().baseUrl(), !cacheOptions.noCache && !cacheOptions.refresh, !cacheOptions.noCache,
            s.intValue(Key.CONTEXT_TOKENS), s.intValue(Key.MAX_ARTICLE_TOKENS), fixNames, strict()), term.clock());
  }

  /** The engine for this run: its inputs read by {@code reader}, as many requests at once as the settings allow. */
  SummaryBatch batch(ArticleReader reader, boolean fixNames) {
    // Nothing can come from the cache: the provider's client is built while the first articles are read.
    if (cacheOptions.noCache || cacheOptions.refresh) services.prepareBackend();
    return new SummaryBatch(summarizer(fixNames), reader, services.settings().intValue(Key.CONCURRENCY),
        () -> term.interrupted().get(), services.limiter().turns());
  }

  /** Whether faithfulness failures are repaired and fail the run (--strict, KURZ_STRICT, strict = true). */
  boolean strict() {
    return Boolean.parseBoolean(services.settings().value(Key.STRICT)); // true or false, checked where it was set
  }

  /** Runs {@code batch} over the inputs with progress and failures on stderr. */
  List<Outcome> run(SummaryBatch batch, List<Input> inputs, Consumer<Outcome> emit) throws InterruptedException {
    startMillis = term.clock().millis();
    ProgressReporter progress = new ProgressReporter(term.err(), term.clock(), term.interactive(), global.quiet);
    services.limiter().pacing(progress::waiting);
    try {
      return batch.reporting(line -> progress.println("[ERROR] " + line), progress::finished).run(inputs, emit);
    } finally {
      progress.close();
    }
  }

  /** The summary line (and the warnings) on stderr; returns the exit code. */
  int report(List<Outcome> outcomes) {
    RunTally t = RunTally.of(outcomes, PriceTable.of(services.configFile()));
    boolean strict = strict();
    if (!global.quiet) {
      WarningTally warnings = WarningTally.of(outcomes);
      // One input, or --verbose: every warning; a batch: a tally by kind (each also in the output's warnings).
      boolean detail = outcomes.size() == 1 || global.verbose;
      if (detail) warnings.lines().forEach(term.err()::println);
      if (t.articles() > 1 || t.interrupted() > 0 || t.faithfulnessWarnings() > 0) {
        term.err().println(summaryLine(t, strict, (term.clock().millis() - startMillis) / 1000.0));
        if (!detail && warnings.count() > 0) term.err().println(warnings.summary());
      }
    }
    return switch (t.verdict(strict)) {
      case OK -> ExitCodes.OK;
      case SOME_FAILED -> ExitCodes.SOME_FAILED;
      case NOTHING_RAN -> ExitCodes.NOTHING_RAN;
      case INTERRUPTED -> ExitCodes.INTERRUPTED;
    };
  }

  private String summaryLine(RunTally t, boolean strict, double seconds) {
    RequestLimiter limiter = services.limiter();
    int f = t.faithfulnessWarnings();
    int u = t.unfaithfulAnswers();
    String gate = f == 0 ? "" : String.format("; %d faithfulness warning%s in %d answer%s%s", f, f == 1 ? "" : "s", u,
        u == 1 ? "" : "s", strict ? " (--strict: exit 1)" : "");
    return String.format("%s%d article%s: %d done (%d from cache, %d new), %d failed%s%s%s; tokens %d in / %d out; est. cost %s; %d requests, %d rejected by the provider; %.1f s",
        t.interrupted() > 0 ? "interrupted: " : "", t.articles(), t.articles() == 1 ? "" : "s", t.done(), t.cached(),
        t.fresh(), t.failed(), t.notAttempted() > 0 ? ", " + t.notAttempted() + " not attempted" : "",
        t.interrupted() > 0 ? ", " + t.interrupted() + " not finished" : "", gate, t.inputTokens(), t.outputTokens(),
        t.cost() != null ? String.format("$%.4f", t.cost()) : "unknown (no price for this model; see [prices] in the config)",
        limiter.sent(), limiter.rejected(), seconds);
  }
}
