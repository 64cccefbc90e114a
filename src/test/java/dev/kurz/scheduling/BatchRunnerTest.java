package dev.kurz.scheduling;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kurz.model.Outcome;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class BatchRunnerTest {

  @Test
  void anOutOfMemoryErrorInOneSlotIsThatInputsFailureAndTheRestAreDelivered() throws InterruptedException {
    List<Outcome> emitted = new ArrayList<>();
    List<Outcome> outcomes = new BatchRunner(2).run(List.of("a", "b", "c", "d"), label -> {
      if (label.equals("b")) throw new OutOfMemoryError("Java heap space");
      if (label.equals("c")) throw new StackOverflowError();
      return new Outcome.Failed(label, "fine", Outcome.Failure.INPUT);
    }, emitted::add);
    assertThat(outcomes).hasSize(4).doesNotContainNull();
    assertThat(emitted).hasSize(4);
    assertThat(outcomes.get(1)).isInstanceOfSatisfying(Outcome.Failed.class,
        f -> assertThat(f.message()).startsWith("out of memory").contains("Java heap space"));
    assertThat(outcomes.get(2)).isInstanceOfSatisfying(Outcome.Failed.class,
        f -> assertThat(f.message()).contains("stack overflow"));
    assertThat(outcomes.get(3).label()).isEqualTo("d");
  }
}
