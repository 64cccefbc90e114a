package dev.kurz.llm.embedded;

import java.io.IOException;

/**
 * The embedded model is not on disk and could not be fetched. The message is one line that says
 * what to do instead (set a key, start a local server, or copy the folder into place).
 */
public final class ModelUnavailableException extends IOException {
  private static final long serialVersionUID = 1L;

  public ModelUnavailableException(String message, Throwable cause) {
    super(message, cause);
  }
}
