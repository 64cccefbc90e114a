package dev.kurz.cli;

import dev.kurz.render.JsonOutput;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kurz.config.ConfigFile;
import dev.kurz.config.Key;
import dev.kurz.config.Setting;
import dev.kurz.config.Settings;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Option;

@Command(
    mixinStandardHelpOptions = true,
    name = "config",
    description = "Create and inspect the configuration (flag > KURZ_* environment > config file > default).",
    subcommands = {ConfigCommand.Init.class, ConfigCommand.Show.class, ConfigCommand.PathCmd.class},
    footerHeading = "%nExamples:%n",
    footer = {
        "  kurz config init                     write a commented example config",
        "  kurz config show --show-origin       every setting and where it came from",
        "  kurz config show --provider ollama   what a flag would change"})
final class ConfigCommand {

  @Command(mixinStandardHelpOptions = true, name = "init", description = "Write a commented example config file.",
      footerHeading = "%nExamples:%n", footer = {"  kurz config init", "  kurz config init --path ./kurz.toml --force"})
  static final class Init implements Callable<Integer> {
    @Option(names = "--path", paramLabel = "FILE", description = "Where to write (default: the default config location).")
    Path path;

    @Option(names = "--force", description = "Overwrite an existing file.")
    boolean force;

    private final Terminal term;

    Init(Terminal term) {
      this.term = term;
    }

    @Override
    public Integer call() throws IOException {
      Path target = path != null ? path : ConfigFile.defaultPath(term.env());
      if (Files.exists(target) && !force) {
        throw new KurzException(ExitCodes.USAGE, target + " exists; use --force to overwrite it");
      }
      if (target.toAbsolutePath().getParent() != null) Files.createDirectories(target.toAbsolutePath().getParent());
      Files.writeString(target, ConfigTemplate.text());
      try {
        Files.setPosixFilePermissions(target, PosixFilePermissions.fromString("rw-------"));
      } catch (UnsupportedOperationException ignored) {
        // Not a POSIX file system: nothing to tighten.
      }
      term.err().println("wrote " + target);
      return ExitCodes.OK;
    }
  }

  @Command(mixinStandardHelpOptions = true, name = "show", description = "Print every resolved setting (API keys are never shown).",
      footerHeading = "%nExamples:%n", footer = {"  kurz config show --show-origin", "  kurz config show --format json"})
  static final class Show implements Callable<Integer> {
    @Mixin GlobalOptions global;
    @Mixin BackendOptions backendOptions;
    @Spec CommandSpec spec;

    @Option(names = "--show-origin", description = "Say where each value came from.")
    boolean showOrigin;

    @Option(names = "--format", paramLabel = "FORMAT", description = "text (default) or json.")
    String format = "text";

    private final Terminal term;

    Show(Terminal term) {
      this.term = term;
    }

    @Override
    public Integer call() {
      try (Services services = Services.of(term, global, spec)) {
        Settings s = services.settings();
        ObjectNode json = JsonNodeFactory.instance.objectNode();
        StringBuilder text = new StringBuilder();
        text.append(String.format("%-14s %s%n", "config_file", s.file() == null ? "(none: " + ConfigFile.defaultPath(term.env()) + ")" : s.file().path()));
        for (Key key : Key.values()) {
          Setting v = s.get(key);
          String shown = key == Key.API_KEY && v.isSet() ? "(set, hidden)"
              : dev.kurz.llm.http.RedactingLogInterceptor.withoutUserInfo(v.value());
          if (key == Key.CACHE_DIR && !v.isSet()) {
            shown = s.cacheDir(term.env()).toString();
            v = new Setting(shown, "default");
          }
          if (key == Key.API_KEY_ENV && v.isSet()) {
            String present = term.env().get(v.value()) == null ? " (not set in the environment)" : " (set)";
            shown = v.value() + present;
          }
          ObjectNode o = json.putObject(key.fileName());
          o.put("value", shown);
          o.put("origin", v.origin());
          text.append(String.format("%-14s %s", key.fileName(), shown == null ? "-" : shown));
          if (showOrigin) text.append("    [").append(v.origin()).append(']');
          text.append(System.lineSeparator());
        }
        term.out().print("json".equals(format) ? JsonOutput.write(json, true) + System.lineSeparator() : text);
        return ExitCodes.OK;
      }
    }
  }

  @Command(mixinStandardHelpOptions = true, name = "path", description = "Print the config file path in use.")
  static final class PathCmd implements Callable<Integer> {
    @Mixin GlobalOptions global;

    private final Terminal term;

    PathCmd(Terminal term) {
      this.term = term;
    }

    @Override
    public Integer call() {
      term.out().println(ConfigFile.location(global.config, term.env()));
      return ExitCodes.OK;
    }
  }
}
