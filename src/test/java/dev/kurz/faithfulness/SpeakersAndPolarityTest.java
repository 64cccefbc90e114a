package dev.kurz.faithfulness;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kurz.analysis.QuoteLocator;
import dev.kurz.glossary.Glossary;
import dev.kurz.model.Analysis;
import dev.kurz.model.Claim;
import dev.kurz.model.Entity;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The claim rules of {@link Speakers} and {@link ClaimPolarity} on an article of our own. */
class SpeakersAndPolarityTest {
  private static final String ARTICLE = """
      Neuer Wasserversorger für Kornbach

      Bürgermeisterin Hanna Seidl will das Wasserwerk verkaufen. Die Stadt wolle so Schulden abbauen.

      Das Wasserwerk gehört seit 1950 der Stadt. Seine Anlagen seien veraltet. Viele Leitungen stammen aus der Nachkriegszeit.
      Die Käufer mussten Auflagen erfüllen. Der Bieter reiste nach Kornbach, war sich dort aber nicht sicher, ob das Werk genug abwirft. Ohne ein Angebot abgegeben zu haben, kehrte er nach Hause zurück.

      Die Brunnen sollen mutmaßlich verunreinigt worden sein. Die Kornbacher Aqua GmbH übernimmt das Netz. Im Gegenzug zahlt sie nach Firmenangaben 40 Millionen Euro.
      """;

  private static List<Finding> claim(String text, String speaker, String modality, String quote) {
    Claim c = new Claim(text, speaker, "named_person", modality, quote, new QuoteLocator(ARTICLE).locate(quote));
    List<Entity> entities = List.of(new Entity("Kornbacher Aqua GmbH", "Kornbacher Aqua GmbH", "organization"),
        new Entity("Hanna Seidl", "Hanna Seidl", "person"));
    Analysis a = new Analysis("de", "h", "s", List.of(), List.of(c), entities);
    return FaithfulnessCheck.check(a, ARTICLE, Glossary.builtIn(), "de", "en", null);
  }

  @Test
  void theArticleMayHedgeInItsOwnVoice() {
    assertThat(claim("The wells were allegedly contaminated.", "the article", "alleged",
        "Die Brunnen sollen mutmaßlich verunreinigt worden sein.")).isEmpty();
    assertThat(claim("The city wants to reduce its debt.", "the article", "reported", "Die Stadt wolle so Schulden abbauen."))
        .extracting(Finding::kind).containsExactly(Finding.Kind.SPEAKER);
  }

  @Test
  void anOrganizationMayBeReferredToAsTheCompany() {
    assertThat(claim("The company pays 40 million euros.", "Kornbacher Aqua GmbH", "reported",
        "Im Gegenzug zahlt sie nach Firmenangaben 40 Millionen Euro.")).isEmpty();
  }

  @Test
  void aSentenceThatRefersBackMayRestOnASpeakerNamedParagraphsBefore() {
    assertThat(claim("The plants are outdated.", "Mayor Hanna Seidl", "reported", "Seine Anlagen seien veraltet.")).isEmpty();
    assertThat(claim("The plants are outdated.", "Lutz Brand", "reported", "Seine Anlagen seien veraltet."))
        .extracting(Finding::kind).contains(Finding.Kind.SPEAKER);
  }

  @Test
  void aClaimJoiningTwoSentencesTakesItsSecondNegationFromTheOther() {
    String quote = "Ohne ein Angebot abgegeben zu haben, kehrte er nach Hause zurück.";
    assertThat(claim("The bidder did not make an offer because he was not sure the plant would pay.", "the article", "stated",
        quote)).isEmpty();
    assertThat(claim("The buyers did not have to meet conditions.", "the article", "stated", "Die Käufer mussten Auflagen erfüllen."))
        .extracting(Finding::kind).containsExactly(Finding.Kind.NEGATION);
  }

  @Test
  void aNegativeAdjectiveCarriesTheQuotesNegation() {
    String article = "„Das Verhalten der Stadt ist nicht nachzuvollziehen“, sagte Hanna Seidl.";
    Claim c = new Claim("The city's behaviour is incomprehensible.", "Hanna Seidl", "named_person", "opinion",
        "Das Verhalten der Stadt ist nicht nachzuvollziehen", new QuoteLocator(article).locate("Das Verhalten der Stadt ist nicht nachzuvollziehen"));
    Analysis a = new Analysis("de", "h", "s", List.of(), List.of(c), List.of());
    assertThat(FaithfulnessCheck.check(a, article, Glossary.builtIn(), "de", "en", null)).isEmpty();
  }

  @Test
  void aRestrictionCarriesAClaimsNegationInAKeyPoint() {
    String article = "Hanna Seidl rechnet nicht mit einem schnellen Verkauf des Wasserwerks.";
    Claim c = new Claim("Hanna Seidl does not expect a quick sale of the waterworks.", "Hanna Seidl", "named_person", "prediction",
        article, new QuoteLocator(article).locate(article));
    Analysis a = new Analysis("de", "h", "s", List.of("Seidl expects the waterworks to be sold only in the long term."),
        List.of(c), List.of());
    assertThat(FaithfulnessCheck.check(a, article, Glossary.builtIn(), "de", "en", null)).isEmpty();
  }

  @Test
  void likeNeverBeforeAffirms() {
    String article = "Hanna Seidl sagte, sie habe Schmerzen wie nie zuvor gehabt.";
    String quote = "sie habe Schmerzen wie nie zuvor gehabt";
    Claim c = new Claim("Hanna Seidl had worse pain than ever before.", "Hanna Seidl", "named_person", "reported", quote,
        new QuoteLocator(article).locate(quote));
    Analysis a = new Analysis("de", "h", "Hanna Seidl said she had pain like never before.", List.of(), List.of(c), List.of());
    assertThat(FaithfulnessCheck.check(a, article, Glossary.builtIn(), "de", "en", null)).isEmpty();
  }

  /** The gate's negation findings for one claim on its own article, with key points restating it. */
  private static List<Finding.Kind> negations(String article, String claim, String modality, String quote, String... keyPoints) {
    Claim c = new Claim(claim, "Hanna Seidl", "named_person", modality, quote, new QuoteLocator(article).locate(quote));
    Analysis a = new Analysis("de", "h", "s", List.of(keyPoints), List.of(c), List.of());
    return FaithfulnessCheck.check(a, article, Glossary.builtIn(), "de", "en", null).stream()
        .map(Finding::kind).filter(Finding.Kind.NEGATION::equals).toList();
  }

  @Test
  void anIdiomOfNoLimitsAffirms() {
    String article = "„Die Zukunft des Werks ist nach oben offen“, sagte Hanna Seidl.";
    assertThat(negations(article, "The plant's future knows no limits.", "opinion", "Die Zukunft des Werks ist nach oben offen"))
        .isEmpty();
  }

  @Test
  void aNegatedAttributeMayBecomeANonPrefixOrALackingWord() {
    String article = "Hanna Seidl zufolge sind nicht akademische Berufe und kinderlose Menschen stärker betroffen.";
    String quote = "sind nicht akademische Berufe und kinderlose Menschen stärker betroffen";
    assertThat(negations(article, "Non-academic jobs and people without children are hit harder.", "reported", quote)).isEmpty();
  }

  @Test
  void theNegationOfNotButMayBeLeftOutWhenTheClaimStatesTheRest() {
    String article = "Die Stadt will auch Kunden zählen, die nicht in Kornbach wohnen. Sondern in den Dörfern ringsum.";
    String quote = "Die Stadt will auch Kunden zählen, die nicht in Kornbach wohnen.";
    assertThat(negations(article, "The city wants to count customers who live in the surrounding villages.", "reported", quote))
        .isEmpty();
  }

  @Test
  void aWeakWordOfTheQuotesOwnDoesNotCarryItsPlainNegation() {
    String article = "„Wir haben kein Interesse an einer unsauberen Genehmigung“, sagte Hanna Seidl.";
    String quote = "Wir haben kein Interesse an einer unsauberen Genehmigung";
    assertThat(negations(article, "We have an interest in an unsound approval.", "reported", quote)).containsExactly(Finding.Kind.NEGATION);
    assertThat(negations(article, "We have no interest in an unsound approval.", "reported", quote)).isEmpty();
  }

  @Test
  void aWarningAgainstCarriesAShouldNot() {
    String article = "Ärzte warnen davor, dass Kranke eine Behandlung aus Angst aufschieben.";
    assertThat(negations(article, "The sick should not put off treatment out of fear.", "opinion",
        "Ärzte warnen davor, dass Kranke eine Behandlung aus Angst aufschieben.")).isEmpty();
  }

  @Test
  void aDeniedClaimRestatedAsFactLosesItsDenial() {
    String article = "Die Stadtwerke schreiben: „Die Schäden können nicht auf einen einzelnen Brunnen zurückgeführt werden.“";
    String quote = "Die Schäden können nicht auf einen einzelnen Brunnen zurückgeführt werden.";
    String claim = "The damage can be traced back to a single well.";
    assertThat(negations(article, claim, "denied", quote, "The utility says the damage cannot be traced to a single well.")).isEmpty();
    assertThat(negations(article, claim, "denied", quote, "The utility says the damage can be traced to a single well."))
        .containsExactly(Finding.Kind.NEGATION);
  }

  @Test
  void aNegationUnderAnotherIsNotLostWhenTheStatementAffirms() {
    String article = "Hanna Seidl: „Wir sollten nicht folgern, dass die Stadt das Werk nicht verkaufen sollte.“";
    String quote = "Wir sollten nicht folgern, dass die Stadt das Werk nicht verkaufen sollte.";
    assertThat(negations(article, "We should not conclude that the city should not sell the plant.", "opinion", quote,
        "Seidl: let the city sell the plant.")).isEmpty();
  }

  @Test
  void aNegationElsewhereInTheSentenceDoesNotCarryALostOne() {
    String article = "Hanna Seidl sagte, die Stadt werde die Pachtzahlungen nicht stunden.";
    String quote = "die Stadt werde die Pachtzahlungen nicht stunden";
    String claim = "The city will not defer its lease payments.";
    assertThat(negations(article, claim, "reported", quote, "The city has not sold the plant and will not defer lease payments."))
        .isEmpty();
    assertThat(negations(article, claim, "reported", quote, "The city has not sold the plant and will also defer lease payments."))
        .containsExactly(Finding.Kind.NEGATION);
  }

  @Test
  void aStatementThatKeepsOneOfAClaimsNegationsMayGiveAnotherPositively() {
    String article = "Tom Rehm sagte, Szenen mit Razzien seien in Paris nicht erwünscht gewesen, daher habe man dort nicht drehen können.";
    String quote = "Szenen mit Razzien seien in Paris nicht erwünscht gewesen, daher habe man dort nicht drehen können";
    String claim = "Scenes with raids were not welcome in Paris, so the Paris scenes could not be shot there.";
    assertThat(negations(article, claim, "reported", quote,
        "Because scenes with raids were not welcome in Paris, the Paris scenes were shot in Lyon.")).isEmpty();
    assertThat(negations(article, claim, "reported", quote,
        "Scenes with raids were welcome in Paris, and the Paris scenes were shot in Lyon.")).containsExactly(Finding.Kind.NEGATION);
  }

  private static final String INTERVIEW = """
      "Wir brauchen mehr Busse"

      Die Verkehrsplanerin Anna Berg über leere Straßen.
      ZEIT ONLINE: Frau Berg, die Straßen sind leer. Was bedeutet das für die Städte?
      Anna Berg: Die Städte haben jetzt die Chance, Radwege zu bauen. Viele tun das auch.
      ZEIT ONLINE: Die Busse fahren seit März seltener. Warum?
      Berg: Die Verkehrsbetriebe haben zu wenige Fahrer.
      Wird sich das ändern?
      Nur mit mehr Geld vom Bund.
      """;

  private static List<Finding> said(String article, String speaker, String modality, String quote, Claim... others) {
    Claim c = new Claim("A claim.", speaker, "named_person", modality, quote, new QuoteLocator(article).locate(quote));
    List<Claim> claims = new java.util.ArrayList<>(List.of(c));
    claims.addAll(List.of(others));
    Analysis a = new Analysis("de", "h", "s", List.of(), claims, List.of());
    return FaithfulnessCheck.check(a, article, Glossary.builtIn(), "de", "en", null).stream()
        .filter(f -> f.where().equals("claim 1")).toList();
  }

  @Test
  void anInterviewsTurnSaysWhoSpeaks() {
    assertThat(said(INTERVIEW, "urban planner Anna Berg", "reported", "Die Verkehrsbetriebe haben zu wenige Fahrer.")).isEmpty();
    assertThat(said(INTERVIEW, "urban planner Anna Berg", "reported", "Nur mit mehr Geld vom Bund.")).isEmpty();
    assertThat(said(INTERVIEW, "ZEIT ONLINE (interviewer)", "reported", "Die Busse fahren seit März seltener.")).isEmpty();
    assertThat(said(INTERVIEW, "ZEIT ONLINE (interviewer)", "reported", "Die Verkehrsbetriebe haben zu wenige Fahrer."))
        .extracting(Finding::kind).containsExactly(Finding.Kind.SPEAKER);
    assertThat(said(INTERVIEW, "Anna Berg", "reported", "Die Busse fahren seit März seltener."))
        .extracting(Finding::kind).containsExactly(Finding.Kind.SPEAKER);
    assertThat(said(INTERVIEW, "the article", "stated", "Nur mit mehr Geld vom Bund."))
        .extracting(Finding::kind).containsExactly(Finding.Kind.SPEAKER);
  }

  @Test
  void aSentenceThatNamesAnotherSpeakerByItsVerbAttributesTheQuoteToThatOne() {
    String article = "Landrat Peter Kunz lobte die Helfer. Die Lage sei ruhig, sagte Bürgermeisterin Hanna Seidl am Montag.";
    String quote = "Die Lage sei ruhig";
    Claim other = new Claim("The helpers did well.", "district administrator Peter Kunz", "named_person", "opinion",
        "Landrat Peter Kunz lobte die Helfer.", new QuoteLocator(article).locate("Landrat Peter Kunz lobte die Helfer."));
    Claim seidl = new Claim("The helpers did well.", "Mayor Hanna Seidl", "named_person", "opinion",
        "Landrat Peter Kunz lobte die Helfer.", new QuoteLocator(article).locate("Landrat Peter Kunz lobte die Helfer."));
    assertThat(said(article, "Mayor Hanna Seidl", "reported", quote, other)).isEmpty();
    assertThat(said(article, "district administrator Peter Kunz", "reported", quote, seidl))
        .extracting(Finding::kind).containsExactly(Finding.Kind.SPEAKER);
  }

  @Test
  void aTextInTheFirstPersonSpeaksForTheWritersItNamesOnce() {
    String article = """
        Was die Daten zeigen

        Wir haben in unserer Forschungsgruppe am Institut Kornbach 2000 Menschen befragt.
        Unsere Daten zeigen einen klaren Trend. Wir sehen das mit Sorge.
        Viele Menschen arbeiten länger als vor der Krise. Das gilt besonders für Eltern.
        """;
    assertThat(said(article, "researchers of the Kornbach institute", "reported", "Das gilt besonders für Eltern.")).isEmpty();
    assertThat(said(article, "Lutz Brand", "reported", "Das gilt besonders für Eltern."))
        .extracting(Finding::kind).containsExactly(Finding.Kind.SPEAKER);
  }
}

