package dev.kurz.cli;

import dev.kurz.config.Key;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.ParseResult;

/**
 * The settings a command's flags set: every option given on the command line whose name is a
 * setting's flag ({@code --cache-dir} sets {@link Key#CACHE_DIR}), wherever it is declared (the
 * command or one of its mixins), in the setting's text form. Options are typed and checked by
 * their converters as they are parsed; this only collects them, so no command lists its flags.
 */
final class SettingFlags {
  private SettingFlags() {}

  /** The flags given, once the command line is parsed. */
  static Map<Key, String> of(CommandSpec spec) {
    ParseResult parsed = spec.commandLine() == null ? null : spec.commandLine().getParseResult();
    Map<Key, String> flags = new EnumMap<>(Key.class);
    for (OptionSpec option : spec.options()) {
      Key key = Key.forFlag(option.longestName());
      if (key != null && parsed != null && parsed.hasMatchedOption(option)) flags.put(key, text(option.getValue()));
    }
    return flags;
  }

  /**
   * The flags given with a value, while picocli is still parsing (when it asks for defaults): the
   * ones that pick the config file, its backend table and the provider.
   */
  static Map<Key, String> matchedSoFar(CommandSpec spec) {
    Map<Key, String> flags = new EnumMap<>(Key.class);
    for (OptionSpec option : spec.options()) {
      Key key = Key.forFlag(option.longestName());
      if (key != null && !option.originalStringValues().isEmpty()) flags.put(key, text(option.getValue()));
    }
    return flags;
  }

  /** A typed option value as its setting's text (a timeout in seconds, an enum in lower case). */
  static String text(Object value) {
    return switch (value) {
      case Duration d -> String.valueOf(d.toSeconds());
      case Enum<?> e -> e.name().toLowerCase(Locale.ROOT);
      default -> String.valueOf(value);
    };
  }
}
