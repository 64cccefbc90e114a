package dev.kurz.scheduling;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kurz.config.PriceTable;
import dev.kurz.faithfulness.Finding;
import dev.kurz.model.ArticleResult;
import dev.kurz.model.ModelRef;
import dev.kurz.model.Outcome;
import dev.kurz.model.Source;
import dev.kurz.model.Usage;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class RunTallyTest {
  private static final PriceTable PRICES = PriceTable.of(null);

  private static Outcome done(String label, String model, boolean cached, long in, long out, String... warnings) {
    return new Outcome.Done(new ArticleResult(Source.ofFile(label, 100), null, new ModelRef("openai", model),
        new Usage(in, out), cached, List.of(warnings), "key-" + label, Instant.EPOCH, ""));
  }

  private static Outcome failed(String label, String message, Outcome.Failure kind) {
    return new Outcome.Failed(label, message, kind);
  }

  @Test
  void newAnswersCountTheirTokensAndCostAndCachedOnesCountNeither() {
    RunTally t = RunTally.of(List.of(done("a", "gpt-4o-mini", false, 1_000_000, 0), done("b", "gpt-4o-mini", true, 500, 500)), PRICES);
    assertThat(t.done()).isEqualTo(2);
    assertThat(t.cached()).isEqualTo(1);
    assertThat(t.fresh()).isEqualTo(1);
    assertThat(t.inputTokens()).isEqualTo(1_000_000);
    assertThat(t.cost()).isEqualTo(PRICES.price("openai", "gpt-4o-mini").cost(1_000_000, 0));
    assertThat(t.verdict(false)).isEqualTo(RunTally.Verdict.OK);
  }

  @Test
  void aModelWithoutAPriceLeavesTheCostUnknown() {
    assertThat(RunTally.of(List.of(done("a", "no-such-model", false, 10, 10)), PRICES).cost()).isNull();
  }

  @Test
  void aBackendThatStopsTheRunBeforeAnythingIsDoneRanNothing() {
    RunTally t = RunTally.of(List.of(failed("a", "bad key", Outcome.Failure.BACKEND),
        failed("b", "not attempted: bad key", Outcome.Failure.BACKEND)), PRICES);
    assertThat(t.failed()).isEqualTo(1);
    assertThat(t.notAttempted()).isEqualTo(1);
    assertThat(t.verdict(true)).isEqualTo(RunTally.Verdict.NOTHING_RAN);
  }

  @Test
  void oneFailedInputAmongDoneOnesIsSomeFailed() {
    RunTally t = RunTally.of(List.of(done("a", "gpt-4o-mini", true, 0, 0), failed("b", "empty", Outcome.Failure.INPUT)), PRICES);
    assertThat(t.verdict(false)).isEqualTo(RunTally.Verdict.SOME_FAILED);
  }

  @Test
  void unfaithfulAnswersFailTheRunOnlyUnderStrict() {
    String warning = Finding.PREFIX + "a number the article does not give";
    RunTally t = RunTally.of(List.of(done("a", "gpt-4o-mini", true, 0, 0, warning, warning, "quote not found")), PRICES);
    assertThat(t.faithfulnessWarnings()).isEqualTo(2);
    assertThat(t.unfaithfulAnswers()).isEqualTo(1);
    assertThat(t.verdict(false)).isEqualTo(RunTally.Verdict.OK);
    assertThat(t.verdict(true)).isEqualTo(RunTally.Verdict.SOME_FAILED);
  }

  @Test
  void anInterruptionWinsOverEverythingElse() {
    RunTally t = RunTally.of(List.of(failed("a", "bad key", Outcome.Failure.BACKEND),
        failed("b", "not started: interrupted", Outcome.Failure.INTERRUPTED)), PRICES);
    assertThat(t.interrupted()).isEqualTo(1);
    assertThat(t.verdict(true)).isEqualTo(RunTally.Verdict.INTERRUPTED);
  }
}
