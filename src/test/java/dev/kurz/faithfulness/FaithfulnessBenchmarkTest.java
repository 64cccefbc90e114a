package dev.kurz.faithfulness;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kurz.Shared;
import dev.kurz.glossary.Glossary;
import dev.kurz.model.Analysis;
import dev.kurz.model.Claim;
import dev.kurz.pipeline.ModalityCheck;
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
 * The faithfulness benchmark: clean answers and their one-change variants ({@link Alterations}),
 * on the project's own German fixtures and on the real seeds with their good answers (shared
 * folder, read in place; that part is skipped where it is absent). Prints, per kind of change,
 * the share of variants caught (a warning the clean answer does not have) and the share of clean
 * answers flagged; docs/benchmarks.md quotes the output. Caught counts the gate's findings and the
 * modality check's warnings, both on the record; the gate alone is shown beside.
 */
class FaithfulnessBenchmarkTest {
  private static final List<String> OWN = List.of("brueckenbau", "klinikstreik");

  record Case(String name, String article, Analysis clean) {}

  @Test
  void ownFixturesCleanAnswersPassAndVariantsAreCaught() throws IOException {
    List<Case> cases = new ArrayList<>();
    for (String n : OWN) cases.add(new Case(n, resource(n + ".txt"), null));
    List<Case> own = new ArrayList<>();
    for (Case c : cases) own.add(new Case(c.name(), c.article(), Answers.read(resource(c.name() + ".analysis.json"), c.article())));
    Score s = score(own);
    System.out.println("faithfulness benchmark, own fixtures (" + own.size() + " articles)\n" + s.table());
    assertThat(s.cleanFlagged).isZero();
    for (Alterations.Kind k : Alterations.Kind.values()) assertThat(s.caught(k)).as(k.name()).isGreaterThanOrEqualTo(0.6);
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
    Score s = score(real);
    System.out.println("faithfulness benchmark, real seeds (" + real.size() + " articles)\n" + s.table());
    assertThat(s.cleanFlagged).isZero();
  }

  static final class Score {
    final Map<Alterations.Kind, int[]> counts = new EnumMap<>(Alterations.Kind.class);
    int clean;
    int cleanFlagged;
    final List<String> missed = new ArrayList<>();

    double caught(Alterations.Kind k) {
      int[] c = counts.get(k);
      return c == null || c[0] == 0 ? 1 : c[1] / (double) c[0];
    }

    String table() {
      StringBuilder b = new StringBuilder("| change | variants | caught (all checks) | caught (gate alone) |\n|---|---:|---:|---:|\n");
      for (var e : counts.entrySet()) {
        int[] c = e.getValue();
        b.append(String.format("| %s | %d | %d (%.0f %%) | %d (%.0f %%) |%n", e.getKey().name().toLowerCase().replace('_', ' '),
            c[0], c[1], 100.0 * c[1] / c[0], c[2], 100.0 * c[2] / c[0]));
      }
      b.append(String.format("| clean answers flagged | %d | %d (%.0f %%) | |%n", clean, cleanFlagged, 100.0 * cleanFlagged / Math.max(1, clean)));
      b.append("missed:\n");
      missed.forEach(m -> b.append("  ").append(m).append('\n'));
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
      Set<String> baseGate = warnings(c.clean(), c.article(), false);
      for (Alterations.Variant v : Alterations.of(c.clean())) {
        int[] n = s.counts.computeIfAbsent(v.kind(), k -> new int[3]);
        n[0]++;
        Set<String> all = warnings(v.analysis(), c.article(), true);
        all.removeAll(base);
        Set<String> gate = warnings(v.analysis(), c.article(), false);
        gate.removeAll(baseGate);
        if (!all.isEmpty()) n[1]++;
        else s.missed.add(v.kind() + " " + c.name() + " " + v.where() + (v.kind() == Alterations.Kind.NAME || v.kind() == Alterations.Kind.NEGATION ? ": " + changed(c.clean(), v.analysis()) : ""));
        if (!gate.isEmpty()) n[2]++;
      }
    }
    return s;
  }

  private static String changed(Analysis a, Analysis b) {
    if (!a.summary().equals(b.summary())) return b.summary();
    for (int i = 0; i < a.keyPoints().size(); i++) if (!a.keyPoints().get(i).equals(b.keyPoints().get(i))) return b.keyPoints().get(i);
    for (int i = 0; i < a.claims().size(); i++) if (!a.claims().get(i).claim().equals(b.claims().get(i).claim())) return b.claims().get(i).claim();
    return "?";
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
