package dev.kurz.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

/** The second candidates and the rules choosing between them, on German pages written for these tests. */
class TextChoiceTest {
  private final HtmlExtractor extractor = new HtmlExtractor();

  /** Six long paragraphs: the first part of a report, the one the main extraction scores highest. */
  private static final String FIRST_PART = """
      <p>Die Stadtwerke von Kassel wollen bis zum Jahr 2030 alle städtischen Busse auf Batteriebetrieb umstellen,
      wie der Aufsichtsrat am Mittwochabend nach einer langen Sitzung mitteilte, und dafür rund 120 Millionen Euro investieren.</p>
      <p>Die ersten vierzig Fahrzeuge sollen schon im kommenden Frühjahr auf den Linien im Osten der Stadt fahren,
      sagte die Sprecherin der Stadtwerke, Miriam Holz, und die alten Dieselbusse würden nach und nach verkauft.</p>
      <p>Für die neuen Busse muss der Betriebshof in Bettenhausen umgebaut werden, denn jedes Fahrzeug braucht über
      Nacht einen eigenen Ladeplatz, und die Stromleitungen dorthin reichen für so viele Ladesäulen nicht aus.</p>
      <p>Der Umbau soll im Sommer beginnen und etwa zwei Jahre dauern, während dieser Zeit würden die Busse auf
      einem Ausweichgelände an der Leipziger Straße abgestellt, teilten die Stadtwerke weiter mit.</p>
      <p>Das Land Hessen beteiligt sich mit einem Zuschuss von knapp vierzig Millionen Euro an den Kosten, den Rest
      tragen die Stadtwerke selbst, die dafür nach eigenen Angaben einen Kredit aufnehmen müssen.</p>
      <p>Die Opposition im Rathaus begrüßte den Beschluss grundsätzlich, kritisierte aber, dass die Fahrgäste an
      den Kosten über höhere Ticketpreise beteiligt werden könnten, was die Stadtwerke nicht ausschlossen.</p>
      """;

  /** What follows an inline teaser, in a wrapper of its own: the part the main extraction lost. */
  private static final String SECOND_PART = """
      <div class="fortsetzung"><div class="absatz-gruppe">
      <p>Ob die Reichweite der Batteriebusse im Winter genügt, soll ein Test auf der längsten Linie der Stadt zeigen,
      die vom Hauptbahnhof bis nach Harleshausen führt und an einem Tag gut dreihundert Kilometer zusammenbringt.</p>
      <p>„Wenn ein Bus am Nachmittag nachladen muss, brauchen wir mehr Fahrzeuge, als wir bisher geplant haben“,
      sagte Holz. Die Ergebnisse des Tests sollen bis zum Herbst vorliegen und dem Aufsichtsrat vorgelegt werden.</p>
      </div></div>
      """;

  private static String page(String article) {
    return """
        <!doctype html><html lang="de"><head><title>Kassel stellt auf Batteriebusse um</title></head><body>
        <header><nav><a href="/">Start</a> <a href="/region">Region</a> <a href="/wirtschaft">Wirtschaft</a></nav></header>
        <main><article><h1>Kassel stellt auf Batteriebusse um</h1>%s</article>
        <aside><h3>Meistgelesen</h3><ul><li><a href="/x">Neue Ampel am Königsplatz sorgt für Staus im Berufsverkehr</a></li>
        <li><a href="/y">Documenta: Die Stadt sucht eine neue Leitung</a></li></ul></aside></main>
        <footer>Impressum · Datenschutz · © Kasseler Beispielblatt</footer></body></html>
        """.formatted(article);
  }

  private static final String SPLIT = "<div class=\"artikel-text\">" + FIRST_PART + "</div>"
      + "<div class=\"inline-teaser\"><a href=\"/z\">Lesen Sie auch: Wie andere Städte den Umstieg schaffen</a></div>"
      + SECOND_PART;

  @Test
  void theMainExtractionAloneLosesThePartAfterAnInlineTeaser() {
    // the case the second candidate is for: checked here so that the test below keeps its point
    Document doc = Jsoup.parse(page(SPLIT));
    assertThat(new MainContent().extract(doc)).contains("Die Stadtwerke von Kassel").doesNotContain("Reichweite");
  }

  @Test
  void storyAfterAnInlineTeaserInTheSameArticleIsKeptInPageOrder() {
    String text = extractor.extract(page(SPLIT), "https://example.de/kassel/busse").text();
    assertThat(text).contains("Die Stadtwerke von Kassel", "Ob die Reichweite der Batteriebusse im Winter genügt",
        "„Wenn ein Bus am Nachmittag nachladen muss");
    assertThat(text.indexOf("Die Opposition im Rathaus")).isLessThan(text.indexOf("Ob die Reichweite"));
    assertThat(text.indexOf("Ob die Reichweite")).isLessThan(text.indexOf("„Wenn ein Bus"));
    assertThat(text).doesNotContain("Lesen Sie auch", "Meistgelesen", "Impressum");
    assertThat(text).doesNotContain("\n\n\n");
  }

  @Test
  void aNoteToTheReaderLeftOutOfTheArticleStaysOut() {
    String note = "<div class=\"hinweis\"><p>Sie möchten keine Nachricht aus Nordhessen verpassen? Dann abonnieren Sie "
        + "unseren kostenlosen Newsletter, der Ihnen jeden Morgen um sechs Uhr die wichtigsten Meldungen aus Kassel und "
        + "der Region in Ihr Postfach schickt, und folgen Sie uns auf Instagram und Facebook.</p></div>";
    String text = extractor.extract(page(SPLIT + note), "https://example.de/kassel/busse").text();
    assertThat(text).contains("Ob die Reichweite").doesNotContain("Newsletter", "Instagram");
  }

  @Test
  void withoutAnArticleContainerTheMainTextStands() {
    String html = page(SPLIT).replace("<article>", "<div>").replace("</article>", "</div>").replace("<main>", "<div>")
        .replace("</main>", "</div>");
    Document doc = Jsoup.parse(html);
    MainContent.Extraction main = new MainContent().extract(doc, true);
    assertThat(TextChoice.withOwnArticle(doc, main.text(), main.baseline())).isEqualTo(main.text());
  }

  @Test
  void aStandfirstOutsideTheTextsWrapperComesFirst() {
    String lead = "<div class=\"kopfbereich\"><div class=\"vorspann-box\"><p>Die Stadtwerke wollen in sieben Jahren "
        + "keinen einzigen Dieselbus mehr im Einsatz haben. Der Umbau kostet viel Geld, und ob die Batterien auch im "
        + "Winter lange genug halten, ist noch nicht geklärt. Ein Test soll es bis zum Herbst zeigen.</p></div></div>";
    String text = extractor.extract(page(lead + SPLIT), "https://example.de/kassel/busse").text();
    assertThat(text).contains("keinen einzigen Dieselbus mehr");
    assertThat(text.indexOf("keinen einzigen Dieselbus")).isLessThan(text.indexOf("Die Stadtwerke von Kassel"));
  }

  @Test
  void onAPageOfTeaserCardsTheArticleHoldingTheTextIsTheContainer() {
    // news front pages and article pages alike set each teaser in an <article> of its own
    String card = "<article class=\"karte\"><h3><a href=\"/w\">Wetter</a></h3><p>Der Deutsche Wetterdienst erwartet "
        + "für das Wochenende in ganz Nordhessen Dauerregen, an der Fulda und an der Eder könnten die Pegel deutlich steigen, "
        + "und die Feuerwehren in den Landkreisen bereiten sich nach eigenen Angaben schon auf erste Einsätze vor.</p></article>";
    String html = page(SPLIT).replace("</article>", "</article>" + card + card.replace("Wetter", "Unwetter"));
    String text = extractor.extract(html, "https://example.de/kassel/busse").text();
    assertThat(text).contains("Die Stadtwerke von Kassel", "Ob die Reichweite der Batteriebusse").doesNotContain("Wetterdienst");
  }
}
