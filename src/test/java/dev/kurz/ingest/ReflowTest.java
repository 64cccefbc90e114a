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
