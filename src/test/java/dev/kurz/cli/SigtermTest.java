package dev.kurz.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockResponse;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** SIGTERM to a real child process is handled like Ctrl-C (issue 20, item 13). */
class SigtermTest extends FaultRig {

  @Test
  @Timeout(120)
  void sigtermKeepsTheAnswerInFlightPrintsThePartialSummaryAndExits130() throws Exception {
    String answer = hafenAnswer();
    List<String> files = hafenCopies(4);
    // Every answer takes 3 s: SIGTERM arrives while the first is in flight.
    llm.on(HAFEN_MARKER, n -> new MockResponse.Builder(llm.ok(answer)).headersDelay(3, TimeUnit.SECONDS).build());
    List<String> command = new ArrayList<>(List.of(ProcessHandle.current().info().command().orElse("java"),
        "--enable-native-access=ALL-UNNAMED", "-cp", System.getProperty("java.class.path"), Main.class.getName()));
    command.addAll(List.of(summarizeArgs(concat(files, "--format", "jsonl", "-j", "1"))));
    Path stderr = Files.createTempFile(home, "kurz-", ".err");
    ProcessBuilder pb = new ProcessBuilder(command).redirectError(stderr.toFile());
    pb.environment().keySet().removeIf(k -> !k.equals("PATH"));
    pb.environment().putAll(cli().env);
    Process p = pb.start();
    p.getOutputStream().close();
    List<String> lines = new ArrayList<>();
    try (BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
      while (llm.server.getRequestCount() == 0 && System.nanoTime() < deadline) Thread.sleep(20);
      // Process.destroy() would send SIGTERM too, but closes our end of the pipes.
      assertThat(new ProcessBuilder("kill", "-TERM", String.valueOf(p.pid())).start().waitFor()).isZero();
      for (String line; (line = out.readLine()) != null; ) lines.add(line);
    }
    assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
    String err = Files.readString(stderr);
    dev.kurz.reliability.Outputs.record("SigtermTest (stderr)", err);
    assertThat(p.exitValue()).as(err).isEqualTo(ExitCodes.INTERRUPTED);
    int sent = llm.server.getRequestCount();
    assertThat(lines).as("the answers in flight are kept").hasSize(sent).allMatch(l -> l.startsWith("{"));
    assertThat(sent).as("nothing new started after SIGTERM").isBetween(1, 2);
    assertThat(err).contains("interrupted (SIGTERM)")
        .contains("interrupted: 4 articles: " + sent + " done (0 from cache, " + sent + " new), 0 failed");
  }
}
