package dev.kurz.cli;

import dev.kurz.config.Key;
import dev.kurz.config.Settings;
import dev.kurz.ingest.ArticleReader;
import dev.kurz.ingest.Input;
import dev.kurz.ingest.InputException;
import dev.kurz.model.Outcome;
import dev.kurz.pipeline.AnswerCache;
import dev.kurz.pipeline.BatchRunner;
import dev.kurz.pipeline.RetryPolicy;
import dev.kurz.pipeline.Summarizer;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Runs summarize over its inputs: wires the summarizer from the services, reads each input
 * inside its own task (so one unreadable file is one error), reports failures on stderr as they
 * happen and a summary line at the end, and turns the outcomes into the exit code.
 */
final class SummarizeJob {
  private final Terminal term;
  private final Services services;
  private final CacheOptions cacheOptions;
  private final GlobalOptions global;
  private final ArticleReader reader;

  SummarizeJob(Terminal term, Services services, CacheOptions cacheOptions, GlobalOptions global, ArticleReader reader) {
    this.term = term;
    this.services = services;
    this.cacheOptions = cacheOptions;
    this.global = global;
    this.reader = reader;
  }

  List<Outcome> run(List<Input> inputs, Consumer<Outcome> emit) throws InterruptedException {
    Settings s = services.settings();
    int concurrency = s.intValue(Key.CONCURRENCY);
    if (concurrency < 1) throw new KurzException(ExitCodes.USAGE, "concurrency must be at least 1");
    var backend = services.backend();
    AnswerCache cache = cacheOptions.noCache ? AnswerCache.DISABLED : services.answerCache();
    Summarizer summarizer = new Summarizer(backend, services.prompts(), services.schema(), cache,
        new Summarizer.Options(s.value(Key.TO), s.value(Key.LENGTH), s.doubleValue(Key.TEMPERATURE),
            services.backendSpec().baseUrl(), !cacheOptions.noCache && !cacheOptions.refresh, !cacheOptions.noCache),
        RetryPolicy.DEFAULT, term.sleeper(), term.clock());
    Map<String, Input> byLabel = new LinkedHashMap<>();
    for (Input input : inputs) byLabel.putIfAbsent(input.label(), input);
    return new BatchRunner(concurrency).run(List.copyOf(byLabel.keySet()), label -> {
      Outcome outcome;
      try {
        outcome = summarizer.summarize(reader.read(byLabel.get(label)));
      } catch (InputException e) {
        outcome = new Outcome.Failed(label, e.getMessage(), Outcome.Failure.INPUT);
      }
      if (outcome instanceof Outcome.Failed f) term.err().println("[ERROR] " + f.label() + ": " + f.message());
      return outcome;
    }, emit);
  }

  int report(List<Outcome> outcomes) {
    int failed = 0;
    int cached = 0;
    long in = 0;
    long out = 0;
    boolean backendDown = false;
    for (Outcome o : outcomes) {
      switch (o) {
        case Outcome.Done d -> {
          if (d.result().cached()) cached++;
          else {
            in += d.result().usage().inputTokens();
            out += d.result().usage().outputTokens();
          }
          for (String w : d.result().warnings()) {
            if (!global.quiet) term.err().println("[WARN] " + d.label() + ": " + w);
          }
        }
        case Outcome.Failed f -> {
          failed++;
          backendDown |= f.kind() == Outcome.Failure.BACKEND;
        }
      }
    }
    int done = outcomes.size() - failed;
    if (!global.quiet && outcomes.size() > 1) {
      term.err().printf("%d articles: %d done (%d from cache), %d failed; tokens %d in / %d out%n",
          outcomes.size(), done, cached, failed, in, out);
    }
    if (failed == 0) return ExitCodes.OK;
    if (done == 0 && backendDown) return ExitCodes.NOTHING_RAN;
    if (outcomes.stream().anyMatch(o -> o instanceof Outcome.Failed f && f.kind() == Outcome.Failure.INTERRUPTED)) {
      return ExitCodes.INTERRUPTED;
    }
    return ExitCodes.SOME_FAILED;
  }
}
