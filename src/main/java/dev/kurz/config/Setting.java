package dev.kurz.config;

/** A resolved value and where it came from ("flag --model", "env KURZ_MODEL", "file ...", "default"). */
public record Setting(String value, String origin) {
  public static final Setting UNSET = new Setting(null, "unset");

  public boolean isSet() {
    return value != null;
  }
}
