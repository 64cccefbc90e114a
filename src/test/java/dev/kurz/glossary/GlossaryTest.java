package dev.kurz.glossary;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GlossaryTest {
  static final Glossary BUILT_IN = Glossary.builtIn();

  @TempDir Path dir;

  static List<Glossary.Match> find(String text) {
    return BUILT_IN.find(text, "de", "en");
  }

  @Test
  void builtInCoversEveryGermanPressFormOfTheSeedsAndTheNotes() {
    Map<String, String> expected = new LinkedHashMap<>();
    String[] pairs = {
        "Selenskyj", "Zelensky", "Wolodymyr", "Volodymyr", "Uschakow", "Ushakov", "Juri Uschakow", "Yuri Ushakov",
        "Peskow", "Peskov", "Dmitri Peskow", "Dmitry Peskov", "Dimitrijew", "Dmitriev", "Sluzkij", "Slutsky",
        "Kiew", "Kyiv", "Charkiw", "Kharkiv", "Saporischschja", "Zaporizhzhia", "Cherson", "Kherson",
        "Donezk", "Donetsk", "Luhansk", "Luhansk", "Krim", "Crimea", "Donbass", "Donbas", "Lawrow", "Lavrov",
        "Schoigu", "Shoigu", "Medwedew", "Medvedev", "Nawalny", "Navalny", "Wladimir Putin", "Vladimir Putin",
        "Jermak", "Yermak", "Klitschko", "Klitschko", "Odessa", "Odesa", "Mariupol", "Mariupol", "Bachmut", "Bakhmut",
        "Awdijiwka", "Avdiivka", "Tschernihiw", "Chernihiv", "Dnipro", "Dnipro", "Lwiw", "Lviv", "Belgorod", "Belgorod",
        "Moskau", "Moscow", "Weißrussland", "Belarus", "Belarus", "Belarus", "Lukaschenko", "Lukashenko",
        "Tschetschenien", "Chechnya", "Kadyrow", "Kadyrov", "Witkoff", "Witkoff", "Bundestag", "Bundestag",
        "Bundesrat", "Bundesrat", "Bundeskanzler", "Chancellor", "Auswärtiges Amt", "German Foreign Office",
        "Kreml", "Kremlin", "Weißes Haus", "White House", "Weißen Hauses", "White House", "Türkei", "Turkey",
        "Ungarn", "Hungary", "Nordkorea", "North Korea", "Münchner Sicherheitskonferenz", "Munich Security Conference"};
    for (int i = 0; i < pairs.length; i += 2) expected.put(pairs[i], pairs[i + 1]);
    expected.forEach((german, english) -> {
      List<Glossary.Match> found = find(german);
      assertThat(found).as(german).hasSize(1);
      assertThat(found.get(0).found()).isEqualTo(german);
      assertThat(found.get(0).replacement()).as(german).isEqualTo(english);
    });
    assertThat(BUILT_IN.entries("de", "en")).hasSizeGreaterThan(100);
  }

  @Test
  void germanGenitiveMatchesAndBecomesAnEnglishPossessive() {
    Glossary.Match selenskyjs = find("Selenskyjs Berater").get(0);
    assertThat(selenskyjs.found()).isEqualTo("Selenskyjs");
    assertThat(selenskyjs.genitive()).isTrue();
    assertThat(selenskyjs.replacement()).isEqualTo("Zelensky's");
    assertThat(find("Kiews Bürgermeister").get(0).replacement()).isEqualTo("Kyiv's");
    Glossary.Match putins = find("Putins Angebot").get(0);
    assertThat(putins.replacement()).isEqualTo("Putin's");
    assertThat(putins.wrong()).isTrue();
    assertThat(find("Putin said").get(0).wrong()).isFalse();
    assertThat(find("Wladimir Putins Angebot").get(0).replacement()).isEqualTo("Vladimir Putin's");
  }

  @Test
  void formsInsideOtherWordsAndEnglishFormsDoNotMatch() {
    assertThat(find("the Kremlin and the Donbas, Kyiv and Crimea; a Krimi; Moskauer Presse; Bundestagswahl")).isEmpty();
    assertThat(find("Kreml-Chef")).extracting(Glossary.Match::found).containsExactly("Kreml");
    assertThat(find("Selenskyj's plan")).extracting(Glossary.Match::found).containsExactly("Selenskyj");
  }

  @Test
  void theLongestFormWinsWhereFormsOverlap() {
    assertThat(find("Wladimir Putin traf Wolodymyr Selenskyj"))
        .extracting(Glossary.Match::found).containsExactly("Wladimir Putin", "Wolodymyr", "Selenskyj");
  }

  @Test
  void matchingIgnoresCaseAndKeepsShoutedWordsShouted() {
    Glossary.Match m = find("MOSKAU – Der Kreml").get(0);
    assertThat(m.found()).isEqualTo("MOSKAU");
    assertThat(m.replacement()).isEqualTo("MOSCOW");
  }

  @Test
  void entriesInListsOnlyTheEntriesTheTextHoldsInOrderOfFirstOccurrence() {
    String text = "Kremlsprecher Dmitri Peskow sagte in Moskau, Selenskyj und Selenskyjs Berater seien in Kiew.";
    assertThat(BUILT_IN.entriesIn(text, "de", "en")).extracting(Glossary.Entry::target)
        .containsExactly("Dmitry Peskov", "Moscow", "Zelensky", "Kyiv");
    assertThat(BUILT_IN.entriesIn(text, "de", "fr")).extracting(Glossary.Entry::target)
        .containsExactly("Peskov", "Moscou", "Zelensky", "Kyiv");
    assertThat(BUILT_IN.entriesIn(text, "de", "it")).isEmpty();
  }

  @Test
  void promptSectionIsOneCompactLineWithoutNamesThatStayTheSame() {
    var entries = BUILT_IN.entriesIn("Putin traf Selenskyj in Kiew und Luhansk.", "de", "en");
    assertThat(entries).hasSize(4);
    String section = Glossary.promptSection(entries);
    assertThat(section).isEqualTo("Write these names in these forms (article form → form to use):"
        + " Selenskyj/Selenskyi/Selenski → Zelensky; Kiew/Kijiw → Kyiv; Lugansk → Luhansk.");
    assertThat(Glossary.promptSection(List.of())).isEmpty();
    assertThat(Glossary.promptSection(BUILT_IN.entriesIn("Putin sprach.", "de", "en"))).isEmpty();
  }

  @Test
  void otherLanguagePairsWorkTheSameWay() {
    assertThat(BUILT_IN.find("Le président à Pékin et à Moscou", "fr", "en"))
        .extracting(Glossary.Match::replacement).containsExactly("Beijing", "Moscow");
    assertThat(BUILT_IN.find("Moskau und Kiew", "de", "fr")).extracting(Glossary.Match::replacement)
        .containsExactly("Moscou", "Kyiv");
    assertThat(BUILT_IN.find("Selenskyjs Plan", "de", "fr").get(0).replacement()).isEqualTo("Zelensky");
    assertThat(BUILT_IN.find("Moscous", "fr", "en")).isEmpty();
    assertThat(BUILT_IN.find("Moskau", "fr", "en")).isEmpty();
    assertThat(BUILT_IN.find("Moskau", "xx", "en")).isEmpty();
  }

  @Test
  void aUserFileWinsOverTheBuiltInAndChangesTheVersion() throws IOException {
    Path file = dir.resolve("names.txt");
    Files.writeString(file, """
        # my names
        [de -> en]
        Kiew = Kiev
        Müller | Mueller = Miller

        [it -> en]
        Mosca = Moscow
        """);
    Glossary mine = Glossary.load(file);
    assertThat(mine.find("Kiew", "de", "en").get(0).replacement()).isEqualTo("Kiev");
    assertThat(mine.find("Kijiw", "de", "en").get(0).replacement()).isEqualTo("Kyiv");
    assertThat(mine.find("Herr Müllers Hund", "de", "en").get(0).replacement()).isEqualTo("Miller's");
    assertThat(mine.find("a Mosca", "it", "en").get(0).replacement()).isEqualTo("Moscow");
    assertThat(mine.version()).isNotEqualTo(BUILT_IN.version()).hasSize(16);
    assertThat(Glossary.builtIn().version()).isEqualTo(BUILT_IN.version());
    assertThat(Glossary.load(file).version()).isEqualTo(mine.version());
  }

  @Test
  void aMalformedUserFileIsRefusedNamingTheLine() throws IOException {
    Path file = dir.resolve("bad.txt");
    Files.writeString(file, "[de -> en]\nKiew Kyiv\n");
    assertThatThrownBy(() -> Glossary.load(file)).isInstanceOf(GlossaryException.class)
        .hasMessageContaining("bad.txt:2:").hasMessageContaining("source = target");
    Files.writeString(file, "Kiew = Kyiv\n");
    assertThatThrownBy(() -> Glossary.load(file)).hasMessageContaining(":1: an entry before any [from -> to] header");
    Files.writeString(file, "[deutsch]\n");
    assertThatThrownBy(() -> Glossary.load(file)).hasMessageContaining("[de -> en]");
    assertThatThrownBy(() -> Glossary.load(dir.resolve("missing.txt"))).hasMessageContaining("not found");
  }
}
