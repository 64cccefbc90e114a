package dev.kurz.scheduling;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kurz.llm.Backend;
import dev.kurz.llm.BackendException;
import dev.kurz.llm.BackendSpec;
import dev.kurz.llm.Backends;
import dev.kurz.llm.LlmReply;
import dev.kurz.llm.LlmRequest;
import dev.kurz.llm.http.RateLimitInterceptor;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.junit5.StartStop;
import okhttp3.Call;
import okhttp3.EventListener;
import okhttp3.OkHttpClient;
import okhttp3.Response;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Where the limiter's interceptor is on a request's way, the request waits for its slot there,
 * built, outside the HTTP call: the call (and its timeout) starts only once the slot is free, and
 * the slot frees as the answer's headers arrive. The provider is faked at the socket.
 */
class SlotAtTheWireTest {
  private static final String ANSWER = """
      {"id":"chatcmpl-1","object":"chat.completion","created":1760000000,"model":"test-model",
       "choices":[{"index":0,"message":{"role":"assistant","content":"{\\"ok\\":true}"},"finish_reason":"stop"}],
       "usage":{"prompt_tokens":400,"completion_tokens":100,"total_tokens":500}}
      """;

  @StartStop final MockWebServer server = new MockWebServer();
  private final CountDownLatch release = new CountDownLatch(1);
  private final AtomicInteger arrived = new AtomicInteger();
  private final List<String> events = Collections.synchronizedList(new ArrayList<>());
  private final RequestLimiter limiter = new RequestLimiter(1);

  private Backend openAi() {
    server.setDispatcher(new Dispatcher() {
      @Override
      public MockResponse dispatch(RecordedRequest request) throws InterruptedException {
        // The first request is held until the test lets it go; the others are answered at once.
        if (arrived.incrementAndGet() == 1) release.await(10, TimeUnit.SECONDS);
        return new MockResponse.Builder().code(200).addHeader("Content-Type", "application/json").body(ANSWER).build();
      }
    });
    OkHttpClient http = new OkHttpClient.Builder()
        .addInterceptor(new RateLimitInterceptor(limiter, Clock.systemUTC()))
        .eventListener(new EventListener() {
          @Override
          public void callStart(Call call) {
            events.add(Thread.currentThread().getName() + " call");
          }

          @Override
          public void responseHeadersEnd(Call call, Response response) {
            events.add(Thread.currentThread().getName() + " headers");
          }
        })
        .build();
    return Backends.create(new BackendSpec("openai", "openai", "test-model", server.url("/v1").toString(),
        "sk-test-FAKE-0000", "OPENAI_API_KEY", Duration.ofSeconds(5), Map.of()), http);
  }

  private static LlmRequest request() {
    return new LlmRequest("Fasse zusammen.", List.of(LlmRequest.Message.user("Der Stadtrat hat den Haushalt beschlossen.")),
        null, null, null, null);
  }

  private final Map<String, Thread> threads = new java.util.concurrent.ConcurrentHashMap<>();

  private CompletableFuture<LlmReply> onThread(String name, Backend backend) {
    CompletableFuture<LlmReply> reply = new CompletableFuture<>();
    threads.put(name, Thread.ofPlatform().name(name).start(() -> {
      try {
        reply.complete(backend.complete(request()));
      } catch (BackendException | RuntimeException e) {
        reply.completeExceptionally(e);
      }
    }));
    return reply;
  }

  @Test
  @Timeout(20)
  void aRequestWaitsForItsSlotBeforeItsCallStartsAndGoesWhenTheHeadersOfTheOneBeforeAreIn() throws Exception {
    Backend backend = new ThrottledBackend(openAi(), limiter, () -> false);
    CompletableFuture<LlmReply> first = onThread("first", backend);
    server.takeRequest(10, TimeUnit.SECONDS); // the first request is at the server and holds the one slot
    assertThat(limiter.atTheWire()).isTrue();

    CompletableFuture<LlmReply> second = onThread("second", backend);
    Thread waiting = threads.get("second");
    while (waiting.getState() != Thread.State.WAITING) Thread.onSpinWait(); // at the slot
    // It waits with its request built, in the HTTP adapter, before the call.
    assertThat(java.util.Arrays.stream(waiting.getStackTrace()).map(StackTraceElement::getClassName))
        .contains("dev.kurz.llm.http.CallGate");
    assertThat(events).containsExactly("first call");
    assertThat(arrived).hasValue(1);

    release.countDown();
    assertThat(first.get(10, TimeUnit.SECONDS).text()).isEqualTo("{\"ok\":true}");
    assertThat(second.get(10, TimeUnit.SECONDS).text()).isEqualTo("{\"ok\":true}");
    assertThat(events).containsExactly("first call", "first headers", "second call", "second headers");
    assertThat(limiter.sent()).isEqualTo(2);
  }

  @Test
  @Timeout(20)
  void aRequestRefusedAtTheWireIsNotSentAndSaysWhy() throws Exception {
    Backend openAi = openAi();
    Backend backend = new ThrottledBackend(openAi, limiter, () -> false);
    release.countDown();
    assertThat(backend.complete(request()).text()).isEqualTo("{\"ok\":true}");
    assertThat(limiter.atTheWire()).isTrue();

    java.util.concurrent.atomic.AtomicBoolean cancelled = new java.util.concurrent.atomic.AtomicBoolean(true);
    Backend stopped = new ThrottledBackend(openAi, limiter, cancelled::get);
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> stopped.complete(request()))
        .isInstanceOfSatisfying(BackendException.class, e -> {
          assertThat(e.kind()).isEqualTo(BackendException.Kind.CANCELLED);
          assertThat(e.getMessage()).contains("not sent");
        });
    assertThat(arrived).hasValue(1);
    // The refused request gave its slot back: the next one goes.
    assertThat(backend.complete(request()).text()).isEqualTo("{\"ok\":true}");
    assertThat(arrived).hasValue(2);
  }
}
