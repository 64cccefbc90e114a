package dev.kurz.glossary;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kurz.Shared;
import dev.kurz.llm.ContractSchema;
import dev.kurz.model.Analysis;
import dev.kurz.model.Claim;
import dev.kurz.model.Entity;
import dev.kurz.model.Grounding;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class NameCheckTest {
  static final Glossary GLOSSARY = Glossary.builtIn();

  static Analysis leaky() {
    return new Analysis("de", "Selenskyj returns to Kiew",
        "President Wolodymyr Selenskyj returned to Kiew; Selenskyjs aides met Uschakow.",
        List.of("The Kremlin denies the report.", "Peskow called it false."),
        List.of(new Claim("Selenskyj returned to Kiew on Monday.", "Kremlin spokesman Dmitri Peskow", "official",
            "reported", "Selenskyj ist am Montag nach Kiew zurückgekehrt", new Grounding(Grounding.Status.EXACT, 0, 10))),
        List.of(new Entity("Kiew", "Kiew", "place"), new Entity("Volodymyr Zelensky", "Wolodymyr Selenskyj", "person"),
            new Entity("Uschakow", null, "person")));
  }

  @Test
  void sourceFormsInEnglishFieldsAreReportedWithWhereTheyStand() {
    assertThat(NameCheck.check(leaky(), GLOSSARY, "de", "en")).containsExactly(
        "headline: 'Selenskyj' should read 'Zelensky'",
        "headline: 'Kiew' should read 'Kyiv'",
        "summary: 'Wolodymyr' should read 'Volodymyr'",
        "summary: 'Selenskyj' should read 'Zelensky'",
        "summary: 'Kiew' should read 'Kyiv'",
        "summary: 'Selenskyjs' should read 'Zelensky's'",
        "summary: 'Uschakow' should read 'Ushakov'",
        "key point 2: 'Peskow' should read 'Peskov'",
        "claim 1: 'Selenskyj' should read 'Zelensky'",
        "claim 1: 'Kiew' should read 'Kyiv'",
        "claim 1 attributed_to: 'Dmitri Peskow' should read 'Dmitry Peskov'",
        "entity 1 name: 'Kiew' should read 'Kyiv'",
        "entity 3 name: 'Uschakow' should read 'Ushakov'");
  }

  @Test
  void fixingReplacesEveryReportedFormButLeavesQuotesAndOriginals() {
    Analysis fixed = NameFixer.fix(leaky(), GLOSSARY, "de", "en");
    assertThat(NameCheck.check(fixed, GLOSSARY, "de", "en")).isEmpty();
    assertThat(fixed.headline()).isEqualTo("Zelensky returns to Kyiv");
    assertThat(fixed.summary()).isEqualTo("President Volodymyr Zelensky returned to Kyiv; Zelensky's aides met Ushakov.");
    assertThat(fixed.keyPoints()).containsExactly("The Kremlin denies the report.", "Peskov called it false.");
    Claim c = fixed.claims().get(0);
    assertThat(c.claim()).isEqualTo("Zelensky returned to Kyiv on Monday.");
    assertThat(c.attributedTo()).isEqualTo("Kremlin spokesman Dmitry Peskov");
    assertThat(c.quote()).isEqualTo("Selenskyj ist am Montag nach Kiew zurückgekehrt");
    assertThat(c.grounding()).isEqualTo(leaky().claims().get(0).grounding());
    assertThat(fixed.entities()).containsExactly(new Entity("Kyiv", "Kiew", "place"),
        new Entity("Volodymyr Zelensky", "Wolodymyr Selenskyj", "person"), new Entity("Ushakov", "Uschakow", "person"));
  }

  @Test
  void englishTextWithEnglishNamesDrawsNothing() {
    String text = "Zelensky's aides in Kyiv met Putin's adviser Yuri Ushakov at the Kremlin; Putin said so.";
    assertThat(NameCheck.checkText("summary", text, GLOSSARY, "de", "en")).isEmpty();
    assertThat(NameFixer.fixText(text, GLOSSARY, "de", "en")).isSameAs(text);
    assertThat(NameFixer.fixText(null, GLOSSARY, "de", "en")).isNull();
  }

  /** How summarize uses it: the glossary's entries for the article go into the prompt, the check runs on the answer. */
  @Test
  void theSeedsFindTheirNamesInTheGlossaryAndTheirExampleAnswersPassTheCheck() throws IOException {
    Set<String> found = new LinkedHashSet<>();
    ContractSchema schema = ContractSchema.load();
    for (Path seed : Shared.seeds()) {
      String article = Files.readString(seed);
      List<Glossary.Entry> entries = GLOSSARY.entriesIn(article, "de", "en");
      entries.forEach(e -> found.add(e.source()));
      String section = Glossary.promptSection(entries);
      assertThat(section).as(seed.toString()).startsWith("Write these names").hasSizeLessThan(600);
      Path example = Shared.exampleFor(seed);
      Analysis answer = schema.check(Files.readString(example)).value();
      assertThat(NameCheck.check(answer, GLOSSARY, "de", "en")).as(example.toString()).isEmpty();
    }
    assertThat(found).contains("Selenskyj", "Wolodymyr", "Uschakow", "Juri Uschakow", "Peskow", "Dmitri Peskow",
        "Kirill Dimitrijew", "Leonid Sluzkij", "Kiew", "Saporischschja", "Cherson", "Donezk",
        "Luhansk", "Krim", "Donbass", "Wladimir Putin", "Moskau", "Kreml", "Weißes Haus", "Jänner", "Witkoff");
  }
}
