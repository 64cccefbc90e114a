package dev.kurz.faithfulness;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** {@link Sentences} on texts of our own: punctuation, paragraphs, and lines wrapped inside a sentence. */
class SentencesTest {
  private static List<String> split(String text) {
    return Sentences.split(text).stream().map(s -> s.of(text)).toList();
  }

  @Test
  void aLineWrappedInsideASentenceDoesNotEndIt() {
    String text = """
        Die Bürgermeisterin rechnet nicht mit einem schnellen
        Ende der Sperrung. Erst im Herbst, so die Stadt, werde die
        Brücke wieder befahrbar sein.
        Der Gemeinderat tagt am Montag.""";
    assertThat(split(text)).containsExactly(
        "Die Bürgermeisterin rechnet nicht mit einem schnellen\nEnde der Sperrung.",
        "Erst im Herbst, so die Stadt, werde die\nBrücke wieder befahrbar sein.",
        "Der Gemeinderat tagt am Montag.");
    // The wrapped lines are one paragraph; the line ending a sentence ends its paragraph.
    assertThat(Sentences.split(text).stream().map(Sentences.Span::paragraph)).containsExactly(0, 0, 1);
  }

  @Test
  void aYearEndsASentenceButAnOrdinalDoesNot() {
    assertThat(split("Die Quote sank seit dem Jahr 2009. Selbst große Firmen bilden weniger aus. Am 2. November tagt der Rat."))
        .containsExactly("Die Quote sank seit dem Jahr 2009.", "Selbst große Firmen bilden weniger aus.", "Am 2. November tagt der Rat.");
    assertThat(split("Die Ursache war eine andere als Covid-19. Laut Amt sind 30 Menschen in Quarantäne."))
        .containsExactly("Die Ursache war eine andere als Covid-19.", "Laut Amt sind 30 Menschen in Quarantäne.");
  }

  @Test
  void aHeadlineAndBlankLinesStillEndSentences() {
    String text = "Neue Brücke für Kornbach\n\nDie Stadt baut. Sie zahlt 3,5 Millionen Euro.\n\"Das lohnt sich\", sagte sie:\nDer Bau beginnt im Mai.";
    assertThat(split(text)).containsExactly("Neue Brücke für Kornbach", "Die Stadt baut.", "Sie zahlt 3,5 Millionen Euro.",
        "\"Das lohnt sich\", sagte sie:", "Der Bau beginnt im Mai.");
  }
}
