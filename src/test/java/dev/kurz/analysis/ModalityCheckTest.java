package dev.kurz.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kurz.model.Claim;
import java.util.List;
import org.junit.jupiter.api.Test;

class ModalityCheckTest {
  /** A claim in the article's own voice, where a reported statement given as fact is the outlet's own. */
  private static List<String> check(String modality, String quote) {
    return ModalityCheck.check(
        3, new Claim("a claim", "the article", "article_voice", modality, quote, null));
  }

  @Test
  void aClaimThatNamesItsSpeakerKeepsTheAttributionSoStatedIsNoReportTurnedIntoFact() {
    String quote = "Die Lage sei ernst, sagte der Sprecher.";
    assertThat(ModalityCheck.check(1, new Claim("The situation is serious.", "Lena Roth", "named_person", "stated", quote, null)))
        .isEmpty();
    assertThat(ModalityCheck.check(1, new Claim("The situation is serious.", "the newspaper", "media", "stated", quote, null)))
        .singleElement().asString().contains("'sei', 'sagte'");
    // A denial is checked whoever speaks.
    assertThat(ModalityCheck.check(1, new Claim("The report is true.", "Lena Roth", "named_person", "stated",
        "Sie bestritt den Bericht.", null))).hasSize(1);
  }

  @Test
  void anEnglishHedgeKeepsTheGermanOne() {
    String quote = "Der mutmaßliche Anführer der Gruppe sitzt seit März in Untersuchungshaft.";
    assertThat(ModalityCheck.check(1, new Claim("The alleged leader of the group has been in custody since March.",
        "the article", "article_voice", "stated", quote, null))).isEmpty();
    assertThat(ModalityCheck.check(1, new Claim("The leader of the group has been in custody since March.",
        "the article", "article_voice", "stated", quote, null))).singleElement().asString().contains("'mutmaßliche'");
  }

  @Test
  void reportiveSollWithPerfectInfinitiveWarnsWhenStated() {
    List<String> w =
        check("stated", "Der Minister soll im Frühjahr geheime Kontakte aufgenommen haben.");
    assertThat(w)
        .containsExactly(
            "claim 3: quote contains reportive/attribution cue 'soll ... aufgenommen haben' but"
                + " modality is 'stated'");
  }

  @Test
  void reportiveSollWithGewesenSeinWarnsWhenStated() {
    assertThat(check("stated", "Das soll nicht der erste Versuch der Regierung gewesen sein."))
        .singleElement()
        .asString()
        .contains("'soll ... gewesen sein'");
  }

  @Test
  void reportiveSollIsFineWhenAlleged() {
    assertThat(check("alleged", "Die Agenten sollen den Plan bereits 2022 entworfen haben."))
        .isEmpty();
  }

  @Test
  void reportiveSollWithoutHabenWarnsWhenStated() {
    assertThat(check("stated", "Dazu soll es direkten Kontakt zwischen beiden Geheimdiensten geben."))
        .singleElement().asString().contains("'soll ... geben'");
    assertThat(check("stated", "Der Unternehmer soll enge Verbindungen in den Kreml haben."))
        .singleElement().asString().contains("'soll ... haben'");
    assertThat(check("stated", "Das Vermögen der Familie soll bei mehreren Milliarden Euro liegen.")).hasSize(1);
  }

  @Test
  void deonticSollOfStateWithATimeToComeDoesNotWarn() {
    assertThat(check("stated", "Ab Mai soll es in allen Bussen kostenloses WLAN geben.")).isEmpty();
    assertThat(check("stated", "Künftig soll die Behörde mehr Personal haben.")).isEmpty();
    assertThat(check("stated", "Die neue Linie soll im kommenden Jahr in Betrieb sein.")).isEmpty();
  }

  @Test
  void deonticSollDoesNotWarn() {
    assertThat(check("stated", "Der Konflikt soll entlang der Frontlinie eingefroren werden."))
        .isEmpty();
    assertThat(check("stated", "Die Brücke soll bis zum Sommer fertig sein.")).isEmpty();
    assertThat(check("stated", "Die Gespräche sollen nächste Woche weitergehen.")).isEmpty();
  }

  @Test
  void attributionCuesWarnWhenStated() {
    assertThat(check("stated", "Laut Reuters trafen sich die Unterhändler in Istanbul."))
        .singleElement()
        .asString()
        .contains("'Laut Reuters'");
    assertThat(check("stated", "Den Quellen zufolge wurde das Angebot abgelehnt."))
        .singleElement()
        .asString()
        .contains("'zufolge'");
    assertThat(check("stated", "Nach Angaben der Polizei wurden drei Menschen verletzt."))
        .singleElement()
        .asString()
        .contains("'Nach Angaben'");
    assertThat(check("stated", "Der mutmaßliche Täter wurde festgenommen."))
        .singleElement()
        .asString()
        .contains("'mutmaßliche'");
    assertThat(check("stated", "Washington sei zu Gesprächen bereit, sagte der Sprecher."))
        .singleElement()
        .asString()
        .contains("'sei', 'sagte'");
  }

  @Test
  void attributionCuesAreFineWhenReported() {
    assertThat(check("reported", "Laut Reuters trafen sich die Unterhändler in Istanbul."))
        .isEmpty();
    assertThat(check("reported", "Washington sei zu Gesprächen bereit.")).isEmpty();
  }

  @Test
  void cuesInsideOtherWordsOrIndicativeFormsDoNotWarn() {
    assertThat(check("stated", "Über Lautsprecher wurde die Seilbahn beiseite geräumt.")).isEmpty();
    assertThat(check("stated", "Die Kontrollen an der Grenze wurden verschärft.")).isEmpty();
    assertThat(check("stated", "Ich habe das Dokument selbst gesehen.")).isEmpty();
    assertThat(check("stated", "Die Musik war laut.")).isEmpty();
    assertThat(check("stated", "Seine Führungsrolle ist unbestritten.")).isEmpty();
    assertThat(check("stated", "Die Zahl der Verletzten stieg auf 1.200. Sie sei hoch."))
        .hasSize(1);
  }

  @Test
  void konjunktivIOfAnyVerbWarnsWhenStated() {
    // none of these verbs was on the old word list; the lexicon knows their subjunctive forms
    assertThat(check("stated", "Der Vorschlag der Kommission gehe an der Wirklichkeit vorbei."))
        .singleElement().asString().contains("'gehe'");
    assertThat(check("stated", "Bei dem Vorfall handle es sich um einen bedauerlichen Einzelfall."))
        .singleElement().asString().contains("'handle'");
    assertThat(check("stated", "Der Fraktion fehle jede Strategie für den Winter.")).hasSize(1);
    assertThat(check("stated", "Die Stadtwerke planten keine Preiserhöhung, die Lage bleibe ruhig."))
        .singleElement().asString().contains("'bleibe'");
    assertThat(check("stated", "Wir seien auf einem guten Weg.")).hasSize(1);
  }

  @Test
  void formsThatAreIndicativeTooDoNotWarn() {
    // Konjunktiv I and indicative coincide: "sie haben", "wir gehen", "ich gebe", "gebe ich"
    assertThat(check("stated", "Sie haben den Vertrag am Montag unterschrieben.")).isEmpty();
    assertThat(check("stated", "Wir gehen davon aus, dass die Preise steigen.")).isEmpty();
    assertThat(check("stated", "Ich gebe zu, dass der Plan Lücken hat.")).isEmpty();
    assertThat(check("stated", "Heute gebe ich die Entscheidung bekannt.")).isEmpty();
    // words that are also another part of speech: the particle "bitte", the adjective "weise"
    assertThat(check("stated", "Die Anwohner werden bitte gebeten, die Fenster zu schließen.")).isEmpty();
    assertThat(check("stated", "Das war eine weise Entscheidung des Gerichts.")).isEmpty();
    assertThat(check("stated", "Meine Partei und eine Mehrheit im Rat tragen den Beschluss.")).isEmpty();
    // the speaker's own verb at the end of a clause, far from "ich"
    assertThat(check("stated", "Wenn ich die Regeln einhalte, darf ich die Kirche besuchen.")).isEmpty();
    assertThat(check("stated", "Das ist der Zug, den ich jeden Morgen nehme.")).isEmpty();
    assertThat(check("stated", "Ich gehe einkaufen, koche und lese abends.")).isEmpty();
  }

  @Test
  void subjunctiveNextToTheSpeakersOwnWordsStillWarns() {
    // another clause's pronoun does not decide: "er ... gesprochen habe", "seien ... und man"
    assertThat(check("stated", "Gefragt, wie oft er mit dem Kanzler gesprochen habe, sagte ich nichts."))
        .singleElement().asString().contains("'habe'");
    assertThat(check("stated", "Die Länder seien unterschiedlich betroffen und man prüfe weiter."))
        .singleElement().asString().contains("'seien', 'prüfe'");
    assertThat(check("stated", "Ich glaube, alle Vorsichtsmaßnahmen seien übertrieben.")).hasSize(1);
  }

  @Test
  void translationThatDropsAnyVerbsSubjunctiveLosesDistance() {
    assertThat(ModalityCheck.lostDistance("Die Lage im Hafen bleibe ruhig.", "The situation in the port remains calm."))
        .isEqualTo("'bleibe'");
    assertThat(ModalityCheck.lostDistance("Die Lage im Hafen bleibe ruhig.", "The situation is said to remain calm."))
        .isNull();
    assertThat(ModalityCheck.lostDistance("Wir gehen davon aus.", "We assume so.")).isNull();
  }

  @Test
  void denialVerbWarnsUnlessDenied() {
    String quote = "Der Kreml bestritt, dass ein Treffen stattgefunden habe.";
    assertThat(check("denied", quote)).isEmpty();
    assertThat(check("reported", quote))
        .containsExactly(
            "claim 3: quote contains denial cue 'bestritt' but modality is 'reported'");
  }

  @Test
  void separableDenialVerbWarns() {
    assertThat(check("opinion", "Das Ministerium wies den Bericht als frei erfunden zurück."))
        .singleElement()
        .asString()
        .contains("'wies ... zurück'");
    assertThat(check("opinion", "Das Ministerium wies darauf hin, dass die Frist abläuft."))
        .isEmpty();
  }

  @Test
  void falseReportAndRealityPhrasesWarn() {
    assertThat(check("reported", "Der Sprecher nannte das einen falschen Bericht."))
        .singleElement()
        .asString()
        .contains("'falschen Bericht'");
    assertThat(check("reported", "Die Darstellung entspricht nicht der Realität."))
        .singleElement()
        .asString()
        .contains("denial cue");
    assertThat(check("opinion", "Es wäre falsch, jetzt die Hilfe zu kürzen.")).isEmpty();
  }

  @Test
  void negatedDenialDoesNotWarn() {
    assertThat(check("reported", "Darum kann ich das weder bestätigen noch dementieren."))
        .isEmpty();
    assertThat(check("reported", "Die Regierung hat den Bericht nicht dementiert.")).isEmpty();
  }

  @Test
  void statedDenialOfAReportWarnsTwice() {
    assertThat(check("stated", "Der Bericht sei falsch, sagte der Sprecher."))
        .hasSize(2)
        .allSatisfy(w -> assertThat(w).startsWith("claim 3: "));
  }

  @Test
  void missingQuoteOrModalityGivesNoWarnings() {
    assertThat(check("stated", null)).isEmpty();
    assertThat(check(null, "Laut Reuters trafen sich die Unterhändler.")).isEmpty();
    assertThat(ModalityCheck.check(1, null)).isEmpty();
  }

  @Test
  void rejectingARequestIsNoDenial() {
    assertThat(check("stated", "Das Landgericht hatte im März die Klage zweier Anwohner zurückgewiesen.")).isEmpty();
    assertThat(check("stated", "Der Stadtrat wies das Angebot des Investors zurück.")).isEmpty();
    assertThat(check("stated", "Der Bürgermeister wies die Vorwürfe entschieden zurück.")).hasSize(1);
  }

  @Test
  void agreeingIsNoAttribution() {
    assertThat(check("stated", "Schließlich erklärten sich zehn Staaten bereit, Flüchtlinge aufzunehmen.")).isEmpty();
    assertThat(check("stated", "Zehn Staaten erklärten, sie nähmen Flüchtlinge auf.")).isNotEmpty();
  }

  @Test
  void konjunktivEndingARelativeClauseQualifiesAThing() {
    assertThat(check("stated", "Das Verbot bleibt bestehen, ebenso wie der Abstand, der weiterhin einzuhalten sei.")).isEmpty();
    assertThat(check("stated", "Der Sprecher meinte, die Lage sei ernst.")).isNotEmpty();
  }

  @Test
  void falseStatementsGivenAccuseRatherThanDeny() {
    assertThat(check("reported", "Diese Leute machen einfach falsche Angaben bei den Kontrollen.")).isEmpty();
    assertThat(check("reported", "Die Angaben seien falsch, sagte der Sprecher.")).isNotEmpty();
  }

  @Test
  void englishThatSaysWhoWroteItStatesTheWriting() {
    Claim c = new Claim("The psychologist Flügel wrote nearly 100 years ago that dressing is like blushing.", "the article",
        "article_voice", "stated", "Sich zu kleiden sei wie erröten, schrieb der Psychologe Flügel.", null);
    assertThat(ModalityCheck.check(2, c)).isEmpty();
    Claim insisted = new Claim("Until May the mayor insisted the bridge was safe.", "the article", "article_voice", "stated",
        "Bis Mai beteuerte der Bürgermeister, die Brücke sei sicher.", null);
    assertThat(ModalityCheck.check(2, insisted)).isEmpty();
    Claim fact = new Claim("The bridge is safe.", "the article", "article_voice", "stated",
        "Bis Mai beteuerte der Bürgermeister, die Brücke sei sicher.", null);
    assertThat(ModalityCheck.check(2, fact)).hasSize(1);
  }

  @Test
  void optativeFormulasAreTheAuthorsOwnVoice() {
    assertThat(check("stated", "Wer einen Garten plant, dem sei der Katalog der Stadtgärtnerei empfohlen.")).isEmpty();
    assertThat(check("stated", "Es sei daran erinnert, dass die Fähre im Winter nicht fährt.")).isEmpty();
    assertThat(check("stated", "Gott sei Dank blieb der Damm stehen.")).isEmpty();
    assertThat(check("stated", "Allen Wanderern sei der Führer „Wege am Fluss“ aus dem Seeverlag empfohlen.")).isEmpty();
    // "empfohlen worden" reports what someone recommended.
    assertThat(check("stated", "Der Katalog sei den Schulen empfohlen worden.")).isNotEmpty();
    assertThat(check("stated", "Die Lage sei ernst.")).isNotEmpty();
  }

  @Test
  void sollOfStateRenderedAsAPlanKeepsTheModal() {
    String quote = "Eine Sperrstunde soll es in der Altstadt demnach aber nicht geben.";
    assertThat(ModalityCheck.check(1, new Claim("There is to be no curfew in the old town.", "the article",
        "article_voice", "stated", quote, null))).isEmpty();
    assertThat(ModalityCheck.check(1, new Claim("There is no curfew in the old town.", "the article",
        "article_voice", "stated", quote, null))).singleElement().asString().contains("'soll ... geben'");
    // A perfect infinitive reports, however the English renders it.
    assertThat(ModalityCheck.check(1, new Claim("The mayor is to have known of the plan.", "the article",
        "article_voice", "stated", "Der Bürgermeister soll von dem Plan gewusst haben.", null))).hasSize(1);
  }

  @Test
  void englishThatTellsOfTheDenialStatesIt() {
    String quote = "Die Reederei bestreitet, dass die Fähre überladen war.";
    assertThat(ModalityCheck.check(1, new Claim("The shipping company denies that the ferry was overloaded.",
        "the article", "article_voice", "stated", quote, null))).isEmpty();
    assertThat(ModalityCheck.check(1, new Claim("The ferry was not overloaded.", "the article", "article_voice",
        "stated", quote, null))).singleElement().asString().contains("denial cue 'bestreitet'");
  }
}
