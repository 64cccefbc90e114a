package dev.kurz.faithfulness;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.kurz.Shared;
import dev.kurz.analysis.ModalityCheck;
import dev.kurz.analysis.QuoteLocator;
import dev.kurz.glossary.Glossary;
import dev.kurz.model.Analysis;
import dev.kurz.model.Claim;
import dev.kurz.model.Grounding;
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
 * The gate on hand-written answers to real articles, kept outside the repository because they
 * quote the articles: clean answers in several models' styles to articles of the shared
 * grouping-day set, each with alterations made by hand, one change per variant, as an outside tool
 * would make them; and clean translations of paragraphs with their alterations. The folder is named
 * by {@code -Dkurz.fpset=/work/fpset} (its README describes the files); the test is skipped with a
 * message where it is absent. Prints per kind of change the share of variants caught and every
 * warning on a clean text; {@code -Dkurz.fpset.report=FILE} also writes that report as Markdown.
 * Fails only when a file is malformed: an alteration whose text is not where it says, or a quote
 * not found in its article, would make the figures lie.
 */
class RealAnswersBenchmark {
  private static final ObjectMapper JSON = new ObjectMapper();

  @Test
  void gateOnRealArticlesWithHandWrittenAnswers() throws IOException {
    String folder = System.getProperty("kurz.fpset");
    assumeTrue(folder != null && Files.isDirectory(Path.of(folder)),
        "no answer set: run with -Dkurz.fpset=/work/fpset (kept outside the repository); test skipped");
    Path root = Path.of(folder);
    Path articles = Shared.path("benchmarks/grouping-day/articles");
    Report r = new Report();
    for (Path file : files(root.resolve("answers"))) answer(r, file, articles);
    for (Path file : files(root.resolve("translations"))) translation(r, file, articles);
    String md = r.markdown();
    System.out.println(md);
    String out = System.getProperty("kurz.fpset.report");
    if (out != null && !out.isBlank()) Files.writeString(Path.of(out), md);
    assertThat(r.errors).as("malformed answer set").isEmpty();
  }

  private static void answer(Report r, Path file, Path articles) throws IOException {
    JsonNode doc = JSON.readTree(file.toFile());
    String name = file.getFileName().toString();
    String article = Files.readString(articles.resolve(doc.path("article").asText()));
    LocalDate published = LocalDate.parse(doc.path("published").asText("2020-04-15"));
    JsonNode clean = doc.path("answer");
    for (JsonNode c : clean.path("claims")) {
      if (new QuoteLocator(article).locate(c.path("quote").asText()).status() == Grounding.Status.NOT_FOUND) {
        r.errors.add(name + ": quote not in the article: " + c.path("quote").asText());
      }
    }
    Analysis a = Answers.read(clean, article);
    Set<String> base = warnings(a, article, published, true);
    Set<String> baseGate = warnings(a, article, published, false);
    r.answers++;
    if (!base.isEmpty()) r.flagged.put(name + " (" + doc.path("style").asText() + ")", List.copyOf(base));
    if (!baseGate.isEmpty()) r.answersFlaggedByGate++;
    Set<String> kinds = new TreeSet<>();
    for (Finding f : FaithfulnessCheck.check(a, article, Glossary.builtIn(), "de", "en", published)) {
      kinds.add(f.kind().name().toLowerCase(Locale.ROOT));
    }
    if (base.size() > baseGate.size()) kinds.add("modality check");
    r.cleanKinds(kinds);
    for (JsonNode alt : doc.path("alterations")) {
      String kind = alt.path("kind").asText();
      ObjectNode changed = clean.deepCopy();
      String where = apply(r, name, changed, alt);
      if (where == null) continue;
      Analysis v = Answers.read(changed, article);
      Set<String> all = warnings(v, article, published, true);
      all.removeAll(base);
      Set<String> gate = warnings(v, article, published, false);
      gate.removeAll(baseGate);
      r.count(kind, where, !all.isEmpty(), !gate.isEmpty(), name + " " + where + ": " + alt.path("edits").toString());
    }
  }

  /** Applies one alteration's edits to the answer; returns where it changed it, null (and an error) when an edit does not fit. */
  private static String apply(Report r, String name, ObjectNode answer, JsonNode alt) {
    Set<String> places = new LinkedHashSet<>();
    for (JsonNode e : alt.path("edits")) {
      String at = e.path("at").asText();
      JsonPointer p = JsonPointer.compile(at);
      JsonNode parent = answer.at(p.head());
      JsonNode old = answer.at(p);
      if (!old.isTextual()) {
        r.errors.add(name + ": no text at " + at);
        return null;
      }
      String to = e.path("to").asText();
      String value;
      if (e.has("from")) {
        String from = e.path("from").asText();
        int i = old.asText().indexOf(from);
        if (i < 0 || old.asText().indexOf(from, i + 1) >= 0) {
          r.errors.add(name + ": '" + from + "' not once at " + at + ": " + old.asText());
          return null;
        }
        value = old.asText().substring(0, i) + to + old.asText().substring(i + from.length());
      } else {
        value = to;
      }
      String key = p.last().getMatchingProperty();
      if (parent instanceof ObjectNode o) o.set(key, TextNode.valueOf(value));
      else ((ArrayNode) parent).set(p.last().getMatchingIndex(), TextNode.valueOf(value));
      places.add(place(at));
    }
    return String.join("+", places);
  }

  private static String place(String pointer) {
    if (pointer.startsWith("/claims")) return "claim";
    if (pointer.startsWith("/key_points")) return "key point";
    return pointer.substring(1);
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

  /** The gate's warnings, and with {@code withModality} the modality check's, both on the record. */
  private static Set<String> warnings(Analysis a, String article, LocalDate published, boolean withModality) {
    Set<String> out = new LinkedHashSet<>(FaithfulnessCheck.warnings(
        FaithfulnessCheck.check(a, article, Glossary.builtIn(), "de", "en", published)));
    for (int i = 0; withModality && i < a.claims().size(); i++) {
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

    String markdown() {
      StringBuilder b = new StringBuilder("| change | variants | caught (all checks) | caught (gate alone) |\n|---|---:|---:|---:|\n");
      kinds.forEach((k, c) -> b.append(String.format("| %s | %d | %d (%.0f %%) | %d (%.0f %%) |%n", k, c[0], c[1],
          100.0 * c[1] / c[0], c[2], 100.0 * c[2] / c[0])));
      int answerFlagged = (int) flagged.keySet().stream().filter(k -> !k.contains(" paragraph ")).count();
      int paragraphFlagged = flagged.size() - answerFlagged;
      b.append(String.format("| clean answers flagged | %d | %d (%.1f %%) | %d (%.1f %%) |%n", answers, answerFlagged,
          100.0 * answerFlagged / Math.max(1, answers), answersFlaggedByGate, 100.0 * answersFlaggedByGate / Math.max(1, answers)));
      b.append(String.format("| clean translated paragraphs flagged | %d | %d (%.1f %%) | |%n", paragraphs, paragraphFlagged,
          100.0 * paragraphFlagged / Math.max(1, paragraphs)));
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
