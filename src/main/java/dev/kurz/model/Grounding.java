package dev.kurz.model;

/**
 * Where a claim's quote stands in the original article text: {@code [start, end)} as char offsets
 * into the text that was analysed; both -1 when not found.
 */
public record Grounding(Status status, int start, int end) {

  /** How the quote was found, from most to least trustworthy. */
  public enum Status {
    EXACT,
    NORMALIZED,
    FUZZY,
    NOT_FOUND;

    public String wireName() {
      return name().toLowerCase(java.util.Locale.ROOT);
    }
  }

  public static Grounding notFound() {
    return new Grounding(Status.NOT_FOUND, -1, -1);
  }

  public boolean found() {
    return status != Status.NOT_FOUND;
  }
}
