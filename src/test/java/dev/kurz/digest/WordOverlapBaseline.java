package dev.kurz.digest;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The baseline the issue compares against: articles grouped by word overlap alone (Jaccard over the
 * German text's content words, stopwords removed), clustered the same way as kurz's grouping.
 */
final class WordOverlapBaseline {
  private WordOverlapBaseline() {}

  static List<List<Integer>> group(List<DigestItem> items, double threshold) {
    return Linkage.cluster(Linkage.Graph.of(similarities(items)), threshold);
  }

  /** Every pair's Jaccard similarity of plain words, the diagonal 1. */
  static double[][] similarities(List<DigestItem> items) {
    int n = items.size();
    List<Set<String>> words = items.stream().map(i -> (Set<String>) new HashSet<>(Words.plain(i.text()))).toList();
    double[][] sim = new double[n][n];
    for (int i = 0; i < n; i++) {
      sim[i][i] = 1;
      for (int j = i + 1; j < n; j++) {
        Set<String> common = new HashSet<>(words.get(i));
        common.retainAll(words.get(j));
        int union = words.get(i).size() + words.get(j).size() - common.size();
        sim[i][j] = sim[j][i] = union == 0 ? 0 : (double) common.size() / union;
      }
    }
    return sim;
  }
}
