package dev.kurz.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The JSON record carries the text its offsets index, so every quote can be checked without kurz. */
class VerifiableRecordTest {
  /** A scraped article wrapped at about 60 characters, with a byline and an outlet's app box. */
  static final String ARTICLE = """
      „Die Vernunft hat gesiegt“: Landtag stoppt Kohlekraftwerk

      Von: Jana Beispiel

      Der
      Landtag in Hannover hat am Dienstag den Bau eines neuen
      Kohlekraftwerks bei Wilhelmshaven gestoppt. Die Mehrheit
      folgte damit einem Antrag der Grünen, die seit Monaten
      gegen das Projekt mobil gemacht hatten.
      [Wenn Sie alle Nachrichten aus Niedersachsen live auf Ihr Handy bekommen wollen, empfehlen wir Ihnen unsere App.]
      Der Betreiber soll nach Angaben aus Regierungskreisen
      bereits 40 Millionen Euro in die Planung gesteckt haben.
      Dazu soll es noch in dieser Woche Gespräche mit dem
      Wirtschaftsministerium geben, hieß es.
      """;

  @TempDir Path home;
  FakeLlm llm;
  Path file;

  @BeforeEach
  void start() throws IOException {
    llm = new FakeLlm(FakeLlm.Wire.OPENAI);
    file = home.resolve("kraftwerk.txt");
    Files.writeString(file, ARTICLE);
    llm.answer("Wilhelmshaven", answer("German"));
  }

  @AfterEach
  void stop() throws IOException {
    llm.close();
  }

  /** A realistic answer: a quote from the headline, one with straight quotation marks, one a line break apart. */
  static String answer(String language) {
    ObjectNode a = FakeLlm.JSON.createObjectNode();
    a.put("source_language", language).put("headline", "Lower Saxony parliament stops coal plant")
        .put("summary", "The state parliament stopped a coal plant.");
    a.putArray("key_points").add("The plant near Wilhelmshaven will not be built.");
    ArrayNode claims = a.putArray("claims");
    claims.addObject().put("claim", "Opponents called the vote a victory for reason.").put("attributed_to", "the article")
        .put("source_type", "article_voice").put("modality", "opinion").put("quote", "\"Die Vernunft hat gesiegt\"");
    claims.addObject().put("claim", "The Lower Saxony parliament stopped the plant on Tuesday.")
        .put("attributed_to", "the article").put("source_type", "article_voice").put("modality", "stated")
        .put("quote", "Landtag in Hannover hat am Dienstag den Bau eines neuen Kohlekraftwerks bei Wilhelmshaven gestoppt.");
    claims.addObject().put("claim", "The operator is said to have spent 40 million euros on planning.")
        .put("attributed_to", "government sources").put("source_type", "anonymous_source").put("modality", "alleged")
        .put("quote", "Der Betreiber soll nach Angaben aus Regierungskreisen bereits 40 Millionen Euro in die Planung gesteckt haben.");
    a.putArray("entities").addObject().put("name", "Lower Saxony state parliament").put("original", "Landtag")
        .put("type", "organization");
    return a.toString();
  }

  CliRun summarize(String... extra) {
    String[] base = {"summarize", "--provider", "openai", "--base-url", llm.baseUrl(), "--model", "fake-model"};
    String[] all = new String[base.length + extra.length];
    System.arraycopy(base, 0, all, 0, base.length);
    System.arraycopy(extra, 0, all, base.length, extra.length);
    return new CliRun(home).env("OPENAI_API_KEY", "sk-test-FAKE-0000").run(all);
  }

  @Test
  void everyQuoteVerifiesAgainstTheRecordsOwnText() throws IOException {
    CliRun run = summarize(file.toString(), "--format", "json");
    assertThat(run.exit).as(run.err).isZero();
    JsonNode record = FakeLlm.JSON.readTree(run.out);
    String text = record.path("source").path("text").asText();
    assertThat(text).startsWith("„Die Vernunft hat gesiegt“: Landtag stoppt Kohlekraftwerk\n\nDer Landtag in Hannover hat")
        .doesNotContain("unsere App", "Jana Beispiel");
    int[] points = text.codePoints().toArray();
    for (JsonNode claim : record.path("claims")) {
      JsonNode g = claim.path("grounding");
      assertThat(g.path("status").asText()).as(claim.toString()).isNotEqualTo("not_found");
      String at = new String(points, g.path("start").asInt(), g.path("end").asInt() - g.path("start").asInt());
      assertThat(at.replaceAll("[„“\"]", "")).isEqualTo(claim.path("quote").asText().replaceAll("[„“\"]", ""));
    }
    assertThat(record.path("warnings").toString()).doesNotContain("possibly invented");
  }

  @Test
  void theHeadlineIsGroundedWhereItStands() throws IOException {
    CliRun run = summarize(file.toString(), "--format", "json");
    JsonNode title = FakeLlm.JSON.readTree(run.out).path("claims").get(0).path("grounding");
    assertThat(title.path("status").asText()).isEqualTo("normalized");
    assertThat(title.path("start").asInt()).isZero();
    assertThat(title.path("end").asInt()).isEqualTo("„Die Vernunft hat gesiegt“".length());
  }

  @Test
  void aChangedTitleIsAskedAgain() throws IOException {
    assertThat(summarize(file.toString(), "--format", "json").exit).isZero();
    Files.writeString(file, ARTICLE.replace("Landtag stoppt Kohlekraftwerk", "Landtag kippt Kohlekraftwerk"));
    CliRun second = summarize(file.toString(), "--format", "json");
    assertThat(second.exit).as(second.err).isZero();
    assertThat(llm.requests).hasSize(2);
    assertThat(FakeLlm.JSON.readTree(second.out).path("source").path("text").asText()).startsWith("„Die Vernunft hat gesiegt“: Landtag kippt");
    CliRun third = summarize(file.toString(), "--format", "json");
    assertThat(llm.requests).hasSize(2);
    assertThat(FakeLlm.JSON.readTree(third.out).path("source").path("text").asText()).startsWith("„Die Vernunft hat gesiegt“: Landtag kippt");
  }

  @Test
  void theLanguageIsTheDetectedCodeAndTheBylineTheAuthor() throws IOException {
    JsonNode record = FakeLlm.JSON.readTree(summarize(file.toString(), "--format", "json").out);
    assertThat(record.path("source").path("language").asText()).isEqualTo("de");
    assertThat(record.path("source_language").asText()).isEqualTo("de");
    assertThat(record.path("source").path("author").asText()).isEqualTo("Jana Beispiel");
  }

  @Test
  void aShortArticleAsksForAShortSummary() throws IOException {
    assertThat(summarize(file.toString()).exit).isZero();
    String prompt = FakeLlm.allText(llm.requests.get(0));
    assertThat(prompt).contains("Summary length: 2 to 3 sentences.").doesNotContain("4 to 6 sentences");
  }
}
