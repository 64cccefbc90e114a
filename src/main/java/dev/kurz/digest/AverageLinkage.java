package dev.kurz.digest;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Agglomerative clustering with average linkage: repeatedly merges the two clusters whose mean
 * pairwise similarity is highest, until no pair reaches the threshold. Unlike single linkage (or
 * connected components) it does not chain A-B-C into one cluster just because each neighbour pair is
 * close: a merge must be supported by the members on average. O(n^3) in the worst case, which is
 * fine for a day's few hundred articles. Deterministic: ties go to the lowest indexes.
 */
final class AverageLinkage {
  private AverageLinkage() {}

  /** Clusters of indexes into {@code sim}, each sorted, ordered by their first member. */
  static List<List<Integer>> cluster(double[][] sim, double threshold) {
    int n = sim.length;
    double[][] s = new double[n][];
    for (int i = 0; i < n; i++) s[i] = sim[i].clone();
    List<List<Integer>> members = new ArrayList<>();
    for (int i = 0; i < n; i++) members.add(new ArrayList<>(List.of(i)));
    boolean[] alive = new boolean[n];
    java.util.Arrays.fill(alive, true);
    while (true) {
      int bi = -1;
      int bj = -1;
      double best = threshold;
      for (int i = 0; i < n; i++) {
        if (!alive[i]) continue;
        for (int j = i + 1; j < n; j++) {
          if (alive[j] && s[i][j] >= best && (bi < 0 || s[i][j] > best)) {
            best = s[i][j];
            bi = i;
            bj = j;
          }
        }
      }
      if (bi < 0) break;
      int ni = members.get(bi).size();
      int nj = members.get(bj).size();
      // Lance-Williams update for average linkage.
      for (int k = 0; k < n; k++) {
        if (!alive[k] || k == bi || k == bj) continue;
        double merged = (ni * s[bi][k] + nj * s[bj][k]) / (ni + nj);
        s[bi][k] = merged;
        s[k][bi] = merged;
      }
      members.get(bi).addAll(members.get(bj));
      alive[bj] = false;
    }
    List<List<Integer>> out = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      if (alive[i]) {
        List<Integer> c = new ArrayList<>(members.get(i));
        c.sort(null);
        out.add(List.copyOf(c));
      }
    }
    out.sort(Comparator.comparing(c -> c.get(0)));
    return out;
  }
}
