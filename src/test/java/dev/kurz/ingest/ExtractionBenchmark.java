package dev.kurz.ingest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPInputStream;

/**
 * Scores {@link HtmlExtractor} on the shared article-extraction benchmark (see its README for the
 * metric, implemented in {@link ShingleScore}). Not a test: surefire does not pick up
 * {@code *Benchmark}. Run from the worktree root:
 *
 * <pre>
 * mvn -B -q test-compile dependency:build-classpath -Dmdep.outputFile=target/cp.txt
 * /usr/lib/jvm/temurin-25-jdk-amd64/bin/java -cp target/test-classes:target/classes:$(cat target/cp.txt) \
 *     dev.kurz.ingest.ExtractionBenchmark [../shared/benchmarks/article-extraction] [--worst N] [--dump DIR]
 * </pre>
 */
public final class ExtractionBenchmark {
  private ExtractionBenchmark() {}

  record PageResult(String id, ShingleScore score, long micros) {}

  public static void main(String[] args) throws IOException {
    Path dir = Path.of(args.length > 0 && !args[0].startsWith("--") ? args[0] : "../shared/benchmarks/article-extraction");
    int worst = 10;
    Path dump = null;
    for (int i = 0; i < args.length - 1; i++) {
      if (args[i].equals("--worst")) worst = Integer.parseInt(args[i + 1]);
      if (args[i].equals("--dump")) dump = Path.of(args[i + 1]);
    }
    run(dir, null); // warm-up pass: the timings below are for a warmed-up JVM
    List<PageResult> results = run(dir, dump);
    double precision = results.stream().mapToDouble(r -> r.score().precision()).average().orElse(0);
    double recall = results.stream().mapToDouble(r -> r.score().recall()).average().orElse(0);
    long[] times = results.stream().mapToLong(PageResult::micros).sorted().toArray();
    results.sort((a, b) -> Double.compare(a.score().f1(), b.score().f1()));
    for (PageResult r : results.subList(0, Math.min(worst, results.size()))) {
      System.out.printf("  worst %s  P %.3f  R %.3f%n", r.id(), r.score().precision(), r.score().recall());
    }
    System.out.printf("pages %d  F1 %.4f  precision %.4f  recall %.4f  median %.1f ms  p95 %.1f ms%n",
        results.size(), ShingleScore.f1(precision, recall), precision, recall,
        times[times.length / 2] / 1000.0, times[(int) (times.length * 0.95)] / 1000.0);
  }

  static List<PageResult> run(Path dir, Path dump) throws IOException {
    JsonNode truth = new ObjectMapper().readTree(dir.resolve("ground-truth.json").toFile());
    HtmlExtractor extractor = new HtmlExtractor();
    List<PageResult> results = new ArrayList<>();
    if (dump != null) Files.createDirectories(dump);
    for (Map.Entry<String, JsonNode> entry : truth.properties()) {
      String html = readGzip(dir.resolve("html").resolve(entry.getKey() + ".html.gz"));
      String url = entry.getValue().path("url").asText();
      long start = System.nanoTime();
      String text = extractor.extract(html, url).text();
      long micros = (System.nanoTime() - start) / 1000;
      results.add(new PageResult(entry.getKey(), ShingleScore.of(entry.getValue().path("articleBody").asText(), text), micros));
      if (dump != null) Files.writeString(dump.resolve(entry.getKey() + ".txt"), text);
    }
    return results;
  }

  static String readGzip(Path file) throws IOException {
    try (InputStream in = new GZIPInputStream(Files.newInputStream(file))) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }
}
