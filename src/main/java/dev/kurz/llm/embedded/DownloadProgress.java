package dev.kurz.llm.embedded;

import java.io.PrintStream;
import java.util.Locale;

/**
 * Hears how a model download goes. Called from the downloading thread only.
 */
public interface DownloadProgress {
  DownloadProgress NONE = new DownloadProgress() {};

  /** Before the first byte: the whole size (already-present bytes included) and the folder. */
  default void started(EmbeddedModel model, long totalBytes, long presentBytes, String folder) {}

  /** After each chunk: bytes on disk so far, of the total. */
  default void advanced(long doneBytes, long totalBytes) {}

  /** After the last file is verified. */
  default void finished(long totalBytes) {}

  /**
   * A one-line bar on {@code err}, redrawn in place with carriage returns at most every 1/2 %
   * (so a log file gets a few hundred lines at most, not one per chunk).
   */
  static DownloadProgress bar(PrintStream err) {
    return new DownloadProgress() {
      private int lastPermille = -1;

      @Override
      public void started(EmbeddedModel model, long totalBytes, long presentBytes, String folder) {
        err.println("Downloading embedded model " + model.name() + " (" + human(totalBytes) + ", "
            + model.licence() + ", from huggingface.co/" + model.repo() + ") into " + folder
            + (presentBytes > 0 ? "; resuming after " + human(presentBytes) : ""));
      }

      @Override
      public void advanced(long doneBytes, long totalBytes) {
        int permille = totalBytes <= 0 ? 0 : (int) Math.min(1000, doneBytes * 1000 / totalBytes);
        if (permille / 5 == lastPermille / 5 && lastPermille >= 0) return;
        lastPermille = permille;
        int filled = permille * 30 / 1000;
        err.print("\r\033[K[" + "#".repeat(filled) + " ".repeat(30 - filled) + "] "
            + String.format(Locale.ROOT, "%5.1f%%", permille / 10.0) + "  " + human(doneBytes) + " / " + human(totalBytes));
        err.flush();
      }

      @Override
      public void finished(long totalBytes) {
        if (lastPermille >= 0) err.println();
        err.println("Model ready (" + human(totalBytes) + ", checksums verified).");
      }
    };
  }

  /** Bytes as a short decimal size: 512 B, 7.0 MB, 1.2 GB. */
  static String human(long bytes) {
    if (bytes < 1000) return bytes + " B";
    String[] units = {"kB", "MB", "GB", "TB"};
    double v = bytes;
    int u = -1;
    while (v >= 1000 && u < units.length - 1) {
      v /= 1000;
      u++;
    }
    return String.format(Locale.ROOT, "%.1f %s", v, units[u]);
  }
}
