package dev.kurz.digest;

import dev.kurz.model.Analysis;
import dev.kurz.model.ArticleResult;
import dev.kurz.model.Claim;
import dev.kurz.model.Entity;
import it.unimi.dsi.fastutil.ints.IntArrayList;
import it.unimi.dsi.fastutil.ints.IntArrays;
import it.unimi.dsi.fastutil.longs.Long2ObjectOpenHashMap;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.IntFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.IntStream;

/**
 * Groups articles into stories without a model: deterministic, free, testable. Two articles are
 * compared on three TF-IDF views, weighted by IDF over the batch itself (so names every article
 * shares, like "Ukraine" in a day of war coverage, count for little):
 * <ul>
 *   <li><b>names</b>: the analyses' entities (English name and German original, folded), plus every
 *       entity name of the batch that occurs in the article's own text;
 *   <li><b>wording</b>: the English headline (twice), summary, key points and claims;
 *   <li><b>text</b>: the German article text's terms, stemmed and with compounds split ({@link GermanTerms}).
 * </ul>
 * Their weighted sum is damped when the publication dates lie far apart, and the articles are
 * clustered by centroid linkage with a floor on the mean (see {@link Linkage#centroids}): a day's
 * main story, told as previews, the decision, reactions and explainers, has a low mean pairwise
 * similarity but one vocabulary. Threshold and floor were chosen on a real day of German coverage
 * (docs/benchmarks.md, "Story grouping on real coverage"); the view weights are the ones tuned
 * before on the labelled set under src/test/resources/stories, which the real day did not beat by
 * enough to change them. Immutable and thread-safe.
 */
public final class StoryGrouper {

  /**
   * How much each view counts; the cosine two stories' centroids need to merge, and the share of it
   * their articles' mean pairwise similarity needs (see {@link Linkage#centroids}).
   */
  public record Settings(double names, double wording, double text, double threshold, double averageShare,
      int sameDays, double halfLifeDays) {}

  public static final Settings DEFAULTS = new Settings(0.25, 0.50, 0.25, 0.14, 0.35, 2, 7);

  // Background documents keep a small batch about one story together (two articles: their shared
  // terms weigh ln(7/2) against ln(7), not ln(3/2) against ln(3)); under average linkage 5 merged the
  // five closely related seeds, with centroid linkage and its threshold they stay apart.
  static final double BACKGROUND_DOCUMENTS = 5;

  /** Up to this many articles, every pair is compared (a day's coverage). */
  static final int ALL_PAIRS = 600;
  /** Beyond, each article's strongest terms that find its candidates ... */
  static final int SIGNATURE = 24;
  /** ... scanning at most this many other articles per term ... */
  static final int POSTINGS_SCANNED = 256;
  /** ... and keeping the best this many candidates per article. */
  static final int NEIGHBOURS = 48;

  private static final Pattern DATE = Pattern.compile("(\\d{4})-(\\d{2})(?:-(\\d{2}))?");

  private final Settings settings;

  public StoryGrouper(Settings settings) {
    this.settings = settings;
  }

  public static StoryGrouper defaults() {
    return new StoryGrouper(DEFAULTS);
  }

  /** Stories as lists of indexes into {@code items}, each in input order, stories ordered by first article. */
  public List<List<Integer>> group(List<DigestItem> items) {
    return group(results(items), i -> items.get(i).text());
  }

  /**
   * Stories as lists of indexes into {@code results}, each in input order, stories ordered by first
   * article. {@code texts} gives article i's analysed text ("" when unknown); it is asked once per
   * article, while the views are built, and the text is not kept: a big batch's texts can go
   * before the clustering starts.
   */
  public List<List<Integer>> group(List<ArticleResult> results, IntFunction<String> texts) {
    return cluster(graph(results, texts));
  }

  /** The stories of a similarity graph, as this grouper's settings cluster it. */
  List<List<Integer>> cluster(Linkage.Graph graph) {
    return Linkage.centroids(graph, settings.threshold(), settings.threshold() * settings.averageShare());
  }

  private static List<ArticleResult> results(List<DigestItem> items) {
    return items.stream().map(DigestItem::result).toList();
  }

  /**
   * The similarities the clustering looks at: every pair up to {@link #ALL_PAIRS} articles; beyond,
   * each article's {@link #NEIGHBOURS} likeliest partners, found through the articles sharing its
   * strongest terms (so a batch of 10,000 compares about half a million pairs, not 50 million).
   */
  private Linkage.Graph graph(List<ArticleResult> results, IntFunction<String> texts) {
    Views views = views(results, texts);
    int n = results.size();
    long[] pairs = n <= ALL_PAIRS ? allPairs(n) : candidatePairs(views, n);
    double[] sims = new double[pairs.length];
    IntStream.range(0, pairs.length).parallel()
        .forEach(p -> sims[p] = views.similarity((int) (pairs[p] >>> 32), (int) pairs[p]));
    Linkage.Graph g = new Linkage.Graph(n);
    for (int p = 0; p < pairs.length; p++) {
      if (sims[p] > 0) g.add((int) (pairs[p] >>> 32), (int) pairs[p], sims[p]);
    }
    return g;
  }

  /** The symmetric matrix of every pair's similarity in [0, 1], the diagonal 1: for tests, to compare {@link #graph} with. */
  double[][] similarities(List<DigestItem> items) {
    Views views = views(results(items), i -> items.get(i).text());
    int n = items.size();
    double[][] sim = new double[n][n];
    for (int i = 0; i < n; i++) {
      sim[i][i] = 1;
      for (int j = i + 1; j < n; j++) sim[i][j] = sim[j][i] = views.similarity(i, j);
    }
    return sim;
  }

  /** The three views of every article and its date. */
  private final class Views {
    final TermVectors names = new TermVectors();
    final TermVectors wording = new TermVectors();
    final TermVectors text = new TermVectors();
    final LocalDate[] dates;

    Views(int n) {
      dates = new LocalDate[n];
    }

    double similarity(int i, int j) {
      double s = settings.names() * names.cosine(i, j)
          + settings.wording() * wording.cosine(i, j)
          + settings.text() * text.cosine(i, j);
      return s * dateFactor(dates[i], dates[j]);
    }

    TermVectors view(int v) {
      return v == 0 ? names : v == 1 ? wording : text;
    }

    double weight(int v) {
      return v == 0 ? settings.names() : v == 1 ? settings.wording() : settings.text();
    }
  }

  private Views views(List<ArticleResult> results, IntFunction<String> texts) {
    Views v = new Views(results.size());
    Set<String> gazetteer = gazetteer(results);
    GermanTerms german = new GermanTerms();
    for (int i = 0; i < results.size(); i++) {
      ArticleResult result = results.get(i);
      String text = texts.apply(i);
      List<String> words = Words.plain(text == null ? "" : text); // the text is split once for two views
      v.names.add(names(result.analysis(), words, gazetteer));
      v.wording.add(wording(result.analysis()));
      v.text.add(bag(german.terms(text)));
      v.dates[i] = date(result.source().published());
    }
    v.names.weigh(BACKGROUND_DOCUMENTS);
    v.wording.weigh(BACKGROUND_DOCUMENTS);
    v.text.weigh(BACKGROUND_DOCUMENTS);
    return v;
  }

  private static long[] allPairs(int n) {
    long[] pairs = new long[n * (n - 1) / 2];
    int p = 0;
    for (int i = 0; i < n; i++) {
      for (int j = i + 1; j < n; j++) pairs[p++] = (long) i << 32 | j;
    }
    return pairs;
  }

  /**
   * Each article's {@link #SIGNATURE} strongest terms (weight times the view's weight) are looked
   * up among the other articles' signatures; partners score by the terms they share, scanning at
   * most {@link #POSTINGS_SCANNED} articles per term (those nearest in input order when a term is
   * everywhere). The best {@link #NEIGHBOURS} per article become pairs, each listed once.
   */
  private long[] candidatePairs(Views views, int n) {
    // Each signature term as its postings key (view << 32 | term id), with its score.
    long[][] sigKey = new long[n][];
    double[][] sigScore = new double[n][];
    Long2ObjectOpenHashMap<IntArrayList> postings = new Long2ObjectOpenHashMap<>();
    for (int a = 0; a < n; a++) {
      int total = 0;
      for (int v = 0; v < 3; v++) total += views.view(v).terms(a).length;
      int[] view = new int[total];
      int[] term = new int[total];
      double[] score = new double[total];
      int k = 0;
      for (int v = 0; v < 3; v++) {
        int[] t = views.view(v).terms(a);
        double[] w = views.view(v).weights(a);
        for (int q = 0; q < t.length; q++, k++) {
          view[k] = v;
          term[k] = t[q];
          score[k] = views.weight(v) * w[q];
        }
      }
      int[] order = IntStream.range(0, total).toArray();
      IntArrays.quickSort(order, (x, y) -> score[x] != score[y] ? Double.compare(score[y], score[x])
          : view[x] != view[y] ? Integer.compare(view[x], view[y]) : Integer.compare(term[x], term[y]));
      int m = Math.min(SIGNATURE, total);
      sigKey[a] = new long[m];
      sigScore[a] = new double[m];
      for (int q = 0; q < m; q++) {
        int e = order[q];
        sigKey[a][q] = (long) view[e] << 32 | term[e];
        sigScore[a][q] = score[e];
        postings.computeIfAbsent(sigKey[a][q], key -> new IntArrayList()).add(a);
      }
    }
    long[][] chosen = new long[n][];
    // One score array per worker thread, cleared through the list of entries it touched.
    ThreadLocal<double[]> scores = ThreadLocal.withInitial(() -> new double[n]);
    IntStream.range(0, n).parallel().forEach(a -> {
      double[] score = scores.get();
      int[] touched = new int[sigKey[a].length * POSTINGS_SCANNED];
      int count = 0;
      for (int k = 0; k < sigKey[a].length; k++) {
        IntArrayList list = postings.get(sigKey[a][k]);
        int pos = IntArrays.binarySearch(list.elements(), 0, list.size(), a);
        int from = Math.max(0, Math.min(pos - POSTINGS_SCANNED / 2, list.size() - POSTINGS_SCANNED));
        int to = Math.min(list.size(), from + POSTINGS_SCANNED);
        double w = sigScore[a][k];
        for (int q = from; q < to; q++) {
          int b = list.getInt(q);
          if (b == a) continue;
          if (score[b] == 0) touched[count++] = b;
          score[b] += w;
        }
      }
      // The best NEIGHBOURS by score, ties to the lower index: sort (score desc, index asc) as longs.
      long[] ranked = new long[count];
      for (int t = 0; t < count; t++) {
        int b = touched[t];
        // Score to a millionth (at most 24 terms of weight under 1), inverted: ascending sort = best first.
        ranked[t] = ((long) (Integer.MAX_VALUE - (int) (score[b] * 1e6)) << 32) | b;
        score[b] = 0;
      }
      java.util.Arrays.sort(ranked);
      int m = Math.min(NEIGHBOURS, count);
      long[] pairs = new long[m];
      for (int t = 0; t < m; t++) {
        int b = (int) ranked[t];
        pairs[t] = (long) Math.min(a, b) << 32 | Math.max(a, b);
      }
      chosen[a] = pairs;
    });
    // Each pair once: sorted, then duplicates dropped in place (LongStream.distinct would box them all).
    long[] all = java.util.Arrays.stream(chosen).flatMapToLong(java.util.Arrays::stream).toArray();
    java.util.Arrays.sort(all);
    int unique = 0;
    for (int i = 0; i < all.length; i++) {
      if (i == 0 || all[i] != all[i - 1]) all[unique++] = all[i];
    }
    return java.util.Arrays.copyOf(all, unique);
  }

  /** Far-apart dates make the same story less likely; unknown dates change nothing. */
  double dateFactor(LocalDate a, LocalDate b) {
    if (a == null || b == null) return 1;
    long days = Math.abs(ChronoUnit.DAYS.between(a, b));
    if (days <= settings.sameDays()) return 1;
    return 1 / (1 + (days - settings.sameDays()) / settings.halfLifeDays());
  }

  static LocalDate date(String published) {
    if (published == null) return null;
    Matcher m = DATE.matcher(published);
    if (!m.find()) return null;
    try {
      return LocalDate.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)),
          m.group(3) == null ? 15 : Integer.parseInt(m.group(3)));
    } catch (java.time.DateTimeException e) {
      return null;
    }
  }

  /** Every folded word of every entity name in the batch, to spot names in texts whose analysis left them out. */
  private static Set<String> gazetteer(List<ArticleResult> results) {
    Set<String> g = new HashSet<>();
    for (ArticleResult result : results) {
      for (Entity e : result.analysis().entities()) {
        g.addAll(Words.plain(e.name()));
        g.addAll(Words.plain(e.original()));
      }
    }
    return g;
  }

  private static Map<String, Double> names(Analysis analysis, List<String> textWords, Set<String> gazetteer) {
    Map<String, Double> v = new HashMap<>();
    for (Entity e : analysis.entities()) {
      Set<String> words = new HashSet<>(Words.plain(e.name()));
      words.addAll(Words.plain(e.original()));
      for (String w : words) v.merge(w, 1.0, Double::sum);
    }
    Set<String> seen = new HashSet<>();
    for (String w : textWords) {
      // German genitive and plural endings: "Putins", "Uschakows".
      String base = gazetteer.contains(w) ? w : w.endsWith("s") && gazetteer.contains(w.substring(0, w.length() - 1))
          ? w.substring(0, w.length() - 1) : null;
      if (base != null && seen.add(base)) v.merge(base, 0.5, Double::sum);
    }
    return v;
  }

  private static Map<String, Double> wording(Analysis a) {
    List<String> words = new ArrayList<>();
    words.addAll(Words.content(a.headline()));
    words.addAll(Words.content(a.headline()));
    words.addAll(Words.content(a.summary()));
    for (String p : a.keyPoints()) words.addAll(Words.content(p));
    for (Claim c : a.claims()) words.addAll(Words.content(c.claim()));
    return bag(words);
  }

  private static Map<String, Double> bag(List<String> words) {
    Map<String, Double> v = new HashMap<>();
    for (String w : words) v.merge(w, 1.0, Double::sum);
    return v;
  }
}
