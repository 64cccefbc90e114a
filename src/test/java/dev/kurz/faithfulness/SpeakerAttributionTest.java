package dev.kurz.faithfulness;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kurz.analysis.QuoteLocator;
import dev.kurz.glossary.Glossary;
import dev.kurz.model.Analysis;
import dev.kurz.model.Claim;
import dev.kurz.model.Entity;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Who a quote's sentence, or the attribution it continues, has speaking, in articles of our own:
 * the speaker the article gives is accepted, another of the answer's people is not; a letter's
 * closing signature names its writer; an attribution away from the quote in its sentence does not
 * make the article's own statement reported speech.
 */
class SpeakerAttributionTest {
  private static final String TOWN_HALL = """
      Streit um den Radweg

      Im Rathaus wurde am Montag über den Radweg an der Uferstraße gestritten. „Wir brauchen einen vorsichtigen Umbau“, sagte Ortsvorsteher Paul Riedl. Man dürfe keine Parkplätze opfern. Bürgermeisterin Hanna Vogt hält den Plan dennoch für richtig.
      Innenminister Karl Bender (SPD) sagte, die Polizeiwache am Markt bleibe offen. Auch Landrätin Eva Sommer (SPD) war zu Gast.
      Die Kreise wollen sich künftig alle zwei Wochen treffen, um dann über weitere Schritte zu beraten, wie Bender betonte.
      Nach Angaben des Verbands der Fahrradhändler (VdF) stieg der Absatz in der Region um ein Drittel.
      """;

  private static final String LETTERS = """
      Leserbriefe

      Zu „Die Stadt wird leiser“:
      Die Innenstadt verliert ihre Läden, und niemand tut etwas dagegen. Das ärgert mich seit Jahren.
      Lena Hoffmann, Bamberg
      Zu „Neue Buslinie“:
      Die neue Linie fährt viel zu selten. Am Abend wartet man eine Stunde.
      Tobias Krug, Erlangen
      """;

  private static final List<String> PEOPLE = List.of("Paul Riedl", "Hanna Vogt", "Karl Bender", "Eva Sommer",
      "Lena Hoffmann", "Tobias Krug");

  private static List<Finding> speaker(String article, String text, String speaker, String type, String modality,
      String quote) {
    Claim c = new Claim(text, speaker, type, modality, quote, new QuoteLocator(article).locate(quote));
    List<Entity> entities = PEOPLE.stream().map(p -> new Entity(p, p, "person")).toList();
    Analysis a = new Analysis("de", "h", "s", List.of(), List.of(c), entities);
    return FaithfulnessCheck.check(a, article, Glossary.builtIn(), "de", "en", null).stream()
        .filter(f -> f.kind() == Finding.Kind.SPEAKER).toList();
  }

  private static List<Finding> person(String article, String text, String speaker, String quote) {
    return speaker(article, text, speaker, "named_person", "reported", quote);
  }

  @Test
  void konjunktivGoesOnWithTheSpeakerOfTheSentenceBefore() {
    String quote = "Man dürfe keine Parkplätze opfern.";
    assertThat(person(TOWN_HALL, "No parking spaces may be sacrificed.", "local mayor Paul Riedl", quote)).isEmpty();
    // The next sentence names Hanna Vogt, but the attribution before the quote is Riedl's.
    assertThat(person(TOWN_HALL, "No parking spaces may be sacrificed.", "Mayor Hanna Vogt", quote))
        .singleElement().extracting(Finding::detail).asString().contains("Paul Riedl");
  }

  @Test
  void aPartyTwoSpeakersShareMakesThemNoOnePerson() {
    String quote = "Innenminister Karl Bender (SPD) sagte, die Polizeiwache am Markt bleibe offen.";
    assertThat(person(TOWN_HALL, "The police station on the market square stays open.",
        "Interior Minister Karl Bender (SPD)", quote)).isEmpty();
    assertThat(person(TOWN_HALL, "The police station on the market square stays open.",
        "District Administrator Eva Sommer (SPD)", quote)).hasSize(1);
  }

  @Test
  void anAttributionAwayFromTheQuoteLeavesTheArticlesOwnStatement() {
    assertThat(speaker(TOWN_HALL, "The districts will meet every two weeks.", "the article", "article_voice", "stated",
        "Die Kreise wollen sich künftig alle zwei Wochen treffen")).isEmpty();
    assertThat(speaker(TOWN_HALL, "The police station on the market square stays open.", "the article", "article_voice",
        "stated", "die Polizeiwache am Markt bleibe offen")).hasSize(1);
  }

  @Test
  void anOrganizationMayBeNamedByItsAbbreviation() {
    assertThat(speaker(TOWN_HALL, "Sales in the region rose by a third.", "Association of Bicycle Retailers (VdF)",
        "named_organization", "reported", "Nach Angaben des Verbands der Fahrradhändler (VdF) stieg der Absatz in der Region um ein Drittel."))
        .isEmpty();
  }

  @Test
  void aLettersClosingSignatureNamesItsWriter() {
    String quote = "Die Innenstadt verliert ihre Läden, und niemand tut etwas dagegen.";
    assertThat(person(LETTERS, "The city centre is losing its shops.", "reader Lena Hoffmann, Bamberg", quote)).isEmpty();
    assertThat(person(LETTERS, "The city centre is losing its shops.", "Tobias Krug", quote)).hasSize(1);
    assertThat(person(LETTERS, "The new line runs far too rarely.", "Tobias Krug",
        "Die neue Linie fährt viel zu selten.")).isEmpty();
  }

  @Test
  void verbsOfArguingAndAppealingNameTheSpeakerToo() {
    String article = """
        Streit um den Radweg

        Bürgermeisterin Hanna Vogt hält den Plan für richtig. Für einen „vorsichtigen Umbau“ wirbt dagegen Ortsvorsteher Paul Riedl.
        Man dürfe keine Parkplätze opfern.
        """;
    String quote = "Man dürfe keine Parkplätze opfern.";
    assertThat(person(article, "No parking spaces may be sacrificed.", "local mayor Paul Riedl", quote)).isEmpty();
    assertThat(person(article, "No parking spaces may be sacrificed.", "Mayor Hanna Vogt", quote))
        .singleElement().extracting(Finding::detail).asString().contains("Paul Riedl");
  }
}
