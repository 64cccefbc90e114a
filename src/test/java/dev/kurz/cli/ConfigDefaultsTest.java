package dev.kurz.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** The environment and the config file reach the typed options as picocli defaults, below the flags. */
class ConfigDefaultsTest {
  @TempDir Path home;

  ConfigCommand.Show parse(Map<String, String> env, String... args) {
    PrintStream sink = new PrintStream(OutputStream.nullOutputStream());
    ConfigCommand.Show show = new ConfigCommand.Show(new Terminal(new ByteArrayInputStream(new byte[0]), sink, sink, env,
        Clock.systemUTC(), d -> {}));
    CommandLine cli = new CommandLine(show);
    cli.setDefaultValueProvider(new ConfigDefaults(env));
    cli.parseArgs(args);
    return show;
  }

  @Test
  void aFlagWinsOverTheEnvironmentWhichWinsOverTheFile() throws IOException {
    Path config = Files.writeString(home.resolve("kurz.toml"), "timeout = \"2m\"\nmodel = \"from-file\"\ntemperature = 0.3\n");
    Map<String, String> env = Map.of("HOME", home.toString(), "KURZ_MODEL", "from-env");
    ConfigCommand.Show show = parse(env, "--config", config.toString(), "--temperature", "0.9");
    assertThat(show.backendOptions.timeout).isEqualTo(Duration.ofMinutes(2));
    assertThat(show.backendOptions.model).isEqualTo("from-env");
    assertThat(show.backendOptions.temperature).isEqualTo(0.9);
  }

  @Test
  void theTableTheBackendFlagNamesGivesItsValues() throws IOException {
    Path config = Files.writeString(home.resolve("kurz.toml"),
        "model = \"top\"\n[backends.local]\nprovider = \"openai\"\nmodel = \"local-model\"\ncontext_tokens = 8000\n");
    ConfigCommand.Show show = parse(Map.of("HOME", home.toString()), "--config", config.toString(), "--backend", "local");
    assertThat(show.backendOptions.model).isEqualTo("local-model");
    assertThat(show.backendOptions.contextTokens).isEqualTo(8000);
  }

  @Test
  void builtInDefaultsStayWithTheSettingsAndABrokenConfigGivesNone() throws IOException {
    assertThat(parse(Map.of("HOME", home.toString())).backendOptions.timeout).isNull();
    Path config = Files.writeString(home.resolve("kurz.toml"), "timeout = \"soon\"\nmodel = \"m\"\n");
    assertThat(parse(Map.of("HOME", home.toString()), "--config", config.toString()).backendOptions.model).isNull();
  }
}
