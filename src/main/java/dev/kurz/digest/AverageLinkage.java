package dev.kurz.digest;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;

/**
 * Agglomerative clustering with average linkage over a sparse similarity graph: repeatedly merges
 * the two clusters whose mean pairwise similarity is highest, until no pair reaches the threshold;
 * pairs the graph does not list count as 0. Unlike single linkage (or connected components) it does
 * not chain A-B-C into one cluster just because each neighbour pair is close: a merge must be
 * supported by the members on average. Each cluster keeps the sum of its similarities to each
 * neighbouring cluster and a heap holds the candidate merges, so a merge costs time in proportion to
 * the two clusters' neighbours: memory and time follow the number of pairs listed, not n^2.
 * Deterministic: ties go to the lowest indexes (a cluster is known by its lowest member).
 */
final class AverageLinkage {
  private AverageLinkage() {}

  /** A candidate merge as it was when pushed; stale once either side changed. Best first: highest average, lowest indexes. */
  private record Merge(double average, int lo, int hi) implements Comparable<Merge> {
    @Override
    public int compareTo(Merge o) {
      int c = Double.compare(o.average, average);
      if (c != 0) return c;
      return lo != o.lo ? Integer.compare(lo, o.lo) : Integer.compare(hi, o.hi);
    }
  }

  /** Clusters of a dense symmetric matrix (the diagonal is ignored). */
  static List<List<Integer>> cluster(double[][] sim, double threshold) {
    int n = sim.length;
    Graph g = new Graph(n);
    for (int i = 0; i < n; i++) {
      for (int j = i + 1; j < n; j++) g.add(i, j, sim[i][j]);
    }
    return cluster(g, threshold);
  }

  /** Clusters of indexes 0..n-1, each sorted, ordered by their first member. */
  static List<List<Integer>> cluster(Graph graph, double threshold) {
    int n = graph.n;
    @SuppressWarnings("unchecked")
    Map<Integer, Double>[] sums = new Map[n];
    int[] size = new int[n];
    List<List<Integer>> members = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      sums[i] = new HashMap<>();
      size[i] = 1;
      members.add(new ArrayList<>(List.of(i)));
    }
    PriorityQueue<Merge> heap = new PriorityQueue<>();
    for (int e = 0; e < graph.size; e++) {
      int i = graph.from[e];
      int j = graph.to[e];
      double s = graph.sim[e];
      if (s <= 0) continue;
      sums[i].merge(j, s, Double::sum);
      sums[j].merge(i, s, Double::sum);
    }
    for (int i = 0; i < n; i++) {
      for (var e : sums[i].entrySet()) {
        if (e.getKey() > i && e.getValue() >= threshold) heap.add(new Merge(e.getValue(), i, e.getKey()));
      }
    }
    boolean[] alive = new boolean[n];
    java.util.Arrays.fill(alive, true);
    while (!heap.isEmpty()) {
      Merge m = heap.poll();
      int a = m.lo();
      int b = m.hi();
      if (!alive[a] || !alive[b]) continue;
      Double sum = sums[a].get(b);
      if (sum == null || sum / ((double) size[a] * size[b]) != m.average()) continue; // stale
      // Merge b into a (a is the lower index); sums to every neighbour add up.
      sums[a].remove(b);
      sums[b].remove(a);
      for (var e : sums[b].entrySet()) {
        int k = e.getKey();
        sums[a].merge(k, e.getValue(), Double::sum);
        sums[k].remove(b);
      }
      sums[b] = Map.of();
      alive[b] = false;
      size[a] += size[b];
      members.get(a).addAll(members.get(b));
      members.set(b, null);
      for (var e : sums[a].entrySet()) {
        int k = e.getKey();
        double s = e.getValue();
        sums[k].put(a, s);
        double average = s / ((double) size[a] * size[k]);
        if (average >= threshold) heap.add(new Merge(average, Math.min(a, k), Math.max(a, k)));
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

  /** Undirected weighted pairs over nodes 0..n-1, each pair listed once; grows as added to. */
  static final class Graph {
    final int n;
    int[] from = new int[16];
    int[] to = new int[16];
    double[] sim = new double[16];
    int size;

    Graph(int n) {
      this.n = n;
    }

    void add(int i, int j, double s) {
      if (size == from.length) {
        from = java.util.Arrays.copyOf(from, size * 2);
        to = java.util.Arrays.copyOf(to, size * 2);
        sim = java.util.Arrays.copyOf(sim, size * 2);
      }
      from[size] = i;
      to[size] = j;
      sim[size] = s;
      size++;
    }
  }
}
