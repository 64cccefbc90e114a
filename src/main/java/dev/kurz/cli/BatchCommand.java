package dev.kurz.cli;

import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Parameters;

@Command(
    mixinStandardHelpOptions = true,
    name = "batch",
    description = "Summarize many articles through the provider's batch API (half price, answers within 24 h).",
    subcommands = {BatchCommand.Submit.class, BatchCommand.Status.class, BatchCommand.Collect.class},
    footerHeading = "%nExamples:%n",
    footer = {"  kurz batch submit ~/archiv/2024/ --provider openai --model gpt-4o-mini",
        "  kurz batch status                 the batch submitted last",
        "  kurz batch collect                then: kurz digest ~/archiv/2024/ (all from the cache)"})
final class BatchCommand {

  /** Options every batch subcommand shares: the backend and the cache the batch is recorded in. */
  abstract static class Base implements Callable<Integer> {
    @Mixin GlobalOptions global;
    @Mixin BackendOptions backendOptions;
    @Mixin CacheOptions cacheOptions;
    @Mixin AnalysisOptions analysis;
    @Spec CommandSpec spec;

    final Terminal term;

    Base(Terminal term) {
      this.term = term;
    }

    void requireCache() {
      if (cacheOptions.noCache) throw new KurzException(ExitCodes.USAGE, "batches are recorded in the cache: --no-cache cannot be used here");
    }
  }

  @Command(mixinStandardHelpOptions = true, name = "submit",
      description = "Submit one request per article not yet cached, exactly as summarize would send it; prints the batch id.",
      footerHeading = "%nExamples:%n", footer = {"  kurz batch submit ~/archiv/ --provider anthropic"})
  static final class Submit extends Base {
    @Mixin InputOptions inputOptions;

    @Parameters(paramLabel = "INPUT", arity = "0..*", description = "Article files, folders, URLs or feeds, as for summarize.")
    List<String> inputs;

    Submit(Terminal term) {
      super(term);
    }

    @Override
    public Integer call() throws Exception {
      requireCache();
      try (Services services = Services.of(term, global, spec)) {
        return new BatchRun(term, services, cacheOptions, global).submit(inputOptions, inputs, analysis.fixNames);
      }
    }
  }

  @Command(mixinStandardHelpOptions = true, name = "status", description = "Progress of a batch as counts (a bar on a terminal).",
      footerHeading = "%nExamples:%n", footer = {"  kurz batch status", "  kurz batch status batch_67c1e0"})
  static final class Status extends Base {
    @Parameters(paramLabel = "ID", arity = "0..1", description = "The batch (default: the one submitted last).")
    String id;

    Status(Terminal term) {
      super(term);
    }

    @Override
    public Integer call() throws Exception {
      requireCache();
      return BatchRun.forBatch(term, global, spec, cacheOptions, id, (run, batchId) -> run.status(batchId));
    }
  }

  @Command(mixinStandardHelpOptions = true, name = "collect",
      description = "Download an ended batch's answers, validate, repair, ground and store them under summarize's keys.",
      footerHeading = "%nExamples:%n", footer = {"  kurz batch collect", "  kurz batch collect msgbatch_01HkcTjaV5uDC8jWR4ZsDV8d"})
  static final class Collect extends Base {
    @Parameters(paramLabel = "ID", arity = "0..1", description = "The batch (default: the one submitted last).")
    String id;

    Collect(Terminal term) {
      super(term);
    }

    @Override
    public Integer call() throws Exception {
      requireCache();
      return BatchRun.forBatch(term, global, spec, cacheOptions, id, (run, batchId) -> run.collect(batchId, analysis.fixNames));
    }
  }
}
