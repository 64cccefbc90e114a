package dev.kurz.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HelpAndCompletionTest {
  @TempDir Path home;

  @Test
  void bareKurzPrintsTheHelp() {
    CliRun run = new CliRun(home).run();
    assertThat(run.exit).as(run.err).isZero();
    assertThat(run.out).startsWith("Usage: kurz").contains("summarize").contains("digest");
  }

  @Test
  void helpSummarizeShowsTheCommandsHelp() {
    CliRun run = new CliRun(home).run("help", "summarize");
    assertThat(run.exit).as(run.err).isZero();
    assertThat(run.out).startsWith("Usage: kurz summarize").contains("--provider").contains("Examples:");
  }

  @Test
  void aMistypedCommandSuggestsTheRightOne() {
    CliRun run = new CliRun(home).run("summarise", "a.txt");
    assertThat(run.exit).isEqualTo(2);
    assertThat(run.err).contains("'summarise'").contains("Did you mean: summarize?");
  }

  @Test
  void helpWrapsAtTheTerminalWidthAndNeverInsideAToken() {
    for (String command : List.of("summarize", "digest", "translate", "config", "backends", "cache", "models", "extract")) {
      String wide = new CliRun(home).env("COLUMNS", "10000").run(command, "--help").out;
      for (int width : new int[] {60, 80, 120}) {
        String help = new CliRun(home).env("COLUMNS", String.valueOf(width)).run(command, "--help").out;
        assertThat(tokens(help)).as(command + " at " + width + " columns keeps every token whole").isEqualTo(tokens(wide));
        for (String line : help.split("\n")) {
          if (line.strip().contains(" ")) assertThat(line.length()).as(command + ": " + line).isLessThanOrEqualTo(width);
        }
      }
    }
    String help = new CliRun(home).env("COLUMNS", "80").run("summarize", "--help").out;
    assertThat(help).contains("http://localhost:8080/v1").contains("$XDG_CONFIG_HOME/kurz/config.toml");
  }

  @Test
  void completionCompletesCommandsOptionsAndValues() throws Exception {
    CliRun run = new CliRun(home).run("generate-completion");
    assertThat(run.exit).as(run.err).isZero();
    assertThat(run.out).contains("summarize").contains("digest").contains("backends").contains("--provider")
        .contains("bashcompinit"); // zsh
    Path script = home.resolve("kurz-completion.bash");
    Files.writeString(script, run.out);
    assertThat(complete(script, "kurz", "sum")).containsExactly("summarize");
    assertThat(complete(script, "kurz", "summarize", "--prov")).containsExactly("--provider");
    assertThat(complete(script, "kurz", "summarize", "--provider", "")).contains("openai", "ollama", "anthropic", "embedded");
    assertThat(complete(script, "kurz", "digest", "--length", "")).containsExactly("short", "medium", "long");
    assertThat(complete(script, "kurz", "digest", "--format", "")).containsExactly("markdown", "json", "html");
    assertThat(complete(script, "kurz", "config", "")).contains("init", "show");
  }

  @Test
  void zshGetsTheSameScriptAndFishIsRefusedRatherThanGivenBash() {
    CliRun zsh = new CliRun(home).run("generate-completion", "zsh");
    assertThat(zsh.exit).isZero();
    assertThat(zsh.out).contains("bashcompinit");
    CliRun fish = new CliRun(home).run("generate-completion", "fish");
    assertThat(fish.exit).isEqualTo(2);
    assertThat(fish.out).isEmpty();
    assertThat(fish.err).contains("fish");
  }

  /** What bash offers after the words (the last one being completed), sourcing the script. */
  private List<String> complete(Path script, String... words) throws Exception {
    assumeTrue(Files.isExecutable(Path.of("/bin/bash")), "bash not installed");
    StringBuilder array = new StringBuilder();
    for (String w : words) array.append(" '").append(w).append('\'');
    String cmd = "source '" + script + "' 2>/dev/null; COMP_WORDS=(" + array + "); COMP_CWORD=" + (words.length - 1)
        + "; COMP_LINE=\"${COMP_WORDS[*]}\"; COMP_POINT=${#COMP_LINE}; _complete_kurz 2>/dev/null; printf '%s\\n' \"${COMPREPLY[@]}\"";
    Process p = new ProcessBuilder("/bin/bash", "-c", cmd).redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
    return Arrays.stream(out.split("\n")).map(String::strip).filter(s -> !s.isEmpty()).toList();
  }

  private static List<String> tokens(String text) {
    return Arrays.stream(text.split("\\s+")).filter(s -> !s.isEmpty()).toList();
  }
}
