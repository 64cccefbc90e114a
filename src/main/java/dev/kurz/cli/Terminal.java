package dev.kurz.cli;

import java.io.InputStream;
import java.io.PrintStream;
import java.time.Clock;
import java.util.Map;
import dev.kurz.pipeline.RetryPolicy;

/**
 * What a run sees of the world: standard streams, the environment, the clock and how it waits. Built once in
 * {@link Main}; tests pass their own so nothing reads the real process state.
 */
record Terminal(InputStream in, PrintStream out, PrintStream err, Map<String, String> env, Clock clock,
    RetryPolicy.Sleeper sleeper) {
  Terminal {
    env = Map.copyOf(env);
  }
}
