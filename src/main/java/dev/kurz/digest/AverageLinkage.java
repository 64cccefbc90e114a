package dev.kurz.digest;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Agglomerative clustering with average linkage: repeatedly merges the two clusters whose mean
 * pairwise similarity is highest, until no pair reaches the threshold. Unlike single linkage (or
 * connected components) it does not chain A-B-C into one cluster just because each neighbour pair is
 * close: a merge must be supported by the members on average. Each row keeps its best partner, so
 * a merge costs O(n): O(n^2) for a day's coverage. Deterministic: ties go to the lowest indexes.
 */
final class AverageLinkage {
  private AverageLinkage() {}

  /** The alive partner most similar to {@code i} (lowest index on ties), or -1. */
  private static int bestPartner(double[][] s, boolean[] alive, int i) {
    int best = -1;
    for (int j = 0; j < s.length; j++) {
      if (j != i && alive[j] && (best < 0 || s[i][j] > s[i][best])) best = j;
    }
    return best;
  }

  /** Clusters of indexes into {@code sim}, each sorted, ordered by their first member. */
  static List<List<Integer>> cluster(double[][] sim, double threshold) {
    int n = sim.length;
    double[][] s = new double[n][];
    for (int i = 0; i < n; i++) s[i] = sim[i].clone();
    List<List<Integer>> members = new ArrayList<>();
    for (int i = 0; i < n; i++) members.add(new ArrayList<>(List.of(i)));
    boolean[] alive = new boolean[n];
    java.util.Arrays.fill(alive, true);
    // Each row remembers its best partner, so finding the best pair costs O(n) per merge instead
    // of O(n^2); only rows whose best partner was merged are searched again. O(n^2) in practice.
    int[] bestOf = new int[n];
    for (int i = 0; i < n; i++) bestOf[i] = bestPartner(s, alive, i);
    while (true) {
      int bi = -1;
      int bj = -1;
      double best = threshold;
      for (int i = 0; i < n; i++) {
        int j = bestOf[i];
        if (!alive[i] || j < 0) continue;
        int lo = Math.min(i, j);
        int hi = Math.max(i, j);
        double v = s[i][j];
        // Highest similarity wins; ties go to the lowest indexes, as a full scan in index order would.
        if (v >= best && (bi < 0 || v > best || lo < bi || (lo == bi && hi < bj))) {
          best = v;
          bi = lo;
          bj = hi;
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
      bestOf[bj] = -1;
      for (int k = 0; k < n; k++) {
        if (!alive[k]) continue;
        if (k == bi || bestOf[k] == bi || bestOf[k] == bj) {
          bestOf[k] = bestPartner(s, alive, k);
        } else if (bestOf[k] < 0 || s[k][bi] > s[k][bestOf[k]] || (s[k][bi] == s[k][bestOf[k]] && bi < bestOf[k])) {
          bestOf[k] = bi;
        }
      }
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
