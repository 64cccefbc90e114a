package dev.kurz.faithfulness;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kurz.glossary.Glossary;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A translated paragraph is checked against its German paragraph for numbers, dates, names and negation. */
class TranslationCheckTest {
  private static final String GERMAN = "Die Stadt zahlt 1,5 Millionen Euro für die Sanierung des Hallenbads, teilte "
      + "Bürgermeisterin Anke Roth am Dienstag mit. Eine Erhöhung der Eintrittspreise sei nicht geplant.";
  private static final String CLEAN = "The city is paying 1.5 million euros to renovate the indoor pool, Mayor Anke Roth "
      + "announced on Tuesday. An increase in admission prices is not planned.";

  private static List<Finding> check(String english) {
    return FaithfulnessCheck.checkTranslation("paragraph 2", GERMAN, english, "Hallenbad\n\n" + GERMAN, Glossary.builtIn(), "de", "en");
  }

  @Test
  void aFaithfulTranslationRaisesNothing() {
    assertThat(check(CLEAN)).isEmpty();
    assertThat(check("Mayor Roth said on Tuesday that the city will pay about 1.5 million euros for the pool; "
        + "admission prices will not rise.")).isEmpty();
  }

  @Test
  void aChangedNumberDateOrNameIsNamedWithItsParagraph() {
    assertThat(check(CLEAN.replace("1.5 million", "2.5 million"))).extracting(Finding::kind).containsExactly(Finding.Kind.NUMBER);
    assertThat(check(CLEAN.replace("Tuesday", "Thursday"))).extracting(Finding::kind).containsExactly(Finding.Kind.WEEKDAY);
    assertThat(check(CLEAN.replace("Anke Roth", "Anke Brandt"))).extracting(Finding::kind).containsExactly(Finding.Kind.NAME);
    assertThat(FaithfulnessCheck.warnings(check(CLEAN.replace("1.5 million", "2.5 million"))).get(0))
        .startsWith("faithfulness: paragraph 2: number '2.5 million' not in the article");
  }

  @Test
  void aLostOrAddedNegationIsFlagged() {
    assertThat(check(CLEAN.replace("is not planned", "is planned"))).extracting(Finding::kind).containsExactly(Finding.Kind.NEGATION);
    assertThat(check(CLEAN.replace("is paying", "is not paying")))
        .extracting(Finding::kind).containsExactly(Finding.Kind.NEGATION);
  }

  @Test
  void onlyGermanToEnglishIsChecked() {
    assertThat(FaithfulnessCheck.checkTranslation("paragraph 1", GERMAN, "15 millions", GERMAN, Glossary.builtIn(), "de", "fr")).isEmpty();
  }
}
