package dev.kurz.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;

/** The scoring rules of {@link MainContent} on pages without article markup (shops, company and club pages). */
class MainContentTest {
  private static final String DESCRIPTION = """
      <div class="beschreibung">
      <p>Unsere Hausmischung wird in der Rösterei am Marktplatz in kleinen Chargen geröstet, langsam und schonend,
      damit die Bohnen ihr volles Aroma entfalten, ohne bitter zu werden, wie es bei Industrieröstungen oft der Fall ist.</p>
      <p>Die Mischung besteht aus Arabica aus Brasilien, Äthiopien und Guatemala, ergänzt durch einen kleinen Anteil
      Robusta, der für die Crema sorgt, und eignet sich für Siebträger, Vollautomaten und die French Press.</p>
      <p>Wir rösten jeden Dienstag und Freitag, verschicken nur frische Ware, die höchstens eine Woche alt ist, und
      legen jeder Bestellung eine Karte bei, auf der Röstdatum, Herkunft und Mahlgrad vermerkt sind.</p>
      <p>Wer die Bohnen lieber selbst abholt, findet uns am Marktplatz, gleich neben der Apotheke, geöffnet von
      Montag bis Samstag, jeweils ab acht Uhr, und kann dort vor dem Kauf jede Sorte probieren.</p>
      </div>
      """;

  private static String shopPage(String priceItems) {
    return """
        <html><head><title>Hausmischung</title></head><body>
        <div id="kopf"><a href="/">Rösterei am Markt</a></div>
        <div id="inhalt">%s</div>
        <div id="spalte"><div class="box"><h3>Preise</h3>%s</div></div>
        </body></html>
        """.formatted(DESCRIPTION, priceItems);
  }

  @Test
  void decimalCommasOfAPriceListDoNotOutscoreProse() {
    StringBuilder prices = new StringBuilder();
    String[] sorts = {"Hausmischung", "Espresso Forte", "Café Crème", "Entkoffeiniert", "Brasil Santos", "Äthiopien Sidamo",
        "Guatemala Antigua", "Kolumbien Huila", "Indien Monsooned", "Peru Bio", "Sumatra Mandheling", "Kenia AA"};
    for (String sort : sorts) prices.append("<p>").append(sort).append(", 1 kg Bohnen: 24,90 Euro, 500 g: 13,50 Euro</p>");
    String text = new MainContent().extract(Jsoup.parse(shopPage(prices.toString())));
    assertThat(text).contains("Unsere Hausmischung wird in der Rösterei", "kann dort vor dem Kauf jede Sorte probieren")
        .doesNotContain("13,50 Euro");
  }

  @Test
  void aListOfNamesSetLineByLineDoesNotOutscoreTheLetterItSigns() {
    StringBuilder names = new StringBuilder();
    String[] people = {"Anna Beispiel, Lehrerin, Kassel", "Bernd Muster, Ingenieur, Göttingen", "Clara Probe, Schülerin, Hofgeismar",
        "Dieter Platz, Rentner, Kassel", "Eva Halter, Musikerin, Baunatal", "Frank Weg, Tischler, Vellmar",
        "Gisela Grund, Pfarrerin, Kassel", "Hans Ufer, Ortsvorsteher, Wilhelmshöhe", "Inge Feld, Bibliothekarin, Kassel",
        "Jörg Stein, Trainer, Kassel-Land", "Karin Au, Landwirtin, Wolfhagen", "Lutz Berg, Feuerwehrmann, Calden",
        "Maria Tal, Erzieherin, Kassel", "Norbert Hain, Schütze, Fuldatal", "Olga Bach, Seniorin, Kassel"};
    for (int round = 0; round < 3; round++) for (String person : people) names.append(person).append("<br>\n");
    String page = """
        <html><head><title>Offener Brief</title></head><body>
        <div id="seite"><div class="spalte">
        <h1>Offener Brief zur Schließung der Stadtteilbibliothek</h1>
        <p>Mit großer Sorge haben wir erfahren, dass die Stadtteilbibliothek im Vorderen Westen zum Jahresende schließen soll,
        obwohl sie jede Woche von Hunderten Kindern, Schülerinnen und älteren Menschen besucht wird.</p>
        <p>Die Bibliothek ist für viele Familien der einzige Ort, an dem sie kostenlos lesen, lernen und sich treffen können,
        und sie ist für die Schulen im Viertel, die keine eigene Bücherei haben, unverzichtbar.</p>
        <p>Wir bitten den Magistrat deshalb, die Entscheidung zu überdenken, die Bürgerinnen und Bürger anzuhören und
        gemeinsam mit den Vereinen nach einer Lösung zu suchen, die den Betrieb wenigstens an drei Tagen sichert.</p>
        <table><tr><td>%s</td></tr></table>
        </div></div></body></html>
        """.formatted(names);
    String text = new MainContent().extract(Jsoup.parse(page));
    assertThat(text).contains("Mit großer Sorge haben wir erfahren", "die den Betrieb wenigstens an drei Tagen sichert");
  }

  @Test
  void aBlockNamedLikeBoilerplateThatHoldsMostOfThePagesProseIsKept() {
    // an opinion piece: German sites name the genre "kommentar", which also names reader comments
    StringBuilder teasers = new StringBuilder();
    String[] heads = {"Neue Ampel am Königsplatz sorgt für Staus im Berufsverkehr", "Documenta sucht eine neue Leitung",
        "Stadtwerke erhöhen die Preise für Fernwärme", "Kirmes in Wolfhagen lockt Tausende Besucher",
        "Hessentag: Die Stadt rechnet mit einem Defizit", "Neuer Radweg entlang der Fulda eröffnet"};
    for (int round = 0; round < 3; round++) for (String head : heads) {
      teasers.append("<div class=\"karte\"><h3><a href=\"/t\">").append(head)
          .append(": Der Stand der Planung und die Reaktionen im Viertel</a></h3>")
          .append("<p>Alles zum Stand der Planung und zu den Reaktionen der Anwohner im Viertel.</p></div>");
    }
    String page = """
        <html><head><title>Kommentar</title></head><body>
        <div id="seite"><div class="kommentar-beitrag">
        <h1>Die Stadt verspielt ihr Vertrauen</h1>
        <p>Wer im Rathaus geglaubt hat, die Schließung der Stadtteilbibliothek lasse sich still zum Jahresende erledigen,
        hat die Bürgerinnen und Bürger im Vorderen Westen unterschätzt, und das zu Recht.</p>
        <p>Denn die Bibliothek ist mehr als ein Raum voller Bücher: Sie ist Lernort für Schulen ohne eigene Bücherei,
        Treffpunkt für ältere Menschen und für viele Familien der einzige Ort, an dem Lesen nichts kostet.</p>
        <p>Dass der Magistrat nun eine Anhörung zusagt, ist ein Anfang, mehr nicht: Überzeugen wird er erst, wenn er die
        Zahlen offenlegt, auf die sich die Entscheidung stützt, und die Vereine ernsthaft beteiligt.</p>
        </div>
        <div class="weitere">%s</div></div></body></html>
        """.formatted(teasers);
    String text = new MainContent().extract(Jsoup.parse(page));
    assertThat(text).contains("Wer im Rathaus geglaubt hat", "und die Vereine ernsthaft beteiligt");
  }
}
