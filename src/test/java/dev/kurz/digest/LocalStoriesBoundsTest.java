package dev.kurz.digest;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kurz.model.Analysis;
import dev.kurz.model.ArticleResult;
import dev.kurz.model.Claim;
import dev.kurz.model.Source;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

class LocalStoriesBoundsTest {

  /** 40 articles of 1,000 distinct claims each: a quadratic merge would compare 1.6 billion pairs. */
  @Test
  @Timeout(30)
  void mergingCompareOnlyEachArticlesFirstClaims() {
    List<ArticleResult> articles = new ArrayList<>();
    for (int a = 0; a < 40; a++) {
      List<Claim> claims = new ArrayList<>();
      for (int c = 0; c < 1_000; c++) {
        claims.add(new Claim("Ministerium" + c + " meldet Zahl" + c + " für Region" + c + " und Jahr" + (c % 7), "someone",
            "named_person", c % 50 == 0 ? "denied" : "stated", "Zitat " + c, null));
      }
      Analysis analysis = new Analysis("de", "Headline " + a, "Summary " + a, List.of("point"), claims, List.of());
      articles.add(LabelledSet.result(Source.ofFile("a" + a + ".txt", 100), analysis, "k" + a));
    }
    Story story = LocalStories.of(articles);
    assertThat(story.keyClaims()).isNotEmpty().hasSizeLessThanOrEqualTo(LocalStories.MAX_KEY_CLAIMS);
  }
}
