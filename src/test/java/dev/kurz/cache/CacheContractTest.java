package dev.kurz.cache;

import dev.kurz.MutableClock;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What every {@link Cache} does, run against SQLite ({@link SqliteCacheTest}) and a real
 * PostgreSQL server ({@link PostgresCacheTest}).
 */
abstract class CacheContractTest {
  static final Instant T0 = Instant.parse("2025-03-01T10:00:00Z");

  final MutableClock clock = new MutableClock(T0);
  final List<String> warnings = new ArrayList<>();
  Cache cache;

  /** A new handle on the same store, as another process would open it. */
  abstract Cache openCache() throws Exception;

  @BeforeEach
  void open() throws Exception {
    cache = openCache();
  }

  @AfterEach
  void close() {
    if (cache == null) return; // skipped: no server to open a cache on
    cache.close();
    assertThat(warnings).isEmpty();
  }

  static CacheEntry entry(String key, Instant created) {
    return entry(key, "summary", "openai", "gpt-test", created, "{\"summary\":\"Kurz: " + key + "\"}");
  }

  static CacheEntry entry(
      String key, String kind, String model, Instant created, String payload) {
    return entry(key, kind, "openai", model, created, payload);
  }

  static CacheEntry entry(
      String key, String kind, String provider, String model, Instant created, String payload) {
    return new CacheEntry(
        key, kind, provider, model, "prompt-hash-1", 1200, 300, "artikel.txt", payload, created);
  }

  @Test
  void putThenGetReturnsTheSameEntry() {
    CacheEntry stored =
        entry("k1", "summary", "gpt-test", T0, "{\"summary\":\"Bürgermeisterin öffnet Brücke – 🎉\"}");
    cache.put(stored);

    assertThat(cache.get("k1")).contains(stored);
  }

  @Test
  void containsSeesOnlyTheExactKeyAndCountsNothing() {
    cache.put(entry("3fa9c2d1e0", T0));

    assertThat(cache.contains("3fa9c2d1e0")).isTrue();
    assertThat(cache.contains("3fa9c2")).isFalse();
    assertThat(cache.stats().hits() + cache.stats().misses()).isZero();
  }

  @Test
  void getOfAnUnknownKeyIsEmpty() {
    assertThat(cache.get("nope")).isEmpty();
  }

  @Test
  void putReplacesAnEntryWithTheSameKey() {
    cache.put(entry("k1", T0));
    CacheEntry newer = entry("k1", "summary", "gpt-other", T0.plusSeconds(5), "{\"v\":2}");
    cache.put(newer);

    assertThat(cache.get("k1")).contains(newer);
    assertThat(cache.stats().entries()).isEqualTo(1);
  }

  @Test
  void createdIsKeptToTheMillisecond() {
    Instant precise = Instant.parse("2025-03-01T10:00:00.123456789Z");
    cache.put(entry("k1", precise));

    assertThat(cache.get("k1").orElseThrow().created())
        .isEqualTo(Instant.parse("2025-03-01T10:00:00.123Z"));
  }

  @Test
  void payloadsOfSeveralMegabytesRoundTrip() {
    String big = "{\"text\":\"" + "Ä".repeat(3_000_000) + "\"}";
    cache.put(entry("big", "page", "none", T0, big));

    assertThat(cache.get("big").orElseThrow().payload()).isEqualTo(big);
    assertThat(cache.list(null, null, 10).get(0).payloadBytes()).isEqualTo(6_000_011);
  }

  @Test
  void hitsAndMissesAreCountedAndSurviveReopening() throws Exception {
    cache.put(entry("k1", T0));
    cache.get("k1");
    cache.get("k1");
    cache.get("missing");

    CacheStats stats = cache.stats();
    assertThat(stats.hits()).isEqualTo(2);
    assertThat(stats.misses()).isEqualTo(1);
    assertThat(stats.created()).isEqualTo(T0);

    cache.get("k1");
    cache.close();
    cache = openCache();

    assertThat(cache.stats().hits()).isEqualTo(3);
    assertThat(cache.list(null, null, 1).get(0).hits()).isEqualTo(3);
  }

  @Test
  void statsReportTokensSavedPerProviderAndModel() {
    cache.put(entry("a", "summary", "openai", "gpt-test", T0, "{}"));
    cache.put(entry("b", "summary", "openai", "gpt-test", T0, "{}"));
    cache.put(entry("c", "chunk", "anthropic", "claude-test", T0, "{}"));
    cache.put(entry("never-hit", "summary", "ollama", "llama-test", T0, "{}"));
    cache.get("a");
    cache.get("a");
    cache.get("b");
    cache.get("c");

    assertThat(cache.stats().savings())
        .containsExactly(
            new CacheStats.ModelSavings("anthropic", "claude-test", 1, 1200, 300),
            new CacheStats.ModelSavings("openai", "gpt-test", 3, 3600, 900));
  }

  @Test
  void statsCountEntriesAndBytes() throws Exception {
    cache.put(entry("k1", T0));
    cache.put(entry("k2", T0));

    CacheStats stats = cache.stats();
    assertThat(stats.entries()).isEqualTo(2);
    assertThat(stats.location()).isEqualTo(cache.location());
    assertThat(stats.bytesOnDisk()).isPositive();
    assertThat(stats.payloadBytes()).isPositive();
  }

  @Test
  void listShowsNewestFirstAndFiltersBySinceAndKind() {
    cache.put(entry("old", "summary", "m", T0, "{}"));
    cache.put(entry("mid", "chunk", "m", T0.plusSeconds(60), "{}"));
    cache.put(entry("new", "summary", "m", T0.plusSeconds(120), "{}"));

    assertThat(cache.list(null, null, 10)).extracting(EntryInfo::key).containsExactly("new", "mid", "old");
    assertThat(cache.list(T0.plusSeconds(60), null, 10)).extracting(EntryInfo::key).containsExactly("new", "mid");
    assertThat(cache.list(null, "summary", 10)).extracting(EntryInfo::key).containsExactly("new", "old");
    assertThat(cache.list(null, null, 1)).extracting(EntryInfo::key).containsExactly("new");
  }

  @Test
  void listDescribesAnEntryWithoutItsPayload() {
    cache.put(entry("k1", "summary", "gpt-test", T0, "{\"a\":1}"));
    clock.advance(Duration.ofMinutes(5));
    cache.get("k1");

    EntryInfo info = cache.list(null, null, 10).get(0);
    assertThat(info)
        .isEqualTo(
            new EntryInfo(
                "k1", "summary", "openai", "gpt-test", "artikel.txt", T0, 1200, 300, 1,
                T0.plus(Duration.ofMinutes(5)), 7));
    assertThat(info.tokens()).isEqualTo(1500);
  }

  @Test
  void findReturnsTheEntryWithAUniqueKeyPrefixWithoutCountingAHit() {
    cache.put(entry("3fa9c2d1e0", T0));
    cache.put(entry("3fa9c2ff00", T0));

    assertThat(cache.find("3fa9c2d")).map(CacheEntry::key).contains("3fa9c2d1e0");
    assertThat(cache.find("ffffff")).isEmpty();
    assertThat(cache.stats().hits()).isZero();
  }

  @Test
  void findWithAnAmbiguousPrefixNamesTheCandidates() {
    cache.put(entry("3fa9c2d1e0", T0));
    cache.put(entry("3fa9c2ff00", T0));

    assertThatThrownBy(() -> cache.find("3fa9c2"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("ambiguous")
        .hasMessageContaining("3fa9c2d1e0")
        .hasMessageContaining("3fa9c2ff00");
  }

  @Test
  void findRejectsPrefixesShorterThanSixCharacters() {
    assertThatThrownBy(() -> cache.find("3fa9c"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("at least 6");
  }

  @Test
  void findTakesGlobCharactersLiterally() {
    cache.put(entry("abc*def-1", T0));
    cache.put(entry("abcXdef-2", T0));

    assertThat(cache.find("abc*de")).map(CacheEntry::key).contains("abc*def-1");
  }

  @Test
  void pruneOlderThanDeletesOnlyOlderEntries() {
    cache.put(entry("old", T0.minus(Duration.ofDays(40))));
    cache.put(entry("new", T0.minus(Duration.ofDays(2))));

    assertThat(cache.pruneOlderThan(T0.minus(Duration.ofDays(30)))).isEqualTo(1);
    assertThat(cache.get("old")).isEmpty();
    assertThat(cache.get("new")).isPresent();
  }

  @Test
  void pruneToSizeDropsLeastRecentlyUsedAndShrinksTheFile() throws Exception {
    for (int i = 0; i < 30; i++) {
      cache.put(entry("k" + i, "page", "none", T0.plusSeconds(i), incompressible(100_000, i)));
    }
    clock.advance(Duration.ofHours(1));
    cache.get("k0"); // Oldest by creation, but used most recently.
    long before = cache.stats().bytesOnDisk();
    assertThat(before).isGreaterThan(3_000_000);

    int deleted = cache.pruneToSize(1_000_000);

    assertThat(deleted).isBetween(20, 25);
    assertThat(cache.stats().bytesOnDisk()).isLessThanOrEqualTo(1_000_000);
    assertThat(cache.get("k0")).isPresent();
    assertThat(cache.get("k29")).isPresent();
    assertThat(cache.get("k1")).isEmpty();
  }

  @Test
  void pruneToSizeDoesNothingWhenTheCacheFits() {
    cache.put(entry("k1", T0));

    assertThat(cache.pruneToSize(100_000_000)).isZero();
    assertThat(cache.get("k1")).isPresent();
  }

  @Test
  void clearDeletesEverythingButKeepsTheCounters() {
    cache.put(entry("k1", T0));
    cache.put(entry("k2", T0));
    cache.get("k1");

    assertThat(cache.clear()).isEqualTo(2);
    assertThat(cache.stats().entries()).isZero();
    assertThat(cache.stats().hits()).isEqualTo(1);
    assertThat(cache.get("k1")).isEmpty();
  }

  @Test
  void aFreshCacheVerifiesClean() {
    cache.put(entry("k1", T0));

    assertThat(cache.verify()).isEmpty();
  }

  @Test
  void aClosedCacheRefusesWorkAndClosingTwiceIsHarmless() {
    cache.close();
    cache.close();

    assertThatThrownBy(() -> cache.get("k1"))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("closed");
  }

  @Test
  void hitCountsReachTheFileEveryFewHundredGetsWithoutClosing() throws Exception {
    cache.put(entry("k1", T0));
    for (int i = 0; i < HitLog.FLUSH_EVERY; i++) {
      cache.get("k1");
    }

    try (Cache other = openCache()) {
      assertThat(other.stats().hits()).isEqualTo(HitLog.FLUSH_EVERY);
    }
  }

  @Test
  void severalThreadsPutAndGetAtOnce() throws Exception {
    int threads = 8;
    int perThread = 50;
    try (ExecutorService pool = Executors.newFixedThreadPool(threads)) {
      List<Future<?>> done = new ArrayList<>();
      for (int t = 0; t < threads; t++) {
        String prefix = "t" + t + "-";
        done.add(
            pool.submit(
                () -> {
                  for (int i = 0; i < perThread; i++) {
                    cache.put(entry(prefix + i, T0));
                    assertThat(cache.get(prefix + i)).isPresent();
                  }
                }));
      }
      for (Future<?> f : done) {
        f.get();
      }
    }

    CacheStats stats = cache.stats();
    assertThat(stats.entries()).isEqualTo(threads * perThread);
    assertThat(stats.hits()).isEqualTo(threads * perThread);
    assertThat(stats.misses()).isZero();
  }

  /** Text a store cannot compress (pages of random letters), so that sizes are the payload's. */
  static String incompressible(int length, long seed) {
    java.util.Random random = new java.util.Random(seed);
    StringBuilder text = new StringBuilder(length);
    for (int i = 0; i < length; i++) {
      text.append((char) ('!' + random.nextInt(90)));
    }
    return text.toString();
  }
}
