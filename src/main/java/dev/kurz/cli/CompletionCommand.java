package dev.kurz.cli;

import java.util.concurrent.Callable;
import picocli.AutoComplete;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * Prints picocli's completion script for the whole command tree ({@link Main} builds every
 * command for it): commands, options and their values. The script serves bash and, through
 * bashcompinit, zsh; picocli writes no fish script, so fish is refused rather than given bash.
 */
@Command(
    name = "generate-completion",
    mixinStandardHelpOptions = true,
    description = "Print a shell completion script for kurz (bash or zsh).",
    footerHeading = "%nExamples:%n",
    footer = {
        "  source <(kurz generate-completion)             bash, this shell",
        "  kurz generate-completion > ~/.local/share/bash-completion/completions/kurz",
        "  source <(kurz generate-completion zsh)         zsh (loads bashcompinit)"})
final class CompletionCommand implements Callable<Integer> {
  @Parameters(paramLabel = "SHELL", arity = "0..1", completionCandidates = Shells.class,
      description = "bash (default) or zsh.")
  String shell = "bash";

  @Spec CommandSpec spec;

  private final Terminal term;

  CompletionCommand(Terminal term) {
    this.term = term;
  }

  @Override
  public Integer call() {
    switch (shell) {
      case "bash", "zsh" -> {
        term.out().print(AutoComplete.bash("kurz", spec.root().commandLine()));
        term.out().flush();
        return ExitCodes.OK;
      }
      case "fish" -> throw new KurzException(ExitCodes.USAGE,
          "no fish completion: picocli writes completion scripts for bash and zsh only");
      default -> throw new KurzException(ExitCodes.USAGE, "unknown shell '" + shell + "': bash or zsh");
    }
  }

  static final class Shells implements Iterable<String> {
    @Override
    public java.util.Iterator<String> iterator() {
      return java.util.List.of("bash", "zsh").iterator();
    }
  }
}
