package dev.kurz.digest;

import it.unimi.dsi.fastutil.ints.Int2DoubleMaps;
import it.unimi.dsi.fastutil.ints.Int2DoubleOpenHashMap;
import java.util.ArrayList;
import java.util.List;

/**
 * Agglomerative clustering over a sparse similarity graph: repeatedly merges the two clusters that
 * score highest, until no pair reaches the threshold; pairs the graph does not list count as 0. Two
 * scores:
 * <ul>
 *   <li><b>average linkage</b> ({@link #cluster(Graph, double)}): the mean pairwise similarity. It
 *       does not chain A-B-C into one cluster just because each neighbour pair is close, but a big
 *       story whose articles stress different parts of it (previews, the decision, reactions) has a
 *       low mean and stays in pieces;
 *   <li><b>centroid linkage</b> ({@link #centroids}): the cosine of the two clusters' summed
 *       vectors, {@code S(A,B) / sqrt(S(A,A) S(B,B))} where S sums the similarities of every pair of
 *       members (the diagonal counts 1), so it needs only the graph. A story's centroid holds its
 *       whole vocabulary, so an article that shares a part of it joins; a floor on the mean pairwise
 *       similarity keeps a big cluster's generic centroid from swallowing the day.
 * </ul>
 * Each cluster keeps the sum of its similarities to each neighbouring cluster and a heap holds the
 * candidate merges, so a merge costs time in proportion to the two clusters' neighbours: memory and
 * time follow the number of pairs listed, not n^2. Deterministic: ties go to the lowest indexes (a
 * cluster is known by its lowest member).
 */
final class Linkage {
  private Linkage() {}

  /** Average-linkage clusters of indexes 0..n-1, each sorted, ordered by their first member. */
  static List<List<Integer>> cluster(Graph graph, double threshold) {
    return cluster(graph, threshold, threshold, false);
  }

  /**
   * Centroid-linkage clusters of indexes 0..n-1 (each sorted, ordered by their first member): merges
   * while the centroids' cosine reaches {@code threshold} and the mean pairwise similarity reaches
   * {@code minAverage}.
   */
  static List<List<Integer>> centroids(Graph graph, double threshold, double minAverage) {
    return cluster(graph, threshold, minAverage, true);
  }

  private static List<List<Integer>> cluster(Graph graph, double threshold, double minAverage, boolean centroid) {
    int n = graph.n;
    int[] degree = new int[n];
    for (int e = 0; e < graph.size; e++) {
      if (graph.sim[e] > 0) {
        degree[graph.from[e]]++;
        degree[graph.to[e]]++;
      }
    }
    // sums[i].get(k): the sum of similarities between the members of clusters i and k (only
    // positive similarities are listed, so 0 means none); null once i is merged into another.
    Int2DoubleOpenHashMap[] sums = new Int2DoubleOpenHashMap[n];
    for (int i = 0; i < n; i++) sums[i] = new Int2DoubleOpenHashMap(degree[i]);
    for (int e = 0; e < graph.size; e++) {
      int i = graph.from[e];
      int j = graph.to[e];
      double s = graph.sim[e];
      if (s <= 0) continue;
      sums[i].addTo(j, s);
      sums[j].addTo(i, s);
    }
    int[] size = new int[n];
    java.util.Arrays.fill(size, 1);
    // within[i]: the sum of similarities over every ordered pair of cluster i's members, the diagonal 1 each.
    double[] within = new double[n];
    java.util.Arrays.fill(within, 1);
    Score score = (a, b, sum) -> {
      if (sum / ((double) size[a] * size[b]) < minAverage) return -1;
      return centroid ? sum / Math.sqrt(within[a] * within[b]) : sum / ((double) size[a] * size[b]);
    };
    Merges heap = new Merges();
    for (int i = 0; i < n; i++) {
      for (var e : Int2DoubleMaps.fastIterable(sums[i])) {
        double v = score.of(i, e.getIntKey(), e.getDoubleValue());
        if (e.getIntKey() > i && v >= threshold) heap.push(v, i, e.getIntKey());
      }
    }
    // Members as chains: a cluster is known by its lowest member, next[] links the rest.
    int[] next = new int[n];
    int[] last = new int[n];
    for (int i = 0; i < n; i++) {
      next[i] = -1;
      last[i] = i;
    }
    while (!heap.isEmpty()) {
      double best = heap.topScore();
      int a = heap.topLo();
      int b = heap.topHi();
      heap.pop();
      if (sums[a] == null || sums[b] == null) continue;
      double sum = sums[a].get(b);
      if (sum == 0 || score.of(a, b, sum) != best) continue; // stale
      // Merge b into a (a is the lower index); sums to every neighbour add up.
      sums[a].remove(b);
      sums[b].remove(a);
      for (var e : Int2DoubleMaps.fastIterable(sums[b])) {
        int k = e.getIntKey();
        sums[a].addTo(k, e.getDoubleValue());
        sums[k].remove(b);
      }
      sums[b] = null;
      within[a] += within[b] + 2 * sum;
      size[a] += size[b];
      next[last[a]] = b;
      last[a] = last[b];
      for (var e : Int2DoubleMaps.fastIterable(sums[a])) {
        int k = e.getIntKey();
        double s = e.getDoubleValue();
        sums[k].put(a, s);
        double v = score.of(Math.min(a, k), Math.max(a, k), s);
        if (v >= threshold) heap.push(v, Math.min(a, k), Math.max(a, k));
      }
    }
    List<List<Integer>> out = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      if (sums[i] == null) continue;
      int[] c = new int[size[i]];
      int m = 0;
      for (int k = i; k != -1; k = next[k]) c[m++] = k;
      java.util.Arrays.sort(c);
      out.add(java.util.Arrays.stream(c).boxed().toList());
    }
    return out; // ordered by first member: a cluster's first member is its own index
  }

  /** A merge's score from the clusters' similarity sum, -1 where the floor forbids it. */
  @FunctionalInterface
  private interface Score {
    double of(int a, int b, double sum);
  }

  /**
   * The candidate merges as a binary heap over parallel arrays, each as it was when pushed (stale
   * once either side changed): best first, highest score, then lowest indexes.
   */
  private static final class Merges {
    private double[] score = new double[1024];
    private int[] lo = new int[1024];
    private int[] hi = new int[1024];
    private int size;

    boolean isEmpty() {
      return size == 0;
    }

    double topScore() {
      return score[0];
    }

    int topLo() {
      return lo[0];
    }

    int topHi() {
      return hi[0];
    }

    void push(double v, int l, int h) {
      if (size == score.length) {
        score = java.util.Arrays.copyOf(score, size * 2);
        lo = java.util.Arrays.copyOf(lo, size * 2);
        hi = java.util.Arrays.copyOf(hi, size * 2);
      }
      int i = size++;
      while (i > 0) {
        int parent = (i - 1) / 2;
        if (!before(v, l, h, parent)) break;
        set(i, score[parent], lo[parent], hi[parent]);
        i = parent;
      }
      set(i, v, l, h);
    }

    void pop() {
      size--;
      if (size == 0) return;
      double v = score[size];
      int l = lo[size];
      int h = hi[size];
      int i = 0;
      while (true) {
        int child = 2 * i + 1;
        if (child >= size) break;
        if (child + 1 < size && before(score[child + 1], lo[child + 1], hi[child + 1], child)) child++;
        if (!before(score[child], lo[child], hi[child], v, l, h)) break;
        set(i, score[child], lo[child], hi[child]);
        i = child;
      }
      set(i, v, l, h);
    }

    private boolean before(double v, int l, int h, int slot) {
      return before(v, l, h, score[slot], lo[slot], hi[slot]);
    }

    private static boolean before(double v, int l, int h, double v2, int l2, int h2) {
      if (v != v2) return v > v2;
      return l != l2 ? l < l2 : h < h2;
    }

    private void set(int i, double v, int l, int h) {
      score[i] = v;
      lo[i] = l;
      hi[i] = h;
    }
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

    /** Every pair of a dense symmetric matrix (the diagonal is ignored). */
    static Graph of(double[][] sim) {
      Graph g = new Graph(sim.length);
      for (int i = 0; i < sim.length; i++) {
        for (int j = i + 1; j < sim.length; j++) g.add(i, j, sim[i][j]);
      }
      return g;
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
