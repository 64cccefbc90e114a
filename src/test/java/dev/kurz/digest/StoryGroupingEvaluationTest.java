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
 * worse fails here. The word-overlap baseline is scored at its best threshold for comparison.
 */
class StoryGroupingEvaluationTest {

  static ClusterScores score(LabelledSet set, List<List<Integer>> clusters) {
    return ClusterScores.of(ClusterScores.labels(clusters, set.items().size()), set.gold());
  }

  @Test
  void groupingOnTheLabelledSetReachesTheFloor() {
    LabelledSet set = LabelledSet.own();
    ClusterScores s = score(set, StoryGrouper.defaults().group(set.items()));
    System.out.println("[grouping] own set, " + set.items().size() + " articles, " + set.storyCount() + " stories: " + s);
    // Measured: pairwise P 0.943 R 0.909 F1 0.926, BCubed P 0.966 R 0.936 F1 0.951.
    assertThat(s.bcubedF1()).isGreaterThanOrEqualTo(0.93);
    assertThat(s.pairF1()).isGreaterThanOrEqualTo(0.88);
  }

  @Test
  void groupingBeatsWordOverlapAtItsBestThreshold() {
    LabelledSet set = LabelledSet.own();
    ClusterScores ours = score(set, StoryGrouper.defaults().group(set.items()));
    ClusterScores best = null;
    double bestAt = 0;
    for (double t = 0.02; t < 0.5; t += 0.01) {
      ClusterScores s = score(set, WordOverlapBaseline.group(set.items(), t));
      if (best == null || s.bcubedF1() > best.bcubedF1()) {
        best = s;
        bestAt = t;
      }
    }
    System.out.printf(Locale.ROOT, "[grouping] word-overlap baseline at its best threshold %.2f: %s%n", bestAt, best);
    assertThat(ours.bcubedF1()).isGreaterThan(best.bcubedF1());
    assertThat(ours.pairF1()).isGreaterThan(best.pairF1());
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
  void seedsMixedIntoTheLabelledSetStayApartFromTheDecemberTalks() {
    LabelledSet all = LabelledSet.own().plus(LabelledSet.seeds());
    ClusterScores s = score(all, StoryGrouper.defaults().group(all.items()));
    System.out.println("[grouping] own set + seeds: " + s);
    assertThat(s.bcubedF1()).isGreaterThanOrEqualTo(0.90);
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
        StoryGrouper g = new StoryGrouper(new StoryGrouper.Settings(w[0], w[1], w[2], t, 2, 7));
        ClusterScores s = score(set, g.group(set.items()));
        ClusterScores a = score(all, g.group(all.items()));
        ClusterScores z = score(seeds, g.group(seeds.items()));
        line.append(String.format(Locale.ROOT, " %.2f=%.2f/%.2f/%.2f/%.2f", t, s.bcubedF1(), s.pairF1(), a.bcubedF1(), z.bcubedF1()));
      }
      System.out.println(line);
    }
  }
}
