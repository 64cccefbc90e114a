package dev.kurz.faithfulness;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kurz.analysis.QuoteLocator;
import dev.kurz.glossary.Glossary;
import dev.kurz.model.Analysis;
import dev.kurz.model.Claim;
import dev.kurz.model.Entity;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Names checked where the statement comes from, and the notations a clean answer uses for them. */
class NamePlacementTest {
  private static final String ARTICLE = """
      Streit um Hafenausbau in Kornbach

      Bürgermeisterin Jana Albrecht will den Hafen bis 2028 ausbauen. Die Kosten liegen bei 40 Millionen Euro.
      Der Stadtrat stimmte am Montag zu. Die Opposition kritisierte das Verfahren scharf.

      Umweltdezernent Lukas Brenner warnte vor Schäden für das Ufer. Brenner sagte, die Gutachten seien veraltet.
      Die Tadschiken im Hafenviertel fürchten um ihre Werkstätten. Die Arbeiten dauern zweieinhalb Jahre.
      """;
  private static final List<Entity> PEOPLE = List.of(
      new Entity("Jana Albrecht", "Jana Albrecht", "person"), new Entity("Lukas Brenner", "Lukas Brenner", "person"));

  private static List<Finding> check(String summary, String claim, String quote) {
    List<Claim> claims = claim == null ? List.of()
        : List.of(new Claim(claim, "the article", "article_voice", "stated", quote, new QuoteLocator(ARTICLE).locate(quote)));
    Analysis a = new Analysis("de", "Harbour row", summary, List.of(), claims, PEOPLE);
    // Only the name findings: the speaker rules have their own tests.
    return FaithfulnessCheck.check(a, ARTICLE, Glossary.builtIn(), "de", "en", null).stream()
        .filter(f -> f.kind() == Finding.Kind.NAME || f.kind() == Finding.Kind.NUMBER).toList();
  }

  @Test
  void personNamedFarFromTheQuoteThatNamesSomeoneElseIsFlagged() {
    String quote = "Brenner sagte, die Gutachten seien veraltet.";
    assertThat(check("", "Brenner said the reports were out of date.", quote)).isEmpty();
    assertThat(check("", "Albrecht said the reports were out of date.", quote))
        .extracting(Finding::kind, Finding::item).containsExactly(org.assertj.core.groups.Tuple.tuple(Finding.Kind.NAME, "Albrecht"));
  }

  @Test
  void oneFirstNameWithAnothersSurnameIsNoPerson() {
    assertThat(check("Jana Albrecht wants to expand the harbour by 2028.", null, null)).isEmpty();
    assertThat(check("Jana Brenner wants to expand the harbour by 2028.", null, null))
        .extracting(Finding::item).containsExactly("Jana Brenner");
  }

  @Test
  void cleanNotationsAreNotFlagged() {
    assertThat(check("Tajiks in the harbour quarter fear for their workshops. The work takes two and a half years.", null, null)).isEmpty();
    assertThat(check("Environment Commissioner Lukas Brenner warned of damage. Output will fall.", null, null)).isEmpty();
  }

  private static final String PLANT = """
      Werksschließung in Talheim

      Der Autozulieferer Brandt schließt sein Werk in Talheim. Die Gewerkschaft IG Metall kündigte Proteste an.
      Betroffen sind 400 Beschäftigte. Die Produktion soll nach Polen verlagert werden.
      Der Betriebsrat sprach von einem schwarzen Tag. Die Stadt prüft nun, wie sie das Gelände nutzen kann.
      Am Abend trafen sich die Beschäftigten zu einer Versammlung. Die Stimmung war gedrückt.

      Das Land Sachsen bot Hilfen für die Zulieferer an. Der Verband der Automobilindustrie (VDA) warnte vor
      weiteren Schließungen.
      """;
  private static final List<Entity> PLANT_ENTITIES = List.of(new Entity("Brandt", "Brandt", "organization"),
      new Entity("IG Metall", "IG Metall", "organization"), new Entity("Talheim", "Talheim", "place"),
      new Entity("Poland", "Polen", "place"), new Entity("Saxony", "Sachsen", "place"),
      new Entity("German Association of the Automotive Industry (VDA)", "Verband der Automobilindustrie", "organization"));

  private static List<Finding> plant(String claim, String quote) {
    List<Claim> claims = List.of(new Claim(claim, "the article", "article_voice", "stated", quote, new QuoteLocator(PLANT).locate(quote)));
    Analysis a = new Analysis("de", "Plant closes", "", List.of(), claims, PLANT_ENTITIES);
    return FaithfulnessCheck.check(a, PLANT, Glossary.builtIn(), "de", "en", null).stream()
        .filter(f -> f.kind() == Finding.Kind.NAME).toList();
  }

  @Test
  void placeOrOrganisationNamedFarFromTheQuoteThatNamesAnotherOfItsKindIsFlagged() {
    String moved = "Die Produktion soll nach Polen verlagert werden.";
    assertThat(plant("Production is to be moved to Poland.", moved)).isEmpty();
    assertThat(plant("Production is to be moved to Saxony.", moved)).extracting(Finding::item).containsExactly("Saxony");
    String protests = "Die Gewerkschaft IG Metall kündigte Proteste an.";
    assertThat(plant("The IG Metall union announced protests.", protests)).isEmpty();
    assertThat(plant("The VDA announced protests.", protests)).extracting(Finding::item).containsExactly("VDA");
  }

  @Test
  void contextFromElsewhereIsNoSwapWhenTheQuoteNamesNoneOfItsKind() {
    assertThat(plant("400 employees of the Saxony supplier are affected.", "Betroffen sind 400 Beschäftigte.")).isEmpty();
    // Brandt stands in the sentence before the quote's: near enough.
    assertThat(plant("Brandt's union IG Metall announced protests.", "Die Gewerkschaft IG Metall kündigte Proteste an.")).isEmpty();
  }

  @Test
  void aNameTakenWithItsFigureFromTheNextSentenceIsWhereItComesFrom() {
    String article = """
        Mehr Fälle im Landkreis. Den größten Anstieg haben Altdorf, Lindach und die Kreisstadt, die nach Altdorf die meisten Fälle hat.
        Im Einzelnen: Altdorf 116, Lindach 37, Bergheim 89 und Seefeld 11.
        """;
    List<Entity> places = List.of(new Entity("Altdorf", "Altdorf", "place"), new Entity("Lindach", "Lindach", "place"),
        new Entity("Bergheim", "Bergheim", "place"), new Entity("Seefeld", "Seefeld", "place"));
    String quote = "die Kreisstadt, die nach Altdorf die meisten Fälle hat";
    java.util.function.Function<String, List<Finding>> check = english -> {
      Claim c = new Claim(english, "the article", "article_voice", "stated", quote, new QuoteLocator(article).locate(quote));
      return FaithfulnessCheck.check(new Analysis("de", "h", "", List.of(), List.of(c), places), article, Glossary.builtIn(),
          "de", "en", null).stream().filter(f -> f.kind() == Finding.Kind.NAME).toList();
    };
    assertThat(check.apply("Altdorf has 116 cases and Bergheim 89, the most in the district.")).isEmpty();
    assertThat(check.apply("Altdorf has the most cases, followed by Seefeld.")).extracting(Finding::item).containsExactly("Seefeld");
  }

  @Test
  void aPersonFromTheSentenceBeforeInPlaceOfTheOneTheQuoteNamesIsFlaggedUnlessTheQuoteSpeaksOfThemByPronoun() {
    String article = """
        Streit im Rathaus von Kornbach. Umweltdezernent Lukas Brenner legte am Montag ein neues Gutachten vor.
        Bürgermeisterin Jana Albrecht wies das Gutachten zurück. Laut Albrecht hat er es zu spät bei Stadträtin Vera Koch eingereicht.
        """;
    List<Entity> people = List.of(new Entity("Lukas Brenner", "Lukas Brenner", "person"),
        new Entity("Jana Albrecht", "Jana Albrecht", "person"), new Entity("Vera Koch", "Vera Koch", "person"));
    java.util.function.BiFunction<String, String, List<Finding>> check = (english, quote) -> {
      String speaker = quote.startsWith("Laut Albrecht") ? "Jana Albrecht" : "the article";
      Claim c = new Claim(english, speaker, "named_person", "reported", quote, new QuoteLocator(article).locate(quote));
      return FaithfulnessCheck.check(new Analysis("de", "h", "", List.of(), List.of(c), people), article, Glossary.builtIn(),
          "de", "en", null).stream().filter(f -> f.kind() == Finding.Kind.NAME).toList();
    };
    String rejected = "Bürgermeisterin Jana Albrecht wies das Gutachten zurück.";
    assertThat(check.apply("Mayor Jana Albrecht rejected the report.", rejected)).isEmpty();
    // Brenner stands in the sentence before, but the quote's sentence names Albrecht and no one it could mean him by.
    assertThat(check.apply("Lukas Brenner rejected the report.", rejected)).extracting(Finding::item).containsExactly("Brenner");
    // "er" is Brenner: the claim names him from the sentences before.
    String late = "Laut Albrecht hat er es zu spät bei Stadträtin Vera Koch eingereicht.";
    assertThat(check.apply("Brenner submitted the report too late.", late)).isEmpty();
  }
}
