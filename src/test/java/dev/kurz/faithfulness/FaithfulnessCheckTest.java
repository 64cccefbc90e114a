package dev.kurz.faithfulness;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kurz.glossary.Glossary;
import dev.kurz.model.Analysis;
import dev.kurz.model.Claim;
import dev.kurz.model.Entity;
import dev.kurz.analysis.QuoteLocator;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class FaithfulnessCheckTest {
  private static final String ARTICLE = """
      Stadtwerke erhöhen Preise

      Die Stadtwerke Kornbach erhöhen am 2. November die Preise um 3,5 Prozent. Betroffen sind rund 1,5 Millionen Kunden.
      Das teilte Geschäftsführerin Martina Feldhaus am Montag mit. Die Sitzung begann um 15.30 Uhr.

      Im Jahr 2022 hatte das Unternehmen 300 Mitarbeiter eingestellt, in den 1990er Jahren waren es zwölf pro Jahr. Der Bürgermeister Olaf Brenner sagte, die Stadt werde die Erhöhung nicht verhindern.
      Die Verhandlungen dauerten fünf Stunden. Der Preis liegt bei 1.200 Euro pro Jahr.
      """;

  private static List<Finding> check(String english) {
    Analysis a = new Analysis("de", "h", english, List.of(), List.of(), List.of());
    return FaithfulnessCheck.check(a, ARTICLE, Glossary.builtIn(), "de", "en", null);
  }

  @Test
  void germanNotationMatchesEnglishNotation() {
    assertThat(check("Kornbach's utility raises prices by 3.5 percent on November 2, affecting some 1.5 million customers.")).isEmpty();
    assertThat(check("Managing director Martina Feldhaus announced it on Monday; the meeting began at 3:30 p.m.")).isEmpty();
    assertThat(check("In 2022 the company hired 300 staff; in the 1990s it was twelve a year.")).isEmpty();
    assertThat(check("The talks lasted five hours. The price is €1,200 a year, on 2 November.")).isEmpty();
  }

  @Test
  void changedNumbersDatesAndNamesAreFlagged() {
    assertThat(check("Prices rise by 4.5 percent.")).extracting(Finding::kind).containsExactly(Finding.Kind.NUMBER);
    assertThat(check("Prices rise on November 3.")).extracting(Finding::kind).containsExactly(Finding.Kind.DATE);
    assertThat(check("In 2021 the company hired staff.")).extracting(Finding::kind).containsExactly(Finding.Kind.DATE);
    assertThat(check("She announced it on Tuesday.")).extracting(Finding::kind).containsExactly(Finding.Kind.WEEKDAY);
    assertThat(check("The meeting began at 4:30 p.m.")).extracting(Finding::kind).containsExactly(Finding.Kind.TIME);
    assertThat(check("Managing director Martina Hoffmann announced it.")).extracting(Finding::kind).containsExactly(Finding.Kind.NAME);
    assertThat(check("Mayor Olaf Brenner said so. The company hired 3,000 staff.")).extracting(Finding::item).containsExactly("3,000");
  }

  @Test
  void relativeYearsCountWithThePublicationDate() {
    String article = "Im vergangenen Jahr stiegen die Preise.";
    Analysis a = new Analysis("de", "h", "Prices rose in 2024.", List.of(), List.of(), List.of());
    assertThat(FaithfulnessCheck.check(a, article, Glossary.builtIn(), "de", "en", LocalDate.of(2025, 3, 1))).isEmpty();
    assertThat(FaithfulnessCheck.check(a, article, Glossary.builtIn(), "de", "en", null)).hasSize(1);
  }

  @Test
  void namesMatchThroughGlossaryEntitiesAndTransliteration() {
    String article = "Kremlsprecher Dmitri Peskow sagte in Moskau, Selenskyj habe in Kiew nichts gesagt.";
    Analysis a = new Analysis("de", "h", "Kremlin spokesman Dmitry Peskov said in Moscow that Zelensky had said nothing in Kyiv.",
        List.of(), List.of(), List.of(new Entity("Dmitry Peskov", "Dmitri Peskow", "person")));
    assertThat(FaithfulnessCheck.check(a, article, Glossary.builtIn(), "de", "en", null)).isEmpty();
  }

  private static List<Finding> claim(String claim, String speaker, String modality, String quote) {
    Claim c = new Claim(claim, speaker, "named_person", modality, quote, new QuoteLocator(ARTICLE).locate(quote));
    Analysis a = new Analysis("de", "h", "s", List.of(), List.of(c), List.of());
    return FaithfulnessCheck.check(a, ARTICLE, Glossary.builtIn(), "de", "en", null);
  }

  @Test
  void negationMustAgreeWithTheQuote() {
    String quote = "die Stadt werde die Erhöhung nicht verhindern";
    assertThat(claim("The city will not prevent the increase.", "Mayor Olaf Brenner", "reported", quote)).isEmpty();
    assertThat(claim("The city will block the increase.", "Mayor Olaf Brenner", "reported", quote))
        .extracting(Finding::kind).containsExactly(Finding.Kind.NEGATION);
    assertThat(claim("Prices will not rise by 3.5 percent on November 2.", "Martina Feldhaus", "reported",
        "Die Stadtwerke Kornbach erhöhen am 2. November die Preise um 3,5 Prozent."))
        .extracting(Finding::kind).contains(Finding.Kind.NEGATION);
  }

  @Test
  void speakerMustStandNearTheQuote() {
    String quote = "die Stadt werde die Erhöhung nicht verhindern";
    assertThat(claim("The city will not prevent the increase.", "Martina Feldhaus, managing director", "reported", quote))
        .extracting(Finding::kind).containsExactly(Finding.Kind.SPEAKER);
    assertThat(claim("The city will not prevent the increase.", "the article", "reported", quote))
        .extracting(Finding::kind).containsExactly(Finding.Kind.SPEAKER);
    // A claim that names its speaker keeps the attribution: 'stated' is the speaker's statement.
    assertThat(claim("The city will not prevent the increase.", "Mayor Olaf Brenner", "stated", quote)).isEmpty();
  }

  @Test
  void otherLanguagePairsAreNotChecked() {
    Analysis a = new Analysis("fr", "h", "In 1999 nothing happened.", List.of(), List.of(), List.of());
    assertThat(FaithfulnessCheck.check(a, ARTICLE, Glossary.builtIn(), "fr", "en", null)).isEmpty();
  }

  @Test
  void theFirstHourOfASpanIsATimeOfTheArticle() {
    String article = "Die Einkaufszeiten von 9 bis 11 Uhr sind für Ältere reserviert, die Sprechstunde ist zwischen 14 und 15.30 Uhr.";
    Analysis a = new Analysis("de", "h", "Shopping from 9 a.m. to 11 a.m. is reserved for older people; "
        + "office hours run from 2 p.m. to 3:30 p.m., and the hall opens at 8 a.m.", List.of(), List.of(), List.of());
    assertThat(FaithfulnessCheck.check(a, article, Glossary.builtIn(), "de", "en", null))
        .extracting(Finding::item).containsExactly("8 a.m.");
  }

  @Test
  void aTimeOnThe24HourClockNeedsNoUhr() {
    String article = "Der Film läuft am Mittwoch um 20:15 in der ARD, die Wiederholung um 23.40 im Ersten. Das Spiel endete 2:1.";
    Analysis a = new Analysis("de", "h", "The film airs on Wednesday at 8:15 p.m. on ARD and again at 23:40; the match ended at 2:10.",
        List.of(), List.of(), List.of());
    assertThat(FaithfulnessCheck.check(a, article, Glossary.builtIn(), "de", "en", null))
        .extracting(Finding::item).containsExactly("2:10");
  }

  @Test
  void midnightAndNoonAreTimesOfTheClock() {
    java.util.function.BiFunction<String, String, List<String>> check = (article, english) -> FaithfulnessCheck.check(
        new Analysis("de", "h", english, List.of(), List.of(), List.of()), article, Glossary.builtIn(), "de", "en", null)
        .stream().map(Finding::item).toList();
    assertThat(check.apply("Die Bar darf bis Mitternacht öffnen, das Amt schließt um 24 Uhr, die Kantine öffnet mittags.",
        "The bar may open until midnight, the office closes at midnight and the canteen opens at noon.")).isEmpty();
    assertThat(check.apply("Die Kantine öffnet am Nachmittag, die Bar bis 22 Uhr.", "The canteen opens at noon and the bar until midnight."))
        .containsExactly("noon", "midnight");
  }
}
