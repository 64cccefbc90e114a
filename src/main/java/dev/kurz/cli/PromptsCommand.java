package dev.kurz.cli;

import dev.kurz.llm.PromptTemplates;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(
    mixinStandardHelpOptions = true,
    name = "prompts",
    description = "List, show and export the prompt templates. Edited copies in prompts_dir (or --prompts-dir)"
        + " replace the built-in ones file by file; their content is part of every cache key.",
    subcommands = {PromptsCommand.Show.class, PromptsCommand.Export.class},
    footerHeading = "%nExamples:%n",
    footer = {"  kurz prompts", "  kurz prompts show analyze.system.txt",
        "  kurz prompts export ~/.config/kurz/prompts && kurz summarize a.txt --prompts-dir ~/.config/kurz/prompts"})
final class PromptsCommand implements Callable<Integer> {
  @Mixin GlobalOptions global;

  @Mixin PromptsDirOption promptsDir;
  @Spec CommandSpec spec;

  private final Terminal term;

  PromptsCommand(Terminal term) {
    this.term = term;
  }

  @Override
  public Integer call() {
    PromptTemplates p = load(term, global, spec);
    for (var e : p.origins().entrySet()) term.out().printf("%-20s %s%n", e.getKey(), e.getValue());
    term.out().println("hash " + p.hash().substring(0, 16));
    return ExitCodes.OK;
  }

  static PromptTemplates load(Terminal term, GlobalOptions global, CommandSpec spec) {
    try (Services s = Services.of(term, global, spec)) {
      return s.prompts();
    }
  }

  @Command(mixinStandardHelpOptions = true, name = "show", description = "Print one template as it will be used.",
      footerHeading = "%nExamples:%n", footer = {"  kurz prompts show analyze.system.txt"})
  static final class Show implements Callable<Integer> {
    @Mixin GlobalOptions global;

    @Mixin PromptsDirOption promptsDir;
    @Spec CommandSpec spec;

    @Parameters(paramLabel = "NAME", description = "Template file name (see: kurz prompts).")
    String name;

    private final Terminal term;

    Show(Terminal term) {
      this.term = term;
    }

    @Override
    public Integer call() {
      if (!PromptTemplates.NAMES.contains(name)) {
        throw new KurzException(ExitCodes.USAGE, "no prompt named " + name + "; known: " + String.join(", ", PromptTemplates.NAMES));
      }
      term.out().print(load(term, global, spec).template(name));
      return ExitCodes.OK;
    }
  }

  @Command(mixinStandardHelpOptions = true, name = "export", description = "Copy the built-in templates into a folder to edit them.",
      footerHeading = "%nExamples:%n", footer = {"  kurz prompts export ~/.config/kurz/prompts"})
  static final class Export implements Callable<Integer> {
    @Parameters(paramLabel = "DIR", description = "Target folder (created).")
    Path dir;

    @Option(names = "--force", description = "Overwrite existing files.")
    boolean force;

    private final Terminal term;

    Export(Terminal term) {
      this.term = term;
    }

    @Override
    public Integer call() throws IOException {
      Files.createDirectories(dir);
      for (String name : PromptTemplates.NAMES) {
        Path target = dir.resolve(name);
        if (Files.exists(target) && !force) {
          term.err().println("[WARN] " + target + " exists; kept (use --force to overwrite)");
          continue;
        }
        Files.writeString(target, PromptTemplates.builtIn(name));
        term.err().println("wrote " + target);
      }
      term.err().println("use them with --prompts-dir " + dir + " or prompts_dir in the config");
      return ExitCodes.OK;
    }
  }
}
