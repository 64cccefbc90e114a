package dev.kurz.cli;

import dev.kurz.config.ConfigException;
import dev.kurz.config.ConfigFile;
import dev.kurz.config.Key;
import dev.kurz.config.Setting;
import dev.kurz.config.Settings;
import dev.kurz.llm.BackendFactory;
import dev.kurz.llm.BackendResolver;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import okhttp3.OkHttpClient;
import picocli.CommandLine.IDefaultValueProvider;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

/**
 * The invocation's configuration: the config file, read once (the file of {@code --config}, else
 * KURZ_CONFIG, else the default path), and each command's {@link Settings}, resolved once from
 * its flags, the {@code KURZ_*} environment and that file. It is also picocli's default-value
 * provider for the options that are settings (whose name is a setting's flag, {@link
 * Key#forFlag}): such an option holds what the environment or the file says, checked by its
 * converter, so flag &gt; environment &gt; file stays one rule in one place ({@link
 * Settings#resolve}, which also keeps each value's origin for {@code config show --show-origin});
 * built-in and provider defaults stay with the settings. Picocli asks after it has matched the
 * command line, so the flags that pick the file and the {@code [backends.NAME]} table are known.
 * A configuration that does not resolve gives no defaults; the command's {@link Services} reports
 * it (exit 2). The file's warnings wait for the command, which says them unless --quiet. One per
 * invocation; not thread-safe.
 */
final class ConfigDefaults implements IDefaultValueProvider {
  private final Map<String, String> env;
  private final Map<Path, Read> files = new HashMap<>();
  /** For the defaults, from the options matched when picocli asks; for the command, from its parse result. */
  private final Map<CommandSpec, Resolution> duringParse = new IdentityHashMap<>();
  private final Map<CommandSpec, Resolution> parsed = new IdentityHashMap<>();
  private final Map<CommandSpec, BackendResolver.Resolved> completed = new IdentityHashMap<>();
  private final List<String> warnings = new ArrayList<>();

  /** A config file as read, or why it could not be. */
  private record Read(ConfigFile file, ConfigException error) {}

  /** A command's settings, or why they do not resolve. */
  private record Resolution(Settings settings, ConfigException error) {}

  ConfigDefaults(Map<String, String> env) {
    this.env = env;
  }

  /** The one of the command line {@code spec} belongs to (set by {@link Main}); a new one for a command line built without it. */
  static ConfigDefaults of(CommandSpec spec, Map<String, String> env) {
    return spec.commandLine() != null && spec.commandLine().getDefaultValueProvider() instanceof ConfigDefaults d
        ? d
        : new ConfigDefaults(env);
  }

  @Override
  public String defaultValue(ArgSpec arg) {
    if (!(arg instanceof OptionSpec option)) return null;
    Key key = Key.forFlag(option.longestName());
    if (key == null) return null;
    Resolution r = duringParse.computeIfAbsent(arg.command(), command -> resolve(command, SettingFlags.matchedSoFar(command)));
    Setting s = r.settings() == null ? Setting.UNSET : r.settings().get(key);
    return s.origin().startsWith("env ") || s.origin().startsWith("file ") ? s.value() : null;
  }

  /**
   * The config file {@code spec}'s {@code --config} (or KURZ_CONFIG, or the default path) names, or
   * null when there is none at the default path.
   *
   * @throws ConfigException when a named file is missing or the file cannot be read
   */
  ConfigFile file(CommandSpec spec) {
    OptionSpec option = spec.findOption("--config");
    Path named = option == null ? null : option.getValue();
    Read read = files.computeIfAbsent(ConfigFile.location(named, env), where -> {
      try {
        return new Read(ConfigFile.find(named, env, warnings::add), null);
      } catch (ConfigException e) {
        return new Read(null, e);
      }
    });
    if (read.error() != null) throw read.error();
    return read.file();
  }

  /**
   * The command's settings from its flags.
   *
   * @throws ConfigException when they do not resolve (a bad value, an unknown backend, no file)
   */
  Settings settings(CommandSpec spec) {
    Resolution r = parsed.computeIfAbsent(spec, command -> resolve(command, SettingFlags.of(command)));
    if (r.error() != null) throw r.error();
    return r.settings();
  }

  /**
   * The settings the command's file gives with other flags (a batch's recorded backend, a backend
   * named as an argument).
   *
   * @throws ConfigException as {@link #settings(CommandSpec)}
   */
  Settings settings(CommandSpec spec, Map<Key, String> flags) {
    return Settings.resolve(flags, env, file(spec), BackendFactory::providerDefaults);
  }

  /**
   * The command's settings with the automatic choice of backend made when nothing names one
   * ({@link BackendResolver#complete}), once per command: a check before the run (the relaunch)
   * and the run itself probe local servers once.
   *
   * @throws ConfigException as {@link #settings(CommandSpec)}
   */
  BackendResolver.Resolved completed(CommandSpec spec, Supplier<OkHttpClient> http) {
    BackendResolver.Resolved r = completed.get(spec);
    if (r == null) {
      r = BackendResolver.complete(settings(spec), env, http);
      completed.put(spec, r);
    }
    return r;
  }

  /** What was wrong in the file (unknown keys, a key others can read), once: the next call gives none. */
  List<String> takeWarnings() {
    List<String> taken = List.copyOf(warnings);
    warnings.clear();
    return taken;
  }

  private Resolution resolve(CommandSpec spec, Map<Key, String> flags) {
    try {
      return new Resolution(settings(spec, flags), null);
    } catch (ConfigException e) {
      return new Resolution(null, e);
    }
  }
}
