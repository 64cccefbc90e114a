package dev.kurz.cli;

import dev.kurz.faithfulness.Finding;
import dev.kurz.model.Outcome;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * A batch's warnings counted by kind, for the one line after the summary ({@code warnings: 120
 * quote not found, 40 modality ...}); each warning in full for --verbose and one-article runs.
 * Warnings are the output's free-text strings, so the kind is read from their wording. Not
 * thread-safe.
 */
final class WarningTally {
  private record Kind(String name, Pattern pattern) {}

  private static final List<Kind> KINDS = List.of(
      new Kind("quote not found", Pattern.compile("quote not found")),
      new Kind("reportive cue marked stated", Pattern.compile("reportive/attribution cue")),
      new Kind("denial cue not marked denied", Pattern.compile("denial cue")),
      new Kind("German name form", Pattern.compile("' should read '")),
      new Kind("teaser or paywall stub", Pattern.compile("teaser|paywall")),
      new Kind("analysed in parts", Pattern.compile("analysed in \\d+ parts")));

  private final Map<String, Integer> counts = new LinkedHashMap<>();
  private final List<String> lines = new ArrayList<>();
  private int count;

  /** The warnings of the answers among {@code outcomes}, in their order. */
  static WarningTally of(List<Outcome> outcomes) {
    WarningTally tally = new WarningTally();
    for (Outcome o : outcomes) {
      if (o instanceof Outcome.Done d) d.result().warnings().forEach(w -> tally.add(d.label(), w));
    }
    return tally;
  }

  void add(String label, String warning) {
    String kind = Finding.isFaithfulnessWarning(warning) ? "faithfulness" : "other";
    for (Kind k : kind.equals("other") ? KINDS : List.<Kind>of()) {
      if (k.pattern().matcher(warning).find()) {
        kind = k.name();
        break;
      }
    }
    counts.merge(kind, 1, Integer::sum);
    lines.add("[WARN] " + label + ": " + warning);
    count++;
  }

  int count() {
    return count;
  }

  List<String> lines() {
    return List.copyOf(lines);
  }

  /** {@code [WARN] 7 warnings: 4 quote not found, 3 German name form (each with --verbose and in the output)}. */
  String summary() {
    List<String> parts = new ArrayList<>();
    counts.entrySet().stream().sorted(Map.Entry.<String, Integer>comparingByValue().reversed())
        .forEach(e -> parts.add(e.getValue() + " " + e.getKey()));
    return "[WARN] " + count + (count == 1 ? " warning: " : " warnings: ") + String.join(", ", parts)
        + " (each with --verbose and in the output's warnings)";
  }
}
