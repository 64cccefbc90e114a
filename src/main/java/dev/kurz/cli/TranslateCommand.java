package dev.kurz.cli;

import dev.kurz.render.JsonOutput;
import dev.kurz.config.Key;
import dev.kurz.faithfulness.Finding;
import dev.kurz.glossary.Glossary;
import dev.kurz.ingest.ArticleReader;
import dev.kurz.ingest.Input;
import dev.kurz.ingest.InputException;
import dev.kurz.model.Outcome;
import dev.kurz.model.Translation;
import dev.kurz.render.TranslationHtml;
import dev.kurz.render.TranslationJson;
import dev.kurz.render.TranslationText;
import dev.kurz.translate.Chunker;
import dev.kurz.translate.TranslateOutcome;
import dev.kurz.translate.Translator;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(
    mixinStandardHelpOptions = true,
    name = "translate",
    description = "Translate whole articles paragraph for paragraph into English (or --to LANG), names in the forms"
        + " readers know, reported speech kept at its distance.",
    footerHeading = "%nExamples:%n",
    footer = {
        "  kurz translate artikel.txt                       Markdown to the terminal",
        "  kurz translate artikel.txt --side-by-side -f html > a.html",
        "  kurz translate artikel.txt --to fr --format json",
        "  kurz translate artikel.txt --fix-names --glossary my-names.txt"})
final class TranslateCommand extends ModelCommand {

  @Parameters(paramLabel = "INPUT", arity = "0..*", description = "Article files, folders, URLs or feeds, or - for standard input.")
  List<String> inputs;

  @Option(names = {"-t", "--to"}, paramLabel = "LANG", converter = SettingConverter.To.class,
      description = "Target language: ISO 639-1 code or name (en, fr, German; default en).")
  String to;

  @Option(names = {"-f", "--format"}, paramLabel = "FORMAT", description = "markdown (default), text, json or html.")
  Format format = Format.markdown;

  @Option(names = "--side-by-side", description = "Each source paragraph beside (HTML: in a second column) or above its translation.")
  boolean sideBySide;

  @Option(names = "--fix-names", description = "Replace source-language name forms left in the translation (Selenskyj, Kiew) with the glossary's.")
  boolean fixNames;

  @Mixin GlossaryOption glossaryOption;

  @Option(names = "--chunk-tokens", paramLabel = "N", description = "Source tokens per request, at paragraph boundaries (default ${DEFAULT-VALUE}).")
  int chunkTokens = Chunker.DEFAULT_BUDGET;

  @Mixin PromptsDirOption promptsDirOption;

  TranslateCommand(Terminal term) {
    super(term);
  }

  enum Format { markdown, text, json, html }


  @Override
  public Integer call() throws Exception {
    if (chunkTokens < 50) throw new KurzException(ExitCodes.USAGE, "--chunk-tokens must be at least 50");
    try (Services services = services()) {
      Glossary glossary = services.glossary();
      Translator translator = new Translator(services.call(cacheOptions.noCache), glossary,
          new Translator.Options(services.settings().value(Key.TO), chunkTokens, services.settings().doubleValue(Key.TEMPERATURE),
              services.backendSpec().baseUrl(), !cacheOptions.noCache && !cacheOptions.refresh, !cacheOptions.noCache, fixNames));
      InputOptions.Reading reading = inputOptions.read(term, services, inputs == null ? List.of() : inputs, !cacheOptions.noCache);
      if (reading.inputs().isEmpty()) throw new KurzException(ExitCodes.USAGE, "no inputs: name articles, folders, URLs or feeds (or --inputs FILE)");
      ArticleReader reader = reading.reader();
      List<Translation> done = new ArrayList<>();
      List<TranslateOutcome> outcomes = new ArrayList<>();
      int total = reading.inputs().size();
      for (Input input : reading.inputs()) {
        TranslateOutcome outcome;
        try {
          outcome = translator.translate(reader.read(input));
        } catch (InputException e) {
          outcome = new TranslateOutcome.Failed(input.label(), e.getMessage(), Outcome.Failure.INPUT);
        }
        outcomes.add(outcome);
        switch (outcome) {
          case TranslateOutcome.Done d -> {
            print(d.translation(), done.size());
            done.add(d.translation());
            if (!global.quiet) term.err().println("[" + outcomes.size() + "/" + total + "] " + d.label() + ": " + counts(List.of(d.translation())));
            if (!global.quiet) d.translation().warnings().forEach(w -> term.err().println("[WARN] " + d.label() + ": " + w));
          }
          case TranslateOutcome.Failed f -> term.err().println("[ERROR] " + f.label() + ": " + f.message());
        }
        if (outcome instanceof TranslateOutcome.Failed f && f.kind() != Outcome.Failure.INPUT && f.kind() != Outcome.Failure.ANSWER) break;
      }
      finish(done);
      if (!global.quiet) {
        term.err().println("translated " + done.size() + " of " + total + (total == 1 ? " article" : " articles")
            + (done.isEmpty() ? "" : ": " + counts(done)) + "; " + services.limiter().sent() + " requests, "
            + services.limiter().rejected() + " rejected by the provider");
      }
      return exitCode(outcomes, done.size());
    }
  }

  private void print(Translation t, int printed) {
    switch (format) {
      case markdown -> term.out().print((printed > 0 ? "\n---\n\n" : "") + TranslationText.markdown(t, sideBySide));
      case text -> term.out().print((printed > 0 ? "\n" : "") + TranslationText.text(t, sideBySide));
      case json, html -> {} // written whole at the end
    }
    term.out().flush();
  }

  private void finish(List<Translation> done) {
    switch (format) {
      case json -> {
        if (inputs.size() == 1 && done.size() == 1) term.out().println(JsonOutput.write(TranslationJson.toTree(done.get(0)), true));
        else if (!done.isEmpty()) {
          var array = TranslationJson.toTree(done.get(0)).arrayNode();
          done.forEach(t -> array.add(TranslationJson.toTree(t)));
          term.out().println(JsonOutput.write(array, true));
        }
      }
      case html -> {
        if (!done.isEmpty()) term.out().print(TranslationHtml.document(done, sideBySide));
      }
      case markdown, text -> {}
    }
    term.out().flush();
  }

  /** Paragraphs, requests, cache hits and tokens (a cached chunk counts what it cost when it was made). */
  private static String counts(List<Translation> translations) {
    long paragraphs = translations.stream().mapToLong(t -> t.paragraphs().size()).sum();
    long chunks = translations.stream().mapToLong(Translation::chunks).sum();
    long cached = translations.stream().mapToLong(Translation::cachedChunks).sum();
    long in = translations.stream().mapToLong(t -> t.usage().inputTokens()).sum();
    long out = translations.stream().mapToLong(t -> t.usage().outputTokens()).sum();
    long faithfulness = translations.stream().flatMap(t -> t.warnings().stream()).filter(Finding::isFaithfulnessWarning).count();
    return paragraphs + " paragraphs in " + chunks + (chunks == 1 ? " chunk" : " chunks")
        + (cached > 0 ? " (" + cached + " from the cache)" : "") + ", " + in + " in / " + out + " out tokens"
        + (faithfulness > 0 ? "; " + faithfulness + (faithfulness == 1 ? " faithfulness warning" : " faithfulness warnings") : "");
  }

  private static int exitCode(List<TranslateOutcome> outcomes, int done) {
    if (done == outcomes.size()) return ExitCodes.OK;
    boolean interrupted = outcomes.stream().anyMatch(o -> o instanceof TranslateOutcome.Failed f && f.kind() == Outcome.Failure.INTERRUPTED);
    if (interrupted) return ExitCodes.INTERRUPTED;
    boolean backendDown = outcomes.stream().anyMatch(o -> o instanceof TranslateOutcome.Failed f && f.kind() == Outcome.Failure.BACKEND);
    return done == 0 && backendDown ? ExitCodes.NOTHING_RAN : ExitCodes.SOME_FAILED;
  }
}
