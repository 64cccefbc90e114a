package dev.kurz.faithfulness;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kurz.analysis.ModalityCheck;
import dev.kurz.glossary.Glossary;
import dev.kurz.model.Analysis;
import dev.kurz.model.Claim;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The gate on hand-written answers to real articles: clean answers in several models' styles to
 * articles of the shared grouping-day set, each with alterations made by hand, one change per
 * alteration, as an outside tool would make them (see {@link RealAnswerSet} and the README of
 * {@value RealAnswerSet#FOLDER}). By default the set in the repository (quotes stored as offsets,
 * restored from the shared folder; skipped where it is absent); {@code -Dkurz.fpset=DIR[:DIR...]}
 * reads literal working copies instead (files in DIR or DIR/answers, and for such a folder also
 * clean translated paragraphs in DIR/translations, which never go into the repository). Prints per
 * kind of change the share of alterations caught and every warning on a clean answer, for all
 * answers and for each author's half (a-, b-, c-), item by item for the development half a- only (the
 * confirmation halves b- and c- as counts, unless {@code -Dkurz.fpset.details=all}, or the halves to show, as {@code ab}); {@code -Dkurz.fpset.dump=FILE} appends one JSON line per answer and variant with its new warnings; {@code -Dkurz.fpset.report=FILE} also writes the
 * report as Markdown; {@code -Dkurz.fpset.half=a} checks only that half's answers and
 * {@code -Dkurz.fpset.kinds=number,date} only those kinds of alteration (clean answers always). Fails only when a file is malformed: an alteration whose text is not where it
 * says, or a quote not in its article, would make the figures lie.
 */
class RealAnswersBenchmark {
  private static final ObjectMapper JSON = new ObjectMapper();

  @Test
  void gateOnRealArticlesWithHandWrittenAnswers() throws IOException {
    String folders = System.getProperty("kurz.fpset");
    List<Path> roots = new ArrayList<>();
    if (folders != null && !folders.isBlank()) {
      for (String f : folders.split(java.io.File.pathSeparator)) roots.add(Path.of(f));
    } else {
      roots.add(RealAnswerSet.repositoryFolder());
    }
    for (Path root : roots) assumeTrue(Files.isDirectory(root), "no answer set at " + root + ": test skipped");
    Path articles = RealAnswerSet.articlesFolder();
    assumeTrue(Files.isDirectory(articles), "shared articles not found (" + articles + "): test skipped");
    Map<String, String> urls = RealAnswerSet.urls(articles);
    Report all = new Report("all answers");
    Map<String, Report> byAuthor = new TreeMap<>();
    String half = System.getProperty("kurz.fpset.half", "");
    Set<String> only = new TreeSet<>();
    for (String k : System.getProperty("kurz.fpset.kinds", "").split(",")) if (!k.isBlank()) only.add(k.strip());
    for (Path root : roots) {
      for (Path file : RealAnswerSet.files(root)) {
        RealAnswerSet.Item item;
        try {
          item = RealAnswerSet.read(file, articles, urls);
        } catch (RealAnswerSet.Malformed e) {
          all.errors.add(e.getMessage());
          continue;
        }
        if (!half.isBlank() && !item.author().equals(half + "-")) continue;
        List<Report> into = new ArrayList<>(List.of(all));
        into.add(byAuthor.computeIfAbsent(item.author(), x -> new Report(x + " answers")));
        answer(into, item, only);
      }
      if (folders != null) {
        for (Path file : files(root.resolve("translations"))) translation(all, file, articles);
      }
    }
    // Only the development half (a-) is shown item by item unless -Dkurz.fpset.details says otherwise: the
    // b- and c- halves confirm rules developed on a-, and their items must not be seen while writing them.
    String details = System.getProperty("kurz.fpset.details", "a");  // halves shown item by item, as "ab", or "all"
    boolean allDetails = "all".equals(details);
    StringBuilder md = new StringBuilder();
    md.append("## ").append(all.title).append("\n\n").append(allDetails ? all.markdown() : all.table());
    for (Map.Entry<String, Report> e : byAuthor.entrySet()) {
      Report r = e.getValue();
      String prefix = e.getKey().isEmpty() ? "" : e.getKey().substring(0, e.getKey().length() - 1);
      boolean shown = allDetails || (!prefix.isEmpty() && details.contains(prefix));
      md.append("\n## ").append(r.title).append("\n\n").append(shown ? r.markdown() : r.table());
    }
    System.out.println(md);
    String out = System.getProperty("kurz.fpset.report");
    if (out != null && !out.isBlank()) Files.writeString(Path.of(out), md);
    assertThat(all.errors).as("malformed answer set").isEmpty();
  }

  /** Checks one answer and its alterations (only those of the kinds in {@code only}, when it is not empty). */
  private static void answer(List<Report> reports, RealAnswerSet.Item item, Set<String> only) {
    String name = item.file();
    String article = item.article();
    LocalDate published = item.published();
    ObjectNode clean = item.answer();
    Analysis a = Answers.read(clean, article);
    // The outlet as kurz knows it for a fetched article: the host of its address.
    String host = new dev.kurz.model.Source(name, null, item.url(), null, null, null, null, null, 0).host();
    List<String> outlet = host == null ? List.of() : List.of(host);
    List<Finding> findings = FaithfulnessCheck.check(a, article, Glossary.builtIn(), "de", "en", published, outlet);
    Set<String> baseGate = new LinkedHashSet<>(FaithfulnessCheck.warnings(findings));
    Set<String> base = withModality(baseGate, a);
    Set<String> kinds = new TreeSet<>();
    for (Finding f : findings) kinds.add(f.kind().name().toLowerCase(Locale.ROOT));
    if (base.size() > baseGate.size()) kinds.add("modality check");
    dump(item, "clean", "", base);
    for (Report r : reports) {
      r.answers++;
      if (!base.isEmpty()) r.flagged.put(name + " (" + item.style() + ")", List.copyOf(base));
      if (!baseGate.isEmpty()) r.answersFlaggedByGate++;
      r.cleanKinds(kinds);
    }
    for (RealAnswerSet.Alteration alt : item.alterations()) {
      if (!only.isEmpty() && !only.contains(alt.kind())) continue;
      ObjectNode changed;
      try {
        changed = alt.applyTo(clean);
      } catch (RealAnswerSet.Malformed e) {
        reports.get(0).errors.add(name + ": " + e.getMessage());
        continue;
      }
      Analysis v = Answers.read(changed, article);
      Set<String> gate = new LinkedHashSet<>(FaithfulnessCheck.warnings(
          FaithfulnessCheck.check(v, article, Glossary.builtIn(), "de", "en", published, outlet)));
      Set<String> any = withModality(gate, v);
      any.removeAll(base);
      gate.removeAll(baseGate);
      dump(item, alt.kind(), alt.where(), any);
      for (Report r : reports) {
        r.count(alt.kind(), alt.where(), !any.isEmpty(), !gate.isEmpty(), name + " " + alt.describe());
      }
    }
  }

  /** With {@code -Dkurz.fpset.dump=FILE}: one JSON line per answer and variant with its (new) warnings, for analysis. */
  private static void dump(RealAnswerSet.Item item, String kind, String where, Set<String> warnings) {
    String out = System.getProperty("kurz.fpset.dump");
    if (out == null || out.isBlank()) return;
    ObjectNode line = JSON.createObjectNode().put("file", item.file()).put("kind", kind).put("where", where);
    var arr = line.putArray("warnings");
    warnings.forEach(arr::add);
    try {
      Files.writeString(Path.of(out), line + "\n", java.nio.file.StandardOpenOption.CREATE, java.nio.file.StandardOpenOption.APPEND);
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  private static void translation(Report r, Path file, Path articles) throws IOException {
    JsonNode doc = JSON.readTree(file.toFile());
    String name = file.getFileName().toString();
    String article = Files.readString(articles.resolve(doc.path("article").asText()));
    List<String[]> paragraphs = new ArrayList<>();
    for (JsonNode p : doc.path("paragraphs")) {
      String de = p.path("de").asText();
      if (!article.contains(de)) r.errors.add(name + ": paragraph not in the article: " + de);
      paragraphs.add(new String[] {de, p.path("en").asText()});
    }
    for (int i = 0; i < paragraphs.size(); i++) {
      r.paragraphs++;
      List<String> w = translationWarnings(i, paragraphs.get(i)[0], paragraphs.get(i)[1], article);
      if (!w.isEmpty()) r.flagged.put(name + " paragraph " + (i + 1), w);
    }
    for (JsonNode alt : doc.path("alterations")) {
      int i = alt.path("paragraph").asInt() - 1;
      String en = paragraphs.get(i)[1];
      String from = alt.path("from").asText();
      int at = en.indexOf(from);
      if (at < 0 || en.indexOf(from, at + 1) >= 0) {
        r.errors.add(name + ": '" + from + "' not once in paragraph " + (i + 1));
        continue;
      }
      String changed = en.substring(0, at) + alt.path("to").asText() + en.substring(at + from.length());
      Set<String> w = new LinkedHashSet<>(translationWarnings(i, paragraphs.get(i)[0], changed, article));
      w.removeAll(translationWarnings(i, paragraphs.get(i)[0], en, article));
      r.count("translation " + alt.path("kind").asText(), "paragraph", !w.isEmpty(), !w.isEmpty(),
          name + " paragraph " + (i + 1) + ": '" + from + "' -> '" + alt.path("to").asText() + "'");
    }
  }

  private static List<String> translationWarnings(int i, String german, String english, String article) {
    return FaithfulnessCheck.warnings(FaithfulnessCheck.checkTranslation("paragraph " + (i + 1), german, english,
        article, Glossary.builtIn(), "de", "en"));
  }

  /** The gate's warnings with the modality check's added, both as they go on the record. */
  private static Set<String> withModality(Set<String> gate, Analysis a) {
    Set<String> out = new LinkedHashSet<>(gate);
    for (int i = 0; i < a.claims().size(); i++) {
      Claim c = a.claims().get(i);
      out.addAll(ModalityCheck.check(i + 1, c));
    }
    return out;
  }

  private static List<Path> files(Path dir) throws IOException {
    if (!Files.isDirectory(dir)) return List.of();
    try (Stream<Path> s = Files.list(dir)) {
      return s.filter(p -> p.toString().endsWith(".json")).sorted().toList();
    }
  }

  private static final class Report {
    final String title;
    final Map<String, int[]> kinds = new TreeMap<>();
    final Map<String, int[]> places = new TreeMap<>();
    /** Each clean text that raised a warning, with its warnings. */
    final Map<String, List<String>> flagged = new TreeMap<>();
    final List<String> missed = new ArrayList<>();
    final List<String> errors = new ArrayList<>();
    /** Per kind of finding: [clean answers with one, clean answers with no other kind]. */
    final Map<String, int[]> cleanByKind = new TreeMap<>();
    int answers;
    int answersFlaggedByGate;

    Report(String title) {
      this.title = title;
    }

    void cleanKinds(Set<String> kinds) {
      for (String k : kinds) {
        int[] c = cleanByKind.computeIfAbsent(k, x -> new int[2]);
        c[0]++;
        if (kinds.size() == 1) c[1]++;
      }
    }

    int paragraphs;

    /** Counts a variant: [variants, caught by all checks, caught by the gate alone], per kind and per kind and place. */
    void count(String kind, String where, boolean caught, boolean byGate, String what) {
      for (int[] c : List.of(kinds.computeIfAbsent(kind, x -> new int[3]),
          places.computeIfAbsent(kind + " | " + where, x -> new int[3]))) {
        c[0]++;
        if (caught) c[1]++;
        if (byGate) c[2]++;
      }
      if (!caught) missed.add(kind + " " + what);
    }

    /** The table of kinds, the clean line and the clean answers flagged by kind of finding: counts only, no items. */
    String table() {
      String m = markdown();
      return m.substring(0, m.indexOf("\nBy place:"));
    }

    String markdown() {
      StringBuilder b = new StringBuilder("| change | variants | caught (all checks) | caught (gate alone) |\n|---|---:|---:|---:|\n");
      kinds.forEach((k, c) -> b.append(String.format("| %s | %d | %d (%.0f %%) | %d (%.0f %%) |%n", k, c[0], c[1],
          100.0 * c[1] / c[0], c[2], 100.0 * c[2] / c[0])));
      int answerFlagged = (int) flagged.keySet().stream().filter(k -> !k.contains(" paragraph ")).count();
      int paragraphFlagged = flagged.size() - answerFlagged;
      b.append(String.format("| clean answers flagged | %d | %d (%.1f %%) | %d (%.1f %%) |%n", answers, answerFlagged,
          100.0 * answerFlagged / Math.max(1, answers), answersFlaggedByGate, 100.0 * answersFlaggedByGate / Math.max(1, answers)));
      if (paragraphs > 0) {
        b.append(String.format("| clean translated paragraphs flagged | %d | %d (%.1f %%) | |%n", paragraphs, paragraphFlagged,
            100.0 * paragraphFlagged / Math.max(1, paragraphs)));
      }
      b.append("\nClean answers flagged, by kind of finding (an answer counts once per kind; 'only' = no finding of another kind):\n\n")
          .append("| finding | answers | only this kind |\n|---|---:|---:|\n");
      cleanByKind.forEach((k, c) -> b.append(String.format("| %s | %d | %d |%n", k, c[0], c[1])));
      b.append("\nBy place:\n\n| change | place | variants | caught (all checks) | caught (gate alone) |\n|---|---|---:|---:|---:|\n");
      places.forEach((k, c) -> b.append(String.format("| %s | %d | %d | %d |%n", k, c[0], c[1], c[2])));
      b.append("\nClean texts flagged (every warning):\n\n");
      if (flagged.isEmpty()) b.append("none\n");
      flagged.forEach((k, w) -> w.forEach(x -> b.append("- ").append(k).append(": ").append(x).append('\n')));
      b.append("\nAlterations missed:\n\n");
      if (missed.isEmpty()) b.append("none\n");
      missed.forEach(m -> b.append("- ").append(m).append('\n'));
      if (!errors.isEmpty()) {
        b.append("\nMalformed:\n\n");
        errors.forEach(e -> b.append("- ").append(e).append('\n'));
      }
      return b.toString();
    }
  }

}
