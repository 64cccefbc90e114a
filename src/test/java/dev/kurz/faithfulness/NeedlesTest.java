package dev.kurz.faithfulness;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class NeedlesTest {
  @Test
  void skipsOnlyWhereNoAlternativeHasItsLiteral() {
    Needles lastYear = Needles.of("(vergangen|vorig|letzt)\\p{L}*\\s+jahr|vorjahr");
    assertThat(lastYear.mayFind("im vergangenen jahr")).isTrue();
    assertThat(lastYear.mayFind("das vorjahr")).isTrue();
    assertThat(lastYear.mayFind("im jahr 2019")).isFalse();
    Needles weekday = Needles.of("\\b(Monday|Tuesday|Wednesday)s?\\b");
    assertThat(weekday.mayFind(Needles.fold("on TUESDAY"))).isTrue();
    assertThat(weekday.mayFind(Needles.fold("on Friday"))).isFalse();
    // An optional character or group is not needed: "Sept?" needs "Sep", "(?:of\\s+)?" nothing.
    assertThat(Needles.of("Sept?\\.?\\s+(?:of\\s+)?(\\d+)").mayFind("sep 3")).isTrue();
    // An alternative that needs nothing readable: always searched.
    assertThat(Needles.of("\\d+|jahr").mayFind("nichts")).isTrue();
    assertThat(Needles.of("(?x) jahr").mayFind("nichts")).isTrue();
    // Case-insensitive patterns are compared folded.
    assertThat(Needles.of("(?iu)\\bmärz\\b").mayFind(Needles.fold("IM MÄRZ"))).isTrue();
  }

  /** Every pattern of the gate, on texts made of its own literals and other words: a skipped search finds nothing. */
  @Test
  void neverSkipsAMatch() throws Exception {
    List<Pattern> patterns = new ArrayList<>();
    for (Class<?> c : List.of(GermanFacts.class, EnglishQuantities.class, Polarity.class, StatementPolarity.class,
        Speakers.class, SourceNames.class, NamePlacement.class, FactPlacement.class, EnglishNames.class, Provenance.class)) {
      for (Field f : c.getDeclaredFields()) {
        if (!Modifier.isStatic(f.getModifiers())) continue;
        f.setAccessible(true);
        if (f.getType() == Pattern.class) patterns.add((Pattern) f.get(null));
        if (f.getType() == Needles.class) patterns.add(((Needles) f.get(null)).pattern());
      }
    }
    for (EnglishQuantities.Period p : EnglishQuantities.PERIODS) {
      patterns.add(p.english());
      patterns.add(p.german());
    }
    assertThat(patterns).hasSizeGreaterThan(60);
    List<String> pool = new ArrayList<>(List.of("der", "Jahr", "jahr", "im", "vor", "zwei", "Tagen", "Woche", "MÄRZ",
        "märz", "März", "Maerz", "2019", "1,5", "3.", "Mai", "nicht", "NICHT", "sondern", "Uhr", "12", "am", "last", "year",
        "ago", "Monday", "SPRING", "of", "the", "in", "fall", "ſ", "İ", "\u212a", "ß", "straße", "STRASSE", "-", ",", ".",
        "„", "“", "(", ")", "sagte", "erklärte", "said", "Q1", "quartal", "1.", "half", "a", "third", "one", "in", "five"));
    for (Pattern p : patterns) {
      for (String w : p.pattern().split("[^\\p{L}\\p{N}]+")) if (!w.isEmpty()) pool.add(w);
    }
    Random random = new Random(18);
    List<String> texts = new ArrayList<>();
    for (int t = 0; t < 4000; t++) {
      StringBuilder b = new StringBuilder();
      int words = 1 + random.nextInt(12);
      for (int i = 0; i < words; i++) {
        String w = pool.get(random.nextInt(pool.size()));
        int casing = random.nextInt(4);
        if (casing == 1) w = w.toUpperCase(java.util.Locale.ROOT);
        if (casing == 2 && !w.isEmpty()) w = Character.toUpperCase(w.charAt(0)) + w.substring(1);
        b.append(w).append(random.nextInt(5) == 0 ? "" : random.nextInt(8) == 0 ? "\n" : " ");
      }
      texts.add(b.toString());
    }
    int skipped = 0;
    for (Pattern p : patterns) {
      Needles n = Needles.of(p);
      for (String text : texts) {
        for (String t : List.of(text, text.toLowerCase(java.util.Locale.ROOT))) {
          if (n.mayFind(Needles.fold(t))) continue;
          skipped++;
          assertThat(p.matcher(t).find()).as("/%s/ on \"%s\"", p.pattern(), t).isFalse();
        }
      }
    }
    assertThat(skipped).isGreaterThan(100_000);
  }
}
