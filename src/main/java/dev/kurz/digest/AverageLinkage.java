package dev.kurz.digest;

import it.unimi.dsi.fastutil.ints.Int2DoubleMaps;
import it.unimi.dsi.fastutil.ints.Int2DoubleOpenHashMap;
import java.util.ArrayList;
import java.util.List;

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
    Merges heap = new Merges();
    for (int i = 0; i < n; i++) {
      for (var e : Int2DoubleMaps.fastIterable(sums[i])) {
        if (e.getIntKey() > i && e.getDoubleValue() >= threshold) heap.push(e.getDoubleValue(), i, e.getIntKey());
      }
    }
    int[] size = new int[n];
    java.util.Arrays.fill(size, 1);
    // Members as chains: a cluster is known by its lowest member, next[] links the rest.
    int[] next = new int[n];
    int[] last = new int[n];
    for (int i = 0; i < n; i++) {
      next[i] = -1;
      last[i] = i;
    }
    while (!heap.isEmpty()) {
      double average = heap.topAverage();
      int a = heap.topLo();
      int b = heap.topHi();
      heap.pop();
      if (sums[a] == null || sums[b] == null) continue;
      double sum = sums[a].get(b);
      if (sum == 0 || sum / ((double) size[a] * size[b]) != average) continue; // stale
      // Merge b into a (a is the lower index); sums to every neighbour add up.
      sums[a].remove(b);
      sums[b].remove(a);
      for (var e : Int2DoubleMaps.fastIterable(sums[b])) {
        int k = e.getIntKey();
        sums[a].addTo(k, e.getDoubleValue());
        sums[k].remove(b);
      }
      sums[b] = null;
      size[a] += size[b];
      next[last[a]] = b;
      last[a] = last[b];
      for (var e : Int2DoubleMaps.fastIterable(sums[a])) {
        int k = e.getIntKey();
        double s = e.getDoubleValue();
        sums[k].put(a, s);
        double avg = s / ((double) size[a] * size[k]);
        if (avg >= threshold) heap.push(avg, Math.min(a, k), Math.max(a, k));
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

  /**
   * The candidate merges as a binary heap over parallel arrays, each as it was when pushed (stale
   * once either side changed): best first, highest average, then lowest indexes.
   */
  private static final class Merges {
    private double[] average = new double[1024];
    private int[] lo = new int[1024];
    private int[] hi = new int[1024];
    private int size;

    boolean isEmpty() {
      return size == 0;
    }

    double topAverage() {
      return average[0];
    }

    int topLo() {
      return lo[0];
    }

    int topHi() {
      return hi[0];
    }

    void push(double avg, int l, int h) {
      if (size == average.length) {
        average = java.util.Arrays.copyOf(average, size * 2);
        lo = java.util.Arrays.copyOf(lo, size * 2);
        hi = java.util.Arrays.copyOf(hi, size * 2);
      }
      int i = size++;
      while (i > 0) {
        int parent = (i - 1) / 2;
        if (!before(avg, l, h, parent)) break;
        set(i, average[parent], lo[parent], hi[parent]);
        i = parent;
      }
      set(i, avg, l, h);
    }

    void pop() {
      size--;
      if (size == 0) return;
      double avg = average[size];
      int l = lo[size];
      int h = hi[size];
      int i = 0;
      while (true) {
        int child = 2 * i + 1;
        if (child >= size) break;
        if (child + 1 < size && before(average[child + 1], lo[child + 1], hi[child + 1], child)) child++;
        if (!before(average[child], lo[child], hi[child], avg, l, h)) break;
        set(i, average[child], lo[child], hi[child]);
        i = child;
      }
      set(i, avg, l, h);
    }

    private boolean before(double avg, int l, int h, int slot) {
      return before(avg, l, h, average[slot], lo[slot], hi[slot]);
    }

    private static boolean before(double avg, int l, int h, double avg2, int l2, int h2) {
      if (avg != avg2) return avg > avg2;
      return l != l2 ? l < l2 : h < h2;
    }

    private void set(int i, double avg, int l, int h) {
      average[i] = avg;
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
