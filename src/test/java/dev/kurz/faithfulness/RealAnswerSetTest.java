package dev.kurz.faithfulness;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kurz.llm.Check;
import dev.kurz.llm.ContractSchema;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The real-answer set in the repository stays well formed and free of article text: every quote
 * is stored as offsets, every file names its article; with the shared folder present, every quote
 * decodes inside its article, every answer follows the contract and every alteration applies
 * (skipped with a message where the shared folder is absent). Cheap: no gate is run.
 */
class RealAnswerSetTest {
  private static final String ARTICLE = "Bau der Talbrücke verzögert sich\n\n"
      + "Die neue Brücke bei Haldenau wird nicht vor 2027 fertig. \"Wir rechnen mit 14 Monaten Verzug\", sagte "
      + "Bürgermeisterin Karla Voss am Montag.";

  @Test
  void storedFilesHoldOffsetsNotArticleText() throws IOException {
    List<Path> files = RealAnswerSet.files(RealAnswerSet.repositoryFolder());
    assertThat(files).as("answer files in " + RealAnswerSet.FOLDER).isNotEmpty();
    List<String> problems = new ArrayList<>();
    for (Path f : files) {
      String name = f.getFileName().toString();
      JsonNode doc = RealAnswerSet.JSON.readTree(f.toFile());
      String article = doc.path("article").asText();
      if (!name.matches("[a-z]-.+\\.json") || !name.equals(name.substring(0, 2) + article.replaceFirst("\\.txt$", "") + ".json")) {
        problems.add(name + ": not named a-|b-|c-<article stem>.json after its article '" + article + "'");
      }
      if (doc.path("style").asText().isBlank()) problems.add(name + ": no style");
      int i = 0;
      for (JsonNode c : doc.path("answer").path("claims")) {
        i++;
        JsonNode q = c.path("quote");
        if (!q.isObject() || !q.path("at").isInt() || !q.path("length").isInt()) {
          problems.add(name + ": claim " + i + ": quote not stored as {\"at\", \"length\"}");
        }
      }
      for (JsonNode alt : doc.path("alterations")) {
        if (!RealAnswerSet.KINDS.contains(alt.path("kind").asText())) problems.add(name + ": kind " + alt.path("kind"));
      }
    }
    assertThat(problems).isEmpty();
  }

  @Test
  void everyFileDecodesFollowsTheContractAndEveryAlterationApplies() throws IOException {
    Path articles = RealAnswerSet.articlesFolder();
    assumeTrue(Files.isDirectory(articles), "shared articles not found (" + articles + "): test skipped");
    Map<String, String> urls = RealAnswerSet.urls(articles);
    ContractSchema schema = ContractSchema.load();
    List<String> problems = new ArrayList<>();
    int alterations = 0;
    for (Path f : RealAnswerSet.files(RealAnswerSet.repositoryFolder())) {
      RealAnswerSet.Item item;
      try {
        item = RealAnswerSet.read(f, articles, urls);
      } catch (RealAnswerSet.Malformed e) {
        problems.add(e.getMessage());
        continue;
      }
      if (schema.check(RealAnswerSet.JSON.writeValueAsString(item.answer())) instanceof Check.Invalid<?> inv) {
        problems.add(item.file() + ": not a contract answer: " + inv.errors());
      }
      JsonNode stored = RealAnswerSet.JSON.readTree(f.toFile()).path("answer");
      if (!RealAnswerSet.encode(item.answer(), item.article()).equals(stored)) {
        problems.add(item.file() + ": encoding the decoded answer does not give the stored one back");
      }
      for (RealAnswerSet.Alteration a : item.alterations()) {
        alterations++;
        try {
          a.applyTo(item.answer());
        } catch (RealAnswerSet.Malformed e) {
          problems.add(item.file() + ": " + a.kind() + ": " + e.getMessage());
        }
      }
    }
    assertThat(problems).isEmpty();
    assertThat(alterations).isPositive();
  }

  @Test
  void encodeStoresOffsetsAndDecodeRestoresTheQuote() {
    String quote = "\"Wir rechnen mit 14 Monaten Verzug\"";
    ObjectNode literal = answer(quote);
    ObjectNode stored = RealAnswerSet.encode(literal, ARTICLE);
    JsonNode q = stored.path("claims").path(0).path("quote");
    assertThat(q.path("at").asInt()).isEqualTo(ARTICLE.indexOf(quote));
    assertThat(q.path("length").asInt()).isEqualTo(quote.length());
    assertThat(RealAnswerSet.decode(stored, ARTICLE)).isEqualTo(literal);
  }

  @Test
  void aQuoteNotExactlyInTheArticleOrOffsetsOutsideItAreErrors() {
    assertThatThrownBy(() -> RealAnswerSet.encode(answer("Wir rechnen mit 15 Monaten Verzug"), ARTICLE))
        .isInstanceOf(RealAnswerSet.Malformed.class).hasMessageContaining("not in the article");
    ObjectNode outside = answer("x");
    ((ObjectNode) outside.path("claims").path(0)).set("quote",
        RealAnswerSet.JSON.createObjectNode().put("at", ARTICLE.length() - 2).put("length", 5));
    assertThatThrownBy(() -> RealAnswerSet.decode(outside, ARTICLE))
        .isInstanceOf(RealAnswerSet.Malformed.class).hasMessageContaining("outside the article");
  }

  @Test
  void anAlterationAppliesOnlyWhereItsTextOccursOnce() {
    ObjectNode a = answer("x");
    RealAnswerSet.Alteration ok = new RealAnswerSet.Alteration("number",
        List.of(new RealAnswerSet.Edit("/summary", "14 months", "41 months")));
    assertThat(ok.applyTo(a).path("summary").asText()).contains("41 months");
    assertThat(a.path("summary").asText()).contains("14 months");
    assertThat(ok.where()).isEqualTo("summary");
    RealAnswerSet.Alteration twice = new RealAnswerSet.Alteration("number",
        List.of(new RealAnswerSet.Edit("/summary", "the", "a")));
    assertThatThrownBy(() -> twice.applyTo(a)).isInstanceOf(RealAnswerSet.Malformed.class);
    RealAnswerSet.Alteration swap = new RealAnswerSet.Alteration("speaker swap",
        List.of(new RealAnswerSet.Edit("/claims/0/attributed_to", null, "the article")));
    assertThat(swap.applyTo(a).path("claims").path(0).path("attributed_to").asText()).isEqualTo("the article");
    assertThat(swap.where()).isEqualTo("claim");
  }

  private static ObjectNode answer(String quote) {
    ObjectNode a = RealAnswerSet.JSON.createObjectNode();
    a.put("source_language", "de").put("headline", "Haldenau bridge delayed")
        .put("summary", "The new bridge near Haldenau will not be finished before 2027; the mayor expects 14 months "
            + "of delay, she said on the Monday.");
    a.putArray("key_points").add("Delay of 14 months expected.");
    ObjectNode c = a.putArray("claims").addObject();
    c.put("claim", "The delay is expected to be 14 months.").put("attributed_to", "Mayor Karla Voss")
        .put("source_type", "named_person").put("modality", "prediction").put("quote", quote);
    a.putArray("entities").addObject().put("name", "Karla Voss").put("original", "Karla Voss").put("type", "person");
    return a;
  }
}
