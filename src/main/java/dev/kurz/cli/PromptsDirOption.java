package dev.kurz.cli;

import java.nio.file.Path;
import picocli.CommandLine.Option;

/** Where the user's edited prompt templates are: every command that renders prompts mixes this in. */
final class PromptsDirOption {
  @Option(names = "--prompts-dir", paramLabel = "DIR", description = "Folder with edited prompt templates (see: kurz prompts export).")
  Path promptsDir;
}
