package dev.kurz.cli;

import dev.kurz.config.Durations;
import dev.kurz.config.Key;
import java.time.Duration;
import java.util.function.Function;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * Checks a flag's value the way its setting is checked from the environment or the config file
 * ({@link Key#check}) and types it, so a bad value stops the parse with picocli's one line naming
 * the option (exit 2) and a good one arrives in canonical form ({@code --to German} as {@code de},
 * {@code --timeout 3m} as 180 seconds).
 */
abstract class SettingConverter<T> implements ITypeConverter<T> {
  private final Key key;
  private final Function<String, T> type;

  SettingConverter(Key key, Function<String, T> type) {
    this.key = key;
    this.type = type;
  }

  @Override
  public T convert(String value) {
    try {
      return type.apply(key.check(value));
    } catch (IllegalArgumentException e) {
      throw new TypeConversionException(e.getMessage());
    }
  }

  static final class Timeout extends SettingConverter<Duration> {
    Timeout() {
      super(Key.TIMEOUT, seconds -> Duration.ofSeconds(Long.parseLong(seconds)));
    }
  }

  static final class MaxAnswerSize extends SettingConverter<Integer> {
    MaxAnswerSize() {
      super(Key.MAX_ANSWER_SIZE, Integer::valueOf);
    }
  }

  static final class Temperature extends SettingConverter<Double> {
    Temperature() {
      super(Key.TEMPERATURE, Double::valueOf);
    }
  }

  static final class ContextTokens extends SettingConverter<Integer> {
    ContextTokens() {
      super(Key.CONTEXT_TOKENS, Integer::valueOf);
    }
  }

  static final class MaxArticleTokens extends SettingConverter<Integer> {
    MaxArticleTokens() {
      super(Key.MAX_ARTICLE_TOKENS, Integer::valueOf);
    }
  }

  static final class To extends SettingConverter<String> {
    To() {
      super(Key.TO, Function.identity());
    }
  }

  static final class Length extends SettingConverter<String> {
    Length() {
      super(Key.LENGTH, Function.identity());
    }
  }

  static final class Concurrency extends SettingConverter<Integer> {
    Concurrency() {
      super(Key.CONCURRENCY, Integer::valueOf);
    }
  }

  /** A span of time in the one syntax every option takes ({@code 90s}, {@code 24h}, {@code 2d}). */
  static final class Span implements ITypeConverter<Duration> {
    @Override
    public Duration convert(String value) {
      try {
        return Durations.parse(value);
      } catch (IllegalArgumentException e) {
        throw new TypeConversionException(e.getMessage());
      }
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
