package dev.kurz.digest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

class ClusterScoresTest {

  @Test
  void aPerfectClusteringScoresOne() {
    ClusterScores s = ClusterScores.of(List.of("x", "x", "y"), List.of("a", "a", "b"));
    assertThat(s.pairF1()).isEqualTo(1.0);
    assertThat(s.bcubedF1()).isEqualTo(1.0);
  }

  @Test
  void everythingInOneClusterHasFullRecallAndLowPrecision() {
    ClusterScores s = ClusterScores.of(List.of("x", "x", "x", "x"), List.of("a", "a", "b", "b"));
    assertThat(s.pairRecall()).isEqualTo(1.0);
    assertThat(s.pairPrecision()).isCloseTo(2.0 / 6, within(1e-9));
    assertThat(s.bcubedPrecision()).isCloseTo(0.5, within(1e-9));
    assertThat(s.bcubedRecall()).isEqualTo(1.0);
  }

  @Test
  void allSingletonsHaveFullPrecisionAndBcubedRecallOfOneOverClusterSize() {
    ClusterScores s = ClusterScores.of(List.of("1", "2", "3", "4"), List.of("a", "a", "b", "b"));
    assertThat(s.pairPrecision()).isEqualTo(1.0);
    assertThat(s.pairRecall()).isZero();
    assertThat(s.bcubedRecall()).isCloseTo(0.5, within(1e-9));
  }
}
