package dev.kurz.translate;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ChunkerTest {
  static final String[] WORDS = ("der die das Regierung Stadt sagte Montag Bericht Straßenbahn Ausbau Kosten Millionen"
      + " Euro Bürgermeister laut soll angeblich Verwaltung Linie Haltestelle Bau Jahr wurde hatte").split(" ");

  /** A deterministic article of {@code n} paragraphs of 5 to 120 words. */
  static List<String> article(int n, long seed) {
    Random r = new Random(seed);
    List<String> out = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      int words = 5 + r.nextInt(116);
      StringBuilder b = new StringBuilder("Absatz " + i + ":");
      for (int w = 0; w < words; w++) b.append(' ').append(WORDS[r.nextInt(WORDS.length)]);
      out.add(b.append('.').toString());
    }
    return out;
  }

  @Test
  void chunksKeepEveryParagraphWholeAndInOrder() {
    List<String> paragraphs = article(80, 1);
    List<Chunker.Chunk> chunks = Chunker.chunks(paragraphs, 400);
    List<String> flat = new ArrayList<>();
    int next = 0;
    for (Chunker.Chunk c : chunks) {
      assertThat(c.first()).isEqualTo(next);
      flat.addAll(c.paragraphs());
      next = c.last() + 1;
    }
    assertThat(flat).isEqualTo(paragraphs);
  }

  @Test
  void chunksStayWithinTheBudgetUnlessOneParagraphIsLongerAlone() {
    List<String> paragraphs = new ArrayList<>(article(80, 2));
    paragraphs.add(40, "lang ".repeat(600));
    for (Chunker.Chunk c : Chunker.chunks(paragraphs, 400)) {
      int tokens = c.paragraphs().stream().mapToInt(Chunker::tokens).sum();
      if (c.paragraphs().size() > 1) assertThat(tokens).isLessThanOrEqualTo(400);
      else assertThat(c.paragraphs().get(0).length()).isPositive();
    }
    assertThat(Chunker.chunks(List.of("kurz."), 400)).hasSize(1);
    assertThat(Chunker.chunks(List.of(), 400)).isEmpty();
  }

  @Test
  void chunksComeCloseToTheBudget() {
    for (long seed = 1; seed <= 5; seed++) {
      List<Chunker.Chunk> chunks = Chunker.chunks(article(60, seed), 1200);
      int sum = 0;
      for (int i = 0; i < chunks.size() - 1; i++) sum += chunks.get(i).paragraphs().stream().mapToInt(Chunker::tokens).sum();
      double mean = sum / (double) (chunks.size() - 1);
      System.out.printf("chunker: seed %d, %d chunks, mean %.0f tokens (all but the last)%n", seed, chunks.size(), mean);
      assertThat(mean).isGreaterThanOrEqualTo(0.75 * 1200);
    }
  }

  @Test
  void editingOneParagraphLeavesAlmostEveryOtherChunkAsItWas() {
    double[] middle = changedChunks(1200, false);
    double[] start = changedChunks(1200, true);
    double[] tight = changedChunks(500, false);
    System.out.printf("chunker: requests after one edited paragraph, mean/worst: mid-paragraph %.2f/%.0f,"
        + " first words %.2f/%.0f, mid-paragraph with a tight budget %.2f/%.0f%n",
        middle[0], middle[1], start[0], start[1], tight[0], tight[1]);
    assertThat(middle[0]).isLessThan(1.2);
    assertThat(start[0]).isLessThan(1.6);
  }

  /** Over every single-paragraph edit of five articles: mean and worst count of chunks not seen before. */
  static double[] changedChunks(int budget, boolean atStart) {
    int edits = 0;
    int total = 0;
    int worst = 0;
    for (long seed = 1; seed <= 5; seed++) {
      List<String> paragraphs = article(60, seed);
      Set<List<String>> known = new HashSet<>();
      Chunker.chunks(paragraphs, budget).forEach(c -> known.add(c.paragraphs()));
      for (int i = 0; i < paragraphs.size(); i++) {
        List<String> edited = new ArrayList<>(paragraphs);
        String p = edited.get(i);
        int at = atStart ? 0 : p.indexOf(' ', p.length() / 2);
        edited.set(i, p.substring(0, at) + " am Dienstag" + p.substring(at));
        int changed = (int) Chunker.chunks(edited, budget).stream().filter(c -> !known.contains(c.paragraphs())).count();
        edits++;
        total += changed;
        worst = Math.max(worst, changed);
      }
    }
    return new double[] {(double) total / edits, worst};
  }
}
