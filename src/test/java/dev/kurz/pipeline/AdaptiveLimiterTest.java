package dev.kurz.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class AdaptiveLimiterTest {
  @Test
  void startsAtTheMaximum() throws InterruptedException {
    AdaptiveLimiter l = new AdaptiveLimiter(16);
    for (int i = 1; i <= 16; i++) assertThat(l.acquire()).isEqualTo(i);
    assertThat(l.limit()).isEqualTo(16);
  }

  @Test
  void settlesBelowTheInFlightCountThatWasRejected() throws InterruptedException {
    AdaptiveLimiter l = new AdaptiveLimiter(16);
    int[] slots = new int[16];
    for (int i = 0; i < 16; i++) slots[i] = l.acquire();
    // A server that takes 8 at once rejects the 9th and later.
    for (int i = 8; i < 16; i++) l.onRateLimited(slots[i]);
    assertThat(l.limit()).isLessThanOrEqualTo(8).isGreaterThanOrEqualTo(4);
  }

  @Test
  void probesUpwardAfterTwiceTheLimitInSuccesses() throws InterruptedException {
    AdaptiveLimiter l = new AdaptiveLimiter(10);
    l.acquire();
    l.onRateLimited(5); // limit 4
    assertThat(l.limit()).isEqualTo(4);
    for (int i = 0; i < 8; i++) {
      l.acquire();
      l.onSuccess();
    }
    assertThat(l.limit()).isEqualTo(5);
  }

  @Test
  void neverDropsBelowOneNorRisesAboveTheMaximum() throws InterruptedException {
    AdaptiveLimiter l = new AdaptiveLimiter(3);
    for (int i = 0; i < 10; i++) {
      l.acquire();
      l.onRateLimited(1);
    }
    assertThat(l.limit()).isEqualTo(1);
    for (int i = 0; i < 100; i++) {
      l.acquire();
      l.onSuccess();
    }
    assertThat(l.limit()).isEqualTo(3);
  }
}
