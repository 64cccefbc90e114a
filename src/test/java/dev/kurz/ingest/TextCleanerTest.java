package dev.kurz.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TextCleanerTest {
  private final TextCleaner cleaner = new TextCleaner();

  private static final String PAGE = """
      Hochwasser an der Oder: Pegel steigt weiter

      Von: Martina Beispiel

      Stand: 14.09.2024 18:30 Uhr

      Artikel teilen
      Link kopieren

      In Frankfurt (Oder) ist der Pegel der Oder am Samstag auf 5,60 Meter gestiegen. Die Stadt rief die zweithöchste Alarmstufe aus.

      Sandsäcke werden am Ufer gestapelt. Helfer arbeiteten die ganze Nacht.IMAGO/Andreas Muster

      Feuerwehr rechnet mit Höchststand am Montag

      „Wir sind vorbereitet, aber die nächsten Tage werden hart“, sagte Einsatzleiter Jens Probst. Rund 400 Helfer seien im Einsatz.

      Anzeige

      Lesen Sie auch: Wie sich Anwohner gegen Hochwasser versichern können

      Newsletter
      Der Morgen an der Oder
      Melden Sie sich jetzt für unseren kostenlosen Newsletter an.
      Mit der Anmeldung stimmen Sie der Datenschutzerklärung zu.

      Ein Sprecher des Landesamts sagte, die Lage sei ernst, aber beherrschbar. (dpa)

      Wir verwenden Cookies, um Ihnen die bestmögliche Nutzung zu ermöglichen. Einstellungen

      Hochwasser in Brandenburg
      Mehr zum Thema
      Pegelstände: So hoch steht das Wasser in Ihrer Stadt
      Z+ (abopflichtiger Inhalt);
      Klimawandel: Warum Starkregen häufiger wird
      """;

  @Test
  void captionsWithAgencyCreditsAreRemoved() {
    TextCleaner.Cleaned cleaned = cleaner.clean(PAGE);
    assertThat(cleaned.text()).doesNotContain("Sandsäcke", "IMAGO");
    assertThat(cleaned.removed()).anyMatch(line -> line.endsWith("IMAGO/Andreas Muster"));
  }

  @Test
  void storySentencesSubheadingsAndQuotesSurvive() {
    TextCleaner.Cleaned cleaned = cleaner.clean(PAGE);
    assertThat(cleaned.text())
        .contains("In Frankfurt (Oder) ist der Pegel der Oder am Samstag auf 5,60 Meter gestiegen.")
        .contains("\n\nFeuerwehr rechnet mit Höchststand am Montag\n\n")
        .contains("„Wir sind vorbereitet, aber die nächsten Tage werden hart“, sagte Einsatzleiter Jens Probst.")
        .endsWith("Ein Sprecher des Landesamts sagte, die Lage sei ernst, aber beherrschbar.");
  }

  @Test
  void newsletterShareAdCookieAndTeaserFurnitureIsRemoved() {
    String text = cleaner.clean(PAGE).text();
    assertThat(text).doesNotContain("Artikel teilen", "Link kopieren", "Anzeige", "Lesen Sie auch", "Newsletter",
        "Der Morgen an der Oder", "Datenschutzerklärung", "Cookies", "Mehr zum Thema", "Pegelstände",
        "abopflichtig", "Starkregen", "Hochwasser in Brandenburg", "(dpa)");
  }

  @Test
  void headlineBecomesTitleAndDateLineBecomesPublished() {
    TextCleaner.Cleaned cleaned = cleaner.clean(PAGE);
    assertThat(cleaned.title()).isEqualTo("Hochwasser an der Oder: Pegel steigt weiter");
    assertThat(cleaned.published()).isEqualTo("2024-09-14");
    assertThat(cleaned.text()).doesNotContain("Martina Beispiel", "Stand:").startsWith("In Frankfurt (Oder)");
  }

  @Test
  void paragraphsAreSeparatedByOneBlankLine() {
    String text = cleaner.clean("Erster Absatz der Meldung.\nZweiter Absatz der Meldung.\n\n\n\nDritter Absatz.").text();
    assertThat(text).isEqualTo("Erster Absatz der Meldung.\n\nZweiter Absatz der Meldung.\n\nDritter Absatz.");
  }

  @Test
  void hardWrappedParagraphsAreJoined() {
    String text = cleaner.clean("""
        Die Landesregierung hat am Dienstag ein neues Gesetz zur
        Förderung von Wärmepumpen beschlossen. Es soll im Frühjahr
        in Kraft treten und gilt zunächst für drei Jahre.

        Die Opposition kritisierte den Entwurf als zu zögerlich.
        """).text();
    assertThat(text).isEqualTo("Die Landesregierung hat am Dienstag ein neues Gesetz zur Förderung von Wärmepumpen"
        + " beschlossen. Es soll im Frühjahr in Kraft treten und gilt zunächst für drei Jahre.\n\n"
        + "Die Opposition kritisierte den Entwurf als zu zögerlich.");
  }

  @Test
  void labelledAndCopyrightCreditsMarkCaptions() {
    TextCleaner.Cleaned cleaned = cleaner.clean("""
        date 2023-11 Die Bürgermeisterin bei der Eröffnung der Brücke. Foto: dpa/Paul Zinken

        Die neue Brücke über die Spree ist seit Montag für den Verkehr freigegeben.

        Autos stauen sich vor der Baustelle. (Symbolbild) © Foto: Max Mustermann/Funke

        Sie kostete 42 Millionen Euro.
        """);
    assertThat(cleaned.text()).isEqualTo(
        "Die neue Brücke über die Spree ist seit Montag für den Verkehr freigegeben.\n\nSie kostete 42 Millionen Euro.");
    assertThat(cleaned.published()).isEqualTo("2023-11");
    assertThat(cleaned.title()).isNull();
  }

  @Test
  void subheadingWithoutPunctuationIsNotMistakenForFurniture() {
    String page = """
        Der Stadtrat hat den Haushalt für 2025 verabschiedet.

        Kämmerer warnt vor neuen Schulden

        Die Stadt müsse in den kommenden Jahren sparen, sagte Kämmerer Tom Klein.

        „Wir dürfen nicht über unsere Verhältnisse leben“

        Der Rat stimmte mit 31 zu 12 Stimmen zu.
        """;
    TextCleaner.Cleaned cleaned = cleaner.clean(page);
    assertThat(cleaned.removed()).isEmpty();
    assertThat(cleaned.text()).contains("Kämmerer warnt vor neuen Schulden", "„Wir dürfen nicht über unsere Verhältnisse leben“");
  }

  @Test
  void agencyNamedInStoryIsNotACredit() {
    String page = """
        Das berichtete die Nachrichtenagentur Reuters am Freitag.

        Reuters: Regierung plant Steuerreform

        Nach Angaben von AFP und dpa sollen die Pläne im Herbst vorgestellt werden.
        """;
    assertThat(cleaner.clean(page).removed()).isEmpty();
  }

  @Test
  void longParagraphEndingInCreditKeepsItsSentences() {
    String sentence = "Die Verhandlungen über den Haushalt dauerten bis tief in die Nacht, und am Ende einigten sich die"
        + " Fraktionen auf einen Kompromiss, der Kürzungen bei Investitionen und zugleich höhere Ausgaben für Bildung,"
        + " Gesundheit und die Sanierung von Schulen vorsieht, wie mehrere Abgeordnete übereinstimmend berichteten."
        + " Der Finanzminister sprach von einem guten Tag, die Opposition von einem faulen Kompromiss, der die Probleme"
        + " nur in die Zukunft verschiebe und die Schuldenbremse umgehe, während Verbände weitere Nachbesserungen"
        + " forderten und Proteste vor dem Landtag ankündigten, falls die Pläne unverändert beschlossen würden.";
    TextCleaner.Cleaned cleaned = cleaner.clean(sentence + "REUTERS/Lisi Niesner");
    assertThat(cleaned.text()).isEqualTo(sentence);
    assertThat(cleaned.removed()).containsExactly("REUTERS/Lisi Niesner");
  }

  @Test
  void germanDateFormsBecomeIso() {
    assertThat(cleaner.clean("Veröffentlicht am 3. Dezember 2025\n\nEin Satz.").published()).isEqualTo("2025-12-03");
    assertThat(cleaner.clean("Aktualisiert: 05.01.2024, 09:12 Uhr\n\nEin Satz.").published()).isEqualTo("2024-01-05");
    assertThat(cleaner.clean("Ein Satz ohne Datum.").published()).isNull();
  }

  @Test
  void aRemovedBylineGivesTheAuthor() {
    TextCleaner.Cleaned cleaned = cleaner.clean(PAGE);
    assertThat(cleaned.author()).isEqualTo("Martina Beispiel");
  }

  @Test
  void theOutletsBracketedPromotionsAreFurnitureWhereverTheyStand() {
    String text = """
        Fähre fällt aus

        Die Fähre nach Amrum fährt seit Montag nicht mehr. [Wenn Sie alle Meldungen zum Wetter live auf Ihr Handy bekommen wollen, empfehlen wir Ihnen unsere App, die Sie hier herunterladen können.] Die Reederei nannte Sturm als Grund.

        [Alle Entwicklungen zum Sturm finden Sie in unserem Newsblog.]

        Der Bürgermeister sprach von einer [sehr] schwierigen Lage.
        """;
    TextCleaner.Cleaned cleaned = cleaner.clean(text);
    assertThat(cleaned.text()).isEqualTo("Die Fähre nach Amrum fährt seit Montag nicht mehr. Die Reederei nannte Sturm als"
        + " Grund.\n\nDer Bürgermeister sprach von einer [sehr] schwierigen Lage.");
    assertThat(cleaned.removed()).anyMatch(r -> r.contains("unsere App")).anyMatch(r -> r.contains("Newsblog"));
  }
}
