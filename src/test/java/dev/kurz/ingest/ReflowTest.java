package dev.kurz.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class ReflowTest {
  /** An archive wrapped at about 60 characters, paragraphs starting on a short line, one subheading. */
  private static final String WRAPPED = """
      Stadtrat beschließt neue Busspuren

      Die
      Verkehrsdezernentin Petra Lindner hat die umstrittenen Pläne
      für drei neue Busspuren am Mittwoch im Stadtrat verteidigt.
      Die Spuren sollen ab dem Sommer in der Innenstadt entstehen,
      bis zum Herbst auch die Ampeln.
      Kritik kommt vom
      Einzelhandel, der um Parkplätze fürchtet. Der Verband
      spricht von einem "schweren Schlag" für die Geschäfte in der
      Altstadt, die ohnehin unter sinkenden Umsätzen litten.
      Was die Busspuren kosten
      Die Stadt rechnet mit Kosten von rund 4,2 Millionen Euro. Ein
      Teil davon soll aus Fördermitteln des Landes kommen, die
      bereits beantragt seien, sagte Lindner.
      """;

  @Test
  void hardWrappedLinesBecomeParagraphsAndTheSubheadingStays() {
    assertThat(Reflow.paragraphs(WRAPPED)).containsExactly(
        "Stadtrat beschließt neue Busspuren",
        "Die Verkehrsdezernentin Petra Lindner hat die umstrittenen Pläne für drei neue Busspuren am Mittwoch im"
            + " Stadtrat verteidigt. Die Spuren sollen ab dem Sommer in der Innenstadt entstehen, bis zum Herbst"
            + " auch die Ampeln.",
        "Kritik kommt vom Einzelhandel, der um Parkplätze fürchtet. Der Verband spricht von einem \"schweren"
            + " Schlag\" für die Geschäfte in der Altstadt, die ohnehin unter sinkenden Umsätzen litten.",
        "Was die Busspuren kosten",
        "Die Stadt rechnet mit Kosten von rund 4,2 Millionen Euro. Ein Teil davon soll aus Fördermitteln des"
            + " Landes kommen, die bereits beantragt seien, sagte Lindner.");
  }

  @Test
  void blankLinesBetweenEveryWrappedLineDoNotMakeParagraphs() {
    String doubled = WRAPPED.replace("\n", "\n\n");
    assertThat(Reflow.paragraphs(doubled)).isEqualTo(Reflow.paragraphs(WRAPPED));
  }

  /** Wrapped by a program at 60 columns, no blank lines; two sub-headings, one of them long. */
  private static final String FIXED_WIDTH = """
      Wasserwerk kündigt höhere Gebühren an
      Die Stadtwerke wollen die Wassergebühren im kommenden Jahr
      um acht Prozent anheben. Das kündigte der Vorstand am
      Dienstag im Umweltausschuss an, nachdem die Kosten für
      Energie und Chemikalien deutlich gestiegen waren.
      Warum die Stadtwerke jetzt mehr Geld verlangen müssen
      Neue Pumpen und Leitungen kosten nach Angaben des
      Unternehmens bis 2030 rund 60 Millionen Euro. Ein großer
      Teil der Rohre im Norden der Stadt stammt noch aus den
      fünfziger Jahren und muss bald ersetzt werden, heißt es.
      Die Opposition im Rat hält die Erhöhung für überzogen und
      verlangt eine Prüfung durch das Rechnungsprüfungsamt.
      Der Mieterverein kritisierte die Pläne scharf, weil die
      Erhöhung vor allem kinderreiche Familien treffe, die ohnehin
      unter steigenden Mieten litten und kaum sparen könnten.
      Was Haushalte mit vier Personen künftig bezahlen
      Eine vierköpfige Familie zahlt nach der Rechnung der
      Stadtwerke künftig rund 40 Euro mehr im Jahr.
      """;

  @Test
  void aLongSubheadingInFixedWidthTextDoesNotJoinTheNextParagraph() {
    assertThat(Reflow.paragraphs(FIXED_WIDTH)).containsExactly(
        "Wasserwerk kündigt höhere Gebühren an",
        "Die Stadtwerke wollen die Wassergebühren im kommenden Jahr um acht Prozent anheben. Das kündigte der"
            + " Vorstand am Dienstag im Umweltausschuss an, nachdem die Kosten für Energie und Chemikalien deutlich"
            + " gestiegen waren.",
        "Warum die Stadtwerke jetzt mehr Geld verlangen müssen",
        "Neue Pumpen und Leitungen kosten nach Angaben des Unternehmens bis 2030 rund 60 Millionen Euro. Ein"
            + " großer Teil der Rohre im Norden der Stadt stammt noch aus den fünfziger Jahren und muss bald"
            + " ersetzt werden, heißt es.",
        "Die Opposition im Rat hält die Erhöhung für überzogen und verlangt eine Prüfung durch das"
            + " Rechnungsprüfungsamt.",
        "Der Mieterverein kritisierte die Pläne scharf, weil die Erhöhung vor allem kinderreiche Familien treffe,"
            + " die ohnehin unter steigenden Mieten litten und kaum sparen könnten.",
        "Was Haushalte mit vier Personen künftig bezahlen",
        "Eine vierköpfige Familie zahlt nach der Rechnung der Stadtwerke künftig rund 40 Euro mehr im Jahr.");
  }

  @Test
  void aWordBrokenAtTheLineEndIsMended() {
    String text = """
        Der Bürgermeister kündigte an, die Verkehrs-
        führung in der Altstadt bis zum Herbst zu ändern. Die Corona-
        Regeln gelten weiter.
        """;
    assertThat(Reflow.paragraphs(text)).containsExactly(
        "Der Bürgermeister kündigte an, die Verkehrsführung in der Altstadt bis zum Herbst zu ändern. Die"
            + " Corona-Regeln gelten weiter.");
  }

  @Test
  void aWrappedCaptionsCreditStaysWithItsSentenceAtAFixedWidth() {
    // the caption's second line looks like furniture on its own; at a fixed width it is the rest
    String text = FIXED_WIDTH.replace("Was Haushalte", """
        Der Vorstand der Stadtwerke stellte die Pläne am Dienstag im
        Rathaus vor. Foto: Max Muster
        Was Haushalte""");
    assertThat(Reflow.paragraphs(text))
        .contains("Der Vorstand der Stadtwerke stellte die Pläne am Dienstag im Rathaus vor. Foto: Max Muster")
        .contains("Was Haushalte mit vier Personen künftig bezahlen");
  }

  @Test
  void aHyphenBeforeUndAndADashAtTheLineEndAreKept() {
    String text = """
        Die Zahl der Infektions-
        und Todesfälle steigt wieder, die Lage bleibt angespannt -
        zumindest in den Kliniken der Stadt.
        """;
    assertThat(Reflow.paragraphs(text)).containsExactly(
        "Die Zahl der Infektions- und Todesfälle steigt wieder, die Lage bleibt angespannt - zumindest in den"
            + " Kliniken der Stadt.");
  }

  @Test
  void textWithOneParagraphALineStaysAsItIs() {
    String text = """
        Hafen rechnet mit weniger Umschlag

        Der Hamburger Hafen hat im ersten Quartal deutlich weniger Container umgeschlagen als im Vorjahr. Die Hafengesellschaft nannte am Dienstag ein Minus von elf Prozent.

        Reedereien meiden Nordsee
        Mehrere Reedereien haben ihre Routen geändert und laufen Rotterdam an, teilte die Gesellschaft mit.
        Der Senat prüft nun Hilfen, die bereits im Sommer greifen könnten.
        Was der Senat plant, hat er noch nicht gesagt
        """;
    assertThat(Reflow.paragraphs(text)).containsExactly(
        "Hafen rechnet mit weniger Umschlag",
        "Der Hamburger Hafen hat im ersten Quartal deutlich weniger Container umgeschlagen als im Vorjahr. Die"
            + " Hafengesellschaft nannte am Dienstag ein Minus von elf Prozent.",
        "Reedereien meiden Nordsee",
        "Mehrere Reedereien haben ihre Routen geändert und laufen Rotterdam an, teilte die Gesellschaft mit.",
        "Der Senat prüft nun Hilfen, die bereits im Sommer greifen könnten.",
        "Was der Senat plant, hat er noch nicht gesagt");
  }

  @Test
  void listItemsAndFurnitureAreNeverJoined() {
    String text = """
        Die Stadt nennt drei Gründe,
        - die hohen Kosten,
        - die lange Bauzeit und
        - den Widerstand der Anwohner.
        Foto: Max Muster
        Mehr dazu am Freitag.
        """;
    List<String> paragraphs = Reflow.paragraphs(text);
    assertThat(paragraphs).contains("- die hohen Kosten,", "- die lange Bauzeit und", "Foto: Max Muster");
  }
}
