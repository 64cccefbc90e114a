package dev.kurz.faithfulness;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kurz.analysis.QuoteLocator;
import dev.kurz.glossary.Glossary;
import dev.kurz.model.Analysis;
import dev.kurz.model.Claim;
import dev.kurz.model.Entity;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Numbers and dates checked where the statement comes from, and the calendar an answer may make explicit. */
class FactPlacementTest {
  // Lines wrapped inside sentences, as many scraped articles are.
  private static final String ARTICLE = """
      Neue Buslinie für Talheim

      Der Kreistag von Talheim hat am Dienstag eine neue Buslinie beschlossen. Sie soll 14 Haltestellen
      bedienen und ab dem 3. Mai fahren. Landrätin Petra Gosch sprach von einem guten Tag für den Ort.
      Zur Sitzung kam auch Ole Varga, 41.

      Die Kosten liegen nach Angaben der Verwaltung bei 2,3 Millionen Euro im Jahr. Im vergangenen
      Jahr hatte der Kreis noch 600 Fahrgäste am Tag gezählt.

      Kritik kam vom Fahrgastverband. Dessen Sprecher Ole Varga nannte die Linie 2024/25 zu teuer und
      forderte, die Zahl der Haltestellen auf acht zu senken.
      """;
  private static final LocalDate PUBLISHED = LocalDate.of(2025, 4, 16);

  private static List<Finding> check(String summary, String claim, String quote, LocalDate published) {
    List<Claim> claims = claim == null ? List.of()
        : List.of(new Claim(claim, "the article", "article_voice", "stated", quote, new QuoteLocator(ARTICLE).locate(quote)));
    Analysis a = new Analysis("de", "A new bus line", summary, List.of(), claims,
        List.of(new Entity("Petra Gosch", "Petra Gosch", "person"), new Entity("Ole Varga", "Ole Varga", "person")));
    return FaithfulnessCheck.check(a, ARTICLE, Glossary.builtIn(), "de", "en", published).stream()
        .filter(f -> f.kind() != Finding.Kind.SPEAKER && f.kind() != Finding.Kind.NEGATION).toList();
  }

  @Test
  void aClaimsFigureMustStandNearItsQuote() {
    String located = "Sie soll 14 Haltestellen bedienen und ab dem 3. Mai fahren.";
    assertThat(new QuoteLocator(ARTICLE).locate(located).found()).isTrue();
    assertThat(check("", "The line is to serve 14 stops from May 3.", located, PUBLISHED)).isEmpty();
    // 600 and eight are in the article, but not where this quote is.
    assertThat(check("", "The line is to serve 600 stops from May 3.", located, PUBLISHED))
        .extracting(Finding::item).containsExactly("600");
  }

  @Test
  void aSummarySentencesFigureMustStandWhereItsOtherNamesAndFiguresAre() {
    assertThat(check("Ole Varga called the line too expensive and wants eight stops.", null, null, PUBLISHED)).isEmpty();
    assertThat(check("Ole Varga called the line too expensive and wants 14 stops.", null, null, PUBLISHED))
        .extracting(Finding::item).containsExactly("14");
    // Nothing places a sentence without names or other figures: only the article-wide check applies.
    assertThat(check("The line is to have 600 stops.", null, null, PUBLISHED)).isEmpty();
  }

  @Test
  void anAgeGivenBesideANameMayComeFromWhereTheArticleGivesIt() {
    assertThat(check("Ole Varga, 41, called the line too expensive.", null, null, PUBLISHED)).isEmpty();
    String varga = "Dessen Sprecher Ole Varga nannte die Linie 2024/25 zu teuer";
    List<Finding> speaker = FaithfulnessCheck.check(new Analysis("de", "", "", List.of(),
        List.of(new Claim("The line is too expensive.", "Ole Varga, 41, spokesman of the passenger association", "reported_speech",
            "stated", varga, new QuoteLocator(ARTICLE).locate(varga))), List.of()), ARTICLE, Glossary.builtIn(), "de", "en", PUBLISHED)
        .stream().filter(f -> f.where().endsWith("attributed_to")).toList();
    assertThat(speaker).isEmpty();
    // A figure of the event is still placed: 600 is not where Ole Varga speaks.
    assertThat(check("Ole Varga called the line too expensive for 600 passengers.", null, null, PUBLISHED)).extracting(Finding::item).containsExactly("600");
  }

  @Test
  void theCalendarAroundPublicationCounts() {
    // "am Dienstag" of an article published on Wednesday, April 16, 2025 is April 15; "im vergangenen Jahr" 2024.
    assertThat(check("The county council decided on Tuesday, April 15, to set up a new bus line.", null, null, PUBLISHED)).isEmpty();
    assertThat(check("The county counted 600 passengers a day in 2024.", null, null, PUBLISHED)).isEmpty();
    // Without the publication date, "last year" may be any year the article gives.
    assertThat(check("", "In 2025 the county counted 600 passengers a day.", "Im vergangenen", null)).isEmpty();
    // A season written "2024/25" is 2024 to 2025.
    assertThat(check("Ole Varga called the line too expensive for 2025.", null, null, PUBLISHED)).isEmpty();
  }

  @Test
  void aDateNearTheQuoteDoesNotStandInForAnotherOfItsMonthTheQuoteGives() {
    String article = "Am 5. März meldete die Stadt die ersten Fälle. In der Nacht auf den 12. März starb der erste Patient.";
    String quote = "In der Nacht auf den 12. März starb der erste Patient.";
    java.util.function.Function<String, List<Finding>> check = english -> {
      Claim c = new Claim(english, "the article", "article_voice", "stated", quote, new QuoteLocator(article).locate(quote));
      return FaithfulnessCheck.check(new Analysis("de", "h", "", List.of(), List.of(c), List.of()), article,
          Glossary.builtIn(), "de", "en", java.time.LocalDate.of(2020, 3, 20)).stream().filter(f -> f.kind() == Finding.Kind.DATE).toList();
    };
    assertThat(check.apply("The first patient died in the night to March 12.")).isEmpty();
    assertThat(check.apply("The first patient died in the night to March 5.")).extracting(Finding::item).containsExactly("March 5");
    // Both dates: the claim joins the two sentences.
    assertThat(check.apply("After the first cases on March 5, the first patient died on March 12.")).isEmpty();
  }

  @Test
  void aFigureNearTheQuoteDoesNotStandInForALookalikeTheQuoteGives() {
    String article = "Für die Halle gibt das Land 25 Millionen Euro. Am Dienstag kam eine Lieferung an, darunter "
        + "2,5 Millionen Schutzmasken und 3 Tonnen Kittel.";
    String quote = "Am Dienstag kam eine Lieferung an, darunter 2,5 Millionen Schutzmasken und 3 Tonnen Kittel.";
    java.util.function.Function<String, List<Finding>> check = english -> {
      Claim c = new Claim(english, "the article", "article_voice", "stated", quote, new QuoteLocator(article).locate(quote));
      return FaithfulnessCheck.check(new Analysis("de", "h", "", List.of(), List.of(c), List.of()), article,
          Glossary.builtIn(), "de", "en", null).stream().filter(f -> f.kind() == Finding.Kind.NUMBER).toList();
    };
    assertThat(check.apply("A delivery with 2.5 million masks arrived on Tuesday.")).isEmpty();
    assertThat(check.apply("A delivery with 25 million masks arrived on Tuesday.")).extracting(Finding::item)
        .containsExactly("25 million");
    // A one-digit figure looks like any other: the claim may take it from the sentence before.
    assertThat(check.apply("A delivery with 2.5 million masks arrived, and the state gives 25 million euros.")).isEmpty();
  }

  @Test
  void lookalikesDifferInOneDigitTwoSwappedOrTenfold() {
    assertThat(FactPlacement.lookalike(53000, 58000)).isTrue();
    assertThat(FactPlacement.lookalike(67, 76)).isTrue();
    assertThat(FactPlacement.lookalike(2.5, 25)).isTrue();
    assertThat(FactPlacement.lookalike(2, 3)).isFalse();
    assertThat(FactPlacement.lookalike(120, 4820)).isFalse();
  }
}
