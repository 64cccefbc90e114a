package dev.kurz.cli;

import java.nio.file.Path;
import picocli.CommandLine.Option;

/** Options every command that reads configuration shares. */
final class GlobalOptions {
  @Option(names = "--config", paramLabel = "FILE", description = "Config file (default: $XDG_CONFIG_HOME/kurz/config.toml; env KURZ_CONFIG).")
  Path config;

  @Option(names = {"-v", "--verbose"}, description = "Explain more on stderr: stack traces, HTTP exchanges (keys redacted).")
  boolean verbose;

  @Option(names = {"-q", "--quiet"}, description = "Nothing on stderr but errors.")
  boolean quiet;
}
