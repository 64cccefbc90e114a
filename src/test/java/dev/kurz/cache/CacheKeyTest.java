package dev.kurz.cache;

import static org.assertj.core.api.Assertions.assertThat;

import java.text.Normalizer;
import java.util.Random;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class CacheKeyTest {
  /** The normalization as first written: keys made by earlier versions must stay the same. */
  private static String reference(String text) {
    String s = Normalizer.normalize(text, Normalizer.Form.NFC).replace("\r\n", "\n").replace('\r', '\n');
    s = Pattern.compile("[ \\t\\u00A0]+").matcher(s).replaceAll(" ");
    s = s.replace(" \n", "\n").replace("\n ", "\n");
    return Pattern.compile("\\n{3,}").matcher(s).replaceAll("\n\n").strip();
  }

  @Test
  void normalizedTextIsWhatItAlwaysWasSoOldCacheEntriesStillHit() {
    String alphabet = "ab ä\t\u00A0\n\r.u\u0308ß";
    Random random = new Random(42);
    for (int i = 0; i < 20_000; i++) {
      StringBuilder b = new StringBuilder();
      int length = random.nextInt(40);
      for (int k = 0; k < length; k++) b.append(alphabet.charAt(random.nextInt(alphabet.length())));
      String text = b.toString();
      assertThat(CacheKey.normalizeText(text)).as("%s", text.replace("\t", "\\t").replace("\n", "\\n")).isEqualTo(reference(text));
    }
  }

  @Test
  void sameTextSameKeyWhateverTheWhitespace() {
    String a = CacheKey.of("analysis").text("article", "Der  Rat\t tagte.\r\n\r\n\r\nDanach  nichts.").build();
    String b = CacheKey.of("analysis").text("article", "Der Rat tagte.\n\nDanach nichts.").build();
    assertThat(a).isEqualTo(b);
  }
}
