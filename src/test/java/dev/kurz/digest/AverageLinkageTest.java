package dev.kurz.digest;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class AverageLinkageTest {
  // 0-1 and 1-2 are equally close, 0-2 not at all: a chain.
  private static final double[][] CHAIN = {
      {1, 0.9, 0},
      {0.9, 1, 0.9},
      {0, 0.9, 1}};

  @Test
  void aTieGoesToTheLowestIndexesAndAChainJoinsOnlyWhenItsAverageHolds() {
    // {0,1} merge first (tie with {1,2}); 2 then averages (0 + 0.9) / 2 = 0.45 with them.
    assertThat(AverageLinkage.cluster(CHAIN, 0.5)).isEqualTo(List.of(List.of(0, 1), List.of(2)));
    assertThat(AverageLinkage.cluster(CHAIN, 0.45)).isEqualTo(List.of(List.of(0, 1, 2)));
  }

  @Test
  void pairsTheGraphDoesNotListCountAsZero() {
    AverageLinkage.Graph g = new AverageLinkage.Graph(5);
    g.add(3, 4, 0.8);
    g.add(0, 3, 0.7);
    g.add(0, 4, 0.1);
    // {3,4} first; 0 averages (0.7 + 0.1) / 2 = 0.4 with them; 1 and 2 stay alone.
    assertThat(AverageLinkage.cluster(g, 0.39)).isEqualTo(List.of(List.of(0, 3, 4), List.of(1), List.of(2)));
    assertThat(AverageLinkage.cluster(g, 0.41)).isEqualTo(List.of(List.of(0), List.of(1), List.of(2), List.of(3, 4)));
  }
}
