package dev.kurz.cli;

import dev.kurz.config.Key;
import dev.kurz.model.Outcome;
import dev.kurz.pipeline.BatchRunner;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
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
final class SummarizeCommand implements Callable<Integer> {
  @Mixin GlobalOptions global;
  @Mixin BackendOptions backendOptions;
  @Mixin CacheOptions cacheOptions;
  @Mixin InputOptions inputOptions;

  @Parameters(paramLabel = "INPUT", arity = "0..*",
      description = "Article files (.txt .md .html .pdf), folders of them, http(s) URLs, RSS/Atom feeds, or - for standard input.")
  List<String> inputs;

  @Option(names = {"-f", "--format"}, paramLabel = "FORMAT", description = "markdown (default), json or jsonl.")
  Format format = Format.markdown;

  @Option(names = {"-t", "--to"}, paramLabel = "LANG", description = "Target language, ISO 639-1 (default en).")
  String to;

  @Option(names = {"-l", "--length"}, paramLabel = "LENGTH", description = "short, medium (default) or long.")
  String length;

  @Option(names = {"-j", "--concurrency"}, paramLabel = "N", description = "Requests in flight at once (default 4).")
  String concurrency;

  @Option(names = "--prompts-dir", paramLabel = "DIR", description = "Folder with edited prompt templates (see: kurz prompts export).")
  String promptsDir;

  @Option(names = "--dry-run", description = "Count articles, cache hits, tokens and cost per configured model; send nothing.")
  boolean dryRun;

  @Option(names = "--fix-names", description = "Replace German name forms left in the English text (Selenskyj, Kiew) with the glossary's.")
  boolean fixNames;

  @Option(names = "--glossary", paramLabel = "FILE", description = "Your own name forms over the built-in glossary (format: docs/glossary.md).")
  String glossary;

  private final Terminal term;

  SummarizeCommand(Terminal term) {
    this.term = term;
  }

  enum Format { markdown, json, jsonl }

  @Override
  public Integer call() throws Exception {
    Map<Key, String> flags = new EnumMap<>(Key.class);
    flags.putAll(backendOptions.flags());
    BackendOptions.put(flags, Key.TO, to);
    BackendOptions.put(flags, Key.LENGTH, length);
    BackendOptions.put(flags, Key.CONCURRENCY, concurrency);
    BackendOptions.put(flags, Key.CACHE_DIR, cacheOptions.cacheDir);
    BackendOptions.put(flags, Key.PROMPTS_DIR, promptsDir);
    BackendOptions.put(flags, Key.GLOSSARY, glossary);
    checkLength(length);
    if (inputs != null && inputs.stream().filter("-"::equals).count() > 1) throw new KurzException(ExitCodes.USAGE, "standard input (-) can be read only once");
    try (Services services = new Services(term, global, flags)) {
      InputOptions.Reading reading = inputOptions.read(term, services, inputs, !cacheOptions.noCache);
      if (dryRun) return new DryRun(term, services, cacheOptions).run(reading.reader(), reading.inputs(), format != Format.markdown);
      SummarizeJob job = new SummarizeJob(term, services, cacheOptions, global, reading.reader()).fixingNames(fixNames);
      ResultPrinter printer = new ResultPrinter(term.out(), format, reading.inputs().size() > 1);
      List<Outcome> outcomes = job.run(reading.inputs(), printer::print);
      printer.finish();
      return job.report(outcomes);
    }
  }

  /** Rejects what needs no reading up front; everything else fails per input. */
  static void checkLength(String length) {
    if (length != null && !List.of("short", "medium", "long").contains(length)) {
      throw new KurzException(ExitCodes.USAGE, "--length must be short, medium or long, not '" + length + "'");
    }
  }
}
