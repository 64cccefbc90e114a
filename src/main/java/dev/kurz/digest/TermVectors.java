package dev.kurz.digest;

import it.unimi.dsi.fastutil.objects.Object2IntOpenHashMap;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * One view of a batch of articles as TF-IDF vectors: each article's terms as sorted ids with
 * normalized weights, the IDF taken over the batch itself with {@code background} documents where
 * no term occurs (in a big batch a term every article has weighs almost nothing; a small batch
 * about one story still shares weight). Terms are interned once, so a vector is two arrays and a
 * cosine a merge of sorted ids: a 10,000-article batch stays small. Add every article, then
 * {@link #weigh}; immutable after that.
 */
final class TermVectors {
  private final Object2IntOpenHashMap<String> ids = new Object2IntOpenHashMap<>();
  private int[] df = new int[256];
  private final List<int[]> terms = new ArrayList<>();
  private final List<double[]> weights = new ArrayList<>();

  /** Adds the next article's terms with their raw counts. */
  void add(Map<String, Double> counts) {
    int[] t = new int[counts.size()];
    double[] w = new double[counts.size()];
    int k = 0;
    for (var e : counts.entrySet()) {
      int id = ids.computeIfAbsent(e.getKey(), (String key) -> ids.size());
      if (id == df.length) df = Arrays.copyOf(df, df.length * 2);
      df[id]++;
      t[k] = id;
      w[k] = e.getValue();
      k++;
    }
    sortByTerm(t, w);
    terms.add(t);
    weights.add(w);
  }

  /** Replaces raw counts by normalized (1 + ln tf) x ln((n + background) / df). */
  void weigh(double background) {
    int n = terms.size();
    for (int a = 0; a < n; a++) {
      int[] t = terms.get(a);
      double[] w = weights.get(a);
      double norm = 0;
      for (int k = 0; k < t.length; k++) {
        w[k] = (1 + Math.log(w[k])) * Math.log((n + background) / df[t[k]]);
        norm += w[k] * w[k];
      }
      norm = Math.sqrt(norm);
      if (norm > 0) {
        for (int k = 0; k < w.length; k++) w[k] /= norm;
      }
    }
  }

  int[] terms(int article) {
    return terms.get(article);
  }

  double[] weights(int article) {
    return weights.get(article);
  }

  double cosine(int a, int b) {
    int[] ta = terms.get(a);
    int[] tb = terms.get(b);
    double[] wa = weights.get(a);
    double[] wb = weights.get(b);
    double dot = 0;
    int i = 0;
    int j = 0;
    while (i < ta.length && j < tb.length) {
      if (ta[i] == tb[j]) dot += wa[i++] * wb[j++];
      else if (ta[i] < tb[j]) i++;
      else j++;
    }
    return dot;
  }

  private static void sortByTerm(int[] t, double[] w) {
    long[] order = new long[t.length];
    for (int i = 0; i < t.length; i++) order[i] = (long) t[i] << 32 | i;
    Arrays.sort(order);
    double[] w2 = new double[w.length];
    for (int i = 0; i < t.length; i++) {
      t[i] = (int) (order[i] >>> 32);
      w2[i] = w[(int) order[i]];
    }
    System.arraycopy(w2, 0, w, 0, w.length);
  }
}
