package dev.kurz.cli;

import dev.kurz.config.Key;
import dev.kurz.llm.embedded.EmbeddedBackend;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs the same command again in a child JVM that has the options the embedded model needs (its
 * Vector API module, C2), with the same standard streams, when {@link Main} finds, after parsing
 * and before the command reads any input, that a {@link ModelCommand} will ask the embedded model.
 * The launcher starts every run lean and leaves this decision to kurz alone.
 */
final class Relaunch {
  /** The system property telling the child whether the parent's stderr is a terminal. */
  static final String STDERR_TERMINAL = "kurz.stderr.terminal";
  private static final String RELAUNCHED = "kurz.relaunched";

  private Relaunch() {}

  /**
   * Whether this run must go again in a child JVM: the command will ask the embedded model and
   * this JVM lacks the Vector API (and is not itself the child). Resolves the command's settings
   * only when the module is missing, as under the launcher; the command then finds them resolved.
   */
  static boolean needed(Object command, Terminal term) {
    if (!(command instanceof ModelCommand m) || Boolean.getBoolean(RELAUNCHED) || EmbeddedBackend.vectorApiAvailable()) return false;
    if (!m.sendsRequests()) return false;
    // The settings (and an automatic choice of backend) are resolved once: the command reuses them.
    try (Services services = m.services()) {
      return services.settings().value(Key.PROVIDER).equals(EmbeddedBackend.PROVIDER);
    }
  }

  /** Runs the command again with the Vector API module; returns the child's exit code. */
  static int run(String[] args, boolean stderrIsTerminal) throws Exception {
    String java = ProcessHandle.current().info().command().orElse("java");
    List<String> command = new ArrayList<>();
    command.add(java);
    for (String option : ManagementFactory.getRuntimeMXBean().getInputArguments()) {
      // A class archive (CDS or AOT cache) made without the module does not fit a JVM with it; the
      // C1 cap slows Jlama.
      if (!option.startsWith("-XX:SharedArchiveFile") && !option.startsWith("-XX:AOTCache") && !option.equals("-XX:+AutoCreateSharedArchive")
          && !option.startsWith("-XX:TieredStopAtLevel")) {
        command.add(option);
      }
    }
    command.add("--add-modules");
    command.add("jdk.incubator.vector");
    if (Runtime.version().feature() == 21) command.add("--enable-preview");
    command.add("-D" + RELAUNCHED + "=true");
    command.add("-D" + STDERR_TERMINAL + "=" + stderrIsTerminal);
    command.add("-cp");
    command.add(System.getProperty("java.class.path"));
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
