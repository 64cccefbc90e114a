package dev.kurz.scheduling;

import dev.kurz.config.PriceTable;
import dev.kurz.faithfulness.Finding;
import dev.kurz.model.Outcome;
import java.util.List;

/**
 * What a batch of summaries came to: how many were done (from the cache or new), failed, not
 * attempted (the backend stopped the run) or not finished (Ctrl-C); the new answers' tokens and
 * their cost; the answers with faithfulness warnings; and from these the run's {@link Verdict}.
 *
 * @param cost in USD, of the new answers; null when a model in use has no price
 */
public record RunTally(
    int articles,
    int done,
    int cached,
    int failed,
    int notAttempted,
    int interrupted,
    long inputTokens,
    long outputTokens,
    Double cost,
    int faithfulnessWarnings,
    int unfaithfulAnswers,
    boolean backendDown) {

  /** How the run ended, for the exit code. */
  public enum Verdict {
    OK,
    /** Some inputs failed (or, under --strict, some answers are not faithful); the rest was delivered. */
    SOME_FAILED,
    /** The backend stopped the run before any input was done. */
    NOTHING_RAN,
    INTERRUPTED
  }

  public static RunTally of(List<Outcome> outcomes, PriceTable prices) {
    int failed = 0;
    int notAttempted = 0;
    int cached = 0;
    int interrupted = 0;
    long in = 0;
    long out = 0;
    double cost = 0;
    boolean priced = true;
    boolean backendDown = false;
    int faithfulness = 0;
    int unfaithfulAnswers = 0;
    for (Outcome o : outcomes) {
      switch (o) {
        case Outcome.Done d -> {
          if (d.result().cached()) {
            cached++;
          } else {
            var u = d.result().usage();
            in += u.inputTokens();
            out += u.outputTokens();
            PriceTable.Price price = prices.price(d.result().model().provider(), d.result().model().name());
            if (price == null) priced = false;
            else cost += price.cost(u.inputTokens(), u.outputTokens());
          }
          long unfaithful = d.result().warnings().stream().filter(Finding::isFaithfulnessWarning).count();
          faithfulness += (int) unfaithful;
          if (unfaithful > 0) unfaithfulAnswers++;
        }
        case Outcome.Failed f -> {
          switch (f.kind()) {
            case INTERRUPTED -> interrupted++;
            case BACKEND -> {
              backendDown = true;
              if (f.message().startsWith("not attempted: ")) notAttempted++;
              else failed++;
            }
            case INPUT, ANSWER -> failed++;
          }
        }
      }
    }
    int done = outcomes.size() - failed - notAttempted - interrupted;
    return new RunTally(outcomes.size(), done, cached, failed, notAttempted, interrupted, in, out, priced ? cost : null,
        faithfulness, unfaithfulAnswers, backendDown);
  }

  /** Answers made now rather than taken from the cache. */
  public int fresh() {
    return done - cached;
  }

  /**
   * Interrupted wins; then, under {@code strict}, any unfaithful answer fails the run (unless the
   * backend stopped it before anything was done); then failures decide.
   */
  public Verdict verdict(boolean strict) {
    if (interrupted > 0) return Verdict.INTERRUPTED;
    if (strict && unfaithfulAnswers > 0 && !(done == 0 && backendDown)) return Verdict.SOME_FAILED;
    if (failed + notAttempted == 0) return Verdict.OK;
    if (done == 0 && backendDown) return Verdict.NOTHING_RAN;
    return Verdict.SOME_FAILED;
  }
}
