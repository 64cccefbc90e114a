package dev.kurz.digest;

import dev.kurz.model.ArticleResult;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.function.IntFunction;

/**
 * Finished articles to a {@link Digest}: groups them into stories, writes each story (a synthesis
 * request for several articles, at most {@code concurrency} at once) and orders the stories biggest
 * first, then by their first article. Not thread-safe; one per run.
 */
public final class Digester {

  /** Writes one story from its articles; {@link Synthesizer#write} or {@link LocalStories#of}. */
  @FunctionalInterface
  public interface StoryWriter {
    Story write(List<ArticleResult> articles) throws InterruptedException;
  }

  private final StoryGrouper grouper;
  private final StoryWriter writer;
  private final int concurrency;
  private final Clock clock;

  public Digester(StoryGrouper grouper, StoryWriter writer, int concurrency, Clock clock) {
    if (concurrency < 1) throw new IllegalArgumentException("concurrency must be at least 1");
    this.grouper = grouper;
    this.writer = writer;
    this.concurrency = concurrency;
    this.clock = clock;
  }

  /**
   * The digest of {@code results} (in input order); {@code texts} gives article i's analysed text,
   * asked once for grouping and not kept (see {@link StoryGrouper#group(List, IntFunction)}).
   */
  public Digest digest(List<ArticleResult> results, IntFunction<String> texts) throws InterruptedException {
    List<List<Integer>> groups = new ArrayList<>(grouper.group(results, texts));
    groups.sort(Comparator.comparingInt((List<Integer> g) -> -g.size()).thenComparingInt(g -> g.get(0)));
    Semaphore permits = new Semaphore(concurrency);
    List<Future<Story>> futures = new ArrayList<>();
    try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
      for (List<Integer> g : groups) {
        List<ArticleResult> members = g.stream().map(results::get).toList();
        permits.acquire();
        futures.add(pool.submit(() -> {
          try {
            return writer.write(members);
          } finally {
            permits.release();
          }
        }));
      }
      List<Story> stories = new ArrayList<>();
      for (Future<Story> f : futures) {
        try {
          stories.add(f.get());
        } catch (ExecutionException e) {
          if (e.getCause() instanceof InterruptedException ie) throw ie;
          if (e.getCause() instanceof RuntimeException re) throw re;
          throw new IllegalStateException(e.getCause());
        }
      }
      return new Digest(stories, clock.instant());
    }
  }
}
