package dev.kurz.render;

import dev.kurz.model.RecordJson;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.kurz.digest.ClaimRef;
import dev.kurz.digest.Digest;
import dev.kurz.digest.KeyClaim;
import dev.kurz.digest.Story;
import dev.kurz.model.Analysis;
import dev.kurz.model.ArticleResult;
import dev.kurz.model.Claim;
import dev.kurz.model.Entity;
import dev.kurz.model.Grounding;
import dev.kurz.model.ModelRef;
import dev.kurz.model.Source;
import dev.kurz.model.Usage;
import java.io.StringWriter;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The digest's Markdown, JSON and HTML on a digest of two stories (two articles, then one). */
class DigestRenderersTest {
  private static final String TEXT = "Der Hafen öffnet wieder. Die Senatorin sprach von einer \"großen Erleichterung\" für die Stadt.";
  private static final String QUOTE = "Die Senatorin sprach von einer \"großen Erleichterung\" für die Stadt.";

  private static ArticleResult article(String name, String headline) {
    int start = TEXT.indexOf(QUOTE);
    Claim claim = new Claim("The senator called it a great relief.", "the senator", "named_person", "stated", QUOTE,
        new Grounding(Grounding.Status.EXACT, start, start + QUOTE.length()));
    Analysis a = new Analysis("de", headline, "The port reopens.", List.of("The port reopens."), List.of(claim),
        List.of(new Entity("Hamburg", "Hamburg", "place")));
    Source s = new Source(name, "/tmp/in/" + name, null, headline, null, "2025-12-03", "Nordblatt", "de", TEXT.length());
    return new ArticleResult(s, a, new ModelRef("fake", "fake-model"), Usage.NONE, false, List.of(), "key-" + name,
        Instant.parse("2025-12-03T08:00:00Z"), TEXT);
  }

  private static Digest digest() {
    ArticleResult a = article("hafen-1.txt", "Port reopens");
    ArticleResult b = article("hafen-2.txt", "Port back in business");
    ArticleResult c = article("tram.txt", "New tram line");
    Story two = new Story("Port reopens", "Both report the reopening.", List.of(a, b),
        List.of(new KeyClaim("The senator called it a great relief.", List.of(new ClaimRef(0, 0), new ClaimRef(1, 0)))),
        List.of(), Story.Origin.SYNTHESIZED, Usage.NONE, List.of());
    Story one = new Story("New tram line", "A tram line opens.", List.of(c),
        List.of(new KeyClaim("The senator called it a great relief.", List.of(new ClaimRef(0, 0)))),
        List.of(), Story.Origin.SINGLE, Usage.NONE, List.of());
    return new Digest(List.of(two, one), Instant.parse("2025-12-03T09:00:00Z"));
  }

  @Test
  void markdownNumbersArticlesAcrossTheDigestAndShowsTheIdsInTheAppendix() throws Exception {
    StringWriter w = new StringWriter();
    DigestMarkdownRenderer.write(digest(), w);
    String md = w.toString();
    assertThat(md).contains("- [a1] ").contains("- [a2] ").contains("- [a3] Nordblatt · \"New tram line\"")
        .contains("  - [a3c1] ").doesNotContain("[a1] Nordblatt · \"New tram line\"");
    assertThat(md).contains("## [a1] Port reopens\n").contains("## [a3] New tram line\n").contains("\n### Claims\n")
        .doesNotContain("\n## Claims\n").doesNotContain("\n## Key points\n");
  }

  @Test
  void aQuoteInsideGermanMarksHasItsOwnMarksNested() throws Exception {
    StringWriter w = new StringWriter();
    DigestMarkdownRenderer.write(digest(), w);
    assertThat(w.toString()).contains("„Die Senatorin sprach von einer ‚großen Erleichterung‘ für die Stadt.“");
    assertThat(MarkdownRenderer.nested("eine „nationale Kraftanstrengung“ …")).isEqualTo("eine ‚nationale Kraftanstrengung‘ …");
  }

  @Test
  void jsonSourcesAndClaimsReadLikeSummarizesRecord() throws Exception {
    JsonNode root = RecordJson.MAPPER.readTree(DigestJson.write(digest()));
    JsonNode tram = root.path("stories").get(1);
    assertThat(tram.path("sources").get(0).path("id").asText()).isEqualTo("a3");
    assertThat(tram.path("sources").get(0).path("path").asText()).isEqualTo("/tmp/in/tram.txt");
    assertThat(tram.path("sources").get(0).has("file")).isFalse();
    JsonNode ref = root.path("stories").get(0).path("key_claims").get(0).path("sources").get(1);
    assertThat(ref.path("id").asText()).isEqualTo("a2c1");
    assertThat(ref.path("article").asText()).isEqualTo("a2");
    JsonNode record = root.path("stories").get(0).path("articles").get(1).path("claims").get(0).path("grounding");
    assertThat(ref.path("grounding")).isEqualTo(record);
    assertThat(ref.path("grounding").path("status").asText()).isEqualTo("exact");
  }

  @Test
  void htmlNumbersArticlesAcrossTheDigest() throws Exception {
    StringWriter w = new StringWriter();
    DigestHtmlRenderer.write(digest(), w);
    assertThat(w.toString()).contains("[a3]</a> Nordblatt").contains("[a3c1]").contains("<summary>[a3] New tram line");
  }
}
