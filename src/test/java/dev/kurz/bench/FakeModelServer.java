package dev.kurz.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;

/**
 * A stand-in model server for benchmarks: OpenAI chat-completions wire format, a fixed latency per
 * answer, and a hard limit on concurrent requests beyond which it answers 429 with Retry-After.
 * Each answer is a valid analysis made from the article in the request (its first sentences as
 * quotes), so grounding and validation do their real work. Prints its base URL, then serves until
 * killed; on SIGTERM it prints how many requests it answered and rejected.
 *
 * <pre>java -cp ... dev.kurz.bench.FakeModelServer [latencyMs=500] [limit=8] [retryAfterSeconds=1] [port=0]</pre>
 */
public final class FakeModelServer {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Pattern ARTICLE = Pattern.compile("<article>\\n(.*?)\\n</article>", Pattern.DOTALL);

  public static void main(String[] args) throws Exception {
    long latency = args.length > 0 ? Long.parseLong(args[0]) : 500;
    int limit = args.length > 1 ? Integer.parseInt(args[1]) : 8;
    int retryAfter = args.length > 2 ? Integer.parseInt(args[2]) : 1;
    int port = args.length > 3 ? Integer.parseInt(args[3]) : 0;
    AtomicInteger inFlight = new AtomicInteger();
    AtomicLong answered = new AtomicLong();
    AtomicLong rejected = new AtomicLong();
    AtomicInteger peak = new AtomicInteger();
    // When requests arrived and ended (ms since start), to see where capacity went unused.
    List<long[]> spans = java.util.Collections.synchronizedList(new ArrayList<>());
    long started = System.nanoTime();
    long startedEpochMs = System.currentTimeMillis();
    MockWebServer server = new MockWebServer();
    server.setDispatcher(new Dispatcher() {
      @Override
      public MockResponse dispatch(RecordedRequest request) throws InterruptedException {
        int now = inFlight.incrementAndGet();
        long arrived = (System.nanoTime() - started) / 1_000_000;
        boolean ok = false;
        try {
          if (now > limit) {
            rejected.incrementAndGet();
            spans.add(new long[] {arrived, -1});
            return new MockResponse.Builder().code(429).addHeader("Retry-After", String.valueOf(retryAfter))
                .addHeader("Content-Type", "application/json")
                .body("{\"error\":{\"message\":\"Too many concurrent requests\",\"type\":\"rate_limit\"}}").build();
          }
          peak.accumulateAndGet(now, Math::max);
          Thread.sleep(latency);
          answered.incrementAndGet();
          ok = true;
          return answer(request.getBody() == null ? "" : request.getBody().utf8());
        } finally {
          inFlight.decrementAndGet();
          if (ok) spans.add(new long[] {arrived, (System.nanoTime() - started) / 1_000_000});
        }
      }
    });
    // Nagle off on the answers, as real HTTP servers do: otherwise every answer waits up to 40 ms
    // for the client's delayed acknowledgement, which the benchmark would count against kurz.
    server.setServerSocketFactory(noDelaySockets());
    server.start(port);
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      System.err.printf("fake server: answered %d, rejected %d (429), peak concurrency %d, connections %d%n", answered.get(),
          rejected.get(), peak.get(), ACCEPTED.get());
      timeline(spans, limit, startedEpochMs);
    }));
    System.out.println(server.url("/v1").toString());
    System.out.flush();
    Thread.currentThread().join();
  }

  /** Connections accepted by {@link #noDelaySockets()}'s sockets: a client that reuses them opens few. */
  static final AtomicInteger ACCEPTED = new AtomicInteger();

  /** Server sockets with Nagle off on accepted connections. */
  static javax.net.ServerSocketFactory noDelaySockets() {
    return new javax.net.ServerSocketFactory() {
      @Override
      public java.net.ServerSocket createServerSocket() throws java.io.IOException {
        return new java.net.ServerSocket() {
          @Override
          public java.net.Socket accept() throws java.io.IOException {
            java.net.Socket s = super.accept();
            ACCEPTED.incrementAndGet();
            s.setTcpNoDelay(true);
            return s;
          }
        };
      }

      @Override
      public java.net.ServerSocket createServerSocket(int p) throws java.io.IOException {
        throw new UnsupportedOperationException();
      }

      @Override
      public java.net.ServerSocket createServerSocket(int p, int backlog) throws java.io.IOException {
        throw new UnsupportedOperationException();
      }

      @Override
      public java.net.ServerSocket createServerSocket(int p, int backlog, java.net.InetAddress address) throws java.io.IOException {
        throw new UnsupportedOperationException();
      }
    };
  }

  /** First arrival, last answer, and how many of the limit's slots were busy per second in between. */
  private static void timeline(List<long[]> spans, int limit, long startedEpochMs) {
    if (spans.isEmpty()) return;
    long first = spans.stream().mapToLong(s -> s[0]).min().orElse(0);
    long last = spans.stream().mapToLong(s -> s[1]).max().orElse(0);
    StringBuilder b = new StringBuilder();
    for (long t = first; t < last; t += 1000) {
      long busy = 0;
      int rejects = 0;
      for (long[] s : spans) {
        if (s[1] < 0) rejects += s[0] >= t && s[0] < t + 1000 ? 1 : 0;
        else busy += Math.max(0, Math.min(s[1], t + 1000) - Math.max(s[0], t));
      }
      b.append(String.format(" %.1f", busy / 1000.0)).append(rejects > 0 ? "(" + rejects + "x429)" : "");
    }
    System.err.printf("fake server: first request %.2f s after start, last answer %.2f s; busy slots per second (of %d):%s%n",
        first / 1000.0, last / 1000.0, limit, b);
    List<long[]> served;
    synchronized (spans) {
      served = spans.stream().filter(s -> s[1] >= 0).toList();
    }
    System.err.println("fake server: " + SlotProfile.of(served, limit).line(limit));
    // For the script: the client's start-up (to the first request) and exit (after the last answer).
    System.err.printf(java.util.Locale.ROOT, "fake server: epoch first request %.3f, last answer %.3f%n",
        (startedEpochMs + first) / 1000.0, (startedEpochMs + last) / 1000.0);
  }

  static MockResponse answer(String body) {
    StringBuilder text = new StringBuilder();
    try {
      JsonNode request = JSON.readTree(body);
      for (JsonNode m : request.path("messages")) text.append(m.path("content").asText()).append('\n');
    } catch (Exception e) {
      return new MockResponse.Builder().code(400).body("{\"error\":{\"message\":\"bad request\"}}").build();
    }
    ObjectNode response = JSON.createObjectNode();
    response.put("id", "chatcmpl-bench").put("object", "chat.completion").put("created", 1_700_000_000).put("model", "bench-model");
    ObjectNode choice = response.putArray("choices").addObject();
    choice.put("index", 0).put("finish_reason", "stop");
    String content = body.contains("story_synthesis") ? synthesisFor(text.toString()) : analysisFor(text.toString());
    choice.putObject("message").put("role", "assistant").put("content", content);
    response.putObject("usage").put("prompt_tokens", body.length() / 4).put("completion_tokens", 700).put("total_tokens", body.length() / 4 + 700);
    return new MockResponse.Builder().code(200).addHeader("Content-Type", "application/json").body(response.toString()).build();
  }

  /** A valid story synthesis: the first article's headline, one key claim from each article's first claim. */
  static String synthesisFor(String requestText) {
    Matcher headline = Pattern.compile("Headline: (.*)").matcher(requestText);
    ObjectNode synthesis = JSON.createObjectNode();
    synthesis.put("headline", headline.find() ? headline.group(1) : "A story");
    synthesis.put("synthesis", "Several articles report the same events, made up for the benchmark.");
    ArrayNode sources = synthesis.putArray("key_claims").addObject().put("claim", "The articles agree on the first point.")
        .putArray("sources");
    Matcher first = Pattern.compile("- (a\\d+c1) ").matcher(requestText);
    while (first.find()) sources.add(first.group(1));
    if (sources.isEmpty()) sources.add("a1c1");
    synthesis.putArray("contradictions");
    return synthesis.toString();
  }

  /** A valid analysis of the article found in a request's text: its first sentences as quotes. */
  public static String analysisFor(String requestText) {
    String article = "";
    Matcher matcher = ARTICLE.matcher(requestText);
    if (matcher.find()) article = matcher.group(1);
    String firstLine = article.lines().findFirst().orElse("").strip();
    // A headline within the contract's 500 characters: a page whose first line is a whole paragraph.
    if (firstLine.length() > 200) firstLine = firstLine.substring(0, 200).strip();
    List<String> quotes = sentences(article, 8);
    ObjectNode analysis = JSON.createObjectNode();
    analysis.put("source_language", "de");
    analysis.put("headline", firstLine.isEmpty() ? "Benchmark article analysed" : firstLine);
    analysis.put("summary", "A summary made up for the benchmark: " + (quotes.isEmpty() ? "nothing to report." : quotes.get(0)));
    ArrayNode points = analysis.putArray("key_points");
    points.add("First point.").add("Second point.").add("Third point.");
    ArrayNode claims = analysis.putArray("claims");
    for (String sentence : quotes) {
      claims.addObject().put("claim", "The article says: " + sentence).put("attributed_to", "the article")
          .put("source_type", "article_voice").put("modality", "stated").put("quote", sentence);
    }
    ArrayNode entities = analysis.putArray("entities");
    // The headline's capitalized words stand in for the names a model would list.
    java.util.Set<String> names = new java.util.LinkedHashSet<>();
    for (String w : firstLine.split("[^\\p{L}]+")) {
      if (w.length() > 3 && Character.isUpperCase(w.charAt(0)) && names.size() < 4) names.add(w);
    }
    if (names.isEmpty()) names.add("Berlin");
    for (String w : names) entities.addObject().put("name", w).put("original", w).put("type", "other");
    return analysis.toString();
  }

  private static List<String> sentences(String text, int max) {
    List<String> out = new ArrayList<>();
    for (String s : text.split("(?<=[.!?])\\s+")) {
      if (s.length() > 40 && out.size() < max) out.add(s.strip());
    }
    return out;
  }
}
