package dev.kurz.scheduling;

import dev.kurz.analysis.Summarizer;
import dev.kurz.ingest.ArticleReader;
import dev.kurz.ingest.Input;
import dev.kurz.ingest.InputException;
import dev.kurz.model.Article;
import dev.kurz.model.Outcome;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

/**
 * The batch engine of summarize and digest: each input is read and summarized in its own task of a
 * {@link BatchRunner} pool (so one unreadable file is one failure), with a few more articles in
 * flight than request slots, so every slot stays busy while others read or validate. Failures are
 * told as inputs finish: one line per failed input, but one line in all for what stops the run
 * (an unreachable server, a missing key), not one per input it stopped. Inputs with the same label
 * run once. Not reusable across runs; the listeners are called serially from worker threads.
 */
public final class SummaryBatch {
  private final Summarizer summarizer;
  private final ArticleReader reader;
  private final int concurrency;
  private final BooleanSupplier cancelled;
  private final ProcessorTurns turns;
  private Consumer<String> failures = line -> {};
  private BatchRunner.Listener finished = (outcome, done, total) -> {};
  private Map<String, String> texts;

  /**
   * @param concurrency the run's request slots
   * @param cancelled whether Ctrl-C was pressed: inputs not yet started are not started
   * @param turns the backend's turns on the processors ({@link RequestLimiter#turns}): each input is read, prompted and checked in them
   */
  public SummaryBatch(Summarizer summarizer, ArticleReader reader, int concurrency, BooleanSupplier cancelled,
      ProcessorTurns turns) {
    this.summarizer = summarizer;
    this.reader = reader;
    this.concurrency = concurrency;
    this.cancelled = cancelled;
    this.turns = turns;
  }

  /**
   * Where failures go, as {@code label: message} (or the one reason that stopped the run), and who
   * hears about every finished input (progress).
   */
  public SummaryBatch reporting(Consumer<String> failures, BatchRunner.Listener finished) {
    this.failures = failures;
    this.finished = finished;
    return this;
  }

  /** Keeps each article's analysed text, for work after the batch (story grouping). */
  public SummaryBatch keepingTexts() {
    texts = new ConcurrentHashMap<>();
    return this;
  }

  /**
   * The analysed text of an input read by {@link #run}, when texts are kept; else "". The batch
   * lets go of it: a second call gives "" (a big digest's texts are needed once, for grouping).
   */
  public String takeText(String label) {
    String text = texts == null ? null : texts.remove(label);
    return text == null ? "" : text;
  }

  /** Runs every input; outcomes go to {@code emit} in input order as they are ready, and are returned in that order. */
  public List<Outcome> run(List<Input> inputs, Consumer<Outcome> emit) throws InterruptedException {
    Map<String, Input> byLabel = new LinkedHashMap<>();
    for (Input input : inputs) byLabel.putIfAbsent(input.label(), input);
    boolean[] stopped = {false};
    BatchRunner.Listener listener = (outcome, done, total) -> {
      if (outcome instanceof Outcome.Failed f) {
        switch (f.kind()) {
          case BACKEND -> {
            if (!stopped[0]) failures.accept(f.message().replaceFirst("^not attempted: ", ""));
            stopped[0] = true;
          }
          case INTERRUPTED -> { }
          case INPUT, ANSWER -> failures.accept(f.label() + ": " + f.message());
        }
      }
      finished.finished(outcome, done, total);
    };
    BatchRunner runner = new BatchRunner(concurrency + 2, cancelled, listener);
    return runner.run(List.copyOf(byLabel.keySet()), label -> turns.inTurn(() -> summarize(byLabel.get(label))), emit);
  }

  /**
   * In a processor turn: the reading, and where no cache is looked at first (--no-cache, --refresh)
   * the prompt too, until the request waits for its slot; the answer's checks in another. A cache
   * lookup may wait on a shared cache's network or on another process's answer, so with a cache the
   * first turn ends after reading.
   */
  private Outcome summarize(Input input) {
    try {
      Article article = reader.read(input);
      if (texts != null) texts.put(input.label(), article.text());
      if (summarizer.readsCache()) turns.end();
      return summarizer.summarize(article);
    } catch (InputException e) {
      return new Outcome.Failed(input.label(), e.getMessage(), Outcome.Failure.INPUT);
    }
  }
}
