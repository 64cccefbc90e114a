package dev.kurz.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The progress bar appears exactly when stderr is a terminal, whatever stdout is: kurz runs in a
 * child JVM under a real pseudo-terminal ({@code script} from util-linux), one stream redirected.
 */
class ProgressTerminalTest {
  @TempDir Path home;
  FakeLlm llm;

  @AfterEach
  void stop() throws IOException {
    if (llm != null) llm.close();
  }

  @Test
  void terminalDevicesAreToldFromFilesAndPipes() {
    assertThat(Main.isTerminalDevice("/dev/pts/3")).isTrue();
    assertThat(Main.isTerminalDevice("/dev/tty1")).isTrue();
    assertThat(Main.isTerminalDevice("/tmp/log.txt")).isFalse();
    assertThat(Main.isTerminalDevice("pipe:[81723]")).isFalse();
    assertThat(Main.isTerminalDevice("/dev/null")).isFalse();
  }

  @Test
  void stdoutToAFileStillShowsTheBarOnTheTerminal() throws Exception {
    String screen = underTerminal(command() + " > " + home.resolve("out.jsonl"));
    assertThat(screen).contains("\r\033[K").contains("3/3");
    assertThat(Files.readString(home.resolve("out.jsonl")).lines().count()).isEqualTo(3);
  }

  @Test
  void stderrToAFileGetsPlainLinesAndNoBarFrames() throws Exception {
    Path log = home.resolve("log.txt");
    underTerminal(command() + " 2> " + log);
    String text = Files.readString(log);
    assertThat(text).contains("[1/3] ").contains("[3/3] ").doesNotContain("\r").doesNotContain("\033");
  }

  private String command() throws IOException {
    llm = new FakeLlm(FakeLlm.Wire.OPENAI);
    llm.answer("Straßenbahnlinie", SummarizeCommandTest.fixture("tram.analysis.json"));
    List<String> cmd = new ArrayList<>(List.of(ProcessHandle.current().info().command().orElse("java"),
        "-cp", System.getProperty("java.class.path"), Main.class.getName(),
        "summarize", "--provider", "openai", "--base-url", llm.baseUrl(), "--model", "fake-model", "--format", "jsonl", "-j", "1"));
    String text = SummarizeCommandTest.fixture("tram.txt");
    for (int i = 0; i < 3; i++) cmd.add(Files.writeString(home.resolve("tram" + i + ".txt"), text + "\n\nNachtrag " + i + ".").toString());
    StringBuilder line = new StringBuilder();
    for (String word : cmd) line.append('\'').append(word.replace("'", "'\\''")).append("' ");
    return line.toString().strip();
  }

  /** What the terminal shows while {@code shellCommand} runs with stdin, stdout and stderr on it. */
  private String underTerminal(String shellCommand) throws Exception {
    assumeTrue(Files.isExecutable(Path.of("/usr/bin/script")), "script (util-linux) not installed");
    ProcessBuilder pb = new ProcessBuilder("/usr/bin/script", "-qefc", shellCommand, "/dev/null");
    pb.environment().keySet().removeIf(k -> !k.equals("PATH"));
    pb.environment().putAll(java.util.Map.of("HOME", home.toString(), "XDG_CONFIG_HOME", home.resolve("config").toString(),
        "XDG_CACHE_HOME", home.resolve("cache").toString(), "OPENAI_API_KEY", "sk-test-FAKE", "TERM", "xterm"));
    Process p = pb.redirectErrorStream(true).start();
    p.getOutputStream().close();
    String screen = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
    assertThat(p.exitValue()).as(screen).isZero();
    return screen;
  }
}
