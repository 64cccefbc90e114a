package dev.kurz.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.kurz.Shared;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

class ExtractCommandTest {
  /** What must not survive cleanup: agency credits, newsletter and teaser boxes, mobile-site prompts. */
  static final Pattern FURNITURE = Pattern.compile(
      "APA/|AFP/|REUTERS/|IMAGO/|Getty Images|©|Foto: |dpa/|Newsletter|Mehr zu(m)? Thema|abopflichtig"
          + "|Die mobile Version verlassen|date \\d{4}");

  @TempDir Path home;
  @StartStop final MockWebServer server = new MockWebServer();

  static final String MESSY = """
      Neue Straßenbahnlinie nach Norden

      date 2025-11

      Die Stadt baut eine neue Straßenbahnlinie in den Norden. Der Bau soll im Frühjahr beginnen und drei Jahre dauern.
      Eine Straßenbahn in der Innenstadt. APA/HELMUT FOHRINGER
      „Wir verbinden endlich die neuen Wohngebiete“, sagte der Verkehrsstadtrat am Mittwoch.
      Newsletter abonnieren: Jetzt kostenlos anmelden und nichts verpassen.
      Mehr zum Thema
      Busse fahren seltener
      Radwege werden breiter
      Kritik kommt von Anrainern, die Lärm während der Bauzeit fürchten. Die Stadt verspricht Schutzwände.
      Die mobile Version verlassen
      """;

  CliRun cli() {
    return new CliRun(home);
  }

  Path write(String name, String text) throws IOException {
    return Files.writeString(home.resolve(name), text);
  }

  @Test
  void textFormatShowsAHeaderThenTheCleanText() throws IOException {
    Path file = write("tram.txt", MESSY);
    CliRun run = cli().run("extract", file.toString());
    assertThat(run.exit).as(run.err).isZero();
    String[] lines = run.out.split("\n", 3);
    assertThat(lines[0]).startsWith("==> " + file + " <== Neue Straßenbahnlinie nach Norden [2025-11, de, ")
        .contains(" chars, ~").contains(" tokens, ").endsWith(" lines removed]");
    assertThat(run.out).contains("„Wir verbinden endlich die neuen Wohngebiete“, sagte der Verkehrsstadtrat am Mittwoch.",
        "Die Stadt verspricht Schutzwände.");
    assertThat(FURNITURE.matcher(run.out).find()).as(run.out).isFalse();
  }

  @Test
  void jsonRecordsSayWhereFromWhatWasFoundAndWhatWasRemoved() throws IOException {
    Path file = write("tram.txt", MESSY);
    CliRun run = cli().run("extract", file.toString(), "--format", "json");
    assertThat(run.exit).as(run.err).isZero();
    JsonNode r = FakeLlm.JSON.readTree(run.out);
    assertThat(r.path("path").asText()).isEqualTo(file.toString());
    assertThat(r.path("title").asText()).isEqualTo("Neue Straßenbahnlinie nach Norden");
    assertThat(r.path("published").asText()).isEqualTo("2025-11");
    assertThat(r.path("language").asText()).isEqualTo("de");
    assertThat(r.has("author")).isTrue();
    assertThat(r.has("site")).isTrue();
    assertThat(r.path("characters").asInt()).isEqualTo(r.path("text").asText().length());
    assertThat(r.path("tokens").asInt()).isBetween(r.path("characters").asInt() / 6, r.path("characters").asInt() / 2);
    List<String> removed = FakeLlm.JSON.convertValue(r.path("removed"), FakeLlm.JSON.getTypeFactory()
        .constructCollectionType(List.class, String.class));
    assertThat(removed).contains("Eine Straßenbahn in der Innenstadt. APA/HELMUT FOHRINGER", "Mehr zum Thema", "Busse fahren seltener", "Die mobile Version verlassen")
        .doesNotContain("Kritik kommt von Anrainern, die Lärm während der Bauzeit fürchten. Die Stadt verspricht Schutzwände.");
  }

  @Test
  void aFailedInputIsOneErrorLineAndTheOthersStillPrint() throws IOException {
    Path good = write("tram.txt", MESSY);
    Path empty = Files.createDirectory(home.resolve("leer"));
    CliRun run = cli().run("extract", "--format", "jsonl", home.resolve("fehlt.txt").toString(), good.toString(), empty.toString());
    assertThat(run.exit).isEqualTo(1);
    assertThat(run.out.strip().split("\n")).hasSize(1);
    assertThat(run.err).contains("[ERROR] " + home.resolve("fehlt.txt") + ": no such file",
        "[ERROR] " + empty + ": no article files (.txt .md .html .htm .pdf) in this folder");
  }

  @Test
  void aPageIsFetchedAndExtractedWithItsMetadata() throws IOException {
    server.enqueue(new MockResponse.Builder().addHeader("Content-Type", "text/html; charset=utf-8").body("""
        <!doctype html><html lang="de"><head><title>Hafen wächst | Beispielzeitung</title>
        <meta property="og:site_name" content="Beispielzeitung"><meta name="author" content="Anna Beispiel">
        <meta property="article:published_time" content="2025-12-01T08:00:00+01:00"></head>
        <body><nav>Start Politik Sport</nav><article><h1>Hafen wächst</h1>
        <p>Der Hafen hat im vergangenen Jahr so viele Container umgeschlagen wie nie zuvor. Das teilte die Hafengesellschaft mit.</p>
        <p>„Wir sind an der Grenze unserer Kapazität“, sagte der Geschäftsführer bei der Vorstellung der Bilanz am Montag.</p>
        </article><footer>Impressum Datenschutz</footer></body></html>""").build());
    CliRun run = cli().run("extract", server.url("/hafen").toString(), "--format", "json");
    assertThat(run.exit).as(run.err).isZero();
    JsonNode r = FakeLlm.JSON.readTree(run.out);
    assertThat(r.path("url").asText()).isEqualTo(server.url("/hafen").toString());
    assertThat(r.has("path")).isFalse();
    assertThat(r.path("title").asText()).isEqualTo("Hafen wächst");
    assertThat(r.path("site").asText()).isEqualTo("Beispielzeitung");
    assertThat(r.path("author").asText()).isEqualTo("Anna Beispiel");
    assertThat(r.path("published").asText()).isEqualTo("2025-12-01");
    assertThat(r.path("text").asText()).contains("„Wir sind an der Grenze unserer Kapazität“").doesNotContain("Impressum");
    // the page went into the cache folder the answers use
    assertThat(home.resolve("cache/kurz/cache.db")).exists();
  }

  @Test
  void aPageFetchErrorIsOneLine() {
    server.enqueue(new MockResponse.Builder().code(404).build());
    CliRun run = cli().run("extract", server.url("/weg").toString());
    assertThat(run.exit).isEqualTo(1);
    assertThat(run.err.strip()).isEqualTo("[ERROR] " + server.url("/weg") + ": HTTP 404 Client Error");
  }

  @Test
  void anEnglishArticleIsExtractedWithAWarning() throws IOException {
    Path file = write("english.txt", "The city is building a new tram line to the north. Construction is due to start in spring "
        + "and will take three years, the city said on Wednesday.");
    CliRun run = cli().run("extract", file.toString());
    assertThat(run.exit).isZero();
    assertThat(run.err).contains("[WARN] " + file + ": the article seems to be in English (en), not German");
  }

  @Test
  void noInputsIsAUsageError() {
    CliRun run = cli().run("extract");
    assertThat(run.exit).isEqualTo(2);
    assertThat(run.err).contains("no inputs");
  }

  @TestFactory
  List<DynamicTest> everySeedLosesItsFurnitureAndKeepsEveryExampleQuote() {
    return Shared.seeds().stream().map(seed -> DynamicTest.dynamicTest(seed.getFileName().toString(), () -> {
      CliRun run = cli().run("extract", seed.toString(), "--format", "json");
      assertThat(run.exit).as(run.err).isZero();
      String text = FakeLlm.JSON.readTree(run.out).path("text").asText();
      assertThat(FURNITURE.matcher(text).find()).as("furniture left in %s", seed).isFalse();
      Path example = Shared.exampleFor(seed);
      if (!Files.exists(example)) return;
      String flat = text.replaceAll("\\s+", " ");
      for (JsonNode claim : FakeLlm.JSON.readTree(example.toFile()).path("claims")) {
        assertThat(flat).as("quote lost from %s", seed).contains(claim.path("quote").asText().replaceAll("\\s+", " "));
      }
    })).toList();
  }
}
