package dev.kurz.digest;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kurz.model.Analysis;
import dev.kurz.model.Claim;
import dev.kurz.model.Entity;
import dev.kurz.model.Source;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Batches beyond {@link StoryGrouper#ALL_PAIRS}: candidate pairs instead of every pair. */
class StoryGrouperScaleTest {
  private static final List<String> PEOPLE = List.of("Albrecht", "Brandt", "Conrad", "Dietz", "Eckert", "Fuchs",
      "Gerber", "Haas", "Imhof", "Jansen", "Kessler", "Lorenz", "Nagel", "Pohl", "Reuter", "Sauer", "Thiel");
  private static final List<String> PLACES = List.of("Oberau", "Lindheim", "Tannfeld", "Rosenbach", "Eichenrode",
      "Steinhagen", "Buchwiesen", "Waldkirchen");
  private static final List<String> BACKGROUND = List.of(
      "Die Landesregierung kündigte ein Förderprogramm an.", "Beobachter rechnen mit langen Verhandlungen.",
      "Die Opposition verlangt eine Sondersitzung.", "Ein Sprecher sagte, man prüfe die Vorschläge.");

  /** Story s: its own person, place and words, between background sentences every story has. */
  private static DigestItem article(int i, int story, Random random) {
    String person = PEOPLE.get(story % PEOPLE.size()) + (story / PEOPLE.size());
    String place = PLACES.get(story % PLACES.size()) + "-" + (story / PLACES.size());
    // Words of this story alone (a project's, a company's, a street's name).
    String own = word(story, 0) + " " + word(story, 1) + " " + word(story, 2);
    String headline = place + ": " + own;
    StringBuilder text = new StringBuilder(headline).append(".\n\n");
    for (int k = 0; k < 12; k++) {
      text.append(random.nextBoolean() ? person + " sagte in " + place + " zu " + own + ". "
          : BACKGROUND.get(random.nextInt(BACKGROUND.size())) + " ");
    }
    Analysis analysis = new Analysis("de", headline, person + " in " + place + ". " + own + ".", List.of(own),
        List.of(new Claim(own + " in " + place, person, "named_person", "stated", own, null)),
        List.of(new Entity(person, person, "person"), new Entity(place, place, "place")));
    Source source = Source.ofFile("a" + i + ".txt", text.length());
    return new DigestItem(LabelledSet.result(source, analysis, "a" + i), text.toString());
  }

  private static final String[] SYLLABLES = {"ka", "lo", "mi", "ren", "tu", "sa", "bel", "dor", "fi", "gun", "ho", "pe"};

  private static String word(int story, int k) {
    int x = story * 3 + k;
    return "Pro" + SYLLABLES[x % 12] + SYLLABLES[(x / 12) % 12] + SYLLABLES[(x / 144) % 12] + "werk";
  }

  @Test
  void candidatePairsGroupAsWellAsEveryPair() {
    Random random = new Random(7);
    int stories = 130;
    List<DigestItem> items = new ArrayList<>();
    List<String> gold = new ArrayList<>();
    for (int i = 0; i < 5 * stories; i++) {
      int story = (i * 37) % stories; // interleaved, as feeds are
      items.add(article(i, story, random));
      gold.add("s" + story);
    }
    assertThat(items).hasSizeGreaterThan(StoryGrouper.ALL_PAIRS);
    StoryGrouper grouper = StoryGrouper.defaults();
    List<List<Integer>> sparse = grouper.group(items);
    List<List<Integer>> dense = grouper.cluster(Linkage.Graph.of(grouper.similarities(items)));
    ClusterScores sparseScores = ClusterScores.of(ClusterScores.labels(sparse, items.size()), gold);
    ClusterScores denseScores = ClusterScores.of(ClusterScores.labels(dense, items.size()), gold);
    System.out.println("[grouping] " + items.size() + " articles, candidate pairs: " + sparseScores + "; every pair: " + denseScores);
    // Pairs left out count as 0: an approximation of every pair, which must not cost quality here.
    assertThat(sparseScores.pairF1()).isGreaterThanOrEqualTo(denseScores.pairF1() - 0.02);
    assertThat(sparseScores.bcubedF1()).isGreaterThanOrEqualTo(denseScores.bcubedF1() - 0.02);
    assertThat(sparseScores.pairF1()).isGreaterThan(0.9);
    assertThat(grouper.group(items)).as("deterministic").isEqualTo(sparse);
  }

  @Test
  void eachTextIsAskedForOnceAndNotNeededAfterwards() {
    Random random = new Random(11);
    List<DigestItem> items = new ArrayList<>();
    for (int i = 0; i < 700; i++) items.add(article(i, (i * 37) % 140, random));
    int[] asked = new int[items.size()];
    List<dev.kurz.model.ArticleResult> results = items.stream().map(DigestItem::result).toList();
    List<List<Integer>> grouped = StoryGrouper.defaults().group(results, i -> {
      asked[i]++;
      return items.get(i).text();
    });
    assertThat(asked).containsOnly(1);
    assertThat(grouped).isEqualTo(StoryGrouper.defaults().group(items));
  }
}
