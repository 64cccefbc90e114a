package dev.kurz.faithfulness;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kurz.Shared;
import dev.kurz.glossary.Glossary;
import dev.kurz.model.Analysis;
import dev.kurz.model.Claim;
import dev.kurz.analysis.ModalityCheck;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The faithfulness benchmark: clean answers, their meaning-preserving rewrites ({@link
 * Paraphrases}) and their one-change variants ({@link Mutations}), on the project's own German
 * fixtures and on the real seeds with their good answers (shared folder, read in place; skipped
 * where it is absent). The seeds are split: rules are developed on the first three and confirmed
 * on the others. Prints, per kind of change, the share of variants caught (a warning the clean
 * answer does not have) and the share of clean answers flagged (any warning); docs/benchmarks.md
 * quotes the output. Caught counts the gate's findings and the modality check's warnings, both on
 * the record; the gate alone is shown beside.
 */
class FaithfulnessBenchmarkTest {
  private static final List<String> OWN = List.of("brueckenbau", "klinikstreik");
  /** Seeds the rules were developed on; the rest confirm them. */
  private static final int DEVELOP = 3;

  record Case(String name, String article, Analysis clean) {}

  @Test
  void ownFixturesCleanAnswersPassAndVariantsAreCaught() throws IOException {
    List<Case> own = new ArrayList<>();
    for (String n : OWN) {
      String article = resource(n + ".txt");
      own.add(new Case(n, article, Answers.read(resource(n + ".analysis.json"), article)));
    }
    Score s = score(own);
    System.out.println("faithfulness benchmark, own fixtures (" + own.size() + " articles)\n" + s.table(true));
    assertThat(s.cleanFlagged).isZero();
    for (Mutations.Kind k : Mutations.Kind.values()) {
      if (k != Mutations.Kind.NAME_SWAP) assertThat(s.caught(k)).as(k.label()).isGreaterThanOrEqualTo(0.6);
    }
  }

  @Test
  void realSeedsCleanAnswersPassAndVariantsAreCaught() throws IOException {
    List<Case> real = new ArrayList<>();
    for (Path seed : Shared.seeds()) {
      Path example = Shared.exampleFor(seed);
      if (!Files.exists(example)) continue;
      String article = Files.readString(seed);
      real.add(new Case(seed.getFileName().toString(), article, Answers.read(Files.readString(example), article)));
    }
    List<Case> develop = real.subList(0, Math.min(DEVELOP, real.size()));
    List<Case> confirm = real.subList(develop.size(), real.size());
    Score d = score(develop);
    Score c = score(confirm);
    System.out.println("faithfulness benchmark, real seeds, development (" + develop.size() + " articles)\n" + d.table(true));
    System.out.println("faithfulness benchmark, real seeds, confirmation (" + confirm.size() + " articles)\n" + c.table(false));
    assertThat(d.cleanFlagged + c.cleanFlagged).isZero();
  }

  static final class Score {
    final Map<Mutations.Kind, int[]> counts = new EnumMap<>(Mutations.Kind.class);
    int clean;
    int cleanFlagged;
    int rewrites;
    int rewritesFlagged;
    final List<String> missed = new ArrayList<>();

    double caught(Mutations.Kind k) {
      int[] c = counts.get(k);
      return c == null || c[0] == 0 ? 1 : c[1] / (double) c[0];
    }

    String table(boolean details) {
      StringBuilder b = new StringBuilder("| change | variants | caught (all checks) | caught (gate alone) |\n|---|---:|---:|---:|\n");
      for (var e : counts.entrySet()) {
        int[] c = e.getValue();
        b.append(String.format("| %s | %d | %d (%.0f %%) | %d (%.0f %%) |%n", e.getKey().label(),
            c[0], c[1], 100.0 * c[1] / c[0], c[2], 100.0 * c[2] / c[0]));
      }
      b.append(String.format("| clean answers flagged | %d | %d (%.0f %%) | |%n", clean, cleanFlagged, 100.0 * cleanFlagged / Math.max(1, clean)));
      b.append(String.format("| clean rewrites flagged | %d | %d (%.1f %%) | |%n", rewrites, rewritesFlagged,
          100.0 * rewritesFlagged / Math.max(1, rewrites)));
      // The confirmation seeds show only what was flagged clean, never what was missed.
      b.append(details ? "missed and flagged:\n" : "flagged:\n");
      missed.stream().filter(m -> details || m.contains("FLAGGED")).forEach(m -> b.append("  ").append(m).append('\n'));
      return b.toString();
    }
  }

  static Score score(List<Case> cases) {
    Score s = new Score();
    for (Case c : cases) {
      Set<String> base = warnings(c.clean(), c.article(), true);
      s.clean++;
      if (!base.isEmpty()) {
        s.cleanFlagged++;
        base.forEach(w -> s.missed.add("CLEAN FLAGGED " + c.name() + ": " + w));
      }
      for (Paraphrases.Variant p : Paraphrases.of(c.clean())) {
        s.rewrites++;
        Set<String> w = warnings(p.analysis(), c.article(), true);
        if (!w.isEmpty()) {
          s.rewritesFlagged++;
          s.missed.add("REWRITE FLAGGED " + c.name() + " (" + p.what() + "): " + w.iterator().next());
        }
      }
      Set<String> baseGate = warnings(c.clean(), c.article(), false);
      for (Mutations.Variant v : Mutations.of(c.clean())) {
        int[] n = s.counts.computeIfAbsent(v.kind(), k -> new int[3]);
        n[0]++;
        Set<String> all = warnings(v.analysis(), c.article(), true);
        all.removeAll(base);
        Set<String> gate = warnings(v.analysis(), c.article(), false);
        gate.removeAll(baseGate);
        if (!all.isEmpty()) n[1]++;
        else s.missed.add(v.kind().label() + " " + c.name() + " " + v.where() + ": '" + v.before() + "' -> '" + v.after() + "'");
        if (!gate.isEmpty()) n[2]++;
      }
    }
    return s;
  }

  private static Set<String> warnings(Analysis a, String article, boolean withModality) {
    Set<String> out = new HashSet<>(FaithfulnessCheck.warnings(FaithfulnessCheck.check(a, article, Glossary.builtIn(), "de", "en", null)));
    if (withModality) {
      for (int i = 0; i < a.claims().size(); i++) {
        Claim c = a.claims().get(i);
        out.addAll(ModalityCheck.check(i + 1, c));
      }
    }
    return out;
  }

  private static String resource(String name) throws IOException {
    try (InputStream in = FaithfulnessBenchmarkTest.class.getResourceAsStream("/faithfulness/" + name)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }
}
