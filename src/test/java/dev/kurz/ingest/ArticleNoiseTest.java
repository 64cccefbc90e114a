package dev.kurz.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ArticleNoiseTest {
  private final HtmlExtractor extractor = new HtmlExtractor();

  private static final String STORY = """
      <p>Die Stadtwerke Kassel erhöhen zum 1. März die Preise für Fernwärme um durchschnittlich zwölf Prozent,
      wie das Unternehmen am Montag mitteilte. Betroffen sind rund 40.000 Haushalte im Stadtgebiet.</p>
      <p>Als Grund nannte Geschäftsführerin Anna Berger die gestiegenen Kosten für Erdgas und den Ausbau des
      Netzes in den nördlichen Stadtteilen, der bis 2030 abgeschlossen sein soll.</p>
      <p>„Wir geben nur weiter, was wir selbst mehr bezahlen“, sagte Berger. Der Mieterbund kritisierte die
      Erhöhung als zu hoch und forderte einen Härtefallfonds für Haushalte mit geringem Einkommen.</p>
      <p>Die Stadtverordnetenversammlung will sich in ihrer nächsten Sitzung mit den neuen Preisen befassen,
      die Opposition hat bereits eine Anhörung der Geschäftsführung beantragt.</p>
      """;

  private static String page(String article) {
    return """
        <!doctype html><html lang="de"><head><title>Fernwärme wird teurer</title></head><body>
        <nav><a href="/">Start</a> <a href="/kassel">Kassel</a></nav>
        <main><article><h1>Fernwärme wird teurer</h1><div class="text">%s</div></article></main>
        <footer>Impressum · Datenschutz</footer></body></html>
        """.formatted(article);
  }

  @Test
  void notesToTheReaderAtTheEndOfTheArticleAreDropped() {
    String text = extractor.extract(page(STORY + """
        <p>Sie wollen keine Nachricht aus Kassel verpassen? Dann abonnieren Sie unseren kostenlosen Newsletter.</p>
        <p>Folgen Sie uns auch auf Instagram und Facebook.</p>
        <p>© Kasseler Beispielblatt 2026. Alle Rechte vorbehalten.</p>
        """), "https://example.de/kassel/fernwaerme").text();
    assertThat(text).contains("Die Stadtwerke Kassel erhöhen", "eine Anhörung der Geschäftsführung beantragt.")
        .doesNotContain("Newsletter", "Folgen Sie uns", "Alle Rechte vorbehalten");
  }

  @Test
  void aPaywallNoteAndACreditInTheMiddleOfTheArticleAreDropped() {
    String story = STORY.replace("</p>\n      <p>Als Grund", """
        </p><p>Foto: Stefan Krüger/dpa</p>
        <p>Lesen Sie den ganzen Artikel mit unserem Abo: jetzt registrieren Sie sich und lesen vier Wochen gratis.</p>
        <p>Als Grund""");
    String text = extractor.extract(page(story), "https://example.de/kassel/fernwaerme").text();
    assertThat(text).contains("rund 40.000 Haushalte", "Als Grund nannte Geschäftsführerin Anna Berger")
        .doesNotContain("Foto:", "Abo");
  }

  @Test
  void teaserForAnotherArticleAndAPictureSourceInsideTheArticleAreDropped() {
    String story = STORY.replace("</p>\n      <p>Als Grund", """
        </p><p><strong>Auch interessant:</strong> Wie Kassel bis 2040 klimaneutral heizen will</p>
        <p>(Quelle: Stadtwerke Kassel / Grafik: Lena Maier)</p>
        <p>Als Grund""");
    String text = extractor.extract(page(story), "https://example.de/kassel/fernwaerme").text();
    assertThat(text).contains("rund 40.000 Haushalte", "Als Grund nannte Geschäftsführerin Anna Berger")
        .doesNotContain("Auch interessant", "klimaneutral heizen", "Quelle:");
  }

  @Test
  void storyAboutSubscriptionsAndQuotedSpeechStaysWhole() {
    String story = """
        <p>Der Streamingdienst hat im vergangenen Quartal rund zwei Millionen neue Abonnenten gewonnen, teilte
        das Unternehmen in Los Gatos mit. Die Zahl der Kündigungen sei zugleich leicht gestiegen.</p>
        <p>„Folgen Sie uns nicht blind, sondern vergleichen Sie die Angebote“, riet die Verbraucherzentrale
        Hessen und empfahl, ein Abo vor dem Abschluss einen Monat lang zu testen.</p>
        <p>Wer ein Abonnement kündigen will, kann das seit Juli über einen Knopf auf der Startseite tun, wie es
        das Gesetz für faire Verbraucherverträge verlangt. Die Anbieter hatten sich lange dagegen gewehrt.</p>
        <p>Analysten erwarten, dass die Preise für werbefreie Tarife im kommenden Jahr weiter steigen.</p>
        """;
    String text = extractor.extract(page(story), "https://example.de/wirtschaft/streaming").text();
    assertThat(text).contains("„Folgen Sie uns nicht blind", "Wer ein Abonnement kündigen will",
        "zwei Millionen neue Abonnenten", "Analysten erwarten");
  }

  @Test
  void anArticleThatIsMostlyANoteIsKept() {
    String text = extractor.extract(page("""
        <p>Unser Newsletter erscheint ab sofort jeden Morgen um sechs Uhr. Abonnieren Sie ihn hier kostenlos.</p>
        <p>Folgen Sie uns auf Instagram.</p>
        """), "https://example.de/in-eigener-sache").text();
    assertThat(text).contains("Unser Newsletter erscheint ab sofort");
  }

  @Test
  void notesAreRecognizedInTheLanguagesOfTheBenchmarks() {
    assertThat(ArticleNoise.isNote("Subscribe now to our print edition for the full story.")).isTrue();
    assertThat(ArticleNoise.isNote("Síguenos en Telegram, Instagram, Facebook y Twitter.")).isTrue();
    assertThat(ArticleNoise.isNote("Abonnez-vous à notre lettre d'information.")).isTrue();
    assertThat(ArticleNoise.isNote("Copyright 2026 Beispiel Media. All rights reserved.")).isTrue();
    assertThat(ArticleNoise.isNote("Unterstützen Sie unabhängigen Journalismus mit einer Spende.")).isTrue();
    assertThat(ArticleNoise.isNote("Lea también: El Congreso aprueba la reforma")).isTrue();
    assertThat(ArticleNoise.isNote("Quelle: Eine Umfrage des Instituts ergab, dass zwei Drittel der Befragten zustimmen.")).isFalse();
    assertThat(ArticleNoise.isNote("Die Partei teilte auf Twitter mit, der Vorstand trete geschlossen zurück.")).isFalse();
    assertThat(ArticleNoise.isNote("Wer sich für den Dienst anmeldet, zahlt im ersten Monat nichts.")).isFalse();
  }
}
