package dev.kurz.cache;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.ServerSocket;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The cache contract on a real PostgreSQL server, and what is particular to a shared one. */
class PostgresCacheTest extends CacheContractTest {
  private TestPostgres server;
  private String url;

  @Override
  Cache openCache() throws Exception {
    if (server == null) {
      server = TestPostgres.require();
      url = server.freshSchemaUrl();
    }
    return PostgresCache.open(url, server.env(), warnings::add, clock);
  }

  @Test
  void theLocationNamesTheServerWithoutPasswordOrOptions() {
    assertThat(cache.location()).startsWith("postgresql://").doesNotContain("currentSchema")
        .doesNotContain(server.password());
  }

  @Test
  void aWrongPasswordIsOneLineWithoutThePassword() {
    assertThatThrownBy(
            () -> PostgresCache.open(url, Map.of("PGPASSWORD", "wrong-secret-42"), w -> {}))
        .isInstanceOf(CacheUnavailableException.class)
        .hasMessageContaining("refused the login")
        .hasMessageNotContaining("wrong-secret-42")
        .hasMessageNotContaining("\n");
  }

  @Test
  void anUnreachableServerIsOneLine() throws Exception {
    int port;
    try (ServerSocket free = new ServerSocket(0)) {
      port = free.getLocalPort();
    }
    assertThatThrownBy(
            () -> PostgresCache.open("postgresql://kurz@127.0.0.1:" + port + "/kurz", Map.of(), w -> {}))
        .isInstanceOf(CacheUnavailableException.class)
        .hasMessageStartingWith("cannot reach the PostgreSQL cache at postgresql://kurz@127.0.0.1:" + port + "/kurz")
        .hasMessageNotContaining("\n");
  }

  @Test
  void aPasswordInTheUrlIsRefusedWithoutRepeatingIt() {
    assertThatThrownBy(
            () -> PostgresCache.open("postgresql://kurz:hunter2@127.0.0.1/kurz", Map.of(), w -> {}))
        .isInstanceOf(CacheUnavailableException.class)
        .hasMessageContaining("PGPASSWORD")
        .hasMessageNotContaining("hunter2");
  }

  @Test
  void aSecondHandleWaitsForTheFirstOnesClaimAndSeesItsAnswer() throws Exception {
    try (Cache other = openCache(); ExecutorService pool = Executors.newSingleThreadExecutor()) {
      Cache.Claim first = cache.claim("k1");
      CountDownLatch waiting = new CountDownLatch(1);
      Future<Boolean> second =
          pool.submit(
              () -> {
                waiting.countDown();
                try (Cache.Claim claim = other.claim("k1")) {
                  return other.get("k1").isPresent();
                }
              });
      waiting.await();
      // The other handle polls the server's lock: no clock to fake across sessions.
      Thread.sleep(300);
      assertThat(second).isNotDone();
      cache.put(entry("k1", T0));
      first.close();

      assertThat(second.get(10, TimeUnit.SECONDS)).isTrue();
    }
  }

  @Test
  void claimsOfDifferentKeysDoNotWait() throws Exception {
    try (Cache other = openCache();
        Cache.Claim a = cache.claim("k1");
        Cache.Claim b = other.claim("k2")) {
      assertThat(b).isNotSameAs(Cache.Claim.NONE);
    }
  }
}
