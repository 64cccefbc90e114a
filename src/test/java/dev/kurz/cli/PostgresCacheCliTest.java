package dev.kurz.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kurz.cache.TestPostgres;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** kurz on a shared PostgreSQL cache: selected by flag, variable or config; errors; two processes at once. */
class PostgresCacheCliTest {
  @TempDir Path home;
  TestPostgres server;
  String url;
  FakeLlm llm;

  @BeforeEach
  void start() throws Exception {
    server = TestPostgres.require();
    url = server.freshSchemaUrl();
    llm = new FakeLlm(FakeLlm.Wire.OPENAI);
    for (int n = 1; n <= 8; n++) {
      String content = SyntheticArticles.analysis(n);
      // Slow enough that two processes asking for one article overlap.
      llm.on("Messstation Nummer " + n + " in Betrieb",
          k -> llm.ok(content).newBuilder().headersDelay(400, TimeUnit.MILLISECONDS).build());
    }
  }

  @AfterEach
  void stop() throws IOException {
    if (llm != null) llm.close(); // null when skipped for want of a server
  }

  CliRun kurz(String... args) {
    return new CliRun(home).env("OPENAI_API_KEY", "sk-test-FAKE-0000").env("PGPASSWORD", server.password()).run(args);
  }

  List<String> summarize(List<Path> inputs) {
    List<String> args = new ArrayList<>(List.of("summarize", "--provider", "openai", "--base-url", llm.baseUrl(),
        "--model", "fake-model", "--format", "jsonl"));
    inputs.forEach(p -> args.add(p.toString()));
    return args;
  }

  @Test
  void aSecondMachineOnTheSameServerAsksNothing() throws IOException {
    List<Path> inputs = SyntheticArticles.write(home.resolve("in"), 1, 2);
    List<String> args = summarize(inputs);
    args.addAll(List.of("--cache-url", url));
    CliRun first = kurz(args.toArray(String[]::new));
    assertThat(first.exit).as(first.err).isZero();

    // Another home (another machine), the URL from the environment this time.
    CliRun second = new CliRun(home.resolve("other")).env("OPENAI_API_KEY", "sk-test-FAKE-0000")
        .env("PGPASSWORD", server.password()).env("KURZ_CACHE_URL", url)
        .run(summarize(inputs).toArray(String[]::new));
    assertThat(second.exit).as(second.err).isZero();
    assertThat(second.err).contains("2 done (2 from cache, 0 new)");
    assertThat(llm.requests).hasSize(2);

    CliRun stats = kurz("cache", "stats", "--cache-url", url, "--format", "json");
    assertThat(stats.exit).as(stats.err).isZero();
    assertThat(stats.out).contains("\"entries\" : 2").contains("postgresql://").doesNotContain(server.password())
        .contains("\"hits\" : 2").contains("\"misses\" : 2");
  }

  @Test
  void theConfigFileNamesTheServer() throws IOException {
    Path config = home.resolve("config/kurz/config.toml");
    Files.createDirectories(config.getParent());
    Files.writeString(config, "cache_url = \"" + url + "\"\n");
    List<Path> inputs = SyntheticArticles.write(home.resolve("in"), 1, 1);
    assertThat(kurz(summarize(inputs).toArray(String[]::new)).exit).isZero();

    CliRun stats = kurz("cache", "list", "--format", "json");
    assertThat(stats.out).contains("meldung-1.txt");
  }

  @Test
  void anUnreachableServerStopsTheRunWithOneLine() throws IOException {
    int port;
    try (ServerSocket free = new ServerSocket(0)) {
      port = free.getLocalPort();
    }
    List<Path> inputs = SyntheticArticles.write(home.resolve("in"), 1, 1);
    List<String> args = summarize(inputs);
    args.addAll(List.of("--cache-url", "postgresql://kurz@127.0.0.1:" + port + "/kurz"));
    CliRun run = kurz(args.toArray(String[]::new));

    assertThat(run.exit).isEqualTo(ExitCodes.NOTHING_RAN);
    assertThat(run.err.strip()).startsWith("[ERROR] cannot reach the PostgreSQL cache at postgresql://kurz@127.0.0.1:" + port + "/kurz")
        .doesNotContain("\n").doesNotContain("Exception");
    assertThat(llm.requests).isEmpty();
  }

  @Test
  void aWrongPasswordStopsTheRunWithoutShowingIt() {
    CliRun run = new CliRun(home).env("PGPASSWORD", "not-the-password-77").run("cache", "stats", "--cache-url", url);

    assertThat(run.exit).isEqualTo(ExitCodes.NOTHING_RAN);
    assertThat(run.err.strip()).startsWith("[ERROR] the PostgreSQL cache at").contains("refused the login")
        .doesNotContain("not-the-password-77").doesNotContain("\n");
  }

  @Test
  void aPasswordInTheUrlIsRefused() {
    CliRun run = kurz("cache", "stats", "--cache-url", "postgresql://kurz:geheim99@127.0.0.1/kurz");

    assertThat(run.exit).isEqualTo(ExitCodes.NOTHING_RAN);
    assertThat(run.err).contains("PGPASSWORD").doesNotContain("geheim99");
  }

  @Test
  void twoProcessesWithOverlappingInputsAskForEachArticleOnce() throws Exception {
    List<Path> all = SyntheticArticles.write(home.resolve("in"), 1, 8);
    List<Process> processes = new ArrayList<>();
    List<Path> logs = new ArrayList<>();
    // Articles 1-6 and 3-8: 3 to 6 are asked for by both editors at once.
    for (List<Path> inputs : List.of(all.subList(0, 6), all.subList(2, 8))) {
      List<String> command = new ArrayList<>(List.of(ProcessHandle.current().info().command().orElse("java"),
          "--enable-native-access=ALL-UNNAMED", "-cp", System.getProperty("java.class.path"), Main.class.getName()));
      command.addAll(summarize(inputs));
      command.addAll(List.of("--cache-url", url, "--concurrency", "4", "--quiet"));
      Path log = Files.createTempFile(home, "editor-", ".err");
      ProcessBuilder pb = new ProcessBuilder(command).redirectError(log.toFile()).redirectOutput(ProcessBuilder.Redirect.DISCARD);
      Map<String, String> env = pb.environment();
      env.put("HOME", home.toString());
      env.put("XDG_CACHE_HOME", home.resolve("cache-" + logs.size()).toString());
      env.put("XDG_CONFIG_HOME", home.resolve("config").toString());
      env.put("OPENAI_API_KEY", "sk-test-FAKE-0000");
      env.put("PGPASSWORD", server.password());
      processes.add(pb.start());
      logs.add(log);
    }
    for (int i = 0; i < processes.size(); i++) {
      assertThat(processes.get(i).waitFor(120, TimeUnit.SECONDS)).isTrue();
      assertThat(processes.get(i).exitValue()).as(Files.readString(logs.get(i))).isZero();
    }

    for (int n = 1; n <= 8; n++) {
      assertThat(llm.requestsFor("Messstation Nummer " + n + " in Betrieb")).as("article %d", n).isEqualTo(1);
    }
    assertThat(llm.requests).hasSize(8);
  }
}
