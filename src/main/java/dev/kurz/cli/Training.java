package dev.kurz.cli;

import com.sun.net.httpserver.HttpServer;
import dev.kurz.scheduling.RetryPolicy;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

/**
 * Build tooling that ships in the jar as a second main class (never reached from {@link Main}):
 * Maven runs {@code java -cp kurz.jar dev.kurz.cli.Training target} with the build's JDK at
 * package time to make the class archive the launcher maps into runs of that same JDK.
 *
 * <ul>
 *   <li>JDK 25 and newer: the training runs in a child JVM under {@code -XX:AOTCacheOutput}
 *       (JEP 483/514/515), which writes {@code kurz.aot}: the classes a run loads, already parsed,
 *       verified and linked, with their lambdas and method profiles.
 *   <li>JDK 21 to 24: the training runs in a child JVM under {@code -XX:DumpLoadedClassList}, and a
 *       second JVM dumps the static archive {@code kurz.jsa} from that list.
 * </ul>
 *
 * In both the class path is kurz.jar alone and the JVM options are the launcher's (src/main/sh/kurz:
 * keep the two in step), as the JVM maps an archive only into runs that match it. Beside the archive
 * goes {@code kurz.aot.java} or {@code kurz.jsa.java}, the java binary it fits, which the launcher
 * compares with the one it found. {@code Training --exercise} is the training itself: it runs kurz
 * in-process on made-up articles (reading and cleanup, an unreachable backend, a batch against a
 * stand-in server on loopback that answers and sometimes rejects, cache hits in Markdown and JSON, a
 * dry run, extract, cache stats, config show, help) and touches nothing outside a temporary folder.
 */
final class Training {
  /** The launcher's JVM options for every run (src/main/sh/kurz). */
  static final List<String> RUN_OPTIONS =
      List.of("-XX:+UseSerialGC", "-XX:MaxNewSize=64m", "-XX:TieredStopAtLevel=1", "--enable-native-access=ALL-UNNAMED");

  /**
   * The launcher's further options for runs that map the AOT cache (src/main/sh/kurz). The cache
   * holds the training's method profiles and compilation records, and by default a run replays
   * them: the JIT compiles at once every method the training found hot. With the one C1 compiler
   * thread a two-processor machine has, that burst took 0.15-0.25 s of CPU before a batch's first
   * request (more than half of the compiler's work by then), beside the main thread and the
   * warm-up. Without the replay, methods are compiled as the run makes them hot. (A cache written
   * without the records at all, -XX:-AOTRecordTraining, made a fully cached run slower.)
   */
  static final List<String> AOT_RUN_OPTIONS = List.of("-XX:+UnlockDiagnosticVMOptions", "-XX:-AOTReplayTraining");

  /** The analysis as an OpenAI chat completion answers it (its content a JSON string). */
  private static final String ANSWER = """
      {"id":"train","object":"chat.completion","created":0,"model":"m","choices":[{"index":0,"finish_reason":"stop",
       "message":{"role":"assistant","content":"%s"}}],"usage":{"prompt_tokens":1,"completion_tokens":1,"total_tokens":2}}"""
      .formatted(WarmUp.ANALYSIS.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n"));

  private static final String REJECTED = "{\"error\":{\"message\":\"Too many concurrent requests\",\"type\":\"rate_limit\"}}";

  /** Articles in the training's batch, and how many requests the stand-in serves at once. */
  private static final int BATCH = 24;
  private static final int SLOTS = 4;

  private Training() {}

  public static void main(String[] args) throws Exception {
    if (args.length == 1 && args[0].equals("--exercise")) {
      exercise();
    } else if (args.length == 1) {
      System.exit(archive(Path.of(args[0])));
    } else {
      System.err.println("usage: java -cp kurz.jar dev.kurz.cli.Training <folder of kurz.jar> | --exercise");
      System.exit(2);
    }
  }

  /** Writes the archive for this JDK beside kurz.jar in {@code dir}; the exit code of the step that failed, else 0. */
  private static int archive(Path dir) throws IOException, InterruptedException {
    Path jar = dir.resolve("kurz.jar").toAbsolutePath();
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    boolean aot = Runtime.version().feature() >= 25;
    String name = aot ? "kurz.aot" : "kurz.jsa";
    Path out = dir.resolve(name).toAbsolutePath();
    Files.deleteIfExists(dir.resolve(name + ".java"));
    Files.deleteIfExists(out);
    List<String> train = new ArrayList<>(List.of(java));
    train.addAll(RUN_OPTIONS);
    int rc;
    if (aot) {
      train.addAll(List.of("-XX:AOTCacheOutput=" + out, "-Xlog:aot*=error", "-cp", jar.toString(), Training.class.getName(), "--exercise"));
      rc = run(train);
      // The launcher maps the cache with AOT_RUN_OPTIONS: a JDK that does not know them would not
      // start, so on such a JDK the cache is left unnamed (runs go without it) rather than broken.
      if (rc == 0) {
        List<String> check = new ArrayList<>(List.of(java));
        check.addAll(RUN_OPTIONS);
        check.addAll(List.of("-XX:AOTCache=" + out, "-Xlog:aot*=off", "-Xlog:cds*=off"));
        check.addAll(AOT_RUN_OPTIONS);
        check.add("-version");
        if (new ProcessBuilder(check).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start().waitFor() != 0) {
          System.err.println("[WARN] this JDK does not take " + String.join(" ", AOT_RUN_OPTIONS) + ": the AOT cache will not be used");
          return 0;
        }
      }
    } else {
      Path list = dir.resolve("kurz.classlist").toAbsolutePath();
      train.addAll(List.of("-Xshare:off", "-XX:DumpLoadedClassList=" + list, "-cp", jar.toString(), Training.class.getName(), "--exercise"));
      rc = run(train);
      // The list also names classes the dump cannot take (made at run time, or old class files); it
      // says so for each: no log.
      if (rc == 0) rc = run(List.of(java, "-Xshare:dump", "-XX:SharedClassListFile=" + list, "-XX:SharedArchiveFile=" + out,
          "-Xlog:disable", "-cp", jar.toString()));
      Files.deleteIfExists(list);
    }
    if (rc == 0 && Files.isRegularFile(out)) Files.writeString(dir.resolve(name + ".java"), java + "\n");
    return rc;
  }

  /**
   * Runs a step of the build; what the JVM says while it trains and assembles (a few lines even
   * when all goes well) is shown only when the step fails, so a quiet build stays quiet.
   */
  private static int run(List<String> command) throws IOException, InterruptedException {
    Path log = Files.createTempFile("kurz-training", ".log");
    try {
      int rc = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start().waitFor();
      if (rc != 0) {
        System.err.println("[ERROR] class-archive training step failed (exit " + rc + "): " + String.join(" ", command));
        System.err.print(Files.readString(log));
      }
      return rc;
    } finally {
      Files.deleteIfExists(log);
    }
  }

  /** The training; fails when a step that should succeed does not (the archive would miss its classes). */
  static void exercise() throws Exception {
    Path dir = Files.createTempDirectory("kurz-train");
    try {
      List<String> articles = new ArrayList<>();
      for (int i = 0; i < BATCH; i++) {
        Path article = dir.resolve("artikel-" + i + ".txt");
        Files.writeString(article, WarmUp.ARTICLE.formatted(20 + i));
        articles.add(article.toString());
      }
      String a = articles.get(0);
      Map<String, String> env = new HashMap<>();
      env.put("HOME", dir.toString());
      env.put("XDG_CACHE_HOME", dir.resolve("cache").toString());
      env.put("XDG_CONFIG_HOME", dir.resolve("config").toString());
      env.put("OPENAI_API_KEY", "sk-train-FAKE-0000");
      List<String> unreachable = List.of("--provider", "openai", "--base-url", "http://127.0.0.1:9/v1", "--model", "m", "--timeout", "2");
      run(env, "summarize", a, "--format", "json", unreachable);
      // What Main starts in the background for summarize and digest (not reached through Main.run).
      if (WarmUp.run() == null) throw new IllegalStateException("the warm-up failed");
      // Answers from a stand-in server on loopback (the JDK's own HTTP server) that serves a few
      // requests at once and rejects the rest with 429, as a model server limiting concurrency does:
      // a batch without the cache, then the same articles from the cache.
      ExecutorService threads = Executors.newCachedThreadPool();
      HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
      AtomicInteger inFlight = new AtomicInteger();
      server.createContext("/", exchange -> {
        int now = inFlight.incrementAndGet();
        try {
          exchange.getRequestBody().readAllBytes();
          boolean over = now > SLOTS;
          if (!over) sleep(20);
          byte[] body = (over ? REJECTED : ANSWER).getBytes(StandardCharsets.UTF_8);
          exchange.getResponseHeaders().add("Content-Type", "application/json");
          if (over) exchange.getResponseHeaders().add("Retry-After", "1");
          exchange.sendResponseHeaders(over ? 429 : 200, body.length);
          try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
          }
        } finally {
          inFlight.decrementAndGet();
        }
      });
      server.setExecutor(threads);
      server.start();
      try {
        String url = "http://127.0.0.1:" + server.getAddress().getPort() + "/v1";
        List<String> local = List.of("--provider", "openai", "--base-url", url, "--model", "m");
        succeeds(run(env, "summarize", articles, "--no-cache", "--format", "jsonl", "-j", "8", local));
        succeeds(run(env, "summarize", articles, "--format", "jsonl", "-j", "8", local));
        succeeds(run(env, "summarize", a, local));
      } finally {
        server.stop(0);
        threads.shutdownNow();
      }
      succeeds(run(env, "summarize", a, "--format", "jsonl", "--dry-run", unreachable));
      succeeds(run(env, "extract", a, "--format", "json"));
      succeeds(run(env, "cache", "stats"));
      succeeds(run(env, "config", "show", "--show-origin"));
      succeeds(run(env, "--help"));
      succeeds(run(env, "summarize", "--help"));
    } finally {
      try (Stream<Path> walk = Files.walk(dir)) {
        walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
      }
    }
  }

  private static void sleep(long ms) {
    try {
      Thread.sleep(ms);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static void succeeds(int exitCode) {
    if (exitCode != ExitCodes.OK) throw new IllegalStateException("a training step ended with exit code " + exitCode);
  }

  /** kurz in-process with its own streams (output discarded) and a sleeper that does not wait; its exit code. */
  private static int run(Map<String, String> env, Object... parts) {
    List<String> args = new ArrayList<>();
    for (Object part : parts) {
      if (part instanceof List<?> list) list.forEach(p -> args.add(p.toString()));
      else args.add(part.toString());
    }
    PrintStream sink = new PrintStream(OutputStream.nullOutputStream(), true, StandardCharsets.UTF_8);
    RetryPolicy.Sleeper noWait = d -> {};
    Terminal term = new Terminal(new ByteArrayInputStream(new byte[0]), sink, sink, env, Clock.systemUTC(), noWait, false,
        new AtomicBoolean());
    return Main.run(args.toArray(String[]::new), term);
  }
}
