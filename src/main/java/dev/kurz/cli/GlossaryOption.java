package dev.kurz.cli;

import java.nio.file.Path;
import picocli.CommandLine.Option;

/** The user's own name forms (the glossary setting): every command that writes English names mixes this in. */
final class GlossaryOption {
  @Option(names = "--glossary", paramLabel = "FILE", description = "Your own name forms over the built-in glossary (format: docs/glossary.md).")
  Path glossary;
}
