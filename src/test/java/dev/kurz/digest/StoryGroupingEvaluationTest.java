package dev.kurz.digest;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * Story grouping measured on the labelled set (44 articles written for the tests, 14 stories, with
 * closely related pairs: two rounds of US-Ukraine-Russia talks days apart, two strikes on the same
 * day, two Bayern matches, two attacks in the war the same night, the ECB and inflation) and on the
 * five shared seeds. Floors sit a little under what was measured, so a change that makes grouping
 * worse fails here. The real day's coverage is scored in {@link StoryGroupingOnARealDayTest}.
 */
class StoryGroupingEvaluationTest {

  static ClusterScores score(LabelledSet set, List<List<Integer>> clusters) {
    return ClusterScores.of(ClusterScores.labels(clusters, set.items().size()), set.gold());
  }

  @Test
  void groupingOnTheLabelledSetReachesTheFloor() {
    LabelledSet set = LabelledSet.own();
    List<List<Integer>> clusters = StoryGrouper.defaults().group(set.items());
    ClusterScores s = score(set, clusters);
    System.out.println("[grouping] own set, " + set.items().size() + " articles, " + set.storyCount() + " stories: " + s);
    for (List<Integer> c : clusters) {
      if (c.stream().map(set.gold()::get).distinct().count() > 1) System.out.println("[grouping]   merged: " + c.stream().map(set.gold()::get).distinct().toList());
    }
    // Measured: pairwise P 0.655 R 1.000 F1 0.791, BCubed P 0.831 R 1.000 F1 0.908. Average linkage
    // scored 0.926 / 0.951 here but cut a real day's main story into pieces (StoryGroupingOnARealDayTest);
    // centroid linkage finds every pair of this set and merges two of its deliberately close pairs:
    // the two rounds of talks days apart, and the two attacks of the same night.
    assertThat(s.bcubedF1()).isGreaterThanOrEqualTo(0.89);
    assertThat(s.pairF1()).isGreaterThanOrEqualTo(0.77);
  }

  @Test
  void theSeedsAreFiveSeparateStories() {
    LabelledSet seeds = LabelledSet.seeds();
    List<List<Integer>> clusters = StoryGrouper.defaults().group(seeds.items());
    ClusterScores s = score(seeds, clusters);
    System.out.println("[grouping] seeds: " + clusters + " " + s);
    assertThat(s.bcubedF1()).isGreaterThanOrEqualTo(0.99);
  }

  @Test
  void seedsMixedIntoTheLabelledSetKeepTheFloor() {
    LabelledSet all = LabelledSet.own().plus(LabelledSet.seeds());
    List<List<Integer>> clusters = StoryGrouper.defaults().group(all.items());
    ClusterScores s = score(all, clusters);
    System.out.println("[grouping] own set + seeds: " + s);
    for (List<Integer> c : clusters) {
      if (c.stream().map(all.gold()::get).distinct().count() > 1) System.out.println("[grouping]   merged: " + c.stream().map(all.gold()::get).distinct().toList());
    }
    // Measured 0.864: the three seeds on earlier Russia-Ukraine peace feelers join the December
    // talks (with the seed that reports them) and the talks' two rounds; every other seed stays apart.
    assertThat(s.bcubedF1()).isGreaterThanOrEqualTo(0.85);
  }

  @Test
  void groupingIsDeterministicAndIndependentOfInputOrder() {
    LabelledSet set = LabelledSet.own();
    List<DigestItem> reversed = new ArrayList<>(set.items());
    java.util.Collections.reverse(reversed);
    List<String> forward = ClusterScores.labels(StoryGrouper.defaults().group(set.items()), set.items().size());
    List<String> backward = new ArrayList<>(ClusterScores.labels(StoryGrouper.defaults().group(reversed), reversed.size()));
    java.util.Collections.reverse(backward);
    assertThat(ClusterScores.of(backward, forward).bcubedF1()).isEqualTo(1.0);
  }

  /** The sweep the defaults were chosen from: mvn test -Dtest=StoryGroupingEvaluationTest -Dkurz.tune=true */
  @Test
  @EnabledIfSystemProperty(named = "kurz.tune", matches = "true")
  void sweep() {
    LabelledSet set = LabelledSet.own();
    LabelledSet seeds = LabelledSet.seeds();
    LabelledSet all = set.plus(seeds);
    double[][] views = {{1, 0, 0}, {0, 1, 0}, {0, 0, 1}, {0.35, 0.35, 0.30}, {0.5, 0.25, 0.25}, {0.25, 0.5, 0.25}, {0.25, 0.25, 0.5}};
    for (double[] w : views) {
      StringBuilder line = new StringBuilder(String.format(Locale.ROOT, "names %.2f wording %.2f text %.2f:", w[0], w[1], w[2]));
      for (double t = 0.08; t <= 0.40; t += 0.02) {
        StoryGrouper g = new StoryGrouper(new StoryGrouper.Settings(w[0], w[1], w[2], t, StoryGrouper.DEFAULTS.averageShare(), 2, 7));
        ClusterScores s = score(set, g.group(set.items()));
        ClusterScores a = score(all, g.group(all.items()));
        ClusterScores z = score(seeds, g.group(seeds.items()));
        line.append(String.format(Locale.ROOT, " %.2f=%.2f/%.2f/%.2f/%.2f", t, s.bcubedF1(), s.pairF1(), a.bcubedF1(), z.bcubedF1()));
      }
      System.out.println(line);
    }
  }
}
