package dev.kurz.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A collect killed half-way (SIGKILL) and run again: nothing lost, nothing fetched twice. */
class BatchCollectKillTest {
  @TempDir Path home;

  @Test
  void aCollectKilledHalfWayResumesWithNothingLostOrFetchedTwice() throws Exception {
    try (FakeOpenAiBatchServer api = new FakeOpenAiBatchServer()) {
      Path dir = home.resolve("archiv");
      SyntheticArticles.write(dir, 1, 1000);
      CliRun submit = new CliRun(home).env("OPENAI_API_KEY", "sk-test-FAKE-0000").run("batch", "submit", dir.toString(),
          "--provider", "openai", "--base-url", api.baseUrl(), "--model", "gpt-4o-mini");
      assertThat(submit.exit).as(submit.err).isZero();
      String id = submit.out.strip();
      // Article 500's answer needs a repair request, which hangs until the collect is killed.
      api.invalidInBatch.add(500);
      api.blockRepairOf = 500;
      api.finish(id);

      Process child = collectInChildProcess(id);
      try {
        assertThat(api.repairArrived.await(120, TimeUnit.SECONDS)).as("the child reached article 500").isTrue();
      } finally {
        child.destroyForcibly();
        child.waitFor(30, TimeUnit.SECONDS);
      }
      api.blockRepairOf = -1;

      CliRun resumed = new CliRun(home).env("OPENAI_API_KEY", "sk-test-FAKE-0000").run("batch", "collect", id);
      assertThat(resumed.exit).as(resumed.err).isZero();
      // Results come in the order submitted: all before article 500 were stored before the kill.
      List<String> order = api.uploads.get(0).get("file").lines().toList();
      int before = 0;
      while (SyntheticArticles.numberIn(order.get(before)) != 500) before++;
      assertThat(before).isPositive();
      assertThat(resumed.err).contains((1000 - before) + " stored now, 0 failed, " + before + " stored before");
      assertThat(api.contentDownloads.get()).as("the output file is downloaded once").isEqualTo(1);
      // The repair that was in flight when the process died is the only request made twice.
      assertThat(api.chatRequests.keySet()).containsExactly(500);

      CliRun summarize = new CliRun(home).env("OPENAI_API_KEY", "sk-test-FAKE-0000").run("summarize", dir.toString(),
          "--provider", "openai", "--base-url", api.baseUrl(), "--model", "gpt-4o-mini", "--format", "jsonl");
      assertThat(summarize.err).contains("1000 done (1000 from cache, 0 new)");
      assertThat(api.chatRequests.get(500).get()).isEqualTo(2);
    }
  }

  private Process collectInChildProcess(String id) throws Exception {
    List<String> command = new ArrayList<>(List.of(ProcessHandle.current().info().command().orElse("java"),
        "--enable-native-access=ALL-UNNAMED", "-cp", System.getProperty("java.class.path"), Main.class.getName(),
        "batch", "collect", id));
    ProcessBuilder pb = new ProcessBuilder(command)
        .redirectError(Files.createTempFile(home, "collect-", ".err").toFile())
        .redirectOutput(ProcessBuilder.Redirect.DISCARD);
    pb.environment().put("HOME", home.toString());
    pb.environment().put("XDG_CONFIG_HOME", home.resolve("config").toString());
    pb.environment().put("XDG_CACHE_HOME", home.resolve("cache").toString());
    pb.environment().put("OPENAI_API_KEY", "sk-test-FAKE-0000");
    return pb.start();
  }
}
