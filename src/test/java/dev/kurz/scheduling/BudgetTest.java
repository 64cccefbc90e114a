package dev.kurz.scheduling;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kurz.llm.http.RateLimitHeaders.Bucket;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** One budget's arithmetic, on instants chosen by hand: nothing here waits. */
class BudgetTest {
  private static final Instant T0 = Instant.parse("2026-12-01T10:00:00Z");
  private final Budget budget = new Budget("tokens");

  private static Instant at(long ms) {
    return T0.plusMillis(ms);
  }

  @Test
  void noWordFromTheProviderNoWait() {
    assertThat(budget.waitFor(1_000_000, T0, false)).isZero();
  }

  @Test
  void aSpentBudgetWaitsForItsReset() {
    budget.observe(new Bucket(10_000, 3_000, Duration.ofSeconds(2)), at(0), at(0), false);
    assertThat(budget.waitFor(2_000, at(0), false)).isZero();
    assertThat(budget.waitFor(4_000, at(0), false)).isEqualTo(Duration.ofSeconds(2));
    assertThat(budget.waitFor(4_000, at(2_000), false)).isZero();
  }

  @Test
  void whatWasSentSinceTheAnswerCounts() {
    budget.observe(new Bucket(10_000, 10_000, Duration.ofSeconds(4)), at(0), at(0), false);
    budget.sent(1, 6_000, at(10));
    assertThat(budget.available(at(20))).isEqualTo(4_000);
    assertThat(budget.waitFor(5_000, at(20), false)).isEqualTo(Duration.ofMillis(3_980));
  }

  @Test
  void headersWrittenOnArrivalDoNotHideTheRequestsInFlight() {
    budget.observe(new Bucket(10_000, 10_000, Duration.ofSeconds(4)), at(0), at(0), false);
    budget.sent(1, 4_000, at(10));
    budget.sent(2, 4_000, at(20));
    // The answer to request 1 says what remained when it arrived, before request 2 was counted.
    budget.observe(new Bucket(10_000, 6_000, Duration.ofMillis(3_990)), at(10), at(510), false);
    assertThat(budget.available(at(520))).isEqualTo(2_000);
  }

  @Test
  void aRejectedRequestLeavesTheLedger() {
    budget.observe(new Bucket(10_000, 10_000, Duration.ofSeconds(4)), at(0), at(0), false);
    budget.sent(1, 6_000, at(10));
    budget.forget(1);
    assertThat(budget.available(at(20))).isEqualTo(10_000);
  }

  @Test
  void aRequestDearerThanTheWholeBudgetWaitsForAFullWindow() {
    budget.observe(new Bucket(1_000, 400, Duration.ofSeconds(1)), at(0), at(0), false);
    assertThat(budget.waitFor(5_000, at(0), false)).isEqualTo(Duration.ofSeconds(1));
    assertThat(budget.waitFor(5_000, at(1_000), false)).isZero();
  }

  @Test
  void afterAnEarlyResetOneRequestGoesFirst() {
    // Sent at 0, answered at 500: the window ends between 4.0 s and 4.5 s.
    budget.observe(new Bucket(10_000, 0, Duration.ofSeconds(4)), at(0), at(500), false);
    assertThat(budget.waitFor(1_000, at(600), false)).isEqualTo(Duration.ofMillis(3_400));
    assertThat(budget.waitFor(1_000, at(4_000), false)).isZero();
    budget.sent(1, 1_000, at(4_000));
    assertThat(budget.waitFor(1_000, at(4_000), false)).isPositive();
    // Let through: the early end was right, and the rest go.
    budget.observe(new Bucket(10_000, 9_000, Duration.ofMillis(3_600)), at(4_000), at(4_400), false);
    assertThat(budget.waitFor(1_000, at(4_400), false)).isZero();
  }

  @Test
  void aProbeNotRejectedAtOnceWasLetThrough() {
    budget.observe(new Bucket(10_000, 0, Duration.ofSeconds(4)), at(0), at(500), false);
    budget.waitFor(1_000, at(4_000), false);
    budget.sent(1, 1_000, at(4_000));
    assertThat(budget.waitFor(1_000, at(4_100), false)).isEqualTo(Duration.ofMillis(400));
    assertThat(budget.waitFor(1_000, at(4_500), false)).isZero();
  }

  @Test
  void aRejectionAtTheEarlyResetMovesToTheLateEnd() {
    budget.observe(new Bucket(10_000, 0, Duration.ofSeconds(4)), at(0), at(500), false);
    assertThat(budget.waitFor(1_000, at(4_000), false)).isZero();
    budget.sent(1, 1_000, at(4_000));
    budget.observe(new Bucket(10_000, 0, Duration.ofMillis(500)), at(4_000), at(4_000), true);
    budget.forget(1);
    assertThat(budget.waitFor(1_000, at(4_000), false)).isEqualTo(Duration.ofMillis(500));
    assertThat(budget.waitFor(1_000, at(4_500), false)).isZero();
  }

  @Test
  void aRejectionJustBeforeTheEarlyEndKeepsItAndLearnsHowEarlyItWas() {
    // Sent at 0, answered at 500: the window ends between 4.0 s and 4.5 s.
    budget.observe(new Bucket(10_000, 0, Duration.ofSeconds(4)), at(0), at(500), false);
    assertThat(budget.waitFor(1_000, at(4_000), false)).isZero();
    budget.sent(1, 1_000, at(4_000));
    // Rejected: the window it names ends 30 ms later, at the early end, not the late one.
    budget.observe(new Bucket(10_000, 0, Duration.ofMillis(29)), at(4_000), at(4_001), true);
    budget.forget(1);
    assertThat(budget.waitFor(1_000, at(4_001), false)).isEqualTo(Duration.ofMillis(29));
    assertThat(budget.waitFor(1_000, at(4_030), false)).isZero();
    // The next window's early end is taken 30 ms later.
    budget.observe(new Bucket(10_000, 0, Duration.ofMillis(3_970)), at(4_030), at(4_530), false);
    assertThat(budget.waitFor(1_000, at(4_600), false)).isEqualTo(Duration.ofMillis(3_400 + 30));
  }

  @Test
  void aRequestSentBetweenAnAnswersArrivalAndItsReadingCountsOnce() {
    budget.observe(new Bucket(10_000, 10_000, Duration.ofSeconds(4)), at(0), at(0), false);
    budget.sent(1, 2_000, at(1));
    budget.observe(new Bucket(10_000, 8_000, Duration.ofMillis(3_999)), at(1), at(500), false);
    // Answer 2 is in at 600; request 3 goes at 601, before answer 2's headers are read at 602.
    budget.sent(2, 2_000, at(100));
    budget.sent(3, 2_000, at(601));
    budget.observe(new Bucket(10_000, 6_000, Duration.ofMillis(3_900)), at(100), at(600), false);
    assertThat(budget.available(at(602))).isEqualTo(4_000);
    budget.observe(new Bucket(10_000, 4_000, Duration.ofMillis(3_399)), at(601), at(1_101), false);
    assertThat(budget.available(at(1_102))).isEqualTo(4_000);
  }

  @Test
  void whileTheProbeIsOutWhatTheOldWindowStillHadGoes() {
    budget.observe(new Bucket(10_000, 2_500, Duration.ofSeconds(4)), at(0), at(500), false);
    assertThat(budget.waitFor(1_000, at(4_000), false)).isZero();
    budget.sent(1, 1_000, at(4_000)); // the old window could pay for it: no probe
    assertThat(budget.waitFor(1_000, at(4_001), false)).isZero();
    budget.sent(2, 1_000, at(4_001));
    assertThat(budget.waitFor(400, at(4_002), false)).isZero();
    budget.sent(3, 400, at(4_002)); // 100 left of the old window
    assertThat(budget.waitFor(1_000, at(4_003), false)).isZero();
    budget.sent(4, 1_000, at(4_003)); // the probe: more than the old window had left
    assertThat(budget.waitFor(1_000, at(4_004), false)).isPositive();
  }

  @Test
  void aSpentBudgetWithNoResetAsksAgainUnlessNothingIsInFlight() {
    budget.observe(new Bucket(10_000, 0, null), at(0), at(0), false);
    assertThat(budget.waitFor(1_000, at(0), false)).isEqualTo(Duration.ofSeconds(1));
    assertThat(budget.waitFor(1_000, at(0), true)).isZero();
  }
}
