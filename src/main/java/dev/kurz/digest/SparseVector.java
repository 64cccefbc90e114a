package dev.kurz.digest;

import java.util.HashMap;
import java.util.Map;

/** A bag of weighted terms; {@link #cosine} assumes both sides were {@link #normalized()}. Not thread-safe while built. */
final class SparseVector {
  final Map<String, Double> weights = new HashMap<>();

  void add(String term, double weight) {
    weights.merge(term, weight, Double::sum);
  }

  SparseVector tfIdf(Map<String, Double> idf) {
    SparseVector v = new SparseVector();
    weights.forEach((t, w) -> v.weights.put(t, (1 + Math.log(w)) * idf.getOrDefault(t, 1.0)));
    return v.normalized();
  }

  SparseVector normalized() {
    double norm = Math.sqrt(weights.values().stream().mapToDouble(w -> w * w).sum());
    if (norm > 0) weights.replaceAll((t, w) -> w / norm);
    return this;
  }

  double cosine(SparseVector other) {
    Map<String, Double> small = weights.size() <= other.weights.size() ? weights : other.weights;
    Map<String, Double> large = small == weights ? other.weights : weights;
    double dot = 0;
    for (var e : small.entrySet()) {
      Double w = large.get(e.getKey());
      if (w != null) dot += e.getValue() * w;
    }
    return dot;
  }
}
