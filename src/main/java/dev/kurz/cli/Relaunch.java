package dev.kurz.cli;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Thrown when the run needs JVM options it was not started with (the embedded model's Vector API
 * module). {@link Main} then runs the same command in a child JVM that has them, with the same
 * standard streams, and exits with its code. Nothing has been read from stdin at that point.
 */
final class Relaunch extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** The system property telling the child whether the parent's stderr is a terminal. */
  static final String STDERR_TERMINAL = "kurz.stderr.terminal";

  Relaunch(String reason) {
    super(reason);
  }

  /** Runs the command again with the Vector API module; returns the child's exit code. */
  static int run(String[] args, boolean stderrIsTerminal) throws Exception {
    String java = ProcessHandle.current().info().command().orElse("java");
    List<String> command = new ArrayList<>();
    command.add(java);
    for (String option : ManagementFactory.getRuntimeMXBean().getInputArguments()) {
      // A CDS archive made without the module does not fit a JVM with it; the C1 cap slows Jlama.
      if (!option.startsWith("-XX:SharedArchiveFile") && !option.equals("-XX:+AutoCreateSharedArchive")
          && !option.startsWith("-XX:TieredStopAtLevel")) {
        command.add(option);
      }
    }
    command.add("--add-modules");
    command.add("jdk.incubator.vector");
    if (Runtime.version().feature() == 21) command.add("--enable-preview");
    command.add("-Dkurz.relaunched=true");
    command.add("-D" + STDERR_TERMINAL + "=" + stderrIsTerminal);
    command.add("-cp");
    command.add(Path.of(Main.class.getProtectionDomain().getCodeSource().getLocation().toURI()).toString());
    command.add(Main.class.getName());
    command.addAll(List.of(args));
    // stdin and stdout pass straight through; stderr is copied line by line without the JVM's
    // notice about the incubator module, so kurz's own first line (which backend, and why) leads.
    Process child = new ProcessBuilder(command)
        .redirectInput(ProcessBuilder.Redirect.INHERIT)
        .redirectOutput(ProcessBuilder.Redirect.INHERIT)
        .start();
    try (var err = new BufferedReader(new InputStreamReader(child.getErrorStream(), StandardCharsets.UTF_8))) {
      for (String line; (line = err.readLine()) != null; ) {
        if (!line.startsWith("WARNING: Using incubator modules")) System.err.println(line);
      }
    }
    return child.waitFor();
  }
}
