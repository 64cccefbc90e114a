package dev.kurz.scheduling;

import java.time.Duration;

/** Waits as a person reads them: {@code 0.4 s}, {@code 12 s}, {@code 5 min}, {@code 11574 days}. */
public final class Waits {
  private Waits() {}

  public static String describe(Duration d) {
    long ms = d.toMillis();
    if (ms < 10_000) return String.format(java.util.Locale.ROOT, "%.1f s", ms / 1000.0);
    long s = d.toSeconds();
    if (s < 120) return s + " s";
    if (s < 7_200) return s / 60 + " min";
    if (s < 172_800) return s / 3600 + " h";
    return s / 86_400 + " days";
  }
}
