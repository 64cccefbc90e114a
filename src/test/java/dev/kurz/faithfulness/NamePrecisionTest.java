package dev.kurz.faithfulness;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kurz.glossary.Glossary;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The name check on faithful English: given names, short forms, codes, roles; invented names still reported. */
class NamePrecisionTest {
  private static final String GERMAN = """
      Kanzlerin Merkel und Erzbischof Koch sprachen am Faschingsdienstag in Berlin. Der IWF erwartet, dass
      das BIP um sieben Prozent sinkt. Auf den Intensivstationen fehlen FFP2-Masken, sagte Stephan Mayer
      vom Robert-Koch-Institut. Das dauert lange. Die Akademie der Wissenschaften legte eine Stellungnahme vor.
      Nordrhein-Westfalen zahlt dafür 50 Millionen Euro. Die Grünen-Politikerin und ihr jüdischer Mann
      lesen "Die Pest" von Camus, sagen die beiden Firmenchefs.
      """;

  private static List<String> unknown(String english) {
    SourceNames names = new SourceNames(GERMAN, List.of(), Glossary.builtIn(), "de", "en", Set.of());
    return EnglishNames.find(english, names.lowerWords()).stream()
        .filter(n -> !names.unknown(n).isEmpty()).map(EnglishNames.Name::text).toList();
  }

  @Test
  void givenNamesAndTitlesBeforeTheArticlesSurnameAreNoNewName() {
    assertThat(unknown("On Tuesday, Chancellor Angela Merkel and Archbishop Heiner Koch met in Berlin.")).isEmpty();
  }

  @Test
  void currencyCodesAndTheStatesShortFormAreNoNames() {
    assertThat(unknown("NRW pays EUR 50 million for it.")).isEmpty();
  }

  @Test
  void adjectivesOfPartyAndFaithAndASingleQuotedTitleAreNoNewName() {
    assertThat(unknown("The Green politician and her Jewish husband read 'The Plague', say the two CEOs.")).isEmpty();
    assertThat(unknown("They read Camus's 'The Plague'.")).isEmpty();
  }

  @Test
  void aDifferentSurnameIsStillReported() {
    assertThat(unknown("Chancellor Olaf Scholz met Archbishop Reinhard Marx in Berlin.")).containsExactly("Chancellor Olaf Scholz", "Archbishop Reinhard Marx");
  }

  @Test
  void aSurnameMustBeOneTheTextWritesAsAName() {
    assertThat(unknown("Kerstin Lange met Angela Merkel.")).containsExactly("Kerstin Lange");
  }

  @Test
  void anOrganisationEndingInAGenericWordNeedsItsOwnName() {
    assertThat(unknown("Experts at the Max Planck Institute disagree.")).containsExactly("Max Planck Institute");
  }

  @Test
  void englishShortFormsOfGermanOnesAndCodes() {
    assertThat(unknown("The IMF expects GDP to fall; ICU wards lack N95 and FFP2 masks.")).isEmpty();
    assertThat(unknown("The OECD expects GDP to fall.")).containsExactly("OECD");
  }

  @Test
  void holidaysFunctionWordsAfterAbbreviationsAndTranslatedBodies() {
    assertThat(unknown("They met on Shrove Tuesday at 5 p.m. By Wednesday the Academy of Sciences had spoken.")).isEmpty();
    assertThat(unknown("Federalism is not there to shift responsibility.")).isEmpty();
  }
  private static final String LOCAL = """
      Der Landkreis meldet bundesweit die wenigsten Fälle. Viele Saisonkräfte aus Osteuropa fehlen, sagte
      Stadträtin Petra Wendel (Linke). Rechnungshofchef Bernd Kolbe lehrt am Lehrstuhl für Klimadidaktik. Im
      Rosengarten blühen die Tulpen. In Bayern sind die Schulen zu. Die Frist endet am 4. Mai.
      """;

  private static List<String> unknownLocal(String english) {
    SourceNames names = new SourceNames(LOCAL, List.of(), Glossary.builtIn(), "de", "en", Set.of());
    return EnglishNames.find(english, names.lowerWords()).stream()
        .filter(n -> !names.unknown(n).isEmpty()).map(EnglishNames.Name::text).toList();
  }

  @Test
  void aCapitalAfterANumbersDotOpensASentence() {
    assertThat(unknownLocal("The deadline ends on May 4. Tulips are blooming.")).isEmpty();
  }

  @Test
  void federalWordsStandForGermanyAndShortFormsOpenCompounds() {
    assertThat(unknownLocal("The district reports the fewest cases in Germany; workers from Eastern Europe are missing.")).isEmpty();
  }

  @Test
  void pluralsOfExonymsAndGenericHeadsOfKnownBodies() {
    assertThat(unknownLocal("Most Bavarians agree, said councillor Petra Wendel (Left Party).")).isEmpty();
    assertThat(unknownLocal("Audit Chamber head Bernd Kolbe agrees.")).isEmpty();
    assertThat(unknownLocal("Pirate Party councillor Petra Wendel agrees.")).containsExactly("Pirate Party");
  }

  @Test
  void aTranslatedCompoundHeadIsTheCompounds() {
    assertThat(unknownLocal("He teaches at the Chair of Climate Didactics; tulips bloom in the Rose Garden.")).isEmpty();
    assertThat(unknownLocal("He teaches at the Chair of Climate Didactics at Oxford.")).containsExactly("Oxford");
  }
  @Test
  void initialsOfABodysWordsAreItsShortForm() {
    String german = "Der Bund Deutscher Kriminalbeamter warnt; das Bundesamt für Strahlenschutz misst.";
    SourceNames names = new SourceNames(german, List.of(), Glossary.builtIn(), "de", "en", Set.of());
    assertThat(EnglishNames.find("The BDK warns and the BfS measures, the GdP agrees.", Set.of()).stream()
        .filter(n -> !names.unknown(n).isEmpty()).map(EnglishNames.Name::text).toList()).containsExactly("GdP");
  }

  @Test
  void aQuotedTitleIsNoName() {
    String german = "Leser verlangen Kafkas Roman Der Prozess.";
    SourceNames names = new SourceNames(german, List.of(), Glossary.builtIn(), "de", "en", Set.of());
    assertThat(EnglishNames.find("Readers want Kafka's \"The Trial\", edited by Max Brod.", Set.of()).stream()
        .filter(n -> !names.unknown(n).isEmpty()).map(EnglishNames.Name::text).toList()).containsExactly("Max Brod");
  }

  @Test
  void theOutletAnArticleCameFromMayBeNamed() {
    String german = "Die Stadtwerke erhöhen die Preise, sagte ein Sprecher.";
    List<String> answer = List.of("The Süddeutsche Zeitung reports that the Tagesspiegel and the Frankfurter Rundschau agree.");
    SourceNames fromHost = new SourceNames(german, List.of(), Glossary.builtIn(), "de", "en", Set.of(),
        List.of("sueddeutsche.de"));
    assertThat(EnglishNames.find(answer.get(0), Set.of()).stream().filter(n -> !fromHost.unknown(n).isEmpty())
        .map(EnglishNames.Name::text).toList()).containsExactly("Tagesspiegel", "Frankfurter Rundschau");
    SourceNames fromSite = new SourceNames(german, List.of(), Glossary.builtIn(), "de", "en", Set.of(),
        List.of("Tagesspiegel", "tagesspiegel.de"));
    assertThat(EnglishNames.find(answer.get(0), Set.of()).stream().filter(n -> !fromSite.unknown(n).isEmpty())
        .map(EnglishNames.Name::text).toList()).containsExactly("Süddeutsche Zeitung", "Frankfurter Rundschau");
  }

  @Test
  void theArticlesLanguageAndTheOutletsCountryMayBeNamed() {
    String german = "Auch in unseren Breiten wachsen Aprikosen, sagt der Gärtner.";
    String answer = "Apricots grow in German latitudes too, and elsewhere in Germany, not only in France.";
    SourceNames published = new SourceNames(german, List.of(), Glossary.builtIn(), "de", "en", Set.of(),
        List.of("tagesspiegel.de"));
    assertThat(EnglishNames.find(answer, Set.of()).stream().filter(n -> !published.unknown(n).isEmpty())
        .map(EnglishNames.Name::text).toList()).containsExactly("France");
    // A passage of the article alone vouches for neither.
    SourceNames passage = new SourceNames(german, List.of(), Glossary.builtIn(), "de", "en", Set.of());
    assertThat(EnglishNames.find(answer, Set.of()).stream().filter(n -> !passage.unknown(n).isEmpty())
        .map(EnglishNames.Name::text).toList()).containsExactly("German", "Germany", "France");
  }

  @Test
  void aRenderingBesideTheArticlesWordsInBracketsIsTheArticlesName() {
    String german = "Der Verband Forschender Arzneimittelhersteller (vfa) zählt 77 Projekte. Im MuCEM, dem Museum "
        + "am Hafen, sprach die CDU; die Bild nannte ihn \"Laschet, der Lockere\".";
    SourceNames names = new SourceNames(german, List.of(), Glossary.builtIn(), "de", "en", Set.of());
    String english = "The German Association of Research-Based Pharmaceutical Companies (vfa) counts 77 projects at the "
        + "Museum of Mediterranean Civilisations (MuCEM), where Helge Braun (CDU) spoke of Laschet the Loose "
        + "('Laschet, der Lockere').";
    assertThat(EnglishNames.find(english, Set.of()).stream()
        .filter(n -> !names.unknown(n).isEmpty() && !names.glossed(english, n.text()))
        .map(EnglishNames.Name::text).toList()).containsExactly("Helge Braun");
  }
}
