package dev.kurz.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class AdaptiveLimiterTest {
  @Test
  void startsAtTheMaximum() throws InterruptedException {
    AdaptiveLimiter l = new AdaptiveLimiter(16);
    for (int i = 1; i <= 16; i++) assertThat(l.acquire().inFlight()).isEqualTo(i);
    assertThat(l.limit()).isEqualTo(16);
  }

  @Test
  void aBurstOfRejectionsLowersTheLimitOnceBelowWhatWasInFlight() throws InterruptedException {
    AdaptiveLimiter l = new AdaptiveLimiter(16);
    List<AdaptiveLimiter.Ticket> tickets = new ArrayList<>();
    for (int i = 0; i < 16; i++) tickets.add(l.acquire());
    // A server that takes 8 at once rejects the 9th and later, answering them in any order.
    l.onRateLimited(tickets.get(8));
    for (int i = 15; i > 8; i--) l.onRateLimited(tickets.get(i));
    assertThat(l.limit()).isEqualTo(8);
  }

  @Test
  void probesUpwardAfterLimitManySuccesses() throws InterruptedException {
    AdaptiveLimiter l = new AdaptiveLimiter(10);
    List<AdaptiveLimiter.Ticket> tickets = new ArrayList<>();
    for (int i = 0; i < 5; i++) tickets.add(l.acquire());
    l.onRateLimited(tickets.get(4)); // limit 4
    for (int i = 0; i < 3; i++) l.onSuccess();
    assertThat(l.limit()).isEqualTo(4);
    l.onSuccess();
    assertThat(l.limit()).isEqualTo(5);
  }

  @Test
  void neverDropsBelowOneNorRisesAboveTheMaximum() throws InterruptedException {
    AdaptiveLimiter l = new AdaptiveLimiter(3);
    for (int i = 0; i < 10; i++) l.onRateLimited(l.acquire());
    assertThat(l.limit()).isEqualTo(1);
    for (int i = 0; i < 100; i++) {
      l.acquire();
      l.onSuccess();
    }
    assertThat(l.limit()).isEqualTo(3);
  }
}
