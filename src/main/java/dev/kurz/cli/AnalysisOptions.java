package dev.kurz.cli;

import dev.kurz.config.Key;
import java.util.Map;
import picocli.CommandLine.Option;

/** How articles are analysed: options summarize and digest share. */
final class AnalysisOptions {
  @Option(names = {"-t", "--to"}, paramLabel = "LANG", converter = SettingConverter.To.class,
      description = "Target language: ISO 639-1 code or name (en, fr, German; default en).")
  String to;

  @Option(names = {"-l", "--length"}, paramLabel = "LENGTH", converter = SettingConverter.Length.class,
      completionCandidates = SettingConverter.Lengths.class, description = "short, medium (default) or long.")
  String length;

  @Option(names = {"-j", "--concurrency"}, paramLabel = "N", converter = SettingConverter.Concurrency.class, description = "Requests in flight at most (default 4); fewer when the provider pushes back.")
  String concurrency;

  @Option(names = "--prompts-dir", paramLabel = "DIR", description = "Folder with edited prompt templates (see: kurz prompts export).")
  String promptsDir;

  @Option(names = "--dry-run", description = "Count articles, cache hits, tokens and cost per configured model; send nothing.")
  boolean dryRun;

  @Option(names = "--fix-names", description = "Replace German name forms left in the English text (Selenskyj, Kiew) with the glossary's.")
  boolean fixNames;

  @Option(names = "--strict", description = "Faithfulness failures (numbers, dates, names, negations, speakers the article does not bear out) go back to the model once; any left make the exit code 1.")
  boolean strict;

  @Option(names = "--glossary", paramLabel = "FILE", description = "Your own name forms over the built-in glossary (format: docs/glossary.md).")
  String glossary;

  /** Adds the options given to the flags (checked by their converters as they were parsed). */
  void putFlags(Map<Key, String> flags) {
    BackendOptions.put(flags, Key.TO, to);
    BackendOptions.put(flags, Key.LENGTH, length);
    BackendOptions.put(flags, Key.CONCURRENCY, concurrency);
    BackendOptions.put(flags, Key.PROMPTS_DIR, promptsDir);
    BackendOptions.put(flags, Key.GLOSSARY, glossary);
    if (strict) flags.put(Key.STRICT, "true");
  }
}
