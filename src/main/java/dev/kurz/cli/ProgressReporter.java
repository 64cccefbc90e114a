package dev.kurz.cli;

import dev.kurz.model.Outcome;
import dev.kurz.scheduling.Waits;
import java.time.Duration;
import java.io.PrintStream;
import java.time.Clock;

/**
 * Progress on stderr: a live bar (done/total, rate, ETA, failures) redrawn at most ten times a
 * second when stderr is a terminal; one plain line per finished article when it is not (a log
 * file, CI), failures being the caller's [ERROR] lines; nothing with --quiet. Called serially.
 */
final class ProgressReporter {
  private final PrintStream err;
  private final Clock clock;
  private final boolean bar;
  private final boolean quiet;
  private final long start;
  private long lastDraw;
  private int failed;
  private boolean drawn;
  private String waiting = "";
  private long waitingUntil;
  private int lastDone;
  private int lastTotal;

  ProgressReporter(PrintStream err, Clock clock, boolean interactive, boolean quiet) {
    this.err = err;
    this.clock = clock;
    this.bar = interactive;
    this.quiet = quiet;
    this.start = clock.millis();
  }

  /** What a wait on the provider's budget says, as a line or after the bar. */
  static String pacingLine(String budget, long limit, Duration wait) {
    return "the provider's " + budget + " budget" + (limit > 0 ? " (" + limit + " per window)" : "")
        + " is spent: next request in " + Waits.describe(wait);
  }

  /** A wait on the provider's budget (the run's limiter tells it). */
  synchronized void waiting(String budget, long limit, Duration wait) {
    if (quiet) return;
    if (!bar) {
      println("[WAIT] " + pacingLine(budget, limit, wait));
      return;
    }
    waiting = "  waiting " + Waits.describe(wait) + " on the " + budget + " budget";
    waitingUntil = clock.millis() + wait.toMillis();
    if (lastTotal > 0) draw(lastDone, lastTotal, true);
  }

  /** One input finished: {@code done} of {@code total} (0 when not known). */
  synchronized void finished(Outcome outcome, int done, int total) {
    if (outcome instanceof Outcome.Failed) failed++;
    if (quiet || total < 2) return;
    if (!bar) {
      if (outcome instanceof Outcome.Done d) {
        var u = d.result().usage();
        if (d.result().cached()) err.printf("[%d/%d] %s: from cache%n", done, total, d.label());
        else err.printf("[%d/%d] %s: done (%d in / %d out tokens)%n", done, total, d.label(), u.inputTokens(), u.outputTokens());
      }
      return;
    }
    draw(done, total, false);
  }

  private void draw(int done, int total, boolean force) {
    lastDone = done;
    lastTotal = total;
    long now = clock.millis();
    if (!force && done < total && now - lastDraw < 100) return;
    lastDraw = now;
    String wait = now < waitingUntil ? waiting : "";
    double seconds = Math.max(0.001, (now - start) / 1000.0);
    double rate = done / seconds;
    long eta = rate > 0 ? Math.round((total - done) / rate) : 0;
    int width = 24;
    int filled = (int) Math.round(width * (double) done / total);
    String line = String.format("[%s%s] %d/%d  %.1f/s  ETA %d:%02d%s", "=".repeat(filled), " ".repeat(width - filled),
        done, total, rate, eta / 60, eta % 60, failed > 0 ? "  " + failed + " failed" : "") + wait;
    err.print("\r\033[K" + line);
    err.flush();
    drawn = true;
  }

  /** Clears the bar so the summary line starts on a clean line. */
  synchronized void close() {
    if (drawn) {
      err.print("\r\033[K");
      err.flush();
    }
  }

  /** Messages printed while the bar is shown must clear it first. */
  synchronized void println(String message) {
    if (drawn) err.print("\r\033[K");
    err.println(message);
    lastDraw = 0;
  }
}
