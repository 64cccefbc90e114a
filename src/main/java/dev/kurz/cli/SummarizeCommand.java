package dev.kurz.cli;

import dev.kurz.model.Outcome;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(
    mixinStandardHelpOptions = true,
    name = "summarize",
    description = "Summarize articles in English (or --to LANG) with a grounded list of the claims they make or report.",
    footerHeading = "%nExamples:%n",
    footer = {
        "  kurz summarize artikel.txt                      Markdown to the terminal",
        "  kurz summarize a.txt b.txt --format jsonl       one JSON object per article",
        "  cat artikel.txt | kurz summarize - --format json",
        "  kurz summarize artikel.txt --to fr --length short",
        "  kurz summarize artikel.txt --provider ollama --model qwen2.5:14b",
        "  kurz summarize artikel.txt --provider openai --base-url http://localhost:8080/v1 --model local",
        "  kurz summarize ~/presse/heute/ --dry-run        what it would cost, no requests"})
final class SummarizeCommand extends ModelCommand {
  @Mixin AnalysisOptions analysis;

  @Parameters(paramLabel = "INPUT", arity = "0..*",
      description = "Article files (.txt .md .html .pdf), folders of them, http(s) URLs, RSS/Atom feeds, or - for standard input.")
  List<String> inputs;

  @Option(names = {"-f", "--format"}, paramLabel = "FORMAT", description = "markdown (default), json or jsonl.")
  Format format = Format.markdown;

  SummarizeCommand(Terminal term) {
    super(term);
  }

  enum Format { markdown, json, jsonl }

  @Override
  boolean sendsRequests() {
    return !analysis.dryRun;
  }

  @Override
  public Integer call() throws Exception {
    if (inputs != null && inputs.stream().filter("-"::equals).count() > 1) throw new KurzException(ExitCodes.USAGE, "standard input (-) can be read only once");
    try (Services services = services()) {
      InputOptions.Reading reading = inputOptions.read(term, services, inputs, !cacheOptions.noCache);
      if (analysis.dryRun) return new DryRun(term, services, cacheOptions).run(reading.reader(), reading.inputs(), format != Format.markdown);
      SummarizeJob job = new SummarizeJob(term, services, cacheOptions, global);
      ResultPrinter printer = new ResultPrinter(term.out(), format, reading.inputs().size() > 1);
      List<Outcome> outcomes = job.run(job.batch(reading.reader(), analysis.fixNames), reading.inputs(), printer::print);
      printer.finish();
      return job.report(outcomes);
    }
  }

}
