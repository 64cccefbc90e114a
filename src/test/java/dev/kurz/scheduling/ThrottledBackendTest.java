package dev.kurz.scheduling;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kurz.llm.Backend;
import dev.kurz.llm.LlmReply;
import dev.kurz.llm.LlmRequest;
import dev.kurz.model.ModelRef;
import dev.kurz.model.Usage;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

class ThrottledBackendTest {
  private static final LlmRequest REQUEST = new LlmRequest("System.", List.of(LlmRequest.Message.user("Hallo")), null, null, null, 5);

  @Test
  @Timeout(10)
  void anErrorInOneRequestFreesItsSlotForTheNext() throws Exception {
    AtomicInteger calls = new AtomicInteger();
    Backend failingOnce = new Backend() {
      @Override
      public ModelRef model() {
        return new ModelRef("fake", "fake");
      }

      @Override
      public LlmReply complete(LlmRequest request) {
        if (calls.incrementAndGet() == 1) throw new StackOverflowError();
        return new LlmReply("ok", new Usage(1, 1), "fake", "stop");
      }
    };
    ThrottledBackend throttled = new ThrottledBackend(failingOnce, new RequestLimiter(1, Clock.systemUTC(),
        RequestLimiter.Waiter.REAL), () -> false);

    assertThatThrownBy(() -> throttled.complete(REQUEST)).isInstanceOf(StackOverflowError.class);
    assertThat(throttled.complete(REQUEST).text()).isEqualTo("ok");
  }
}
