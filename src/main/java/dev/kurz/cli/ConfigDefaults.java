package dev.kurz.cli;

import dev.kurz.config.ConfigException;
import dev.kurz.config.ConfigFile;
import dev.kurz.config.Key;
import dev.kurz.config.Setting;
import dev.kurz.config.Settings;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.Optional;
import picocli.CommandLine.IDefaultValueProvider;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

/**
 * Picocli's defaults for the options that are settings (whose name is a setting's flag, {@link
 * Key#forFlag}): what the {@code KURZ_*} environment or the config file says, resolved as {@link
 * Settings#resolve} resolves the run's settings (the file of {@code --config} or KURZ_CONFIG, the
 * {@code [backends.NAME]} table {@code --backend} names, set aside by a {@code --provider} of
 * another). So a typed option holds the value the run uses however it was given, checked by its
 * converter, and flag &gt; environment &gt; file stays one rule in one place; built-in and provider
 * defaults stay with the settings, which also keep each value's origin for {@code config show
 * --show-origin}. Picocli asks after it has matched the command line, so the flags that pick the
 * file and table are known. A configuration that does not resolve gives no defaults: the command's
 * settings report it (exit 2). One per run; not thread-safe.
 */
final class ConfigDefaults implements IDefaultValueProvider {
  private final Map<String, String> env;
  private final Map<CommandSpec, Optional<Settings>> resolved = new IdentityHashMap<>();

  ConfigDefaults(Map<String, String> env) {
    this.env = env;
  }

  @Override
  public String defaultValue(ArgSpec arg) {
    if (!(arg instanceof OptionSpec option)) return null;
    Key key = Key.forFlag(option.longestName());
    if (key == null) return null;
    Setting s = resolved.computeIfAbsent(arg.command(), this::resolve).map(r -> r.get(key)).orElse(Setting.UNSET);
    return s.origin().startsWith("env ") || s.origin().startsWith("file ") ? s.value() : null;
  }

  private Optional<Settings> resolve(CommandSpec command) {
    Map<Key, String> given = new EnumMap<>(Key.class);
    Path config = null;
    for (OptionSpec option : command.options()) {
      if (option.originalStringValues().isEmpty()) continue;
      Key key = Key.forFlag(option.longestName());
      if (key != null) given.put(key, SettingFlags.text(option.getValue()));
      if (option.longestName().equals("--config")) config = option.getValue();
    }
    try {
      // Quiet: the command's own reading of the file warns about what is wrong in it.
      ConfigFile file = ConfigFile.find(config, env, warning -> {});
      return Optional.of(Settings.resolve(given, env, file, dev.kurz.llm.BackendFactory::providerDefaults));
    } catch (ConfigException e) {
      return Optional.empty();
    }
  }
}
