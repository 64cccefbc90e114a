package dev.kurz.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kurz.llm.Backends;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigInitTest {
  @TempDir Path home;

  @Test
  void theExampleConfigChangesNothingUntilALineIsUncommented() throws Exception {
    CliRun before = new CliRun(home).env("OPENAI_API_KEY", "sk-test-FAKE").run("config", "show", "--show-origin");
    CliRun init = new CliRun(home).run("config", "init");
    assertThat(init.exit).as(init.err).isZero();
    Path file = home.resolve("config/kurz/config.toml");
    assertThat(file).exists();
    CliRun after = new CliRun(home).env("OPENAI_API_KEY", "sk-test-FAKE").run("config", "show", "--show-origin");
    assertThat(after.exit).as(after.err).isZero();
    assertThat(withoutFileLine(after.out)).isEqualTo(withoutFileLine(before.out));
    assertThat(after.out).contains("auto: ").doesNotContain("[file ");
    CliRun backends = new CliRun(home).run("backends");
    assertThat(backends.out).contains("No backends configured");

    // Uncommenting a line is all it takes.
    Files.writeString(file, Files.readString(file).replace("# length = \"medium\"", "length = \"short\""));
    CliRun edited = new CliRun(home).env("OPENAI_API_KEY", "sk-test-FAKE").run("config", "show", "--show-origin");
    assertThat(edited.out).containsPattern("(?m)^length\\s+short\\s+\\[file ");
  }

  @Test
  void theExampleConfigNamesTheDefaultsTheReadmeAndTheCodeUse() throws Exception {
    new CliRun(home).run("config", "init");
    String text = Files.readString(home.resolve("config/kurz/config.toml"));
    String readme = Files.readString(Path.of("README.md"));
    for (var p : Backends.PROVIDERS) {
      if (p.defaultModel() == null) continue;
      assertThat(text).contains("model = \"" + p.defaultModel() + "\"");
      assertThat(readme).contains("| `" + p.name() + "` |").contains(p.defaultModel());
    }
    assertThat(text).contains("# concurrency = 4").contains("# to = \"en\"").contains("# length = \"medium\"");
    assertThat(text.lines().filter(l -> !l.isBlank() && !l.startsWith("#"))).as("active lines").isEmpty();
  }

  private static String withoutFileLine(String show) {
    return show.replaceFirst("(?m)^config_file .*\\n", "");
  }
}
