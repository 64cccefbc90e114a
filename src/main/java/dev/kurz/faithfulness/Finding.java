package dev.kurz.faithfulness;

import java.util.Objects;

/**
 * One item of the English answer that the German article does not bear out: where it stands
 * ({@code summary sentence 2}, {@code key point 1}, {@code claim 3}), the sentence, what kind of
 * item, and the item itself as the English has it.
 */
public record Finding(String where, String sentence, Kind kind, String item, String detail) {

  /** What a finding is about; the benchmark counts by it. */
  public enum Kind {
    NUMBER, DATE, WEEKDAY, TIME, NAME, NEGATION, SPEAKER, MODALITY;

    String label() {
      return name().toLowerCase(java.util.Locale.ROOT);
    }
  }

  /** Every warning the gate writes starts with this, so the warnings can be counted and told apart. */
  public static final String PREFIX = "faithfulness: ";

  public Finding {
    Objects.requireNonNull(where, "where");
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(item, "item");
    sentence = sentence == null ? "" : sentence.strip();
    detail = detail == null ? "" : detail;
  }

  /** The warning line for the record: {@code faithfulness: claim 3: number '3,000' not in the article — "…"}. */
  public String warning() {
    return PREFIX + where + ": " + kind.label() + " '" + item + "' " + detail + " — \"" + abbreviate(sentence) + "\"";
  }

  /** Whether a warning on a record is one of the gate's. */
  public static boolean isFaithfulnessWarning(String warning) {
    return warning != null && warning.startsWith(PREFIX);
  }

  private static String abbreviate(String s) {
    String one = s.replaceAll("\\s+", " ");
    return one.length() <= 120 ? one : one.substring(0, 117) + "...";
  }
}
