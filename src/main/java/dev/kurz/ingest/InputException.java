package dev.kurz.ingest;

/** An input that cannot become an article: missing, unreadable, empty, binary. One line, for that input. */
public final class InputException extends Exception {
  private static final long serialVersionUID = 1L;

  public InputException(String message) {
    super(message);
  }

  public InputException(String message, Throwable cause) {
    super(message, cause);
  }
}
