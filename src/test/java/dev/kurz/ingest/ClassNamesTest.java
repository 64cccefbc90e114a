package dev.kurz.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ClassNamesTest {
  private final HtmlExtractor extractor = new HtmlExtractor();

  @Test
  void namesAreReadAsTokensSplitAtSeparatorsAndCamelCase() {
    assertThat(ClassNames.tokens("relatedArticles social-share__bar"))
        .contains("related", "articles", "social", "share", "bar", "socialshare");
    assertThat(ClassNames.tokens("mehr-zum-thema")).contains("mehrzumthema");
  }

  @Test
  void boilerplateWordsInSeveralLanguagesAndTheirCompounds() {
    assertThat(ClassNames.boilerplate("relatedArticles")).isTrue();
    assertThat(ClassNames.boilerplate("artikel__kommentare")).isTrue();
    assertThat(ClassNames.boilerplate("leserkommentare")).isTrue();
    assertThat(ClassNames.boilerplate("teilen-leiste")).isTrue();
    assertThat(ClassNames.boilerplate("box anzeige-mitte")).isTrue();
    assertThat(ClassNames.boilerplate("mehr-zum-thema")).isTrue();
    assertThat(ClassNames.boilerplate("weiterlesen")).isTrue();
    assertThat(ClassNames.boilerplate("sharebar")).isTrue();
    assertThat(ClassNames.boilerplate("alerts-banners")).isTrue();
  }

  @Test
  void contentNamesAndWordsThatOnlyContainABoilerplateWordAreNot() {
    assertThat(ClassNames.boilerplate("artikel-text")).isFalse();
    assertThat(ClassNames.boilerplate("readability-styled")).isFalse(); // "ad" inside a word
    assertThat(ClassNames.boilerplate("adresse")).isFalse();
    assertThat(ClassNames.boilerplate("navarra-wahl")).isFalse();
    // a page builder's generic block: "widget" alone names every block of such pages
    assertThat(ClassNames.boilerplate("elementor-widget elementor-widget-text-editor")).isFalse();
    // an id holding an address is data, not a name
    assertThat(ClassNames.boilerplate("slides https://example.de/bilder/slideshow/123.html")).isFalse();
    assertThat(ClassNames.boilerplate("  ")).isFalse();
    // "hidden" hides only as the whole class: Drupal's body field hides its label, Bootstrap's hidden-xs shows on large screens
    assertThat(ClassNames.boilerplate("field field-name-body field-label-hidden")).isFalse();
    assertThat(ClassNames.boilerplate("hidden-xs")).isFalse();
    assertThat(ClassNames.boilerplate("box hidden")).isTrue();
    assertThat(ClassNames.boilerplate("is-hidden")).isTrue();
  }

  /** A German page whose boilerplate is named in German and in camel case, which a delimiter-bound list missed. */
  @Test
  void germanNamedCommentsShareBarAndRelatedLinksStayOutOfTheArticle() {
    String html = """
        <!doctype html><html lang="de"><head><title>Neue Radwege in Freiburg</title></head><body>
        <div class="seite">
          <div class="artikelInhalt">
            <h1>Freiburg baut zwölf Kilometer neue Radwege</h1>
            <p>Die Stadt Freiburg will bis zum Herbst 2027 zwölf Kilometer neue Radwege bauen, wie
            Baubürgermeister Jens Hoffmann am Dienstag im Gemeinderat ankündigte. Die Kosten liegen bei
            rund 18 Millionen Euro, zwei Drittel davon trägt das Land.</p>
            <p>Vorrang haben die Verbindungen zwischen den Stadtteilen im Westen und der Innenstadt, wo
            sich Radfahrer, Busse und Autos bislang eine Fahrbahn teilen müssen. Auf der Basler Straße
            sollen dafür zwei Parkstreifen wegfallen.</p>
            <p>Der Einzelhandelsverband kritisierte den Wegfall der Parkplätze, der Fahrradclub begrüßte
            die Pläne, forderte aber, auch die Kreuzungen sicherer zu gestalten, an denen sich die meisten
            Unfälle ereignen.</p>
            <div class="teilenLeiste"><p>Teilen auf Facebook, per E-Mail, auf WhatsApp, auf X, auf Threads, auf
            LinkedIn, auf Xing, auf Telegram, drucken, speichern, merken, verschicken, weiterempfehlen</p></div>
          </div>
          <div class="verwandteArtikel">
            <p>Mehr aus Freiburg: Der Stadtrat streitet über die Parkgebühren, die Innenstadt, die Busse, die
            Bahnen, die Taxis, die Lieferdienste und die Anwohner, die seit Jahren warten, klagen, hoffen.</p>
          </div>
          <div class="leserKommentare">
            <p>Endlich, sagt einer, endlich, der Radweg war lange fällig, nur, warum erst 2027, warum nicht jetzt,
            warum nicht gleich, warum so langsam, warum so teuer, warum immer Freiburg, warum, warum, warum.</p>
            <p>Ich fahre jeden Tag, bei Regen, bei Schnee, bei Sturm, und ich sage, es reicht nicht, es reicht
            bei weitem nicht, nicht im Westen, nicht im Osten, nicht in der Mitte, nirgends, nie, kein Stück.</p>
          </div>
        </div></body></html>
        """;
    String text = extractor.extract(html, "https://example.de/freiburg/radwege").text();
    assertThat(text).contains("zwölf Kilometer neue Radwege bauen", "die Kreuzungen sicherer zu gestalten")
        .doesNotContain("Teilen auf Facebook", "Mehr aus Freiburg", "Endlich, sagt einer", "Ich fahre jeden Tag");
  }

  /**
   * A German page with a Drupal-style body field ("field-label-hidden": the label is hidden, not
   * the text), a dateline span inside the first sentence and a list whose items carry links within
   * their own words: all of it is the article; a list item that is nothing but a link is not.
   */
  @Test
  void aHiddenLabelADatelineInASentenceAndListItemsWithLinksStayInTheArticle() {
    String html = """
        <!doctype html><html lang="de"><head><title>Hochwasser an der Mosel</title></head><body>
        <div class="node-content"><div class="field field-name-body field-label-hidden"><div class="field-items">
          <p><span class="dateline">TRIER</span> – Nach tagelangem Regen ist die Mosel bei Trier auf 8,40 Meter
          gestiegen, wie das Landesamt für Umwelt am Mittwoch mitteilte. Die Uferstraßen sind gesperrt.</p>
          <p>Die Stadt rät Anwohnern in den tief gelegenen Vierteln, Keller zu räumen und Fahrzeuge auf höher
          gelegene Parkplätze zu stellen. Der Scheitel wird für Donnerstagabend erwartet.</p>
          <p>Was die Behörden den Anwohnern raten:</p>
          <ul>
            <li>Strom im Keller abschalten, bevor das Wasser steigt</li>
            <li>die <a href="/pegel">aktuellen Pegelstände der Mosel</a> regelmäßig prüfen</li>
            <li>bei Gefahr die <a href="/notruf">Notrufnummer 112</a> wählen</li>
            <li><a href="/hochwasser-2021">Das Hochwasser von 2021 im Rückblick</a></li>
          </ul>
          <p>Die Feuerwehr hat nach eigenen Angaben bislang rund 60 Einsätze gezählt, verletzt wurde niemand.
          Die Schifffahrt auf der Mosel ist seit Dienstag eingestellt.</p>
        </div></div></div></body></html>
        """;
    String text = extractor.extract(html, "https://example.de/trier/hochwasser").text();
    assertThat(text).contains("TRIER – Nach tagelangem Regen", "Strom im Keller abschalten",
        "die aktuellen Pegelstände der Mosel regelmäßig prüfen", "bei Gefahr die Notrufnummer 112 wählen",
        "rund 60 Einsätze gezählt").doesNotContain("Das Hochwasser von 2021 im Rückblick");
  }
}
