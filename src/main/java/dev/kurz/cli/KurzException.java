package dev.kurz.cli;

/** Ends a command with one {@code [ERROR] ...} line on stderr and the given exit code. */
final class KurzException extends RuntimeException {
  private static final long serialVersionUID = 1L;
  private final int exitCode;

  KurzException(int exitCode, String message) {
    super(message);
    this.exitCode = exitCode;
  }

  int exitCode() {
    return exitCode;
  }
}
