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

/** Figures an answer may work out or give another way, in an article of our own. */
class NumberReadingsTest {
  private static final String ARTICLE = """
      Mehr Gäste in Brenndorf

      Das Museum in Brenndorf zählte 2019 rund 48.000 Besucher, ein Plus von 6.000 gegenüber 2017. Der Anteil
      junger Gäste stieg von 21 Prozent auf 33 Prozent. Gegründet wurde das Haus in den fünfziger Jahren.

      Leiterin Jana Pietsch ist 52 und seit elf Jahren im Amt. Der Stadtrat beschloss am Montag, den Eintritt
      für Schulklassen zu streichen. Dafür fehlen im Haushalt 80.000 Euro.
      """;

  private static List<Finding> check(String summary, Claim... claims) {
    Analysis a = new Analysis("de", "", summary, List.of(), List.of(claims), List.of(new Entity("Jana Pietsch", "Jana Pietsch", "person")));
    return FaithfulnessCheck.check(a, ARTICLE, Glossary.builtIn(), "de", "en", LocalDate.of(2020, 3, 4)).stream()
        .filter(f -> f.kind() == Finding.Kind.NUMBER || f.kind() == Finding.Kind.DATE).toList();
  }

  private static Claim claim(String english, String quote) {
    return new Claim(english, "the article", "article_voice", "stated", quote, new QuoteLocator(ARTICLE).locate(quote));
  }

  @Test
  void aPlaceInASpanOrATimeBeforeANamedEventIsNoRelativeDate() {
    assertThat(check("The museum counts its visitors in the last week of each year.")).isEmpty();
    assertThat(check("On Monday, the week before the budget vote, the council dropped the fee for school classes.")).isEmpty();
    // Before the article's own time, they are still checked.
    assertThat(check("The council dropped the fee for school classes last week.")).extracting(Finding::item).containsExactly("last week");
    assertThat(check("The council had dropped the fee for school classes the week before.")).extracting(Finding::item).containsExactly("week before");
  }

  @Test
  void aChangeMayBeTheDifferenceOfTwoFiguresOfOneSentence() {
    assertThat(check("The museum had about 48,000 visitors in 2019, up from 42,000 in 2017.")).isEmpty();
    assertThat(check("The share of young visitors rose by 12 percentage points.")).isEmpty();
    // A figure given as no change, or a difference across sentences, is still checked.
    assertThat(check("The museum had 42,000 visitors in 2017.")).extracting(Finding::item).containsExactly("42,000");
    assertThat(check("The share of young visitors rose by 19 percentage points.")).extracting(Finding::item).containsExactly("19");
  }

  @Test
  void aDecadeIsTheYearsOfItsGermanName() {
    assertThat(check("The museum was founded in the 1950s.")).isEmpty();
    assertThat(check("The museum was founded in the 1960s.")).extracting(Finding::item).containsExactly("1960");
  }

  @Test
  void aStatementMayGiveAnAgeTheArticleStatesWhereItIntroducesThePerson() {
    assertThat(check("The council scrapped the fee for school classes, says the 52-year-old director Jana Pietsch.")).isEmpty();
    // In a claim the age must still stand near the quote.
    assertThat(check("", claim("The 52-year-old museum counted about 48,000 visitors in 2019.",
        "Das Museum in Brenndorf zählte 2019 rund 48.000 Besucher")))
        .extracting(Finding::item).containsExactly("52");
  }

  @Test
  void oneInAPeriodIsACountAndAPeriodNotARatio() {
    String article = "Die Reproduktionszahl soll in drei Wochen auf eins sinken.";
    java.util.function.Function<String, List<Finding>> check = english -> FaithfulnessCheck.check(
        new Analysis("de", "", english, List.of(), List.of(), List.of()), article, Glossary.builtIn(), "de", "en", null);
    assertThat(check.apply("The reproduction number is to fall to one in three weeks.")).isEmpty();
    assertThat(check.apply("One in three infections is to fall.")).extracting(Finding::item).containsExactly("One in three");
  }

  @Test
  void aFeastTheArticleNamesHasItsDateInTheYearOfPublication() {
    String article = "Seit Faschingsdienstag gilt die Regel. Über Ostern bleiben die Läden zu.";
    java.util.function.Function<String, List<Finding>> check = english -> FaithfulnessCheck.check(
        new Analysis("de", "", english, List.of(), List.of(), List.of()), article, Glossary.builtIn(), "de", "en",
        LocalDate.of(2020, 4, 15));
    assertThat(check.apply("The rule has applied since Shrove Tuesday, February 25; shops stay shut over Easter, April 12 and 13."))
        .isEmpty();
    assertThat(check.apply("The rule has applied since Shrove Tuesday, February 18.")).extracting(Finding::item)
        .containsExactly("February 18");
  }

  @Test
  void aSpanOfTimeMustHaveTheArticlesLengthInAnyUnit() {
    String article = """
        Neue Regeln in Brenndorf

        Die Schulen bleiben drei weitere Wochen geschlossen. Die Sanierung der Halle dauert zwei bis drei Monate.
        Wer einreist, muss sich für vierzehn Tage in Quarantäne begeben; ein 20-minütiger Test reicht nicht.
        Der Vertrag läuft ein halbes Jahr. Zur zweiten Woche der Ferien kommt der Bürgermeister, 52 Jahre alt.
        """;
    java.util.function.Function<String, List<Finding>> spans = summary -> FaithfulnessCheck.check(
        new Analysis("de", "", summary, List.of(), List.of(), List.of()), article, Glossary.builtIn(), "de", "en", null)
        .stream().filter(f -> f.kind() == Finding.Kind.DATE).toList();
    assertThat(spans.apply("Schools stay closed for three more weeks; the hall needs two to three months.")).isEmpty();
    assertThat(spans.apply("Arrivals quarantine for two weeks, as a 20-minute test is not enough; the contract runs six months.")).isEmpty();
    assertThat(spans.apply("The 52-year-old mayor comes in the second week of the holidays.")).isEmpty();
    // The same count in another unit is another span.
    assertThat(spans.apply("Schools stay closed for three more days.")).extracting(Finding::item).containsExactly("three more days");
    assertThat(spans.apply("The hall needs two to three years.")).extracting(Finding::item).containsExactly("two to three years");
    assertThat(spans.apply("Arrivals quarantine for three days.")).extracting(Finding::item).containsExactly("three days");
    // Counts of things a unit long are no span.
    assertThat(spans.apply("The school holds three week-long courses.")).isEmpty();
  }

  @Test
  void aPercentageMustBeOneTheArticleGivesAsAPercentageOrAShare() {
    String article = """
        Umfrage in Brenndorf

        Die Partei kommt auf Werte von 38 bis sagenhaften 40 Prozent. Der Zins liegt zwischen einem und 2,12 Prozent.
        Jeder Fünfte will wechseln, zwei Drittel bleiben. Im Jahr 2019 zählte der Verein 75 Mitglieder.
        """;
    java.util.function.Function<String, List<Finding>> numbers = summary -> FaithfulnessCheck.check(
        new Analysis("de", "", summary, List.of(), List.of(), List.of()), article, Glossary.builtIn(), "de", "en", null)
        .stream().filter(f -> f.kind() == Finding.Kind.NUMBER).toList();
    assertThat(numbers.apply("The party polls 38 to 40 percent; the rate is between 1 and 2.12 per cent.")).isEmpty();
    assertThat(numbers.apply("20% want to switch and about 67 percent stay; the party rose from 38 percent in 2019 to 40 percent.")).isEmpty();
    // 75 is in the article, but not as a percentage.
    assertThat(numbers.apply("75 percent stay.")).extracting(Finding::item).containsExactly("75 percent");
  }

  @Test
  void aMeasureMustBeOneTheArticleGivesInAnyMetricUnit() {
    String article = """
        Regeln in Brenndorf

        Es gilt ein Mindestabstand von anderthalb Metern, im 30-Kilometer-Grenzraum wird kontrolliert.
        Läden mit einer Fläche von bis zu 800 Metern öffnen. Die Insel liegt rund 13 000 Kilometer entfernt.
        Für die Suppe braucht man 1,2 Liter Brühe; geerntet wurden 2,5 Tonnen. Der Verein hat 2 Mitglieder.
        """;
    java.util.function.Function<String, List<Finding>> numbers = summary -> FaithfulnessCheck.check(
        new Analysis("de", "", summary, List.of(), List.of(), List.of()), article, Glossary.builtIn(), "de", "en", null)
        .stream().filter(f -> f.kind() == Finding.Kind.NUMBER).toList();
    assertThat(numbers.apply("A 1.5-metre distance applies; controls run within 30 kilometres of the border.")).isEmpty();
    assertThat(numbers.apply("Shops of up to 800 square metres open; the island is about 13,000 km away.")).isEmpty();
    assertThat(numbers.apply("The soup needs 1.2 litres of stock; 2.5 tonnes were harvested.")).isEmpty();
    // 2 is in the article, but not as a length.
    assertThat(numbers.apply("A distance of 2 metres applies.")).extracting(Finding::item).containsExactly("2 metres");
    assertThat(numbers.apply("The soup needs 2 litres of stock.")).extracting(Finding::item).containsExactly("2 litres");
  }
}
