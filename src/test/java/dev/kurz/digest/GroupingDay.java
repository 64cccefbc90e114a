package dev.kurz.digest;

import dev.kurz.llm.Check;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.kurz.bench.FakeModelServer;
import dev.kurz.ingest.ArticleReader;
import dev.kurz.ingest.Input;
import dev.kurz.ingest.InputException;
import dev.kurz.llm.ContractSchema;
import dev.kurz.model.Analysis;
import dev.kurz.model.Article;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A labelled day of real coverage (the layout of {@code ../shared/benchmarks/grouping-day}: {@code
 * articles/NAME.txt} and {@code stories.tsv} with columns file, story, label) scored against kurz's
 * grouping, as that set's README defines the scores (pairwise and BCubed P/R/F1).
 *
 * <pre>
 * java -cp ... dev.kurz.digest.GroupingDay DAY                  the grouper in process
 * java -cp ... dev.kurz.digest.GroupingDay DAY --answers DIR    ... with DIR/NAME.analysis.json as the answers
 * java -cp ... dev.kurz.digest.GroupingDay DAY --digest D.json  a digest kurz wrote (sources matched by path)
 * </pre>
 *
 * Without answers, each article gets the stand-in answer the benchmark model server makes (German
 * first line as headline, its first sentences as claims, the headline's capitalized words as
 * entities): the grouping then rests on the German text, as it does with no model at all.
 */
public final class GroupingDay {
  static final ObjectMapper JSON = new ObjectMapper();

  /** The day's articles in file order with their gold story. */
  record Day(List<String> files, List<String> gold, List<DigestItem> items) {}

  public static void main(String[] args) throws Exception {
    Path day = Path.of(args[0]);
    Path answers = null;
    Path digest = null;
    for (int i = 1; i + 1 < args.length; i += 2) {
      if (args[i].equals("--answers")) answers = Path.of(args[i + 1]);
      else if (args[i].equals("--digest")) digest = Path.of(args[i + 1]);
    }
    if (args[0].equals("--own")) {
      LabelledSet own = LabelledSet.own().plus(LabelledSet.seeds());
      sweep(new Day(own.ids(), own.gold(), own.items()));
      return;
    }
    Map<String, String> labels = labels(day);
    List<String> files = new ArrayList<>(labels.keySet());
    List<String> gold = new ArrayList<>(labels.values());
    System.out.printf(Locale.ROOT, "%-28s %s%n", "every article alone", ClusterScores.of(singletons(files), gold));
    if (digest != null) {
      System.out.printf(Locale.ROOT, "%-28s %s%n", "digest " + digest.getFileName(), ClusterScores.of(fromDigest(digest, files), gold));
      return;
    }
    Day d = load(day, answers);
    if (List.of(args).contains("--sweep")) {
      sweep(d);
      return;
    }
    long start = System.nanoTime();
    List<List<Integer>> clusters = StoryGrouper.defaults().group(d.items());
    long ms = (System.nanoTime() - start) / 1_000_000;
    System.out.printf(Locale.ROOT, "%-28s %s (%d ms)%n", "grouper" + (answers == null ? " (stand-in answers)" : ""),
        ClusterScores.of(ClusterScores.labels(clusters, files.size()), gold), ms);
    for (List<Integer> c : clusters) {
      if (c.size() > 1) System.out.println("  " + c.stream().map(i -> files.get(i).substring(0, 3) + "/" + gold.get(i)).toList());
    }
  }

  /** Scores around the defaults: each view alone and the threshold and floor varied (the table in docs/benchmarks.md). */
  static void sweep(Day d) {
    StoryGrouper.Settings s = StoryGrouper.DEFAULTS;
    double[][] views = System.getProperty("views") != null ? parse(System.getProperty("views"))
        : new double[][] {{s.names(), s.wording(), s.text()}, {1, 0, 0}, {0, 1, 0}, {0, 0, 1}, {0, 0.5, 0.5}, {0.5, 0, 0.5}, {0.5, 0.5, 0}};
    for (double[] w : views) {
      Linkage.Graph graph = Linkage.Graph.of(new StoryGrouper(new StoryGrouper.Settings(w[0], w[1], w[2], 0, 0, s.sameDays(), s.halfLifeDays())).similarities(d.items()));
      for (double share : System.getProperty("floors") != null ? parse(System.getProperty("floors"))[0] : new double[] {s.averageShare(), 0.25, 0.5, 1}) {
        StringBuilder line = new StringBuilder(String.format(Locale.ROOT, "names %.2f wording %.2f text %.2f floor %.2f:", w[0], w[1], w[2], share));
        for (double t = 0.06; t <= 0.2401; t += 0.02) {
          StoryGrouper g = new StoryGrouper(new StoryGrouper.Settings(w[0], w[1], w[2], t, share, s.sameDays(), s.halfLifeDays()));
          ClusterScores c = ClusterScores.of(ClusterScores.labels(g.cluster(graph), d.items().size()), d.gold());
          line.append(String.format(Locale.ROOT, " %.2f=%.2f/%.2f", t, c.pairF1(), c.bcubedF1()));
        }
        System.out.println(line);
      }
    }
  }

  /** "a,b,c;d,e,f" as rows. */
  private static double[][] parse(String rows) {
    return java.util.Arrays.stream(rows.split(";"))
        .map(r -> java.util.Arrays.stream(r.split(",")).mapToDouble(Double::parseDouble).toArray()).toArray(double[][]::new);
  }

  static Map<String, String> labels(Path day) throws IOException {
    Map<String, String> labels = new LinkedHashMap<>();
    List<String> lines = Files.readAllLines(day.resolve("stories.tsv"));
    for (String line : lines.subList(1, lines.size())) {
      String[] f = line.split("\t");
      labels.put(f[0], f[1]);
    }
    return labels;
  }

  static Day load(Path day, Path answers) throws IOException {
    Map<String, String> labels = labels(day);
    ContractSchema schema = ContractSchema.load();
    ArticleReader reader = new ArticleReader(InputStream.nullInputStream(), ArticleReader.DEFAULT_MAX_BYTES, w -> {});
    List<DigestItem> items = new ArrayList<>();
    for (String file : labels.keySet()) {
      Path path = day.resolve("articles").resolve(file);
      try {
        Article article = reader.read(new Input.LocalFile(path.toString(), path));
        String stem = file.replaceFirst("\\.txt$", "");
        String json = answers != null ? Files.readString(answers.resolve(stem + ".analysis.json"))
            : FakeModelServer.analysisFor("<article>\n" + article.text() + "\n</article>");
        Check<Analysis> checked = schema.check(json);
        if (!checked.valid()) throw new IllegalStateException(file + ": " + checked.errors());
        Analysis analysis = checked.value();
        items.add(new DigestItem(LabelledSet.result(article.source(), analysis, stem), article.text()));
      } catch (InputException e) {
        throw new IllegalStateException(file + ": " + e.getMessage(), e);
      }
    }
    return new Day(List.copyOf(labels.keySet()), List.copyOf(labels.values()), items);
  }

  static List<String> singletons(List<String> files) {
    return files.stream().map(f -> "alone:" + f).toList();
  }

  /** Each file's story in a digest's JSON, matched by the file name of its source's path; missing files stay alone. */
  static List<String> fromDigest(Path digest, List<String> files) {
    try {
      JsonNode root = JSON.readTree(digest.toFile());
      Map<String, String> story = new LinkedHashMap<>();
      int s = 0;
      for (JsonNode st : root.path("stories")) {
        for (JsonNode src : st.path("sources")) {
          String p = src.hasNonNull("path") ? src.path("path").asText() : src.path("file").asText();
          story.put(Path.of(p).getFileName().toString(), "s" + s);
        }
        s++;
      }
      return files.stream().map(f -> story.getOrDefault(f, "missing:" + f)).toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private GroupingDay() {}

}
