package dev.kurz.cli;

import dev.kurz.render.TerminalSafeStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.time.Clock;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import dev.kurz.scheduling.RetryPolicy;

/**
 * What a run sees of the world: standard streams (filtered by {@link TerminalSafeStream}), the environment, the clock, how it waits,
 * whether stderr is a terminal (for the progress bar) and whether the user pressed Ctrl-C. Built once in
 * {@link Main}; tests pass their own so nothing reads the real process state.
 */
record Terminal(InputStream in, PrintStream out, PrintStream err, Map<String, String> env, Clock clock,
    RetryPolicy.Sleeper sleeper, boolean interactive, AtomicBoolean interrupted) {
  Terminal {
    env = Map.copyOf(env);
    // Text from models, pages and file names never reaches a terminal with its control sequences.
    out = TerminalSafeStream.wrap(out);
    err = TerminalSafeStream.wrap(err);
  }

  /** A terminal that is not interactive and never interrupted. */
  Terminal(InputStream in, PrintStream out, PrintStream err, Map<String, String> env, Clock clock, RetryPolicy.Sleeper sleeper) {
    this(in, out, err, env, clock, sleeper, false, new AtomicBoolean());
  }
}
