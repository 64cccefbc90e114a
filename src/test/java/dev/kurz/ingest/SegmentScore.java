package dev.kurz.ingest;

import java.util.List;
import java.util.regex.Pattern;

/**
 * The web-extraction benchmark's metric (trafilatura's {@code tests/eval_common.py}): whitespace
 * normalized; each expected ({@code with}) segment found in the extraction is a true positive,
 * missing a false negative; each unwanted ({@code without}) segment found is a false positive,
 * missing a true negative. Counts pool over pages; precision and recall come from the pooled sums.
 */
record SegmentScore(int truePositives, int falseNegatives, int falsePositives, int trueNegatives) {
  private static final Pattern SPACE = Pattern.compile("\\s+");

  static SegmentScore of(List<String> with, List<String> without, String extracted) {
    String text = normalize(extracted == null ? "" : extracted);
    int tp = 0;
    int fn = 0;
    int fp = 0;
    int tn = 0;
    for (String segment : with) {
      if (!text.isEmpty() && text.contains(normalize(segment))) tp++;
      else fn++;
    }
    for (String segment : without) {
      if (!text.isEmpty() && text.contains(normalize(segment))) fp++;
      else tn++;
    }
    return new SegmentScore(tp, fn, fp, tn);
  }

  SegmentScore plus(SegmentScore other) {
    return new SegmentScore(truePositives + other.truePositives, falseNegatives + other.falseNegatives,
        falsePositives + other.falsePositives, trueNegatives + other.trueNegatives);
  }

  double precision() {
    return truePositives + falsePositives == 0 ? 0 : (double) truePositives / (truePositives + falsePositives);
  }

  double recall() {
    return truePositives + falseNegatives == 0 ? 0 : (double) truePositives / (truePositives + falseNegatives);
  }

  double f1() {
    return ShingleScore.f1(precision(), recall());
  }

  static String normalize(String s) {
    return SPACE.matcher(s).replaceAll(" ").strip();
  }
}
