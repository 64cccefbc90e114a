package dev.kurz.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A 60,000-word article goes in parts at paragraph boundaries; the claims are grounded in the whole. */
class LongArticleTest {
  private static final Pattern ARTICLE = Pattern.compile("<article>\\n(.*?)\\n</article>", Pattern.DOTALL);
  private static final Pattern PARAGRAPH_NUMBER = Pattern.compile("Absatz (\\d+) ");
  @TempDir Path home;
  FakeLlm llm;

  @AfterEach
  void stop() throws IOException {
    if (llm != null) llm.close();
  }

  @Test
  void aSixtyThousandWordArticleIsAnalysedInPartsAndGroundedInTheWhole() throws IOException {
    StringBuilder text = new StringBuilder("Langer Bericht über den Hafen\n\n");
    int words = 0;
    for (int p = 1; words < 60_000; p++) {
      String paragraph = "Absatz " + p + " berichtet: Der Umschlag im Hafen sank im Monat " + p
          + " erneut, sagte ein Sprecher der Hafengesellschaft am Abend vor Journalisten in der Stadt.";
      text.append(paragraph).append("\n\n");
      words += paragraph.split(" ").length;
    }
    Path file = home.resolve("lang.txt");
    Files.writeString(file, text.toString());
    llm = new FakeLlm(FakeLlm.Wire.OPENAI);
    // Each part is answered with one claim quoting that part's first paragraph.
    llm.compute("Absatz", request -> {
      Matcher article = ARTICLE.matcher(FakeLlm.allText(request));
      article.find();
      String first = article.group(1).lines().filter(l -> l.startsWith("Absatz")).findFirst().orElseThrow();
      Matcher n = PARAGRAPH_NUMBER.matcher(first);
      n.find();
      ObjectNode a = FakeLlm.JSON.createObjectNode();
      a.put("source_language", "de").put("headline", "Port throughput keeps falling").put("summary", "Part from paragraph " + n.group(1) + ".");
      a.putArray("key_points").add("Throughput fell.").add("A spokesman said so.").add("Monthly figures.");
      ArrayNode claims = a.putArray("claims");
      claims.addObject().put("claim", "Throughput fell in month " + n.group(1) + ".").put("attributed_to", "a port spokesman")
          .put("source_type", "named_organization").put("modality", "reported").put("quote", first);
      a.putArray("entities").addObject().put("name", "Port").put("original", "Hafen").put("type", "organization");
      return a.toString();
    });
    CliRun run = new CliRun(home).env("OPENAI_API_KEY", "sk-test-FAKE-0000")
        .run("summarize", file.toString(), "--provider", "openai", "--base-url", llm.baseUrl(), "--model", "m", "--format", "json");
    assertThat(run.exit).as(run.err).isZero();
    assertThat(llm.requests.size()).isGreaterThanOrEqualTo(4);
    JsonNode record = FakeLlm.JSON.readTree(run.out);
    JsonNode claims = record.path("claims");
    assertThat(claims.size()).isEqualTo(llm.requests.size());
    int characters = record.path("source").path("characters").asInt();
    int lastStart = -1;
    for (JsonNode c : claims) {
      assertThat(c.path("grounding").path("status").asText()).isEqualTo("exact");
      int start = c.path("grounding").path("start").asInt();
      assertThat(start).isGreaterThan(lastStart);
      lastStart = start;
    }
    assertThat(lastStart).as("offsets point into the whole article").isGreaterThan(characters / 2);
    assertThat(record.path("warnings").toString()).contains("analysed in " + llm.requests.size() + " parts");
    for (JsonNode request : llm.requests) {
      assertThat(FakeLlm.allText(request).length()).isLessThan(24_000 * 4);
    }
  }
}
