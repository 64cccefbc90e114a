package dev.kurz.ingest;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The article-extraction benchmark's per-page metric: {@code \w+} tokens, 4-token shingles counted
 * as a multiset; true positives are the shingles in both, false positives only in the extraction,
 * false negatives only in the truth. Both empty scores 1/1, no overlap 0/0 (as the benchmark's
 * evaluate.py does). A text shorter than four tokens is one shingle.
 */
record ShingleScore(double precision, double recall) {
  private static final Pattern TOKEN = Pattern.compile("\\w+", Pattern.UNICODE_CHARACTER_CLASS);

  static ShingleScore of(String truth, String extracted) {
    Map<List<String>, Integer> expected = shingles(truth);
    Map<List<String>, Integer> actual = shingles(extracted);
    Set<List<String>> keys = new HashSet<>(expected.keySet());
    keys.addAll(actual.keySet());
    long tp = 0;
    long fp = 0;
    long fn = 0;
    for (List<String> key : keys) {
      int t = expected.getOrDefault(key, 0);
      int p = actual.getOrDefault(key, 0);
      tp += Math.min(t, p);
      fp += Math.max(0, p - t);
      fn += Math.max(0, t - p);
    }
    if (fp == 0 && fn == 0) return new ShingleScore(1, 1);
    if (tp == 0) return new ShingleScore(0, 0);
    return new ShingleScore((double) tp / (tp + fp), (double) tp / (tp + fn));
  }

  double f1() {
    return f1(precision, recall);
  }

  static double f1(double precision, double recall) {
    return precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall);
  }

  private static Map<List<String>, Integer> shingles(String text) {
    List<String> tokens = new ArrayList<>();
    Matcher m = TOKEN.matcher(text == null ? "" : text);
    while (m.find()) tokens.add(m.group());
    Map<List<String>, Integer> counts = new HashMap<>();
    for (int i = 0; i < Math.max(1, tokens.size() - 3); i++) {
      List<String> shingle = List.copyOf(tokens.subList(i, Math.min(tokens.size(), i + 4)));
      if (!shingle.isEmpty()) counts.merge(shingle, 1, Integer::sum);
    }
    return counts;
  }
}
