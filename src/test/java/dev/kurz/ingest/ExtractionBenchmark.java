package dev.kurz.ingest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;
import java.util.zip.GZIPInputStream;

/**
 * Scores {@link HtmlExtractor} on a shared extraction benchmark, each page read as the tool reads
 * a saved page: its bytes through {@link TextDecoder#decodeHtml}, then the extractor. Two sets:
 * {@code article-extraction} ({@code ground-truth.json}; shingle metric, {@link ShingleScore}) and
 * {@code web-extraction} ({@code evaldata.json}; trafilatura's segment metric, {@link SegmentScore},
 * with a breakdown by language of the annotated text). Both sets also report the news-like pages
 * (those that mark themselves as a news article: {@code og:type} article, schema.org
 * {@code NewsArticle} or {@code Article}). Also reports pages per second, one thread, after a
 * warm-up pass, by wall clock and by the thread's CPU time. Not a test: surefire does not pick up
 * {@code *Benchmark}. {@code --half A} or {@code B} keeps one fixed half of the pages (by the hash
 * of their id), to develop a rule on one half and confirm it on the other; {@code --details} lists
 * the missed and unwanted segments of the worst pages; {@code --only REGEX} keeps the pages whose
 * file name matches (no warm-up pass then: to look at a few pages, not to time them). Run from the worktree root:
 *
 * <pre>
 * mvn -B -q test-compile dependency:build-classpath -Dmdep.outputFile=target/cp.txt
 * /usr/lib/jvm/temurin-25-jdk-amd64/bin/java -cp target/test-classes:target/classes:$(cat target/cp.txt) \
 *     dev.kurz.ingest.ExtractionBenchmark [../shared/benchmarks/article-extraction] [--worst N] [--dump DIR] \
 *     [--half A|B] [--details] [--only REGEX]
 * </pre>
 */
public final class ExtractionBenchmark {
  private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

  private ExtractionBenchmark() {}

  /** One benchmark page: its id, file, URL and whatever its set uses as truth. */
  record Page(String id, Path file, String url, String articleBody, List<String> with, List<String> without) {}

  /**
   * @param micros wall-clock time of the page; {@code cpuMicros} the thread's CPU time (steadier on a busy machine)
   * @param news whether the page marks itself as a news article
   */
  record PageResult(Page page, String text, long micros, long cpuMicros, boolean news) {}

  private static final Pattern NEWS = Pattern.compile(
      "(?i)og:type[\"']?\\s+content=[\"']?article|[\"']@type[\"']\\s*:\\s*\\[?\\s*[\"'](?:News)?Article[\"']");

  public static void main(String[] args) throws IOException {
    Path dir = Path.of(args.length > 0 && !args[0].startsWith("--") ? args[0] : "../shared/benchmarks/article-extraction");
    int worst = 10;
    Path dump = null;
    String half = null;
    Pattern only = null;
    boolean details = false;
    for (int i = 0; i < args.length; i++) {
      if (args[i].equals("--details")) details = true;
      if (i == args.length - 1) continue;
      if (args[i].equals("--worst")) worst = Integer.parseInt(args[i + 1]);
      if (args[i].equals("--dump")) dump = Path.of(args[i + 1]);
      if (args[i].equals("--half")) half = args[i + 1];
      if (args[i].equals("--only")) only = Pattern.compile(args[i + 1]);
    }
    List<Page> pages = pages(dir);
    if (half != null) {
      String keep = half.toUpperCase(java.util.Locale.ROOT);
      pages = pages.stream().filter(p -> half(p).equals(keep)).toList();
    }
    if (only != null) {
      Pattern keep = only;
      pages = pages.stream().filter(p -> keep.matcher(p.file().getFileName().toString()).find()).toList();
    }
    if (only == null) run(pages); // warm-up pass: the timings below are for a warmed-up JVM
    List<PageResult> results = run(pages);
    if (dump != null) {
      Files.createDirectories(dump);
      for (PageResult r : results) Files.writeString(dump.resolve(r.page().file().getFileName().toString().replaceFirst("\\.gz$", "") + ".txt"), r.text());
    }
    if (Files.exists(dir.resolve("evaldata.json"))) reportSegments(results, worst, details);
    else reportShingles(results, worst);
    long[] times = results.stream().mapToLong(PageResult::micros).sorted().toArray();
    long total = results.stream().mapToLong(PageResult::micros).sum();
    long cpu = results.stream().mapToLong(PageResult::cpuMicros).sum();
    System.out.printf("speed: %.1f pages/s wall, %.1f pages/s of CPU time (one thread)  median %.1f ms  p95 %.1f ms  max %.1f ms%n",
        results.size() * 1e6 / total, results.size() * 1e6 / cpu, times[times.length / 2] / 1000.0,
        times[(int) (times.length * 0.95)] / 1000.0, times[times.length - 1] / 1000.0);
  }

  private static void reportShingles(List<PageResult> results, int worst) {
    List<ShingleScore> scores = results.stream().map(r -> ShingleScore.of(r.page().articleBody(), r.text())).toList();
    double precision = scores.stream().mapToDouble(ShingleScore::precision).average().orElse(0);
    double recall = scores.stream().mapToDouble(ShingleScore::recall).average().orElse(0);
    List<Integer> order = new ArrayList<>();
    for (int i = 0; i < scores.size(); i++) order.add(i);
    order.sort(Comparator.comparingDouble(i -> scores.get(i).f1()));
    for (int i : order.subList(0, Math.min(worst, order.size()))) {
      System.out.printf("  worst %s  P %.3f  R %.3f%s%n", results.get(i).page().id(), scores.get(i).precision(),
          scores.get(i).recall(), results.get(i).news() ? "  news" : "");
    }
    double newsPrecision = 0;
    double newsRecall = 0;
    int news = 0;
    for (int i = 0; i < scores.size(); i++) {
      if (!results.get(i).news()) continue;
      news++;
      newsPrecision += scores.get(i).precision();
      newsRecall += scores.get(i).recall();
    }
    if (news > 0) {
      System.out.printf("  news-like pages %3d  F1 %.4f  precision %.4f  recall %.4f%n", news,
          ShingleScore.f1(newsPrecision / news, newsRecall / news), newsPrecision / news, newsRecall / news);
    }
    for (String half : List.of("A", "B")) {
      double p = 0;
      double r = 0;
      int n = 0;
      for (int i = 0; i < scores.size(); i++) {
        if (!half(results.get(i).page()).equals(half)) continue;
        n++;
        p += scores.get(i).precision();
        r += scores.get(i).recall();
      }
      if (n > 0) System.out.printf("  half %s pages %3d  F1 %.4f%n", half, n, ShingleScore.f1(p / n, r / n));
    }
    System.out.printf("pages %d  F1 %.4f  precision %.4f  recall %.4f  empty %d%n", results.size(),
        ShingleScore.f1(precision, recall), precision, recall, results.stream().filter(r -> r.text().isBlank()).count());
  }

  private static void reportSegments(List<PageResult> results, int worst, boolean details) {
    SegmentScore all = new SegmentScore(0, 0, 0, 0);
    SegmentScore news = new SegmentScore(0, 0, 0, 0);
    SegmentScore other = new SegmentScore(0, 0, 0, 0);
    int newsPages = 0;
    Map<String, SegmentScore> byHalf = new TreeMap<>();
    Map<String, SegmentScore> byLanguage = new TreeMap<>();
    Map<String, Integer> pagesByLanguage = new TreeMap<>();
    List<Map.Entry<PageResult, SegmentScore>> perPage = new ArrayList<>();
    int empty = 0;
    for (PageResult r : results) {
      SegmentScore score = SegmentScore.of(r.page().with(), r.page().without(), r.text());
      all = all.plus(score);
      if (r.news()) {
        news = news.plus(score);
        newsPages++;
      } else {
        other = other.plus(score);
      }
      byHalf.merge(half(r.page()), score, SegmentScore::plus);
      String language = language(r);
      byLanguage.merge(language, score, SegmentScore::plus);
      pagesByLanguage.merge(language, 1, Integer::sum);
      perPage.add(Map.entry(r, score));
      if (r.text().isBlank()) empty++;
    }
    perPage.sort(Comparator.comparingInt((Map.Entry<PageResult, SegmentScore> e) ->
        -(e.getValue().falseNegatives() + e.getValue().falsePositives())));
    for (var e : perPage.subList(0, Math.min(worst, perPage.size()))) {
      SegmentScore s = e.getValue();
      System.out.printf("  worst %-50s %s  TP %d FN %d FP %d  chars %d%s%n", e.getKey().page().file().getFileName(),
          language(e.getKey()), s.truePositives(), s.falseNegatives(), s.falsePositives(), e.getKey().text().length(),
          e.getKey().news() ? "  news" : "");
      if (details) printSegments(e.getKey());
    }
    for (Map.Entry<String, SegmentScore> e : byLanguage.entrySet()) {
      if (pagesByLanguage.get(e.getKey()) < 5) continue;
      SegmentScore s = e.getValue();
      System.out.printf("  language %-5s pages %3d  F1 %.4f  precision %.4f  recall %.4f%n", e.getKey(),
          pagesByLanguage.get(e.getKey()), s.f1(), s.precision(), s.recall());
    }
    SegmentScore nonEnglish = byLanguage.entrySet().stream().filter(e -> !e.getKey().equals("en"))
        .map(Map.Entry::getValue).reduce(new SegmentScore(0, 0, 0, 0), SegmentScore::plus);
    System.out.printf("  non-English     F1 %.4f  precision %.4f  recall %.4f%n", nonEnglish.f1(), nonEnglish.precision(),
        nonEnglish.recall());
    System.out.printf("  news-like pages %3d  F1 %.4f  precision %.4f  recall %.4f%n", newsPages, news.f1(),
        news.precision(), news.recall());
    System.out.printf("  other pages %3d  F1 %.4f  precision %.4f  recall %.4f%n", results.size() - newsPages, other.f1(),
        other.precision(), other.recall());
    byHalf.forEach((half, s) -> System.out.printf("  half %s           F1 %.4f  precision %.4f  recall %.4f%n", half,
        s.f1(), s.precision(), s.recall()));
    System.out.printf("pages %d  F1 %.4f  precision %.4f  recall %.4f  empty %d%n", results.size(), all.f1(),
        all.precision(), all.recall(), empty);
  }

  /** The expected segments the extraction missed and the unwanted ones it kept, shortened. */
  private static void printSegments(PageResult result) {
    String text = SegmentScore.normalize(result.text());
    for (String segment : result.page().with()) {
      if (!text.contains(SegmentScore.normalize(segment))) System.out.println("      missed: " + shorten(segment));
    }
    for (String segment : result.page().without()) {
      if (text.contains(SegmentScore.normalize(segment))) System.out.println("      kept:   " + shorten(segment));
    }
  }

  private static String shorten(String s) {
    String one = SegmentScore.normalize(s);
    return one.length() > 110 ? one.substring(0, 110) + "..." : one;
  }

  /** The language of the annotated text, else of the page's visible text (pages often claim none or a wrong one). */
  private static String language(PageResult result) {
    String lang = LanguageDetector.detect(String.join(" ", result.page().with()));
    if (lang == null) lang = LanguageDetector.detect(result.text());
    return lang == null ? "?" : lang;
  }

  /** The fixed half a page belongs to, A or B, by the hash of its id. */
  static String half(Page page) {
    return Math.floorMod(page.id().hashCode(), 2) == 0 ? "A" : "B";
  }

  static List<Page> pages(Path dir) throws IOException {
    ObjectMapper json = new ObjectMapper();
    List<Page> pages = new ArrayList<>();
    if (Files.exists(dir.resolve("evaldata.json"))) {
      for (Map.Entry<String, JsonNode> entry : json.readTree(dir.resolve("evaldata.json").toFile()).properties()) {
        JsonNode v = entry.getValue();
        pages.add(new Page(entry.getKey(), dir.resolve("html").resolve(v.path("file").asText()),
            entry.getKey().replaceFirst("^\\w+::", ""), null, strings(v.path("with")), strings(v.path("without"))));
      }
    } else {
      for (Map.Entry<String, JsonNode> entry : json.readTree(dir.resolve("ground-truth.json").toFile()).properties()) {
        pages.add(new Page(entry.getKey(), dir.resolve("html").resolve(entry.getKey() + ".html.gz"),
            entry.getValue().path("url").asText(), entry.getValue().path("articleBody").asText(), List.of(), List.of()));
      }
    }
    return pages;
  }

  private static List<String> strings(JsonNode array) {
    List<String> out = new ArrayList<>();
    for (JsonNode n : array) out.add(n.asText());
    return out;
  }

  static List<PageResult> run(List<Page> pages) throws IOException {
    HtmlExtractor extractor = new HtmlExtractor();
    List<PageResult> results = new ArrayList<>();
    for (Page page : pages) {
      byte[] bytes = readGzip(page.file());
      long cpuStart = THREADS.getCurrentThreadCpuTime();
      long start = System.nanoTime();
      String text = extract(extractor, bytes, page.url());
      long micros = (System.nanoTime() - start) / 1000;
      long cpuMicros = (THREADS.getCurrentThreadCpuTime() - cpuStart) / 1000;
      boolean news = NEWS.matcher(new String(bytes, java.nio.charset.StandardCharsets.ISO_8859_1)).find();
      results.add(new PageResult(page, text, micros, cpuMicros, news));
    }
    return results;
  }

  /** What {@code kurz extract page.html} would take from the page's bytes; empty when it finds nothing. */
  static String extract(HtmlExtractor extractor, byte[] bytes, String url) {
    try {
      return extractor.extract(TextDecoder.decodeHtml(bytes, null), url.startsWith("http") ? url : null).text();
    } catch (InputException e) {
      return "";
    }
  }

  static byte[] readGzip(Path file) throws IOException {
    try (InputStream in = new GZIPInputStream(Files.newInputStream(file))) {
      return in.readAllBytes();
    }
  }
}
