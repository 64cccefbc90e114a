package dev.kurz.llm;

import java.util.List;

/**
 * What a model's answer holds once checked against its schema: a value, or the reasons it is none.
 * Consumed by an exhaustive {@code switch}; {@link #valid()}, {@link #errors()} and {@link #value()}
 * serve callers that know which it is.
 */
public sealed interface Check<T> {
  record Valid<T>(T value) implements Check<T> {}

  record Invalid<T>(List<String> errors) implements Check<T> {
    public Invalid {
      errors = List.copyOf(errors);
      if (errors.isEmpty()) throw new IllegalArgumentException("an invalid answer has a reason");
    }
  }

  static <T> Check<T> valid(T value) {
    return new Valid<>(value);
  }

  static <T> Check<T> invalid(List<String> errors) {
    return new Invalid<>(errors);
  }

  static <T> Check<T> invalid(String error) {
    return new Invalid<>(List.of(error));
  }

  default boolean valid() {
    return this instanceof Valid;
  }

  /** Empty for a valid answer. */
  default List<String> errors() {
    return List.of();
  }

  /**
   * The value of a valid answer.
   *
   * @throws IllegalStateException naming the errors, for an invalid one
   */
  default T value() {
    throw new IllegalStateException("not a valid answer: " + errors());
  }
}
