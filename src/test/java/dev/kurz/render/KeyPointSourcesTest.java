package dev.kurz.render;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.kurz.digest.Digest;
import dev.kurz.digest.Story;
import dev.kurz.model.Analysis;
import dev.kurz.model.ArticleResult;
import dev.kurz.model.Claim;
import dev.kurz.model.Grounding;
import dev.kurz.model.ModelRef;
import dev.kurz.model.Source;
import dev.kurz.model.Usage;
import java.io.StringWriter;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Each key point shows what it rests on: its claims and their quotes' paragraphs, in JSON, Markdown and HTML. */
class KeyPointSourcesTest {
  private static final String TEXT = "Fähre fällt aus\n\nDie Fähre nach Sandholm fährt ab Montag nicht mehr.\n\n"
      + "Der Betreiber nannte fehlende Mechaniker als Grund. Ein Ersatzbus soll stündlich fahren.";

  private static ArticleResult result() {
    Claim stop = claim("The ferry to Sandholm stops running from Monday.", "Die Fähre nach Sandholm fährt ab Montag nicht mehr.");
    Claim reason = claim("The operator blamed a shortage of mechanics.", "Der Betreiber nannte fehlende Mechaniker als Grund.");
    Analysis a = new Analysis("de", "Sandholm ferry stops", "The ferry stops; a bus replaces it.",
        List.of("The Sandholm ferry stops running on Monday.", "The operator blames missing mechanics.", "Weather stays mild."),
        List.of(stop, reason), List.of());
    Source s = new Source("faehre.txt", "/tmp/in/faehre.txt", null, null, null, null, null, "de", TEXT.length());
    return new ArticleResult(s, a, new ModelRef("fake", "fake-model"), Usage.NONE, false, List.of(), "key",
        Instant.parse("2025-12-03T08:00:00Z"), TEXT);
  }

  private static Claim claim(String text, String quote) {
    int start = TEXT.indexOf(quote);
    return new Claim(text, "the article", "article_voice", "stated", quote,
        new Grounding(Grounding.Status.EXACT, start, start + quote.length()));
  }

  @Test
  void jsonCarriesEachKeyPointsClaimsAndParagraphs() {
    JsonNode sources = ResultJson.toTree(result()).get("key_point_sources");
    assertThat(sources).hasSize(3);
    assertThat(sources.get(0).get("claims").toString()).isEqualTo("[1]");
    assertThat(sources.get(0).get("paragraphs").toString()).isEqualTo("[2]");
    assertThat(sources.get(1).get("claims").toString()).isEqualTo("[2]");
    assertThat(sources.get(1).get("paragraphs").toString()).isEqualTo("[3]");
    assertThat(sources.get(2).get("claims")).isEmpty();
  }

  @Test
  void markdownShowsTheSourcesNextToEachKeyPoint() {
    String md = MarkdownRenderer.render(result());
    assertThat(md).contains("Monday. *(claim 1; paragraph 2)*").contains("mechanics. *(claim 2; paragraph 3)*")
        .contains("- Weather stays mild.\n");
  }

  @Test
  void htmlDigestLinksEachKeyPointToItsClaims() throws Exception {
    Story story = new Story("Sandholm ferry stops", "The ferry stops.", List.of(result()), List.of(), List.of(),
        Story.Origin.SINGLE, Usage.NONE, List.of());
    StringWriter w = new StringWriter();
    DigestHtmlRenderer.write(new Digest(List.of(story), Instant.parse("2025-12-03T09:00:00Z")), w);
    assertThat(w.toString()).contains("<ul class=\"points\">")
        .contains("<li>The Sandholm ferry stops running on Monday. <span class=\"meta\"><a class=\"ref\" href=\"#s1-a1c1\">[a1c1]</a> ¶ 2</span></li>")
        .contains("<li>Weather stays mild.</li>");
  }
}
