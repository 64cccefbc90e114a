package dev.kurz.bench;

import dev.kurz.faithfulness.FaithfulnessCheck;
import dev.kurz.faithfulness.Finding;
import dev.kurz.faithfulness.RealAnswerCases;
import dev.kurz.faithfulness.RealAnswerCases.Case;
import dev.kurz.glossary.Glossary;
import dev.kurz.ingest.ArticleReader;
import dev.kurz.ingest.Input;
import dev.kurz.model.Article;
import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/**
 * The faithfulness gate's CPU per answer, and a hash of everything it finds, so that a change
 * meant to make it cheaper can show that it found the same. Two sets of answers: the real-answer
 * set's clean answers (hand-written answers to the shared grouping-day articles, see
 * {@link RealAnswerCases}; skipped where {@code ../shared} is absent) and the throughput bench's
 * own, {@link ArticleCorpus} articles of {@code words} words read as kurz reads a file, answered
 * as {@link FakeModelServer} answers. Each answer is checked as {@code Summarizer} checks it
 * (German to English, the built-in glossary, quotes grounded in the article's full text). Prints,
 * per set, the thread CPU time per answer of each pass after a warm-up pass and their median
 * (CPU time of this one thread, so other load on the machine changes it little), and the SHA-256
 * of all findings' warning lines in order; {@code alterations} adds every alteration of the
 * real-answer set to the hash (checked once, not timed). Run it as kurz runs, C1 only:
 *
 * <pre>java -XX:TieredStopAtLevel=1 -cp ... dev.kurz.bench.GateCpu [passes=5] [bench articles=40] [words=400] [alterations]</pre>
 */
public final class GateCpu {
  public static void main(String[] args) throws Exception {
    int passes = args.length > 0 ? Integer.parseInt(args[0]) : 5;
    int n = args.length > 1 ? Integer.parseInt(args[1]) : 40;
    int words = args.length > 2 ? Integer.parseInt(args[2]) : 400;
    boolean alterations = args.length > 3 && args[3].equals("alterations");
    if (!ManagementFactory.getRuntimeMXBean().getInputArguments().contains("-XX:TieredStopAtLevel=1")) {
      System.out.println("note: not run with -XX:TieredStopAtLevel=1, as kurz runs");
    }
    Glossary glossary = Glossary.builtIn();
    List<Case> real = RealAnswerCases.load(false);
    List<Case> bench = benchCases(n, words);
    MessageDigest all = MessageDigest.getInstance("SHA-256");
    for (var set : List.of(new Object[] {"real answers (clean)", real}, new Object[] {"bench answers", bench})) {
      @SuppressWarnings("unchecked")
      List<Case> cases = (List<Case>) set[1];
      if (cases.isEmpty()) {
        System.out.println(set[0] + ": none (../shared absent?)");
        continue;
      }
      MessageDigest hash = MessageDigest.getInstance("SHA-256");
      int[] findings = new int[1];
      for (Case c : cases) digest(hash, all, findings, c, check(c, glossary));
      ThreadMXBean threads = ManagementFactory.getThreadMXBean();
      List<Double> perAnswer = new ArrayList<>();
      for (int pass = 0; pass < passes; pass++) {
        long start = threads.getCurrentThreadCpuTime();
        for (Case c : cases) check(c, glossary);
        perAnswer.add((threads.getCurrentThreadCpuTime() - start) / 1e6 / cases.size());
      }
      List<Double> sorted = perAnswer.stream().sorted().toList();
      System.out.printf("%s: %d answers, %d findings, hash %s; CPU ms per answer, %d passes after a warm-up: %s, median %.2f%n",
          set[0], cases.size(), findings[0], hex(hash), passes,
          perAnswer.stream().map(v -> String.format("%.2f", v)).toList(), sorted.get(sorted.size() / 2));
    }
    if (alterations) {
      MessageDigest hash = MessageDigest.getInstance("SHA-256");
      int[] findings = new int[1];
      List<Case> altered = RealAnswerCases.load(true);
      for (Case c : altered) digest(hash, all, findings, c, check(c, glossary));
      System.out.printf("real answers with alterations: %d answers, %d findings, hash %s%n", altered.size(), findings[0], hex(hash));
    }
    System.out.println("all findings: hash " + hex(all));
  }

  private static List<Finding> check(Case c, Glossary glossary) {
    return FaithfulnessCheck.check(c.analysis(), c.article(), glossary, "de", "en", c.published());
  }

  private static void digest(MessageDigest hash, MessageDigest all, int[] count, Case c, List<Finding> findings) {
    for (MessageDigest d : List.of(hash, all)) {
      d.update((c.name() + "\n").getBytes(StandardCharsets.UTF_8));
      for (String w : FaithfulnessCheck.warnings(findings)) d.update((w + "\n").getBytes(StandardCharsets.UTF_8));
    }
    count[0] += findings.size();
  }

  private static String hex(MessageDigest d) {
    return HexFormat.of().formatHex(d.digest()).substring(0, 16);
  }

  /** The throughput bench's articles, read from files as kurz reads them, with the fake server's answers. */
  private static List<Case> benchCases(int n, int words) throws Exception {
    Path dir = Files.createTempDirectory("kurz-gate-cpu");
    ArticleReader reader = new ArticleReader(InputStream.nullInputStream(), ArticleReader.DEFAULT_MAX_BYTES, w -> {});
    List<Case> out = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      Path file = dir.resolve(String.format("artikel-%05d.txt", i));
      Files.writeString(file, ArticleCorpus.article(i, words));
      Article article = reader.read(new Input.LocalFile(file.toString(), file));
      String answer = FakeModelServer.analysisFor("<article>\n" + article.text() + "\n</article>");
      String published = article.source().published();
      LocalDate day = published == null || published.length() < 10 ? null : LocalDate.parse(published.substring(0, 10));
      out.add(new Case(file.getFileName().toString(), RealAnswerCases.read(answer, article.fullText()), article.fullText(), day));
      Files.delete(file);
    }
    Files.delete(dir);
    return out;
  }
}
