package dev.kurz.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.kurz.model.Claim;
import dev.kurz.model.Grounding;
import dev.kurz.model.Grounding.Status;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Reads the real German seed articles and the model answers made from them (shared folder, not in
 * the repository) and checks the quotes are located, also after typical model perturbations.
 */
class SeedQuotesTest {
  private static final Path SHARED = Path.of(System.getProperty("kurz.shared", "../shared"));
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final int BOUNDARY_SLACK = 2;

  record Example(String name, String text, List<Claim> claims) {}

  private static List<Example> examples;

  @BeforeAll
  static void readExamples() throws IOException {
    Path seeds = SHARED.resolve("seeds");
    Path answers = SHARED.resolve("examples");
    Assumptions.assumeTrue(
        Files.isDirectory(seeds) && Files.isDirectory(answers),
        "shared seeds/examples not found under "
            + SHARED.toAbsolutePath()
            + " (set -Dkurz.shared); skipping seed quote tests");
    examples = new ArrayList<>();
    try (Stream<Path> files = Files.list(answers)) {
      for (Path json :
          files.filter(p -> p.toString().endsWith(".analysis.json")).sorted().toList()) {
        String name = json.getFileName().toString().replace(".analysis.json", "");
        Path seed = seeds.resolve(name + ".txt");
        if (!Files.exists(seed)) continue;
        String text = Files.readString(seed, StandardCharsets.UTF_8);
        List<Claim> claims = new ArrayList<>();
        for (JsonNode c : JSON.readTree(json.toFile()).path("claims")) {
          claims.add(
              new Claim(
                  c.path("claim").asText(),
                  c.path("attributed_to").asText(),
                  c.path("source_type").asText(),
                  c.path("modality").asText(),
                  c.path("quote").asText(),
                  null));
        }
        examples.add(new Example(name, text, claims));
      }
    }
    Assumptions.assumeFalse(examples.isEmpty(), "no seed/example pairs in " + SHARED);
  }

  @Test
  void everyExampleQuoteIsExactInItsSeed() {
    for (Example ex : examples) {
      QuoteLocator locator = new QuoteLocator(ex.text());
      for (int i = 0; i < ex.claims().size(); i++) {
        String quote = ex.claims().get(i).quote();
        Grounding g = locator.locate(quote);
        assertThat(g.status())
            .as("%s claim %d: %s", ex.name(), i + 1, quote)
            .isEqualTo(Status.EXACT);
        assertThat(ex.text().substring(g.start(), g.end())).isEqualTo(quote);
      }
    }
  }

  @Test
  void perturbedQuotesStillLocateAtTheSameSpan() {
    List<UnaryOperator<String>> perturbations =
        List.of(
            SeedQuotesTest::straightenQuotes,
            SeedQuotesTest::dropMiddleWord,
            q -> q.replace(" ", "  "),
            q -> Character.toLowerCase(q.charAt(0)) + q.substring(1),
            q -> dropMiddleWord(straightenQuotes(q)).replace(" ", " \n"));
    int checked = 0;
    for (Example ex : examples) {
      QuoteLocator locator = new QuoteLocator(ex.text());
      for (int i = 0; i < ex.claims().size(); i++) {
        String quote = ex.claims().get(i).quote();
        Grounding exact = locator.locate(quote);
        for (UnaryOperator<String> perturb : perturbations) {
          String changed = perturb.apply(quote);
          if (changed.equals(quote)) continue;
          Grounding g = locator.locate(changed);
          String what = "%s claim %d perturbed: %s".formatted(ex.name(), i + 1, changed);
          assertThat(g.found()).as(what).isTrue();
          assertThat(g.start())
              .as(what)
              .isBetween(exact.start() - BOUNDARY_SLACK, exact.start() + BOUNDARY_SLACK);
          assertThat(g.end())
              .as(what)
              .isBetween(exact.end() - BOUNDARY_SLACK, exact.end() + BOUNDARY_SLACK);
          checked++;
        }
      }
    }
    assertThat(checked).isPositive();
  }

  @Test
  void quotesFromOtherArticlesAndShuffledQuotesAreNotFound() {
    // The seeds share a topic and vocabulary (Putin, Waffenstillstand, Gespräche, USA), which
    // makes another article's quote a realistic invented quote.
    int checked = 0;
    for (Example ex : examples) {
      QuoteLocator locator = new QuoteLocator(ex.text());
      for (Example other : examples) {
        for (Claim c : other.claims()) {
          List<String> words = new ArrayList<>(List.of(c.quote().split(" ")));
          Collections.reverse(words);
          String reversed = String.join(" ", words);
          if (words.size() >= 3) {
            assertThat(locator.locate(reversed))
                .as("%s: %s", ex.name(), reversed)
                .isEqualTo(Grounding.notFound());
            checked++;
          }
          if (other != ex && !ex.text().contains(c.quote())) {
            assertThat(locator.locate(c.quote()))
                .as("%s: %s", ex.name(), c.quote())
                .isEqualTo(Grounding.notFound());
            checked++;
          }
        }
      }
    }
    assertThat(checked).isPositive();
  }

  @Test
  void modalityCheckOnExampleClaimsWarnsRarely() {
    List<String> warnings = new ArrayList<>();
    int claims = 0;
    for (Example ex : examples) {
      for (int i = 0; i < ex.claims().size(); i++) {
        claims++;
        for (String w : ModalityCheck.check(i + 1, ex.claims().get(i))) {
          warnings.add(ex.name() + " " + w);
        }
      }
    }
    System.out.println(
        "ModalityCheck on " + claims + " example claims: " + warnings.size() + " warning(s)");
    warnings.forEach(w -> System.out.println("  " + w));
    assertThat(warnings.size()).as("warnings: %s", warnings).isLessThanOrEqualTo(claims / 10);
  }

  private static String straightenQuotes(String q) {
    return q.replaceAll("[„“”«»]", "\"").replaceAll("[‚‘’‹›]", "'");
  }

  /**
   * Drops the word in the middle of a quote of four or more words; shorter ones stay as they are.
   */
  private static String dropMiddleWord(String q) {
    String[] words = q.split(" ");
    if (words.length < 4) return q;
    List<String> kept = new ArrayList<>(List.of(words));
    kept.remove(words.length / 2);
    return String.join(" ", kept);
  }
}
