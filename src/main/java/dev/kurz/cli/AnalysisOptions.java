package dev.kurz.cli;

import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** How articles are analysed: options summarize, digest and batch share. */
final class AnalysisOptions {
  @Option(names = {"-t", "--to"}, paramLabel = "LANG", converter = SettingConverter.To.class,
      description = "Target language: ISO 639-1 code or name (en, fr, German; default en).")
  String to;

  @Option(names = {"-l", "--length"}, paramLabel = "LENGTH", converter = SettingConverter.Length.class,
      completionCandidates = SettingConverter.Lengths.class, description = "short, medium (default) or long.")
  String length;

  @Option(names = {"-j", "--concurrency"}, paramLabel = "N", converter = SettingConverter.Concurrency.class, description = "Requests in flight at most (default 4); fewer when the provider pushes back.")
  Integer concurrency;

  @Mixin PromptsDirOption promptsDirOption;
  @Mixin GlossaryOption glossaryOption;

  @Option(names = "--dry-run", description = "Count articles, cache hits, tokens and cost per configured model; send nothing.")
  boolean dryRun;

  @Option(names = "--fix-names", description = "Replace German name forms left in the English text (Selenskyj, Kiew) with the glossary's.")
  boolean fixNames;

  @Option(names = "--strict", description = "Faithfulness failures (numbers, dates, names, negations, speakers the article does not bear out) go back to the model once; any left make the exit code 1.")
  boolean strict;
}
