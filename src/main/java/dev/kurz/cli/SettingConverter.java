package dev.kurz.cli;

import dev.kurz.config.Key;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * Checks a flag's value the way its setting is checked from the environment or the config file
 * ({@link Key#check}), so a bad value stops the parse with picocli's one line naming the option
 * (exit 2) and a good one arrives in canonical form ({@code --to German} as {@code de}).
 */
abstract class SettingConverter implements ITypeConverter<String> {
  private final Key key;

  SettingConverter(Key key) {
    this.key = key;
  }

  @Override
  public String convert(String value) {
    try {
      return key.check(value);
    } catch (IllegalArgumentException e) {
      throw new TypeConversionException(e.getMessage());
    }
  }

  static final class Timeout extends SettingConverter {
    Timeout() {
      super(Key.TIMEOUT);
    }
  }

  static final class MaxAnswerSize extends SettingConverter {
    MaxAnswerSize() {
      super(Key.MAX_ANSWER_SIZE);
    }
  }

  static final class Temperature extends SettingConverter {
    Temperature() {
      super(Key.TEMPERATURE);
    }
  }

  static final class ContextTokens extends SettingConverter {
    ContextTokens() {
      super(Key.CONTEXT_TOKENS);
    }
  }

  static final class MaxArticleTokens extends SettingConverter {
    MaxArticleTokens() {
      super(Key.MAX_ARTICLE_TOKENS);
    }
  }

  static final class To extends SettingConverter {
    To() {
      super(Key.TO);
    }
  }

  static final class Length extends SettingConverter {
    Length() {
      super(Key.LENGTH);
    }
  }

  static final class Concurrency extends SettingConverter {
    Concurrency() {
      super(Key.CONCURRENCY);
    }
  }

  /** The provider names, for shell completion. */
  static final class Providers implements Iterable<String> {
    @Override
    public java.util.Iterator<String> iterator() {
      java.util.List<String> names = new java.util.ArrayList<>();
      for (var p : dev.kurz.llm.Backends.PROVIDERS) names.add(p.name());
      names.add(dev.kurz.llm.embedded.EmbeddedBackend.PROVIDER);
      return names.iterator();
    }
  }

  /** The summary lengths, for shell completion. */
  static final class Lengths implements Iterable<String> {
    @Override
    public java.util.Iterator<String> iterator() {
      return java.util.List.of("short", "medium", "long").iterator();
    }
  }
}
