package dev.kurz.glossary;

/** A glossary file that cannot be used: missing, unreadable, or a line that is not an entry. */
public final class GlossaryException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public GlossaryException(String message) {
    super(message);
  }
}
