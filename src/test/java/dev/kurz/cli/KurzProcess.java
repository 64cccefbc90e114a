package dev.kurz.cli;

import dev.kurz.reliability.Outputs;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * {@code kurz} ({@link Main}) in a child JVM with a made-up environment: for what needs a real
 * process (SIGKILL, two processes on one cache). Its stdout arrives as a queue of lines; stdout and
 * stderr go to {@link Outputs} for the leak check.
 */
final class KurzProcess implements AutoCloseable {
  private static final String EOF = "\u0000eof";
  private final Process process;
  private final Path stderr;
  private final BlockingQueue<String> lines = new LinkedBlockingQueue<>();
  private final StringBuilder stdout = new StringBuilder();

  KurzProcess(Path home, Map<String, String> env, List<String> args) throws IOException {
    List<String> command = new ArrayList<>(List.of(ProcessHandle.current().info().command().orElse("java"),
        "--enable-native-access=ALL-UNNAMED", "-cp", System.getProperty("java.class.path"), Main.class.getName()));
    command.addAll(args);
    stderr = Files.createTempFile(home, "kurz-", ".err");
    ProcessBuilder pb = new ProcessBuilder(command).redirectError(stderr.toFile());
    pb.environment().keySet().removeIf(k -> !k.equals("PATH"));
    pb.environment().putAll(env);
    process = pb.start();
    process.getOutputStream().close();
    Thread.ofVirtual().start(() -> {
      try (BufferedReader r = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
        for (String line; (line = r.readLine()) != null; ) {
          synchronized (stdout) {
            stdout.append(line).append('\n');
          }
          lines.add(line);
        }
      } catch (IOException killed) {
        // the queue simply ends
      } finally {
        lines.add(EOF);
      }
    });
  }

  /** The next line of stdout; fails after 60 s or when the process ends first. */
  String nextLine() throws InterruptedException, IOException {
    String line = lines.poll(60, TimeUnit.SECONDS);
    if (line == null || line.equals(EOF)) throw new AssertionError("kurz ended or hung; stderr:\n" + stderr());
    return line;
  }

  int waitForExit() throws InterruptedException, IOException {
    if (!process.waitFor(120, TimeUnit.SECONDS)) throw new AssertionError("kurz did not finish; stderr:\n" + stderr());
    record();
    return process.exitValue();
  }

  /** SIGKILL: no shutdown hook, no close, nothing flushed that was not already. */
  void kill() throws InterruptedException, IOException {
    process.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
    record();
  }

  String stderr() throws IOException {
    return Files.readString(stderr);
  }

  String stdout() {
    synchronized (stdout) {
      return stdout.toString();
    }
  }

  private void record() throws IOException {
    Outputs.record("child kurz (stderr)", stderr());
    Outputs.record("child kurz (stdout)", stdout());
  }

  @Override
  public void close() {
    process.destroyForcibly();
  }
}
