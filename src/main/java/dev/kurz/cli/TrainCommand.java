package dev.kurz.cli;

import java.io.ByteArrayInputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;
import picocli.CommandLine.Command;

/**
 * Hidden: run at package time under {@code -XX:ArchiveClassesAtExit} so the class-data-sharing
 * archive shipped beside the jar holds the classes a real run loads. It exercises the common paths
 * in-process on a made-up article: reading and cleanup, a summarize whose backend is unreachable
 * (client classes, error mapping), a cached summarize with Markdown and JSON output, cache stats,
 * extract and help. Touches nothing outside a temporary folder.
 */
@Command(name = "train-cds", hidden = true, description = "Exercise common code paths (build-time CDS training).")
final class TrainCommand implements Callable<Integer> {
  private static final String ARTICLE = """
      Stadtrat beschließt neue Linie

      Der Stadtrat hat am Dienstag den Bau einer neuen Straßenbahnlinie beschlossen. 27 Ratsmitglieder stimmten dafür.

      Die Linie soll nach Angaben der Verkehrsbetriebe rund 48 Millionen Euro kosten. „Ein wichtiger Schritt“, sagte die Oberbürgermeisterin.
      """;

  private static final String ANALYSIS = """
      {"source_language":"de","headline":"Council approves new tram line","summary":"The council approved a tram line.",
       "key_points":["Approved.","Cost 48 million euros.","Mayor welcomes it."],
       "claims":[{"claim":"The council approved a new tram line on Tuesday.","attributed_to":"the article",
         "source_type":"article_voice","modality":"stated",
         "quote":"Der Stadtrat hat am Dienstag den Bau einer neuen Straßenbahnlinie beschlossen."},
        {"claim":"The line will reportedly cost about 48 million euros.","attributed_to":"the transport company",
         "source_type":"named_organization","modality":"reported","quote":"rund 48 Millionen Euro kosten"}],
       "entities":[{"name":"Kyiv","original":"Kiew","type":"place"}]}""";

  private static final String ANSWER;

  static {
    var json = new com.fasterxml.jackson.databind.ObjectMapper();
    var root = json.createObjectNode();
    root.put("id", "train").put("object", "chat.completion").put("created", 0).put("model", "m");
    var choice = root.putArray("choices").addObject().put("index", 0).put("finish_reason", "stop");
    choice.putObject("message").put("role", "assistant").put("content", ANALYSIS);
    root.putObject("usage").put("prompt_tokens", 1).put("completion_tokens", 1).put("total_tokens", 2);
    ANSWER = root.toString();
  }

  @Override
  public Integer call() throws Exception {
    Path dir = Files.createTempDirectory("kurz-train");
    try {
      Path article = dir.resolve("artikel.txt");
      Files.writeString(article, ARTICLE);
      Map<String, String> env = new HashMap<>();
      env.put("HOME", dir.toString());
      env.put("XDG_CACHE_HOME", dir.resolve("cache").toString());
      env.put("XDG_CONFIG_HOME", dir.resolve("config").toString());
      env.put("OPENAI_API_KEY", "sk-train-FAKE-0000");
      String a = article.toString();
      String[] common = {"--provider", "openai", "--base-url", "http://127.0.0.1:9/v1", "--model", "m", "--timeout", "2"};
      run(env, concat(new String[] {"summarize", a, "--format", "json"}, common));
      // A successful request too, against a stand-in server on loopback (JDK's own HTTP server),
      // then the same article from the cache: the classes of answering and of cache hits.
      com.sun.net.httpserver.HttpServer server = com.sun.net.httpserver.HttpServer.create(
          new java.net.InetSocketAddress(java.net.InetAddress.getLoopbackAddress(), 0), 0);
      server.createContext("/", exchange -> {
        exchange.getRequestBody().readAllBytes();
        byte[] body = ANSWER.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(200, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
          out.write(body);
        }
      });
      server.start();
      try {
        String url = "http://127.0.0.1:" + server.getAddress().getPort() + "/v1";
        String[] local = {"--provider", "openai", "--base-url", url, "--model", "m"};
        run(env, concat(new String[] {"summarize", a, "--format", "jsonl"}, local));
        run(env, concat(new String[] {"summarize", a}, local));
      } finally {
        server.stop(0);
      }
      run(env, concat(new String[] {"summarize", a, "--format", "jsonl", "--dry-run"}, common));
      run(env, new String[] {"extract", a, "--format", "json"});
      run(env, new String[] {"cache", "stats"});
      run(env, new String[] {"config", "show", "--show-origin"});
      run(env, new String[] {"--help"});
      run(env, new String[] {"summarize", "--help"});
      // Tells the launcher which Java the archive fits: it maps the archive only into that one.
      String stamp = System.getProperty("kurz.cds.java");
      if (stamp != null) Files.writeString(Path.of(stamp), Path.of(System.getProperty("java.home"), "bin", "java") + "\n");
      return ExitCodes.OK;
    } finally {
      try (Stream<Path> walk = Files.walk(dir)) {
        walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
      }
    }
  }

  private static void run(Map<String, String> env, String[] args) {
    PrintStream sink = new PrintStream(OutputStream.nullOutputStream(), true, StandardCharsets.UTF_8);
    Terminal term = new Terminal(new ByteArrayInputStream(new byte[0]), sink, sink, env, java.time.Clock.systemUTC(),
        d -> {}, false, new AtomicBoolean());
    Main.run(args, term);
  }

  private static String[] concat(String[] a, String[] b) {
    String[] out = new String[a.length + b.length];
    System.arraycopy(a, 0, out, 0, a.length);
    System.arraycopy(b, 0, out, a.length, b.length);
    return out;
  }
}
