package dev.kurz;

import dev.kurz.reliability.Outputs;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
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
 * A main class of the test class path in a child JVM: for what needs a real process (SIGKILL,
 * SIGTERM, a file-size limit, a real stdin pipe, two processes on one cache). Its stdout arrives
 * as a queue of lines, its stdin is a pipe the test writes to ({@link #send}) or closes; stdout and
 * stderr go to {@link Outputs} for the leak check. Made with {@link #builder}.
 */
public final class ChildJvm implements AutoCloseable {
  private static final String EOF = "\u0000eof";
  private final Process process;
  private final Path stderr;
  private final BlockingQueue<String> lines = new LinkedBlockingQueue<>();
  private final StringBuilder stdout = new StringBuilder();

  private ChildJvm(Builder b) throws IOException {
    List<String> command = new ArrayList<>(b.wrapper);
    command.addAll(List.of(ProcessHandle.current().info().command().orElse("java"), "-XX:-UsePerfData",
        "--enable-native-access=ALL-UNNAMED", "-cp", System.getProperty("java.class.path"), b.main.getName()));
    command.addAll(b.args);
    stderr = Files.createTempFile(b.logDir, "child-", ".err");
    ProcessBuilder pb = new ProcessBuilder(command).redirectError(stderr.toFile());
    if (b.env != null) {
      pb.environment().keySet().removeIf(k -> !k.equals("PATH"));
      pb.environment().putAll(b.env);
    }
    process = pb.start();
    if (b.stdin != null) {
      try (OutputStream in = process.getOutputStream()) {
        in.write(b.stdin);
      }
    }
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

  /** A child running {@code main}, its temporary stderr file in {@code logDir}. */
  public static Builder builder(Path logDir, Class<?> main) {
    return new Builder(logDir, main);
  }

  /** How the child is started; {@link #start} starts it. */
  public static final class Builder {
    private final Path logDir;
    private final Class<?> main;
    private List<String> args = List.of();
    private Map<String, String> env;
    private byte[] stdin;
    private List<String> wrapper = List.of();

    private Builder(Path logDir, Class<?> main) {
      this.logDir = logDir;
      this.main = main;
    }

    public Builder args(List<String> args) {
      this.args = List.copyOf(args);
      return this;
    }

    public Builder args(String... args) {
      return args(List.of(args));
    }

    /** The child's whole environment (PATH is kept); without this it inherits the test's. */
    public Builder env(Map<String, String> env) {
      this.env = Map.copyOf(env);
      return this;
    }

    /** Written to the child's stdin, which is then closed; without this stdin stays open for {@link #send}. */
    public Builder stdin(String text) {
      this.stdin = text.getBytes(StandardCharsets.UTF_8);
      return this;
    }

    /** Runs the JVM under {@code bash -c 'ulimit -f BLOCKS; exec ...'}: writes past that size fail. */
    public Builder fileSizeLimit(int blocks) {
      this.wrapper = List.of("bash", "-c", "ulimit -f " + blocks + "; exec \"$@\"", "child");
      return this;
    }

    public ChildJvm start() throws IOException {
      return new ChildJvm(this);
    }
  }

  /** The next line of stdout; fails after 60 s or when the process ends first. */
  public String nextLine() throws InterruptedException, IOException {
    String line = lines.poll(60, TimeUnit.SECONDS);
    if (line == null || line.equals(EOF)) throw new AssertionError("child ended or hung; stderr:\n" + stderr());
    return line;
  }

  /** A line on the child's stdin. */
  public void send(String line) throws IOException {
    OutputStream in = process.getOutputStream();
    in.write((line + "\n").getBytes(StandardCharsets.UTF_8));
    in.flush();
  }

  /** Waits up to 120 s for the child to end (stdout read to its end); its exit code. */
  public int waitForExit() throws InterruptedException, IOException {
    if (!process.waitFor(120, TimeUnit.SECONDS)) throw new AssertionError("child did not finish; stderr:\n" + stderr());
    synchronized (stdout) {
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
      while (!lines.contains(EOF) && System.nanoTime() < deadline) stdout.wait(20);
    }
    record();
    return process.exitValue();
  }

  public long pid() {
    return process.pid();
  }

  /** SIGKILL: no shutdown hook, no close, nothing flushed that was not already. */
  public void kill() throws InterruptedException, IOException {
    process.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
    record();
  }

  public String stderr() throws IOException {
    return Files.readString(stderr);
  }

  public String stdout() {
    synchronized (stdout) {
      return stdout.toString();
    }
  }

  private void record() throws IOException {
    Outputs.record("child JVM (stderr)", stderr());
    Outputs.record("child JVM (stdout)", stdout());
  }

  @Override
  public void close() {
    process.destroyForcibly();
  }
}
