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
 * Speakers named once and then referred to by role, and interviews printed as answers alone, in
 * articles of our own: the named speaker is accepted, another person of the article is not.
 */
class SpeakersByRoleTest {
  private static final String COMPANY = """
      Streit um Werbetafel in Lindau

      Die Firma Seewerk hat eine Werbetafel am Hafen aufgestellt. „Wir bleiben bei unserem Plan“, sagte Sprecherin Marta Quell.
      Anwohner beschwerten sich über das Licht. Der Ortsbeirat Jonas Brenner kritisierte die Tafel.
      Die Stadt prüft den Fall. Die Tafel steht seit Februar. Sie ist zwölf Meter breit. Nachts leuchtet sie hell.
      „Wir wollten niemanden stören“, betonte die Sprecherin. Das Unternehmen habe den Standort nicht selbst gewählt.
      """;

  private static final String INTERVIEW = """
      „Wir brauchen mehr Pflegekräfte“

      Sozialministerin Ilse Warmbold im Interview über die Lage in den Heimen. Warmbold, 58, ist seit 2019 im Amt.
      Wir haben in diesem Winter viel gelernt. Die Heime sind besser vorbereitet als im Frühjahr.
      Ich bin froh, dass die Besuche wieder möglich sind. Aber wir müssen weiter vorsichtig bleiben.
      Viele Einrichtungen haben zu wenig Personal. Das wird uns noch Jahre beschäftigen.
      """;

  private static final String ESSAY = """
      Die Stadt der Wirte

      Frage: Was bleibt in Lindau offen, wenn die Welt untergeht?
      Antwort: Die Wirtschaften am Hafen.
      Der Witz ist alt, aber er stimmt nicht mehr. Die meisten Lokale am Hafen sind derzeit geschlossen.
      Viele Wirte haben zu wenig Geld für die Miete.
      """;

  private static final String REPORTED = """
      Angriffe auf Netze nehmen zu

      Die Zahl der Angriffe auf Server steigt. „Die Netze sind ausgelastet“, sagt Kai Lorenz, Chef der Firma Netzwacht.
      Die Stadtwerke melden ebenfalls mehr Störungen. Ihre Sprecherin Ute Fahl hält das für beherrschbar.

      Über die Täter lasse sich wenig sagen, so Lorenz. Die Motive seien sehr verschieden. Einerseits gebe es Erpresser.
      Je länger ein Netz ausfällt, desto teurer wird es. Andererseits gebe es frühere Mitarbeiter, die sich rächen wollen.
      Auch Schüler kauften sich solche Angriffe. Und manche Staaten nutzten die Technik. Eine Zuordnung sei oft schwer möglich.
      """;

  private static List<Finding> speaker(String article, String text, String speaker, String quote, String... people) {
    Claim c = new Claim(text, speaker, "named_person", "reported", quote, new QuoteLocator(article).locate(quote));
    List<Entity> entities = java.util.Arrays.stream(people).map(p -> new Entity(p, p, "person")).toList();
    Analysis a = new Analysis("de", "h", "s", List.of(), List.of(c), entities);
    return FaithfulnessCheck.check(a, article, Glossary.builtIn(), "de", "en", null).stream()
        .filter(f -> f.kind() == Finding.Kind.SPEAKER).toList();
  }

  @Test
  void aDefiniteRoleRefersBackToTheOneIntroducedWithIt() {
    String quote = "„Wir wollten niemanden stören“, betonte die Sprecherin.";
    assertThat(speaker(COMPANY, "The company did not want to disturb anyone.", "Marta Quell", quote, "Marta Quell", "Jonas Brenner"))
        .isEmpty();
    assertThat(speaker(COMPANY, "The company did not want to disturb anyone.", "Jonas Brenner", quote, "Marta Quell", "Jonas Brenner"))
        .hasSize(1);
    // Reported speech after it goes on with the same speaker.
    assertThat(speaker(COMPANY, "The company did not choose the site itself.", "Marta Quell",
        "Das Unternehmen habe den Standort nicht selbst gewählt.", "Marta Quell")).isEmpty();
  }

  @Test
  void aSingleQuestionAndAnswerOpeningAnEssayMakesNoInterview() {
    Claim c = new Claim("Many landlords lack the money for the rent.", "the article", "article_voice", "stated",
        "Viele Wirte haben zu wenig Geld für die Miete.", new QuoteLocator(ESSAY).locate("Viele Wirte haben zu wenig Geld für die Miete."));
    Analysis a = new Analysis("de", "h", "s", List.of(), List.of(c), List.of());
    assertThat(FaithfulnessCheck.check(a, ESSAY, Glossary.builtIn(), "de", "en", null).stream()
        .filter(f -> f.kind() == Finding.Kind.SPEAKER)).isEmpty();
  }

  @Test
  void anInterviewPrintedAsAnswersAloneSpeaksForTheOneItsLeadAnnounces() {
    assertThat(speaker(INTERVIEW, "Many care homes are short of staff.", "Ilse Warmbold",
        "Viele Einrichtungen haben zu wenig Personal.", "Ilse Warmbold")).isEmpty();
    assertThat(speaker(INTERVIEW, "Many care homes are short of staff.", "Jonas Brenner",
        "Viele Einrichtungen haben zu wenig Personal.", "Ilse Warmbold")).hasSize(1);
  }

  @Test
  void reportedSpeechRunsOnFromItsAttribution() {
    String quote = "Eine Zuordnung sei oft schwer möglich.";
    assertThat(speaker(REPORTED, "Attributing attacks is often hard.", "Kai Lorenz", quote, "Kai Lorenz", "Ute Fahl")).isEmpty();
    assertThat(speaker(REPORTED, "Attributing attacks is often hard.", "Ute Fahl", quote, "Kai Lorenz", "Ute Fahl")).hasSize(1);
  }

  @Test
  void aLoudDoubtIsNoAttributionAndTheHearsaySollenIsAnUnnamedSource() {
    String article = """
        Die Studie sorgte für Streit. Als das Team um Lena Voss die Zahlen vorlegte, wurden heftige Zweifel laut.
        Es sollen zwei Staatssekretäre gewesen sein, die den Minister gedrängt haben. Laut Ministerium ist das falsch.
        """;
    String doubt = "wurden heftige Zweifel laut";
    Claim stated = new Claim("Strong doubts were raised when Lena Voss's team presented the figures.", "the article",
        "article_voice", "stated", doubt, new QuoteLocator(article).locate(doubt));
    Analysis a = new Analysis("de", "h", "s", List.of(), List.of(stated), List.of());
    assertThat(FaithfulnessCheck.check(a, article, Glossary.builtIn(), "de", "en", null).stream()
        .filter(f -> f.kind() == Finding.Kind.SPEAKER)).isEmpty();
    String hearsay = "Es sollen zwei Staatssekretäre gewesen sein, die den Minister gedrängt haben.";
    Claim alleged = new Claim("Two state secretaries reportedly pushed the minister.", "the article, citing unnamed sources",
        "anonymous_source", "alleged", hearsay, new QuoteLocator(article).locate(hearsay));
    assertThat(FaithfulnessCheck.check(new Analysis("de", "h", "s", List.of(), List.of(alleged), List.of()), article,
        Glossary.builtIn(), "de", "en", null).stream().filter(f -> f.kind() == Finding.Kind.SPEAKER)).isEmpty();
  }

  @Test
  void aBodyInAnotherSpeakersDescriptionDoesNotMakeHimTheOneARoleNames() {
    String article = """
        Die Lockerung braucht zwei Bedingungen, sagt Tom Reiter, Leiter des Instituts für Epidemiologie in Halle.
        "Wenn wir nur lockern, kommt die nächste Welle", sagt der Epidemiologe. Ina Wolf von der Charité sieht das ähnlich.
        """;
    String quote = "\"Wenn wir nur lockern, kommt die nächste Welle\", sagt der Epidemiologe.";
    String reiter = "epidemiologist Tom Reiter, Halle";
    String wolf = "Ina Wolf, head of the Institute of Social Medicine and Epidemiology at the Charité";
    Claim c = new Claim("Relaxing alone brings the next wave.", reiter, "named_person", "prediction", quote,
        new QuoteLocator(article).locate(quote));
    Claim other = new Claim("She agrees.", wolf, "named_person", "opinion", "Ina Wolf von der Charité sieht das ähnlich.",
        new QuoteLocator(article).locate("Ina Wolf von der Charité sieht das ähnlich."));
    Analysis a = new Analysis("de", "h", "s", List.of(), List.of(c, other), List.of());
    assertThat(FaithfulnessCheck.check(a, article, Glossary.builtIn(), "de", "en", null).stream()
        .filter(f -> f.kind() == Finding.Kind.SPEAKER)).isEmpty();
  }

  @Test
  void aNewParagraphInTheWritersVoiceDoesNotGoOnWithTheSpeakerBeforeIt() {
    String article = """
        Eine Umfrage von Infratest unter Lehrern zeigt Lücken. Viele fühlen sich schlecht vorbereitet.
        "Das Netz hilft uns sehr", sagt die Lehrerin Eva Brand.

        Die Schließung hat vieles beschleunigt: Die Hälfte der befragten Lehrer will künftig öfter digital unterrichten.
        """;
    String quote = "Die Hälfte der befragten Lehrer will künftig öfter digital unterrichten.";
    Claim survey = new Claim("Half of the teachers asked want to teach digitally more often.", "Infratest survey",
        "named_organization", "reported", quote, new QuoteLocator(article).locate(quote));
    Claim brand = new Claim("The internet helps a lot.", "teacher Eva Brand", "named_person", "opinion",
        "\"Das Netz hilft uns sehr\", sagt die Lehrerin Eva Brand.",
        new QuoteLocator(article).locate("\"Das Netz hilft uns sehr\", sagt die Lehrerin Eva Brand."));
    Analysis a = new Analysis("de", "h", "s", List.of(), List.of(survey, brand), List.of());
    assertThat(FaithfulnessCheck.check(a, article, Glossary.builtIn(), "de", "en", null).stream()
        .filter(f -> f.kind() == Finding.Kind.SPEAKER)).isEmpty();
  }

  @Test
  void anAgencyCreditedWithTheWholeTextSpeaksForAnyOfIt() {
    String atEnd = """
        Hilfe für den Dom

        Die Stadt will sich an der Restaurierung beteiligen. Der Bürgermeister sprach von einer Chance.
        Die Werkstätten könnten helfen. Der Minister bedankte sich. (KNA)
        """;
    String quote = "Die Werkstätten könnten helfen.";
    assertThat(speaker(atEnd, "The workshops could help.", "the article, citing KNA", quote)).isEmpty();
    assertThat(speaker(atEnd, "The workshops could help.", "the article, citing Reuters", quote)).hasSize(1);
    String atStart = """
        Hilfe für den Dom

        Köln (dpa) - Die Stadt will sich an der Restaurierung beteiligen. Der Bürgermeister sprach von einer Chance.
        Die Werkstätten könnten helfen. Der Minister bedankte sich.
        """;
    assertThat(speaker(atStart, "The workshops could help.", "dpa", quote)).isEmpty();
  }
}
