package dev.kurz.digest;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class LinkageTest {
  // 0-1 and 1-2 are equally close, 0-2 not at all: a chain.
  private static final double[][] CHAIN = {
      {1, 0.9, 0},
      {0.9, 1, 0.9},
      {0, 0.9, 1}};

  @Test
  void aTieGoesToTheLowestIndexesAndAChainJoinsOnlyWhenItsAverageHolds() {
    // {0,1} merge first (tie with {1,2}); 2 then averages (0 + 0.9) / 2 = 0.45 with them.
    assertThat(Linkage.cluster(Linkage.Graph.of(CHAIN), 0.5)).isEqualTo(List.of(List.of(0, 1), List.of(2)));
    assertThat(Linkage.cluster(Linkage.Graph.of(CHAIN), 0.45)).isEqualTo(List.of(List.of(0, 1, 2)));
  }

  @Test
  void pairsTheGraphDoesNotListCountAsZero() {
    Linkage.Graph g = new Linkage.Graph(5);
    g.add(3, 4, 0.8);
    g.add(0, 3, 0.7);
    g.add(0, 4, 0.1);
    // {3,4} first; 0 averages (0.7 + 0.1) / 2 = 0.4 with them; 1 and 2 stay alone.
    assertThat(Linkage.cluster(g, 0.39)).isEqualTo(List.of(List.of(0, 3, 4), List.of(1), List.of(2)));
    assertThat(Linkage.cluster(g, 0.41)).isEqualTo(List.of(List.of(0), List.of(1), List.of(2), List.of(3, 4)));
  }

  @Test
  void centroidLinkageTakesInAnArticleThatSharesPartOfAStory() {
    // 0-1-2 is a story told from two sides: 0 and 2 share nothing, each shares much with 1; 3 is apart.
    double[][] story = {
        {1, 0.6, 0, 0},
        {0.6, 1, 0.6, 0.05},
        {0, 0.6, 1, 0},
        {0, 0.05, 0, 1}};
    // Average linkage: 2 averages (0.6 + 0) / 2 = 0.3 with {0,1} and stays out at 0.4.
    assertThat(Linkage.cluster(Linkage.Graph.of(story), 0.4)).isEqualTo(List.of(List.of(0, 1), List.of(2), List.of(3)));
    // Centroids: 0.6 / sqrt((1 + 1 + 1.2) * 1) = 0.34 reaches 0.3, and the mean 0.3 the floor.
    assertThat(Linkage.centroids(Linkage.Graph.of(story), 0.3, 0.1)).isEqualTo(List.of(List.of(0, 1, 2), List.of(3)));
  }

  @Test
  void theFloorOnTheMeanKeepsAGenericCentroidFromSwallowingAnArticle() {
    double[][] story = {
        {1, 0.6, 0, 0},
        {0.6, 1, 0.6, 0.05},
        {0, 0.6, 1, 0},
        {0, 0.05, 0, 1}};
    assertThat(Linkage.centroids(Linkage.Graph.of(story), 0.3, 0.31)).isEqualTo(List.of(List.of(0, 1), List.of(2), List.of(3)));
  }
}
