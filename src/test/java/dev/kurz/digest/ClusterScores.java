package dev.kurz.digest;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Scores a clustering against gold labels. Pairwise: every pair of items is a decision (same story
 * or not); precision and recall over the pairs the system and the editor put together. BCubed
 * (Bagga and Baldwin 1998): per item, the share of its predicted cluster that shares its gold label
 * (precision) and the share of its gold cluster found in its predicted cluster (recall), averaged.
 */
record ClusterScores(double pairPrecision, double pairRecall, double bcubedPrecision, double bcubedRecall) {

  double pairF1() {
    return f1(pairPrecision, pairRecall);
  }

  double bcubedF1() {
    return f1(bcubedPrecision, bcubedRecall);
  }

  /** {@code predicted} and {@code gold} give each item's cluster id, same length. */
  static ClusterScores of(List<String> predicted, List<String> gold) {
    int n = gold.size();
    if (predicted.size() != n) throw new IllegalArgumentException("different lengths");
    long tp = 0;
    long predPairs = 0;
    long goldPairs = 0;
    for (int i = 0; i < n; i++) {
      for (int j = i + 1; j < n; j++) {
        boolean p = predicted.get(i).equals(predicted.get(j));
        boolean g = gold.get(i).equals(gold.get(j));
        if (p) predPairs++;
        if (g) goldPairs++;
        if (p && g) tp++;
      }
    }
    // No pairs predicted (or none to find) means nothing wrong was said (or missed): 1 by convention.
    double pp = predPairs == 0 ? 1 : (double) tp / predPairs;
    double pr = goldPairs == 0 ? 1 : (double) tp / goldPairs;
    Map<String, Integer> predSize = new HashMap<>();
    Map<String, Integer> goldSize = new HashMap<>();
    Map<String, Integer> both = new HashMap<>();
    for (int i = 0; i < n; i++) {
      predSize.merge(predicted.get(i), 1, Integer::sum);
      goldSize.merge(gold.get(i), 1, Integer::sum);
      both.merge(predicted.get(i) + "\u0000" + gold.get(i), 1, Integer::sum);
    }
    double bp = 0;
    double br = 0;
    for (int i = 0; i < n; i++) {
      int common = both.get(predicted.get(i) + "\u0000" + gold.get(i));
      bp += (double) common / predSize.get(predicted.get(i));
      br += (double) common / goldSize.get(gold.get(i));
    }
    return new ClusterScores(pp, pr, bp / n, br / n);
  }

  /** Cluster ids per item from clusters of indexes. */
  static List<String> labels(List<List<Integer>> clusters, int n) {
    String[] out = new String[n];
    for (int c = 0; c < clusters.size(); c++) {
      for (int i : clusters.get(c)) out[i] = "c" + c;
    }
    return List.of(out);
  }

  private static double f1(double p, double r) {
    return p + r == 0 ? 0 : 2 * p * r / (p + r);
  }

  @Override
  public String toString() {
    return String.format(java.util.Locale.ROOT, "pairwise P %.3f R %.3f F1 %.3f | BCubed P %.3f R %.3f F1 %.3f",
        pairPrecision, pairRecall, pairF1(), bcubedPrecision, bcubedRecall, bcubedF1());
  }
}
