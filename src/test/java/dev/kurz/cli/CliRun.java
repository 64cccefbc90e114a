package dev.kurz.cli;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.Map;

/** Runs the real CLI in-process with captured streams, a fixed clock and a made-up environment. */
final class CliRun {
  final Map<String, String> env = new HashMap<>();
  byte[] stdin = new byte[0];
  /** What the run would have waited (retries): recorded, never slept. */
  /** Set it to play a Ctrl-C. */
  final AtomicBoolean interrupted = new AtomicBoolean();
  final List<Duration> sleeps = Collections.synchronizedList(new ArrayList<>());
  String out;
  String err;
  int exit;

  CliRun(Path home) {
    env.put("HOME", home.toString());
    env.put("XDG_CONFIG_HOME", home.resolve("config").toString());
    env.put("XDG_CACHE_HOME", home.resolve("cache").toString());
  }

  CliRun env(String name, String value) {
    env.put(name, value);
    return this;
  }

  CliRun stdin(String text) {
    stdin = text.getBytes(StandardCharsets.UTF_8);
    return this;
  }

  CliRun run(String... args) {
    ByteArrayOutputStream o = new ByteArrayOutputStream();
    ByteArrayOutputStream e = new ByteArrayOutputStream();
    Terminal term = new Terminal(new ByteArrayInputStream(stdin), new PrintStream(o, true, StandardCharsets.UTF_8),
        new PrintStream(e, true, StandardCharsets.UTF_8), env, Clock.fixed(Instant.parse("2025-12-03T08:00:00Z"), ZoneOffset.UTC), sleeps::add, false, interrupted);
    exit = Main.run(args, term);
    out = o.toString(StandardCharsets.UTF_8);
    err = e.toString(StandardCharsets.UTF_8);
    return this;
  }
}
