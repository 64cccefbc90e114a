package dev.kurz.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kurz.ChildJvm;
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
    List<String> lines = new ArrayList<>();
    String err;
    try (ChildJvm kurz = ChildJvm.builder(home, Main.class).env(cli().env).stdin("")
        .args(summarizeArgs(concat(files, "--format", "jsonl", "-j", "1"))).start()) {
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
      while (llm.server.getRequestCount() == 0 && System.nanoTime() < deadline) Thread.sleep(20);
      assertThat(new ProcessBuilder("kill", "-TERM", String.valueOf(kurz.pid())).start().waitFor()).isZero();
      assertThat(kurz.waitForExit()).as(kurz.stderr()).isEqualTo(ExitCodes.INTERRUPTED);
      kurz.stdout().lines().forEach(lines::add);
      err = kurz.stderr();
    }
    int sent = llm.server.getRequestCount();
    assertThat(lines).as("the answers in flight are kept").hasSize(sent).allMatch(l -> l.startsWith("{"));
    assertThat(sent).as("nothing new started after SIGTERM").isBetween(1, 2);
    assertThat(err).contains("interrupted (SIGTERM)")
        .contains("interrupted: 4 articles: " + sent + " done (0 from cache, " + sent + " new), 0 failed");
  }
}
