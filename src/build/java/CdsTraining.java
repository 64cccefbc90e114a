import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.lang.reflect.Constructor;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;

/**
 * Build tooling, not part of kurz: Maven runs it at package time under {@code
 * -XX:DumpLoadedClassList} and dumps the class-data-sharing archive shipped beside the jar from
 * that list in a second JVM, so the archive holds the classes a real run loads. It exercises the common paths in-process on a made-up article: reading and cleanup, a summarize whose backend is unreachable (client
 * classes, error mapping), a canned answer from a stand-in server on loopback, the same article
 * from the cache in Markdown and JSON, a dry run, extract, cache stats, config show and help.
 * Touches nothing outside a temporary folder. Run as the Java agent of {@code java -jar kurz.jar}
 * (see the pom): the class path is kurz.jar alone, as in a real run, so the archive fits every run
 * of it, and this class (appended by the agent mechanism) is not on the dump's class path, so not archived.
 */
final class CdsTraining {
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

  /** The analysis as an OpenAI chat completion answers it (its content a JSON string). */
  private static final String ANSWER = """
      {"id":"train","object":"chat.completion","created":0,"model":"m","choices":[{"index":0,"finish_reason":"stop",
       "message":{"role":"assistant","content":"%s"}}],"usage":{"prompt_tokens":1,"completion_tokens":1,"total_tokens":2}}"""
      .formatted(ANALYSIS.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n"));

  private CdsTraining() {}

  /** As a Java agent ({@code -javaagent:cds-training.jar -jar kurz.jar}): trains, then ends the JVM before kurz's main runs. */
  public static void premain(String agentArgs) throws Exception {
    main(new String[0]);
    System.exit(0);
  }

  public static void main(String[] args) throws Exception {
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
    } finally {
      try (Stream<Path> walk = Files.walk(dir)) {
        walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
      }
    }
  }

  /**
   * kurz's in-process entry ({@code Main.run} with its own streams): package-private, and this
   * class is compiled without kurz on its class path, so it is reached by reflection.
   */
  private static void run(Map<String, String> env, String[] args) throws ReflectiveOperationException {
    ClassLoader kurz = ClassLoader.getSystemClassLoader();
    PrintStream sink = new PrintStream(OutputStream.nullOutputStream(), true, StandardCharsets.UTF_8);
    Class<?> terminal = Class.forName("dev.kurz.cli.Terminal", true, kurz);
    Class<?> sleeper = Class.forName("dev.kurz.scheduling.RetryPolicy$Sleeper", true, kurz);
    Constructor<?> make = terminal.getDeclaredConstructor(InputStream.class, PrintStream.class, PrintStream.class, Map.class,
        Clock.class, sleeper, boolean.class, AtomicBoolean.class);
    make.setAccessible(true);
    Object noWait = Proxy.newProxyInstance(kurz, new Class<?>[] {sleeper}, (proxy, method, arguments) -> null);
    Object term = make.newInstance(new ByteArrayInputStream(new byte[0]), sink, sink, env, Clock.systemUTC(), noWait, false,
        new AtomicBoolean());
    Method main = Class.forName("dev.kurz.cli.Main", true, kurz).getDeclaredMethod("run", String[].class, terminal);
    main.setAccessible(true);
    main.invoke(null, args, term);
  }

  private static String[] concat(String[] a, String[] b) {
    String[] out = new String[a.length + b.length];
    System.arraycopy(a, 0, out, 0, a.length);
    System.arraycopy(b, 0, out, a.length, b.length);
    return out;
  }
}
