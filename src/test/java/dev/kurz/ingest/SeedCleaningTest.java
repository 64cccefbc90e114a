package dev.kurz.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/** Runs the cleaner over the real seed articles in the shared folder; skipped where it is absent. */
class SeedCleaningTest {
  private static final Path SHARED = Path.of(System.getProperty("kurz.shared", "../shared"));
  private static final Pattern CREDIT = Pattern.compile(
      "APA/|AFP/|REUTERS/|IMAGO/|Getty Images|©|Foto: |dpa/|Newsletter|Mehr zu(m)? Thema|abopflichtig"
          + "|Die mobile Version verlassen|Von: |date \\d{4}");

  @TestFactory
  Stream<DynamicTest> everySeedLosesItsFurnitureAndKeepsItsStory() throws IOException {
    Path seeds = SHARED.resolve("seeds");
    assumeTrue(Files.isDirectory(seeds), "no seed articles at " + seeds.toAbsolutePath() + " (set -Dkurz.shared)");
    List<Path> files;
    try (Stream<Path> list = Files.list(seeds)) {
      files = list.filter(p -> p.toString().endsWith(".txt")).sorted().toList();
    }
    assumeTrue(!files.isEmpty(), "seed folder is empty");
    return files.stream().map(file -> DynamicTest.dynamicTest(file.getFileName().toString(), () -> check(file)));
  }

  private static void check(Path seed) throws IOException {
    TextCleaner.Cleaned cleaned = new TextCleaner().clean(Files.readString(seed));
    String text = cleaned.text();
    assertThat(CREDIT.matcher(text).find()).as("furniture left in %s:%n%s", seed, text).isFalse();
    assertThat(text).doesNotContain("\n\n\n");
    for (String paragraph : text.split("\n\n")) {
      assertThat(paragraph).as("caption left in %s", seed).matches(p -> !Furniture.isCaption(p));
    }
    String name = seed.getFileName().toString().replaceFirst("\\.txt$", "");
    Path analysis = SHARED.resolve("examples").resolve(name + ".analysis.json");
    if (!Files.exists(analysis)) return;
    JsonNode claims = new ObjectMapper().readTree(analysis.toFile()).path("claims");
    String flat = text.replaceAll("\\s+", " ");
    for (JsonNode claim : claims) {
      String quote = claim.path("quote").asText().replaceAll("\\s+", " ");
      assertThat(flat).as("quote lost from %s", seed).contains(quote);
    }
  }
}
