package dev.kurz.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * A cheap regression guard: a handful of pages from the shared extraction benchmark must each
 * score F1 above 0.85. The full score comes from {@link ExtractionBenchmark}.
 */
class BenchmarkPagesTest {
  private static final Path DIR = Path.of(System.getProperty("kurz.shared", "../shared"), "benchmarks", "article-extraction");
  private static final String[] PAGES = {
      "04a6711caa7c687592777718866e781e976e0fe684faebe8b3cedcef8cd0ea34", // nytimes opinion
      "05844573ca7e1fba714d715bb11ca08c26e25328999c74a1cb3bc8a0e4399f0f", // ctpost
      "0e014df693f182824fe5e24030ddbe1d0b96ddb9685cf20d5766457ed32ffa2d", // WordPress blog, junk-named wrapper
      "55bb6340e3d7dd8632ba45179ae43c39f8ad0cfcecb4719e3b9cf6106ffb70a3", // advertisement-named wrapper
      "e372e42c0a3df7b86e1c0bacf7bc14d042144a01e88833bc5a643d61b3547090", // text directly in a div
      "42aad16bde9288623543642a9ce1a396be83e2db44aa2ff8cbbfe46e14abd7cc", // page inside a <form>
  };

  @TestFactory
  Stream<DynamicTest> selectedBenchmarkPagesScoreAbove085() throws IOException {
    assumeTrue(Files.exists(DIR.resolve("ground-truth.json")), "no extraction benchmark at " + DIR.toAbsolutePath());
    JsonNode truth = new ObjectMapper().readTree(DIR.resolve("ground-truth.json").toFile());
    HtmlExtractor extractor = new HtmlExtractor();
    return Stream.of(PAGES).map(id -> DynamicTest.dynamicTest(id.substring(0, 8), () -> {
      Path file = DIR.resolve("html").resolve(id + ".html.gz");
      assumeTrue(Files.exists(file), "missing " + file);
      String text = ExtractionBenchmark.extract(extractor, ExtractionBenchmark.readGzip(file), truth.path(id).path("url").asText());
      ShingleScore score = ShingleScore.of(truth.path(id).path("articleBody").asText(), text);
      assertThat(score.f1()).as("F1 of %s (P %.3f R %.3f)", id, score.precision(), score.recall()).isGreaterThan(0.85);
    }));
  }
}
