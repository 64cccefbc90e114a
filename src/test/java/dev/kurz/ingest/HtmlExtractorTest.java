package dev.kurz.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class HtmlExtractorTest {
  private final HtmlExtractor extractor = new HtmlExtractor();

  private static final String STORY = """
      <p>Der Stadtrat von Leipzig hat am Dienstag mit großer Mehrheit beschlossen, die Straßenbahnlinie 16 bis
      zum neuen Wohngebiet im Norden zu verlängern, wie die Stadtverwaltung mitteilte.</p>
      <h2>Bau soll 2027 beginnen</h2>
      <p>Die Kosten von rund 80 Millionen Euro tragen Bund, Land und Stadt gemeinsam, sagte Baubürgermeister
      Peter Lang. Die Bauzeit werde etwa drei Jahre betragen, Anwohner müssten mit Sperrungen rechnen.</p>
      <p>„Das ist ein guter Tag für den Leipziger Norden“, sagte Lang. Die Opposition kritisierte, die Pläne
      kämen zu spät, und forderte einen dichteren Takt auf den bestehenden Linien.</p>
      """;

  private static String page(String head, String article) {
    return """
        <!doctype html><html lang="de-DE"><head>%s</head><body>
        <header><nav><a href="/">Startseite</a> <a href="/politik">Politik</a> <a href="/sport">Sport</a></nav></header>
        <div class="cookie-banner">Wir verwenden Cookies, um Ihnen ein besseres Erlebnis zu bieten. Akzeptieren</div>
        <main><article>%s
        <div class="share-buttons"><a href="#">Teilen</a> <a href="#">Link kopieren</a></div>
        <div class="newsletter-signup">Jetzt den kostenlosen Newsletter abonnieren und nichts mehr verpassen, jeden Morgen um sechs.</div>
        </article>
        <aside class="related"><h3>Mehr zum Thema</h3><ul><li><a href="/a">Neue Radwege im Süden, was sich für Pendler ändert</a></li>
        <li><a href="/b">Streit um Parkgebühren in der Innenstadt geht weiter</a></li></ul></aside></main>
        <footer>Impressum · Datenschutz · © Leipziger Beispielzeitung</footer></body></html>
        """.formatted(head, article);
  }

  @Test
  void metaTagsAreMatchedInAnyCaseAndTheFirstWithContentWins() {
    String head = """
        <meta property="OG:Title" content=" "><meta name="og:title" content="Linie 16 wird verlängert">
        <meta name="og:title" content="Ein anderer Titel"><meta itemprop="AUTHOR" content="Anna Beispiel">
        <meta name="article:published_time" content="2025-03-04T10:00:00+01:00">
        """;
    HtmlExtractor.Extracted e = extractor.extract(page(head, STORY), "https://example.de/leipzig/linie-16");
    assertThat(e.title()).isEqualTo("Linie 16 wird verlängert");
    assertThat(e.author()).isEqualTo("Anna Beispiel");
    assertThat(e.published()).isEqualTo("2025-03-04");
  }

  @Test
  void mainTextKeepsParagraphsAndHeadingsAndDropsChrome() {
    String text = extractor.extract(page("<title>Straßenbahn</title>", "<h1>Linie 16 wird verlängert</h1>" + STORY),
        "https://example.de/leipzig/linie-16").text();
    assertThat(text).contains(
        "Der Stadtrat von Leipzig hat am Dienstag mit großer Mehrheit beschlossen",
        "\n\nBau soll 2027 beginnen\n\n",
        "„Das ist ein guter Tag für den Leipziger Norden“, sagte Lang.");
    assertThat(text).doesNotContain("Startseite", "Cookies", "Teilen", "Newsletter", "Radwege", "Impressum");
    assertThat(text).doesNotContain("\n\n\n");
  }

  @Test
  void jsonLdMetadataWins() {
    String head = """
        <title>Linie 16 wird verlängert | Leipziger Beispielzeitung</title>
        <meta property="og:title" content="Straßenbahn: Linie 16 wird verlängert">
        <script type="application/ld+json">
        {"@context":"https://schema.org","@graph":[{"@type":"WebSite","name":"Beispielzeitung"},
         {"@type":"NewsArticle","headline":"Linie 16 wird verlängert","datePublished":"2025-03-04T09:15:00+01:00",
          "author":[{"@type":"Person","name":"Anna Beispiel"},{"@type":"Person","name":"Ben Muster"}],
          "publisher":{"@type":"Organization","name":"Leipziger Beispielzeitung"}}]}
        </script>""";
    HtmlExtractor.Extracted extracted = extractor.extract(page(head, STORY), "https://example.de/a");
    assertThat(extracted.title()).isEqualTo("Straßenbahn: Linie 16 wird verlängert");
    assertThat(extracted.author()).isEqualTo("Anna Beispiel, Ben Muster");
    assertThat(extracted.published()).isEqualTo("2025-03-04");
    assertThat(extracted.site()).isEqualTo("Leipziger Beispielzeitung");
    assertThat(extracted.language()).isEqualTo("de");
  }

  @Test
  void metaTagsAndVisiblePageServeWithoutJsonLd() {
    String head = """
        <title>Linie 16 wird verlängert – Leipziger Beispielzeitung</title>
        <meta name="author" content="Von Carla Test">
        <meta property="article:published_time" content="2024-11-28T17:00:00Z">
        <meta property="og:site_name" content="LBZ">""";
    HtmlExtractor.Extracted extracted = extractor.extract(page(head, STORY), null);
    assertThat(extracted.title()).isEqualTo("Linie 16 wird verlängert");
    assertThat(extracted.author()).isEqualTo("Carla Test");
    assertThat(extracted.published()).isEqualTo("2024-11-28");
    assertThat(extracted.site()).isEqualTo("LBZ");
  }

  @Test
  void timeElementAndHeadlineAreFallbacks() {
    String html = """
        <html><head><meta http-equiv="content-language" content="de"></head><body>
        <article><h1>Hochwasser an der Elbe</h1><time datetime="2024-09-16">16. September</time>%s</article>
        </body></html>""".formatted(STORY);
    HtmlExtractor.Extracted extracted = extractor.extract(html, "");
    assertThat(extracted.title()).isEqualTo("Hochwasser an der Elbe");
    assertThat(extracted.published()).isEqualTo("2024-09-16");
    assertThat(extracted.language()).isEqualTo("de");
    assertThat(extracted.author()).isNull();
  }

  @Test
  void textSplitByLineBreaksInOneContainerIsFound() {
    String html = """
        <html><body><div class="menu"><a href="/">Start</a></div>
        <div class="story">Die Polizei hat in Hamburg einen 34-jährigen Mann festgenommen, der mehrere Autos beschädigt
        haben soll.<br><br>Er wurde am Abend einem Haftrichter vorgeführt, teilte eine Sprecherin mit.</div>
        </body></html>""";
    assertThat(extractor.extract(html, "").text()).contains("einen 34-jährigen Mann festgenommen", "Haftrichter");
  }

  @Test
  void headlineAndLeadBeforeTheBodyAreKept() {
    String html = """
        <html><body><nav><a href="/">Start</a> <a href="/wirtschaft">Wirtschaft</a></nav>
        <article><div class="article-top"><h1>Werft in Wismar findet Käufer</h1>
        <p class="article-intro">Nach monatelanger Suche übernimmt ein Konzern aus Bremen die Werft und alle 600 Beschäftigten.</p></div>
        <div class="article-body">%s</div></article>
        <footer>Impressum</footer></body></html>""".formatted(STORY);
    String text = extractor.extract(html, "").text();
    assertThat(text).startsWith("Werft in Wismar findet Käufer\n\nNach monatelanger Suche übernimmt ein Konzern");
    assertThat(text).contains("Der Stadtrat von Leipzig").doesNotContain("Impressum", "Start");
  }

  @Test
  void pageWhoseTextIsOnlyInNoscriptIsNotEmpty() {
    String html = """
        <html><body><div class="app" id="root"></div><div class="post"><noscript>
        <p>Der Verein hat am Wochenende sein hundertjähriges Bestehen gefeiert, mit einem Umzug durch die Altstadt.</p>
        <p>Mehr als zweitausend Gäste kamen, darunter der Ministerpräsident und viele ehemalige Mitglieder.</p>
        </noscript></div></body></html>""";
    assertThat(extractor.extract(html, "").text()).contains("hundertjähriges Bestehen", "zweitausend Gäste");
  }

  @Test
  void pageWrappedInAHeaderByBrokenMarkupIsNotEmpty() {
    String html = """
        <html><body><header id="header"><div class="logo">Tageblatt</div>
        <main><article><p>Die Stadtwerke erhöhen zum ersten Januar die Preise für Fernwärme um durchschnittlich zwölf Prozent,
        wie das Unternehmen am Montag mitteilte.</p><p>Begründet wird der Schritt mit gestiegenen Kosten für Gas und Personal;
        Kunden sollen in den nächsten Wochen Post bekommen.</p><p>Verbraucherschützer raten, die neuen Abschläge genau zu
        prüfen und bei Zahlungsschwierigkeiten früh mit dem Versorger zu sprechen.</p></article></main></header></body></html>""";
    assertThat(extractor.extract(html, "").text()).contains("Fernwärme", "Kunden sollen");
  }

  @Test
  void articleSplitAroundAnInlineTeaserIsJoined() {
    String html = """
        <html><body><main><article><h1>Neue Brücke über die Saale</h1>
        <div class="text-block"><p>Halle bekommt eine neue Fußgängerbrücke über die Saale, die Bauarbeiten beginnen im
        Frühjahr und sollen zwei Jahre dauern, teilte die Stadt mit.</p><p>Die alte Brücke ist seit einem Gutachten im
        vergangenen Sommer gesperrt, weil ihre Stahlträger stark verrostet sind.</p><p>Ein Ingenieurbüro aus Dresden hat
        den Entwurf geliefert, eine schlanke Konstruktion aus Stahl und Holz, die nachts beleuchtet wird.</p><p>Für Radfahrer
        wird die Brücke breit genug sein, Lastenräder eingeschlossen, versprach die Stadtverwaltung.</p></div>
        <div class="inline-box"><a href="/a">Auch interessant: Wo in Halle jetzt Radwege entstehen</a></div>
        <div class="wrap"><div class="col"><div class="text-block"><p>Bezahlt wird der Neubau zum größten Teil aus Fördermitteln des
        Landes, die Stadt selbst trägt rund vier Millionen Euro, und Anwohner hatten seit Jahren eine Lösung gefordert,
        weil der Umweg über die Innenstadt fast zwanzig Minuten dauert.</p></div></div></div>
        </article></main></body></html>""";
    String text = extractor.extract(html, "").text();
    assertThat(text).contains("Fußgängerbrücke", "Stahlträger", "Fördermitteln des Landes", "fast zwanzig Minuten");
  }

  @Test
  void liveBlogNamedLikeCommentsIsNotEmpty() {
    String html = """
        <html><body><div class="live-ticker"><div class="live-comment"><span class="minute">12.</span>
        <div class="live-comment-body">Ecke für Rostock, doch der Kopfball geht knapp über die Latte.</div></div>
        <div class="live-comment"><span class="minute">31.</span><div class="live-comment-body">Tor für Rostock!
        Nach einem schnellen Konter trifft der Stürmer flach ins linke Eck.</div></div></div></body></html>""";
    assertThat(extractor.extract(html, "").text()).contains("Kopfball geht knapp", "schnellen Konter");
  }

  @Test
  void leadInTheArticlesHeaderIsKeptAndItsBylineIsNot() {
    String html = """
        <html><body><main><article><header class="article-header"><span class="kicker">Energie</span>
        <h1>Windpark vor Rügen geht ans Netz</h1>
        <p class="article-header__lead">Der größte Windpark der Ostsee liefert von heute an Strom für rund eine Million Haushalte.</p>
        <div class="byline">Von Jana Beispiel, 4. März 2025</div></header>
        <div class="article-body">%s</div></article></main></body></html>""".formatted(STORY);
    String text = extractor.extract(html, "").text();
    assertThat(text).startsWith("Der größte Windpark der Ostsee liefert");
    assertThat(text).contains("Der Stadtrat von Leipzig").doesNotContain("Jana Beispiel", "Energie");
  }

  @Test
  void headingLeftWithoutItsLinkListAtTheEndIsDropped() {
    String html = """
        <html><body><article>%s<h3>Mehr zum Thema</h3><ul><li><a href="/a">Neue Radwege im Süden</a></li>
        <li><a href="/b">Streit um Parkgebühren</a></li></ul></article></body></html>""".formatted(STORY);
    String text = extractor.extract(html, "").text();
    assertThat(text).endsWith("auf den bestehenden Linien.").doesNotContain("Mehr zum Thema");
  }

  @Test
  void extractionLeavesThePageTreeAsItFoundItSoTheFallbackReusesIt() {
    org.jsoup.nodes.Document doc = org.jsoup.Jsoup.parse(page("<title>Linie 16</title>", "<h1>Linie 16</h1>" + STORY
        + "<figure><img src=a.jpg><figcaption>Foto: Archiv</figcaption></figure><noscript><p>Ohne Skript zeigt die Seite diesen Absatz.</p></noscript>"));
    String before = doc.outerHtml();
    String text = new MainContent().extract(doc);
    assertThat(doc.outerHtml()).isEqualTo(before);
    assertThat(new MainContent().baseline(doc, true, false)).contains("Ohne Skript zeigt die Seite", "Bau soll 2027 beginnen");
    assertThat(doc.outerHtml()).isEqualTo(before);
    assertThat(new MainContent().extract(doc)).isEqualTo(text);
  }

  @Test
  void pageDrawnByScriptsGivesItsOwnDescriptionRatherThanNothing() {
    String html = """
        <html><head><meta property="og:description" content="Die Fähre nach Hiddensee fällt wegen Sturms bis Mittwoch aus.">
        </head><body><div id="app"></div><script>render({story: 1})</script></body></html>""";
    assertThat(extractor.extract(html, "").text()).isEqualTo("Die Fähre nach Hiddensee fällt wegen Sturms bis Mittwoch aus.");
    assertThat(extractor.extract("<html><body><div><a href=/>Start</a> · <a href=/k>Kontakt</a></div></body></html>", "")
        .text()).contains("Start", "Kontakt");
  }

  @Test
  void readersThreadOfListItemsDoesNotOutscoreTheStoryAboveIt() {
    StringBuilder thread = new StringBuilder("<h2>30 Kommentare</h2><ul class=\"diskussion\">");
    for (int i = 1; i <= 30; i++) {
      thread.append("""
          <li class="beitrag"><div class="kopf">Leser %d schrieb:</div><div class="nachricht"><p>Schön, endlich, aber
          ich glaube es erst, wenn die Bahn fährt.</p></div></li>""".formatted(i));
    }
    String more = """
        <p>Geplant sind sechs neue Haltestellen, zwei davon mit Umstieg zu den Buslinien 80 und 87, und am Ende der
        Strecke eine Wendeschleife mit Abstellgleis, auf dem nachts bis zu vier Züge stehen können.</p>
        <p>Der Fahrgastverband begrüßte den Beschluss, mahnte aber, die Bahnen müssten dann auch im Zehn-Minuten-Takt
        fahren, sonst stiegen die Leute im neuen Viertel gar nicht erst vom Auto um.</p>
        <p>Im Herbst soll es eine Bürgerversammlung geben, auf der die Verkehrsbetriebe den genauen Verlauf der Trasse
        und die Termine der Sperrungen vorstellen wollen.</p>
        <p>Schon in den Neunzigerjahren war eine Verlängerung der Linie im Gespräch, damals scheiterte sie am Geld und
        an einem Streit über die Führung der Gleise durch den alten Ortskern, den Anwohner vor Gericht austrugen.</p>
        <p>Die neue Trasse umgeht den Ortskern im Osten, auf einer früheren Güterbahn, deren Brücken allerdings erneuert
        werden müssen, was nach Angaben der Verkehrsbetriebe den größten Teil der Bauzeit ausmachen wird.</p>""";
    String html = "<html><body><div class=\"spalte\"><div class=\"beitrag-text\">" + STORY + more + "</div></div>"
        + "<div class=\"unten\">" + thread + "</ul></div></body></html>";
    // the scoring alone: this story is under the fallback's 2,000 characters
    String text = new MainContent().extract(org.jsoup.Jsoup.parse(html));
    assertThat(text).startsWith("Der Stadtrat von Leipzig").contains("Güterbahn").doesNotContain("schrieb:");
  }

  @Test
  void leadSetApartFromTheBodyIsKeptWhereThePageHasNoArticleElement() {
    String html = """
        <html><body><div id="inhalt"><h1>Linie 16 wird verlängert</h1>
        <p class="vorspann">Nach jahrelangem Streit ist die Entscheidung gefallen: Die Straßenbahn fährt bald bis ins neue Viertel.</p>
        <div class="gruppe"><div class="langtext">%s</div></div></div></body></html>""".formatted(STORY);
    String text = extractor.extract(html, "").text();
    assertThat(text).startsWith("Nach jahrelangem Streit").contains("Der Stadtrat von Leipzig").doesNotContain("wird verlängert");
  }

  @Test
  void emptyPageGivesEmptyText() {
    assertThat(extractor.extract("<html><body></body></html>", "").text()).isEmpty();
    assertThat(extractor.extract("", "").text()).isEmpty();
  }
}
