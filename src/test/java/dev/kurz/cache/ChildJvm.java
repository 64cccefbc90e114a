package dev.kurz.cache;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/** A {@link CacheWriterMain} running in a separate JVM, with its stdout as a queue of lines. */
final class ChildJvm implements AutoCloseable {
  private static final String EOF = "\u0000eof";

  private final Process process;
  private final Path stderr;
  private final BlockingQueue<String> lines = new LinkedBlockingQueue<>();

  ChildJvm(Path logDir, String... args) throws IOException {
    String java = ProcessHandle.current().info().command().orElse("java");
    List<String> command = new ArrayList<>();
    command.add(java);
    command.add("--enable-native-access=ALL-UNNAMED");
    command.add("-cp");
    command.add(System.getProperty("java.class.path"));
    command.add(CacheWriterMain.class.getName());
    command.addAll(List.of(args));
    stderr = Files.createTempFile(logDir, "child-", ".err");
    process = new ProcessBuilder(command).redirectError(stderr.toFile()).start();
    Thread.ofVirtual()
        .start(
            () -> {
              try (BufferedReader reader =
                  new BufferedReader(
                      new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line; (line = reader.readLine()) != null; ) {
                  lines.add(line);
                }
              } catch (IOException e) {
                // The process was killed; the queue simply ends.
              } finally {
                lines.add(EOF);
              }
            });
  }

  /** The next stdout line, failing after 60 s or when the child exits first. */
  String nextLine() throws InterruptedException, IOException {
    String line = lines.poll(60, TimeUnit.SECONDS);
    if (line == null || line.equals(EOF)) {
      throw new AssertionError("child ended or hung; stderr:\n" + stderrText());
    }
    return line;
  }

  void send(String line) throws IOException {
    OutputStream in = process.getOutputStream();
    in.write((line + "\n").getBytes(StandardCharsets.UTF_8));
    in.flush();
  }

  int waitForExit() throws InterruptedException, IOException {
    if (!process.waitFor(60, TimeUnit.SECONDS)) {
      throw new AssertionError("child did not finish; stderr:\n" + stderrText());
    }
    return process.exitValue();
  }

  /** SIGKILL: no shutdown hooks, no close, nothing flushed that was not flushed already. */
  void kill() throws InterruptedException {
    process.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
  }

  String stderrText() throws IOException {
    return Files.readString(stderr);
  }

  @Override
  public void close() {
    process.destroyForcibly();
  }
}
