package dev.kurz.faithfulness;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kurz.analysis.QuoteLocator;
import dev.kurz.glossary.Glossary;
import dev.kurz.model.Analysis;
import dev.kurz.model.Claim;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Negations said another way, on either side, in an article of our own: no warning on a faithful answer. */
class NegationFormsTest {
  private static final String ARTICLE = """
      Stadtfest in Mohrbach abgesagt

      Das Stadtfest in Mohrbach fällt in diesem Jahr aus. Konzerte in der Halle bleiben verboten, Märkte sind nicht erlaubt.
      In drei der sieben Fälle war der Grund ein anderer als das Wetter. Die Stadt legt keinerlei neuen Termin fest.
      Anwohner in nicht-zentralen Lagen fühlen sich weniger informiert. Der Umzug soll weniger gut angekommen sein.
      Der Zuschuss darf nicht mehr als ein Drittel der Kosten betragen. Erst im Mai wurde die Entscheidung bekannt.
      Der Bürgermeister will lieber die Vereine als die Händler zuerst entschädigen. Die Pressekonferenz beginnt nicht vor 17 Uhr.

      Im April erschien im Stadtanzeiger ein Brief von Anna Roth und Peter Falk mit dem Titel "Unser Fest". Darin werfen
      sie der Stadt vor, kein Wort des Bedauerns für die Vereine gefunden zu haben. Die Halle habe auch genug Platz.
      Das Orchester spielt zum Abschluss die Sinfonie Nr. 2. Gott sei Dank blieb der Ansturm, den alle befürchteten, aus.
      Der Verein hatte darauf verzichtet, im April Beiträge abzubuchen, um Kündigungen zu verhindern.
      """;

  private static List<Finding> check(String summary, Claim... claims) {
    Analysis a = new Analysis("de", "", summary, List.of(), List.of(claims), List.of());
    return FaithfulnessCheck.check(a, ARTICLE, Glossary.builtIn(), "de", "en", null).stream()
        .filter(f -> f.kind() == Finding.Kind.NEGATION).toList();
  }

  private static Claim claim(String english, String quote) {
    return new Claim(english, "the article", "article_voice", "stated", quote, new QuoteLocator(ARTICLE).locate(quote));
  }

  @Test
  void aCancellationABanAndAnExclusionCarryTheOtherSidesNegation() {
    assertThat(check("", claim("The town festival can no longer take place this year.",
        "Das Stadtfest in Mohrbach fällt in diesem Jahr aus."))).isEmpty();
    assertThat(check("", claim("Concerts remain banned and markets remain prohibited.",
        "Konzerte in der Halle bleiben verboten, Märkte sind nicht erlaubt."))).isEmpty();
    assertThat(check("", claim("The feared rush did not come, thank God.", "Gott sei Dank blieb der Ansturm, den alle befürchteten, aus.")))
        .isEmpty();
    assertThat(check("", claim("The club did not collect fees in April, to prevent cancellations.",
        "Der Verein hatte darauf verzichtet, im April Beiträge abzubuchen, um Kündigungen zu verhindern."))).isEmpty();
    assertThat(check("", claim("In three of the seven cases the reason was not the weather.",
        "In drei der sieben Fälle war der Grund ein anderer als das Wetter."))).isEmpty();
  }

  @Test
  void keinerleiAndAHyphenatedNichtAreReadAsWhatTheyAre() {
    assertThat(check("", claim("The town does not set any new date.", "Die Stadt legt keinerlei neuen Termin fest."))).isEmpty();
    assertThat(check("", claim("The town sets a new date.", "Die Stadt legt keinerlei neuen Termin fest.")))
        .extracting(Finding::item).containsExactly("keinerlei");
    assertThat(check("", claim("Residents outside the centre feel less informed.",
        "Anwohner in nicht-zentralen Lagen fühlen sich weniger informiert."))).isEmpty();
  }

  @Test
  void lessAndNotWellTranslateEachOther() {
    assertThat(check("", claim("The parade is said not to have gone down well.",
        "Der Umzug soll weniger gut angekommen sein."))).isEmpty();
  }

  @Test
  void aCapNotUntilAndUnlikelyAreNoLostOrAddedNegation() {
    assertThat(check("", claim("The grant may not exceed a third of the costs.",
        "Der Zuschuss darf nicht mehr als ein Drittel der Kosten betragen."))).isEmpty();
    assertThat(check("The decision was not made public until May.", claim("The decision only became known in May.",
        "Erst im Mai wurde die Entscheidung bekannt."))).isEmpty();
    assertThat(check("", claim("The press conference is unlikely to begin before 5 p.m.",
        "Die Pressekonferenz beginnt nicht vor 17 Uhr."))).isEmpty();
  }

  @Test
  void aContrastBetweenCommasIsNoNegation() {
    assertThat(check("The mayor wants the clubs, not the traders, to be compensated first.",
        claim("The mayor prefers to compensate the clubs before the traders.",
            "Der Bürgermeister will lieber die Vereine als die Händler zuerst entschädigen."))).isEmpty();
  }

  @Test
  void aStatementNegatingWhatNoClaimSaysIsNotCheckedAgainstAClaimSharingOnlyItsSubject() {
    assertThat(check("The town festival in Mohrbach will have no opening parade this year.",
        claim("The town festival in Mohrbach is cancelled this year.", "Das Stadtfest in Mohrbach fällt in diesem Jahr aus.")))
        .isEmpty();
    // What the claim says, negated, is still found.
    assertThat(check("The town festival in Mohrbach is not cancelled this year.",
        claim("The town festival in Mohrbach is cancelled this year.", "Das Stadtfest in Mohrbach fällt in diesem Jahr aus.")))
        .extracting(Finding::item).containsExactly("not");
  }

  @Test
  void aClaimRenderingMuchMoreThanItsSentenceMayTakeItsNegationFromTheNext() {
    assertThat(check("", claim("In April the Stadtanzeiger published a letter by Anna Roth and Peter Falk titled 'Unser Fest',"
        + " accusing the town of finding no word of regret for the clubs.",
        "Im April erschien im Stadtanzeiger ein Brief von Anna Roth und Peter Falk mit dem Titel \"Unser Fest\"."))).isEmpty();
    // A short claim that only adds "do not" renders no more than its sentence: the neighbour's "kein" is not its own.
    assertThat(check("", claim("The hall does not have enough space.", "Die Halle habe auch genug Platz.")))
        .extracting(Finding::item).containsExactly("not");
  }

  @Test
  void aNumberSignIsNoNegation() {
    assertThat(check("", claim("At the end the orchestra plays Symphony No. 2.",
        "Das Orchester spielt zum Abschluss die Sinfonie Nr. 2."))).isEmpty();
  }

  @Test
  void aNegationIsLostOnlyWhereTheStatementRestatesWhatFollowsIt() {
    Claim noDate = claim("The town does not name any new date.", "Die Stadt legt keinerlei neuen Termin fest.");
    // "names ... date": one of the two words after the head is enough.
    assertThat(check("The town names a date for the festival.", noDate)).extracting(Finding::item).containsExactly("not");
    // An indirect question leaves open what the claim negates.
    assertThat(check("The clubs ask whether the town names a new date.", noDate)).isEmpty();
  }

  @Test
  void polarityReadings() {
    assertThat(Polarity.english("The test has almost no false positives.").plain()).isFalse();
    assertThat(Polarity.english("It is no more than a first step.").plain()).isFalse();
    assertThat(Polarity.english("It is a vegetable garden, not a kitchen.").plain()).isTrue();
    assertThat(Polarity.english("The bank and the band are open.").any()).isFalse();
    assertThat(Polarity.wordsBesideNegation("The staff didn't have enough, and do not now.")).isEqualTo(6);
  }

  @Test
  void aClaimMayTakeItsNegationFromANearbySentenceWhoseFigureOrNameItRenders() {
    String article = """
        Die Klinik bereitete sich auf viele Patienten vor. Der Leiter der Klinik am Stadtrand zählte in den vergangenen
        drei Wochen alle Todesfälle der Station genau. Sein Bericht liegt vor. Ein Drittel der Patienten war nicht an dem
        Virus gestorben. Die Stadträtin Ina Kolb lobte die Klinik.
        """;
    String quote = "Der Leiter der Klinik am Stadtrand zählte in den vergangenen\ndrei Wochen alle Todesfälle der Station genau.";
    java.util.function.Function<String, List<Finding>> check = english -> {
      Claim c = new Claim(english, "the article", "article_voice", "stated", quote, new QuoteLocator(article).locate(quote));
      return FaithfulnessCheck.check(new Analysis("de", "", "", List.of(), List.of(c), List.of()), article,
          Glossary.builtIn(), "de", "en", null).stream().filter(f -> f.kind() == Finding.Kind.NEGATION).toList();
    };
    assertThat(check.apply("The clinic's head counted all deaths for three weeks; a third of the patients did not die of the virus."))
        .isEmpty();
    assertThat(check.apply("The clinic's head did not count all deaths on the ward in the past three weeks.")).hasSize(1);
  }

  private static List<Finding> summed(String summary, String keyPoint) {
    Analysis a = new Analysis("de", "", summary, List.of(keyPoint), List.of(), List.of());
    return FaithfulnessCheck.check(a, ARTICLE, Glossary.builtIn(), "de", "en", null).stream()
        .filter(f -> f.kind() == Finding.Kind.NEGATION).toList();
  }

  @Test
  void aSummarySentenceThatDropsTheNegationOfTheKeyPointItSumsUpContradictsIt() {
    String keyPoint = "Markets are not allowed in Mohrbach this year.";
    assertThat(summed("The town festival is cancelled, and markets are not allowed in Mohrbach this year.", keyPoint)).isEmpty();
    assertThat(summed("The town festival is cancelled, and markets are allowed in Mohrbach this year.", keyPoint))
        .extracting(Finding::where, Finding::item).containsExactly(org.assertj.core.groups.Tuple.tuple("summary sentence 1", "not"));
    // A condition contrary to fact negates nothing: "were it not for the ban" is "but for the ban".
    assertThat(summed("Because of the ban the orchestra plays outside; under normal circumstances it would now play in the hall.",
        "The orchestra would be playing in the hall now were it not for the ban.")).isEmpty();
  }
}
