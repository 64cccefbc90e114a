package dev.kurz.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Field;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class PhrasesTest {
  @Test
  void findsWhatThePatternFinds() {
    Phrases phrases = Phrases.of("\\b", 0, "(?:our|free) (?:\\w+ )?newsletters?\\b", "(?:support|donate to) (?:us|our)\\b",
        "sign(?:ing)?[ -]?up (?:here|now)");
    assertThat(phrases.unread()).isEmpty();
    for (String text : List.of("get our weekly newsletter", "please support us today", "signing up now is easy",
        "sign-up here", "the newsletters of the city", "our newsletter", "free news")) {
      assertThat(phrases.find(text)).as(text).isEqualTo(phrases.pattern().matcher(text).find());
    }
    assertThat(phrases.find("get our weekly newsletter")).isTrue();
    assertThat(phrases.find("the council met on monday")).isFalse();
  }

  @Test
  void caseInsensitiveGroupsAreComparedFolded() {
    Phrases phrases = Phrases.of("\\b", Pattern.UNICODE_CHARACTER_CLASS, "(?i:abonniere)\\b", "(?i:folg)(?:en Sie|t) uns\\b");
    assertThat(phrases.unread()).isEmpty();
    assertThat(phrases.find("ABONNIERE den Kanal")).isTrue();
    assertThat(phrases.find("Folgen Sie uns")).isTrue();
    assertThat(phrases.find("FOLGt uns")).isTrue(); // only the group ignores case
    assertThat(phrases.find("folgen sie uns")).isFalse(); // "Sie" is case-sensitive
    assertThat(phrases.find("Der Rat tagte am Montag.")).isFalse();
  }

  @Test
  void aPhraseWithoutALiteralMakesEveryTextSearched() {
    Phrases phrases = Phrases.of("", 0, "newsletter", "\\d+\\s*[€$]", "(?i)abo");
    assertThat(phrases.unread()).containsExactly("\\d+\\s*[€$]", "(?i)abo");
    assertThat(phrases.find("12 €")).isTrue();
    assertThat(phrases.find("ein ABO")).isTrue();
  }

  @Test
  void optionalAndRepeatedCharactersAreNotNeeded() {
    Phrases phrases = Phrases.of("", 0, "bildrechte?:", "lesezeit:?\\s*\\d", "x{2,}y", "^[zf]\\+");
    assertThat(phrases.unread()).isEmpty();
    for (String text : List.of("bildrecht: a", "lesezeit 4 min", "xy", "xxy", "z+ artikel", "f+", "zf")) {
      assertThat(phrases.find(text)).as(text).isEqualTo(phrases.pattern().matcher(text).find());
    }
  }

  /** The note patterns are all read: none of them searches every block. */
  @Test
  void everyPhraseListOfTheExtractionIsRead() throws IllegalAccessException {
    List<Phrases> all = phraseLists();
    assertThat(all).hasSizeGreaterThanOrEqualTo(4);
    for (Phrases phrases : all) assertThat(phrases.unread()).as(phrases.pattern().pattern()).isEmpty();
  }

  /**
   * On texts built from the patterns' own words (each in several cases, among words of story), the
   * phrase lists answer as their patterns do: a skipped search would have found nothing.
   */
  @Test
  void skippedSearchesWouldHaveFoundNothing() throws IllegalAccessException {
    List<String> words = new ArrayList<>(List.of("der", "Rat", "hat", "am", "Montag", "beschlossen", "the", "city",
        "said", "on", "Sie", "uns", "unser", "jetzt", "ein", "©", "2026", "(c)", "+", ":", "-", "."));
    List<Phrases> lists = phraseLists();
    for (Phrases phrases : lists) {
      for (String piece : phrases.pattern().pattern().split("[^\\p{L}©ⓒ+]+")) {
        if (piece.length() < 2) continue;
        words.add(piece);
        words.add(piece.toUpperCase(Locale.ROOT));
        words.add(Character.toUpperCase(piece.charAt(0)) + piece.substring(1));
      }
    }
    Random random = new Random(17);
    int found = 0;
    for (int t = 0; t < 20_000; t++) {
      StringBuilder text = new StringBuilder();
      int n = 1 + random.nextInt(8);
      for (int w = 0; w < n; w++) text.append(w == 0 ? "" : " ").append(words.get(random.nextInt(words.size())));
      for (String s : List.of(text.toString(), text.toString().toLowerCase(Locale.ROOT))) {
        for (Phrases phrases : lists) {
          boolean expected = phrases.pattern().matcher(s).find();
          assertThat(phrases.find(s)).as(s).isEqualTo(expected);
          if (expected) found++;
        }
      }
    }
    assertThat(found).isGreaterThan(1000);
  }

  private static List<Phrases> phraseLists() throws IllegalAccessException {
    List<Phrases> out = new ArrayList<>();
    for (Class<?> type : List.of(ArticleNoise.class, Furniture.class)) {
      for (Field field : type.getDeclaredFields()) {
        if (field.getType() != Phrases.class) continue;
        field.setAccessible(true);
        out.add((Phrases) field.get(null));
      }
    }
    return out;
  }
}
