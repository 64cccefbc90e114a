package dev.kurz.scheduling;

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
  void aBurstSettlesAtWhatTheServerAcceptedWhateverOrderTheRejectionsComeBackIn() throws InterruptedException {
    AdaptiveLimiter l = new AdaptiveLimiter(16);
    List<AdaptiveLimiter.Ticket> tickets = new ArrayList<>();
    for (int i = 0; i < 16; i++) tickets.add(l.acquire());
    // The requests reached the server in another order than they were sent: the last one sent
    // is rejected first, then the others the server had no room for.
    for (int i = 15; i >= 8; i--) l.onRateLimited(tickets.get(i));
    assertThat(l.limit()).isEqualTo(8);
  }

  @Test
  void aBurstThatReachedTheServerOutOfOrderSettlesAtWhatItServedNotAtTheRejectedRequestsPlace() throws InterruptedException {
    AdaptiveLimiter l = new AdaptiveLimiter(16);
    List<AdaptiveLimiter.Ticket> tickets = new ArrayList<>();
    for (int i = 0; i < 16; i++) tickets.add(l.acquire());
    // The first eight sent arrived last: the server served the later eight and rejected these.
    long mark = -1;
    for (int i = 0; i < 8; i++) mark = l.onRateLimited(tickets.get(i));
    assertThat(l.limit()).isEqualTo(8);
    // The first answer frees a slot: a rejected request takes it at once.
    l.onSuccess();
    assertThat(l.acquire(mark).inFlight()).isEqualTo(8);
  }

  @Test
  void probesUpwardOnlyWhileEverySlotIsBusy() throws InterruptedException {
    AdaptiveLimiter l = limitedToFour();
    for (int i = 0; i < 3; i++) {
      l.onSuccess();
      l.acquire();
    }
    assertThat(l.limit()).isEqualTo(4);
    l.onSuccess();
    assertThat(l.limit()).isEqualTo(5);
    // With slots to spare the limit is not what holds the batch back: no probe.
    AdaptiveLimiter idle = limitedToFour();
    idle.onSuccess();
    idle.onSuccess(); // two in flight, at most three from here on
    for (int i = 0; i < 100; i++) {
      idle.acquire();
      idle.onSuccess();
    }
    assertThat(idle.limit()).isEqualTo(4);
  }

  @Test
  void aRejectedProbeDoublesTheWaitBeforeTheNextOne() throws InterruptedException {
    AdaptiveLimiter l = limitedToFour();
    for (int i = 0; i < 4; i++) {
      l.onSuccess();
      l.acquire();
    }
    assertThat(l.limit()).isEqualTo(5);
    AdaptiveLimiter.Ticket probe = l.acquire();
    l.onRateLimited(probe); // limit 4 again, and 2 x 4 successes before the next probe
    for (int i = 0; i < 7; i++) {
      l.onSuccess();
      l.acquire();
    }
    assertThat(l.limit()).isEqualTo(4);
    l.onSuccess();
    assertThat(l.limit()).isEqualTo(5);
    // The server rejects a request sent beside the probe rather than the probe: still back to 4.
    AdaptiveLimiter.Ticket probe2 = l.acquire();
    l.onSuccess();
    AdaptiveLimiter.Ticket beside = l.acquire();
    assertThat(beside.inFlight()).isEqualTo(probe2.inFlight());
    l.onRateLimited(beside);
    assertThat(l.limit()).isEqualTo(4);
    // Rejected again at that level: the server takes less than before; one below what was in flight.
    AdaptiveLimiter.Ticket low = l.acquire();
    l.onRateLimited(low);
    assertThat(l.limit()).isEqualTo(low.inFlight() - 1);
  }

  @Test
  void neverDropsBelowOneNorRisesAboveTheMaximum() throws InterruptedException {
    AdaptiveLimiter l = new AdaptiveLimiter(3);
    for (int i = 0; i < 10; i++) l.onRateLimited(l.acquire());
    assertThat(l.limit()).isEqualTo(1);
    for (int round = 0; round < 200; round++) {
      int n = l.limit();
      for (int i = 0; i < n; i++) l.acquire();
      for (int i = 0; i < n; i++) l.onSuccess();
    }
    assertThat(l.limit()).isEqualTo(3);
  }

  @Test
  void saysARejectionIsAnOvershootOnlyWhileAnotherRequestHoldsASlot() throws InterruptedException {
    AdaptiveLimiter l = new AdaptiveLimiter(4);
    l.acquire();
    l.acquire();
    long ended = l.onRateLimited(l.acquire()); // three sent, two held: limit 2, go once one ends
    assertThat(ended).isEqualTo(1);
    assertThat(l.limit()).isEqualTo(2);
    l.onSuccess();
    assertThat(l.acquire(ended).inFlight()).isEqualTo(2);
    l.onSuccess();
    l.onSuccess();
    // Rejected with nothing else in flight: not a concurrency limit; the server's Retry-After holds.
    assertThat(l.onRateLimited(l.acquire())).isEqualTo(-1);
  }

  /** Five requests at once, the fifth rejected: limit 4, four in flight, the next probe after 4 successes. */
  private static AdaptiveLimiter limitedToFour() throws InterruptedException {
    AdaptiveLimiter l = new AdaptiveLimiter(10);
    for (int i = 0; i < 4; i++) l.acquire();
    l.onRateLimited(l.acquire());
    assertThat(l.limit()).isEqualTo(4);
    return l;
  }
}
