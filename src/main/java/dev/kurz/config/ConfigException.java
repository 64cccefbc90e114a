package dev.kurz.config;

/** A configuration that cannot be used: unreadable file, bad TOML, unknown backend, bad value. */
public final class ConfigException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public ConfigException(String message) {
    super(message);
  }

  public ConfigException(String message, Throwable cause) {
    super(message, cause);
  }
}
