package dev.kurz.cache;

import dev.kurz.model.ModelRef;
import dev.kurz.model.Usage;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

/**
 * The answer cache on a {@link Cache} store (SQLite on disk, or a shared PostgreSQL). A store that
 * fails during a run never fails an article: one warning, and the run goes on without it.
 * Thread-safe. {@link #close} closes the store.
 */
public final class StoredAnswerCache implements AnswerCache, AutoCloseable {
  private final Cache cache;
  private final Consumer<String> warn;
  private final Clock clock;
  private final AtomicBoolean broken = new AtomicBoolean();

  public StoredAnswerCache(Cache cache, Consumer<String> warn, Clock clock) {
    this.cache = cache;
    this.warn = warn;
    this.clock = clock;
  }

  /** The SQLite cache in {@code dir}, or {@link AnswerCache#DISABLED} with a warning when it cannot be used. */
  public static AnswerCache open(Path dir, Consumer<String> warn, Clock clock) {
    try {
      return new StoredAnswerCache(SqliteCache.open(dir, warn), warn, clock);
    } catch (CacheUnavailableException e) {
      warn.accept("cache unavailable, running without it: " + e.getMessage());
      return DISABLED;
    }
  }

  @Override
  public Optional<String> get(String key) {
    if (broken.get()) return Optional.empty();
    try {
      return cache.get(key).map(CacheEntry::payload);
    } catch (CacheException e) {
      fail(e);
      return Optional.empty();
    }
  }

  @Override
  public boolean contains(String key) {
    if (broken.get()) return false;
    try {
      return cache.contains(key);
    } catch (CacheException e) {
      return false;
    }
  }

  @Override
  public void put(String key, String kind, ModelRef model, String promptHash, Usage usage, String sourceLabel, String payload) {
    if (broken.get()) return;
    try {
      cache.put(new CacheEntry(key, kind, model.provider(), model.name(), promptHash, usage.inputTokens(),
          usage.outputTokens(), sourceLabel, payload, clock.instant()));
    } catch (CacheException e) {
      fail(e);
    }
  }

  @Override
  public Claim claim(String key) {
    if (broken.get()) return Claim.NONE;
    try {
      Cache.Claim claim = cache.claim(key);
      return claim == Cache.Claim.NONE ? Claim.NONE : claim::close;
    } catch (CacheException e) {
      fail(e);
      return Claim.NONE;
    }
  }

  private void fail(CacheException e) {
    if (broken.compareAndSet(false, true)) {
      warn.accept("cache failed, going on without it: " + e.getMessage());
    }
  }

  @Override
  public void close() {
    cache.close();
  }
}
