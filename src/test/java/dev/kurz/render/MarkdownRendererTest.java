package dev.kurz.render;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kurz.model.Analysis;
import dev.kurz.model.ArticleResult;
import dev.kurz.model.Claim;
import dev.kurz.model.Entity;
import dev.kurz.model.Grounding;
import dev.kurz.model.ModelRef;
import dev.kurz.model.Source;
import dev.kurz.model.Usage;
import java.util.ArrayList;
import java.util.List;
import org.commonmark.node.BlockQuote;
import org.commonmark.node.Node;
import org.commonmark.node.OrderedList;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.HtmlRenderer;
import org.junit.jupiter.api.Test;

/** The Markdown is read back with a CommonMark parser: what a renderer makes of it is what counts. */
class MarkdownRendererTest {
  private static final Parser PARSER = Parser.builder().build();

  static ArticleResult result(String title, String summary, List<Claim> claims, List<Entity> entities) {
    Source source = new Source("artikel.txt", "artikel.txt", null, title, "Jana Beispiel", "2025-03-04", null, "de", 900);
    Analysis analysis = new Analysis("de", "Council approves new tram line", summary, List.of("The line opens in 2027."),
        claims, entities);
    return new ArticleResult(source, analysis, new ModelRef("openai", "fake-model"), new Usage(1500, 600), false,
        List.of(), "key", null, null);
  }

  static Claim claim(int n) {
    return new Claim("Claim number " + n + " about the tram.", "the council", "named_organization", "stated",
        "Der Rat beschloss Punkt " + n + " der Vorlage.", new Grounding(Grounding.Status.EXACT, 0, 10));
  }

  @Test
  void twelveClaimsStayOneListWithEveryQuoteInsideItsItem() {
    List<Claim> claims = new ArrayList<>();
    for (int n = 1; n <= 12; n++) claims.add(claim(n));
    Node doc = PARSER.parse(MarkdownRenderer.render(result("Neue Tram", "The council voted.", claims, List.of())));
    List<OrderedList> lists = new ArrayList<>();
    for (Node n = doc.getFirstChild(); n != null; n = n.getNext()) if (n instanceof OrderedList l) lists.add(l);
    assertThat(lists).hasSize(1);
    int items = 0;
    for (Node item = lists.get(0).getFirstChild(); item != null; item = item.getNext()) {
      items++;
      boolean quoted = false;
      for (Node part = item.getFirstChild(); part != null; part = part.getNext()) quoted |= part instanceof BlockQuote;
      assertThat(quoted).as("item %d holds its quote", items).isTrue();
    }
    assertThat(items).isEqualTo(12);
  }

  @Test
  void markupAndHtmlFromTheArticleNeverComeOutLive() {
    Claim hostile = new Claim("The mayor wrote *never* and [click](http://x.example) <script>alert(1)</script>",
        "the <b>mayor</b>", "named_person", "stated", "Er schrieb &lt;script&gt;alert(2)&lt;/script&gt; und _nie_.",
        new Grounding(Grounding.Status.EXACT, 0, 10));
    String md = MarkdownRenderer.render(result("<script>alert(3)</script> Tram", "# Not a heading\n\n1986. Ein Jahr"
        + " <img src=x onerror=alert(4)>", List.of(hostile), List.of(new Entity("<i>Rat</i>", "Rat", "organization"))));
    String html = HtmlRenderer.builder().build().render(PARSER.parse(md));
    assertThat(html).doesNotContain("<script", "<img", "<b>", "<i>", "<em>never", "<a ", "<h1>Not", "<ol start=\"1986\"");
    assertThat(html).contains("&lt;script&gt;alert(1)", "*never*", "&amp;lt;script&amp;gt;alert(2)", "_nie_");
  }

  @Test
  void aQuotedTitleIsQuotedOnceAndTheAuthorNamed() {
    String md = MarkdownRenderer.render(result("„Die Vernunft hat gesiegt“", "Done.", List.of(), List.of()));
    assertThat(md).contains("\"Die Vernunft hat gesiegt\"").doesNotContain("\"„", "\"\"").contains("by Jana Beispiel");
  }

  @Test
  void namesAreNotRepeated() {
    assertThat(MarkdownRenderer.bothNames(new Entity("Christian Democratic Union (CDU)", "CDU", "organization")))
        .isEqualTo("Christian Democratic Union (CDU)");
    assertThat(MarkdownRenderer.bothNames(new Entity("CDU", "Christlich Demokratische Union (CDU)", "organization")))
        .isEqualTo("CDU (Christlich Demokratische Union)");
    assertThat(MarkdownRenderer.bothNames(new Entity("Christian Democratic Union (CDU)",
        "Christlich Demokratische Union (CDU)", "organization")))
        .isEqualTo("Christian Democratic Union (CDU) (Christlich Demokratische Union)");
    assertThat(MarkdownRenderer.bothNames(new Entity("Kyiv", "Kiew", "place"))).isEqualTo("Kyiv (Kiew)");
    assertThat(MarkdownRenderer.bothNames(new Entity("White House", "Weißes Haus", "organization")))
        .isEqualTo("White House (Weißes Haus)");
  }
}
