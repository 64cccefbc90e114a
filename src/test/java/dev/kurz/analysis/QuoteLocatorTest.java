package dev.kurz.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kurz.model.Grounding;
import dev.kurz.model.Grounding.Status;
import org.junit.jupiter.api.Test;

class QuoteLocatorTest {
  /** Invented German article: typographic quotes, soft hyphen, no-break space, dash, ellipsis. */
  private static final String TEXT =
      "Die Verhandlungen in Genf sind nach Angaben beider Delegationen ohne Ergebnis geblieben. Der"
          + " Sprecher des Außen\u00ADministeriums sagte am\u00A0Abend, man habe „konstruktiv und"
          + " offen“ gesprochen – eine Einigung über die Grenzfragen sei aber nicht in Sicht.\n\n"
          + "Ein hochrangiger Beamter, der anonym bleiben wollte, bestätigte, dass die Gespräche in"
          + " der kommenden Woche fortgesetzt werden sollen. Die Regierung in Bern hatte zuvor"
          + " angeboten, als Vermittlerin aufzutreten. „Wir warten ab …“, hieß es aus Bern.\n\n"
          + "Nach Informationen der Zeitung soll der Minister bereits im Frühjahr geheime Kontakte"
          + " zur Gegenseite aufgenommen haben. Das Ministerium wies den Bericht als »frei"
          + " erfunden« zurück. Die Zahl der Vertriebenen stieg unterdessen auf 1.200 Menschen.";

  private final QuoteLocator locator = new QuoteLocator(TEXT);

  private static String span(Grounding g) {
    return TEXT.substring(g.start(), g.end());
  }

  private static int indexOf(String original) {
    int at = TEXT.indexOf(original);
    assertThat(at).as("fixture contains %s", original).isGreaterThanOrEqualTo(0);
    return at;
  }

  @Test
  void verbatimQuoteIsExact() {
    String quote = "Die Regierung in Bern hatte zuvor angeboten, als Vermittlerin aufzutreten.";
    Grounding g = locator.locate(quote);
    assertThat(g.status()).isEqualTo(Status.EXACT);
    assertThat(g.start()).isEqualTo(indexOf(quote));
    assertThat(span(g)).isEqualTo(quote);
  }

  @Test
  void straightQuotationMarksAreNormalizedAndMapBackToTypographicOnes() {
    Grounding g = locator.locate("man habe \"konstruktiv und offen\" gesprochen");
    assertThat(g.status()).isEqualTo(Status.NORMALIZED);
    assertThat(span(g)).isEqualTo("man habe „konstruktiv und offen“ gesprochen");
  }

  @Test
  void guillemetsAndSingleQuotesAreOneQuotationMark() {
    Grounding g = locator.locate("wies den Bericht als 'frei erfunden' zurück");
    assertThat(g.status()).isEqualTo(Status.NORMALIZED);
    assertThat(span(g)).isEqualTo("wies den Bericht als »frei erfunden« zurück");
  }

  @Test
  void softHyphenAndNoBreakSpaceInTheArticleAreIgnored() {
    Grounding g = locator.locate("Der Sprecher des Außenministeriums sagte am Abend");
    assertThat(g.status()).isEqualTo(Status.NORMALIZED);
    assertThat(span(g)).isEqualTo("Der Sprecher des Außen\u00ADministeriums sagte am\u00A0Abend");
  }

  @Test
  void lowerCasedFirstLetterKeepsTheTrailingPeriod() {
    Grounding g =
        locator.locate(
            "die Regierung in Bern hatte zuvor angeboten, als Vermittlerin aufzutreten.");
    assertThat(g.status()).isEqualTo(Status.NORMALIZED);
    assertThat(span(g))
        .isEqualTo("Die Regierung in Bern hatte zuvor angeboten, als Vermittlerin aufzutreten.");
  }

  @Test
  void quoteMissingItsPeriodOrAddingOneStillFits() {
    Grounding g = locator.locate("„Wir warten ab ...“, hieß es aus Bern!");
    assertThat(g.status()).isEqualTo(Status.NORMALIZED);
    assertThat(span(g)).isEqualTo("„Wir warten ab …“, hieß es aus Bern");
  }

  @Test
  void dashVariantsAndDoubledSpacesAreNormalized() {
    Grounding g =
        locator.locate(
            "offen\" gesprochen  -  eine Einigung über die Grenzfragen sei aber nicht in Sicht");
    assertThat(g.status()).isEqualTo(Status.NORMALIZED);
    assertThat(span(g))
        .isEqualTo(
            "offen“ gesprochen – eine Einigung über die Grenzfragen sei aber nicht in Sicht");
  }

  @Test
  void quoteSpanningAParagraphBreakIsFound() {
    Grounding g =
        locator.locate(
            "sei aber nicht in Sicht. Ein hochrangiger Beamter, der anonym bleiben wollte");
    assertThat(g.status()).isEqualTo(Status.NORMALIZED);
    assertThat(span(g))
        .isEqualTo(
            "sei aber nicht in Sicht.\n\nEin hochrangiger Beamter, der anonym bleiben wollte");
  }

  @Test
  void quoteSpanningAParagraphBreakWithAWordDroppedIsFuzzy() {
    Grounding g =
        locator.locate("nicht in Sicht. Ein Beamter, der anonym bleiben wollte, bestätigte");
    assertThat(g.status()).isEqualTo(Status.FUZZY);
    assertThat(span(g))
        .isEqualTo(
            "nicht in Sicht.\n\nEin hochrangiger Beamter, der anonym bleiben wollte, bestätigte");
  }

  @Test
  void combiningDiaeresisInTheArticleMatchesPrecomposedUmlaut() {
    String text = "Die Gespra\u0308che wurden vertagt.";
    Grounding g = new QuoteLocator(text).locate("Die Gespräche wurden vertagt");
    assertThat(g.status()).isEqualTo(Status.NORMALIZED);
    assertThat(text.substring(g.start(), g.end())).isEqualTo("Die Gespra\u0308che wurden vertagt");
  }

  @Test
  void droppedWordIsFuzzy() {
    Grounding g =
        locator.locate(
            "Nach Informationen der Zeitung soll der Minister im Frühjahr geheime Kontakte zur"
                + " Gegenseite aufgenommen haben.");
    assertThat(g.status()).isEqualTo(Status.FUZZY);
    assertThat(span(g))
        .isEqualTo(
            "Nach Informationen der Zeitung soll der Minister bereits im Frühjahr geheime Kontakte "
                + "zur Gegenseite aufgenommen haben.");
  }

  @Test
  void insertedWordIsFuzzy() {
    Grounding g =
        locator.locate("dass die Gespräche dann in der kommenden Woche fortgesetzt werden sollen");
    assertThat(g.status()).isEqualTo(Status.FUZZY);
    assertThat(span(g))
        .isEqualTo("dass die Gespräche in der kommenden Woche fortgesetzt werden sollen");
  }

  @Test
  void changedWordEndingIsFuzzy() {
    Grounding g = locator.locate("Ein hochrangiger Beamte, der anonym bleiben wollte, bestätigte");
    assertThat(g.status()).isEqualTo(Status.FUZZY);
    assertThat(span(g))
        .isEqualTo("Ein hochrangiger Beamter, der anonym bleiben wollte, bestätigte");
  }

  @Test
  void changedWordIsFuzzy() {
    Grounding g =
        locator.locate(
            "Die Verhandlungen in Genf sind nach Angaben beider Seiten ohne Ergebnis geblieben.");
    assertThat(g.status()).isEqualTo(Status.FUZZY);
    assertThat(span(g))
        .isEqualTo(
            "Die Verhandlungen in Genf sind nach Angaben beider Delegationen ohne Ergebnis"
                + " geblieben.");
  }

  @Test
  void quoteShortenedWithAnEllipsisIsFoundPartByPart() {
    Grounding g = locator.locate("Die Verhandlungen in Genf sind … ohne Ergebnis geblieben.");
    assertThat(g.status()).isEqualTo(Status.FUZZY);
    assertThat(span(g))
        .isEqualTo(
            "Die Verhandlungen in Genf sind nach Angaben beider Delegationen ohne Ergebnis"
                + " geblieben");
  }

  @Test
  void ellipsisPartsMustBeLongEnoughAndInOrder() {
    assertThat(locator.locate("Die Verhandlungen ... Bern")).isEqualTo(Grounding.notFound());
    assertThat(locator.locate("ohne Ergebnis geblieben ... Die Verhandlungen in Genf"))
        .isEqualTo(Grounding.notFound());
  }

  @Test
  void sharpSAndDoubleSAreTheSame() {
    Grounding g = locator.locate("„Wir warten ab …“, hiess es aus Bern.");
    assertThat(g.status()).isEqualTo(Status.NORMALIZED);
    assertThat(span(g)).isEqualTo("„Wir warten ab …“, hieß es aus Bern.");
  }

  @Test
  void inventedQuotesAreNotFound() {
    String[] invented = {
      // article words, another order
      "Die Delegationen in Bern sind ohne Angaben nach Genf geblieben.",
      "Der Minister bestätigte, dass die Regierung geheime Kontakte zur Zeitung aufgenommen habe.",
      "Das Ministerium sagte am Abend, die Verhandlungen seien frei erfunden.",
      "Die Gegenseite hatte zuvor angeboten, die Grenzfragen in der kommenden Woche zu klären.",
      // plausible German not in the article
      "Die Außenminister einigten sich auf einen Fahrplan für weitere Treffen im Herbst.",
      "Nach Angaben der Vereinten Nationen wurden mehr als 1.200 Menschen vertrieben.",
    };
    for (String quote : invented) {
      assertThat(locator.locate(quote)).as(quote).isEqualTo(Grounding.notFound());
    }
  }

  @Test
  void shortQuotesDoNotMatchBySimilarity() {
    assertThat(locator.locate("in Genf").status()).isEqualTo(Status.EXACT);
    assertThat(locator.locate("in Moskau")).isEqualTo(Grounding.notFound());
    assertThat(locator.locate("Genfer Verhandlungen")).isEqualTo(Grounding.notFound());
    assertThat(locator.locate("Gesprächsrunde")).isEqualTo(Grounding.notFound());
    assertThat(locator.locate("„Delegation“")).isEqualTo(Grounding.notFound());
  }

  @Test
  void threeWordQuoteNeedsAllWordsInOrder() {
    assertThat(locator.locate("Grenzfragen sei nicht").status()).isEqualTo(Status.FUZZY);
    assertThat(locator.locate("Grenzfragen nicht sei")).isEqualTo(Grounding.notFound());
    assertThat(locator.locate("Grenzfragen sind nicht")).isEqualTo(Grounding.notFound());
  }

  @Test
  void blankOrPunctuationOnlyQuoteIsNotFound() {
    assertThat(locator.locate(null)).isEqualTo(Grounding.notFound());
    assertThat(locator.locate("   ")).isEqualTo(Grounding.notFound());
    assertThat(locator.locate("„…“")).isEqualTo(Grounding.notFound());
  }

  @Test
  void sameStemMeansSharedPrefixAndShortDifferentEnding() {
    assertThat(QuoteLocator.sameStem("beamte", "beamter")).isTrue();
    assertThat(QuoteLocator.sameStem("gespräche", "gesprächen")).isTrue();
    assertThat(QuoteLocator.sameStem("sei", "sein")).isFalse();
    assertThat(QuoteLocator.sameStem("stattgefunden", "stattfinden")).isFalse();
    assertThat(QuoteLocator.sameStem("ukraine", "ukrainischen")).isFalse();
  }

  @Test
  void emptyArticleFindsNothing() {
    assertThat(new QuoteLocator("").locate("Die Gespräche wurden vertagt"))
        .isEqualTo(Grounding.notFound());
  }

  @Test
  void aSpaceMissingOrAddedInsideTheTextIsNormalizedNotLost() {
    String glued = "Nach der Sitzung sagte Merkelsprach von einem guten Ergebnis und kündigte weitere"
        + " Gespräche an. Die Opposition nannte das Treffen einenFehlschlag.";
    QuoteLocator spaced = new QuoteLocator(glued);
    Grounding missing = spaced.locate("Merkel sprach von einem guten Ergebnis");
    assertThat(missing.status()).isEqualTo(Status.NORMALIZED);
    assertThat(glued.substring(missing.start(), missing.end())).isEqualTo("Merkelsprach von einem guten Ergebnis");
    Grounding extra = locator.locate("Die Regierung in Bern hatte zuvor an geboten, als Vermittlerin aufzutreten.");
    assertThat(extra.status()).isEqualTo(Status.NORMALIZED);
    assertThat(span(extra)).isEqualTo("Die Regierung in Bern hatte zuvor angeboten, als Vermittlerin aufzutreten.");
    assertThat(spaced.locate("das Treffen einen Fehlschlag").status()).isEqualTo(Status.NORMALIZED);
  }

  @Test
  void spacesSetAsideStillNeedWholeWords() {
    assertThat(locator.locate("egierung in Bern hatte zuvor angeboten").status()).isNotEqualTo(Status.NORMALIZED);
  }
}
