package dev.kurz.llm.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.langchain4j.exception.TimeoutException;
import dev.langchain4j.http.client.HttpMethod;
import dev.langchain4j.http.client.HttpRequest;
import dev.langchain4j.http.client.SuccessfulHttpResponse;
import dev.langchain4j.http.client.sse.DefaultServerSentEventParser;
import dev.langchain4j.http.client.sse.ServerSentEvent;
import dev.langchain4j.http.client.sse.ServerSentEventListener;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.junit5.StartStop;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.Test;

class OkHttpClientAdapterTest {
  @StartStop final MockWebServer server = new MockWebServer();

  private final OkHttpClient shared = new OkHttpClient();
  private final OkHttpClientAdapter client = new OkHttpClientAdapterBuilder(shared).build();

  @Test
  void getReturnsStatusHeadersAndBody() throws Exception {
    server.enqueue(new MockResponse.Builder().code(200).addHeader("X-Thing", "eins")
        .body("{\"ok\":true}").build());

    SuccessfulHttpResponse response = client.execute(HttpRequest.builder()
        .method(HttpMethod.GET).url(server.url("/models").toString())
        .addHeader("Authorization", "Bearer sk-test-FAKE-0000").build());

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.body()).isEqualTo("{\"ok\":true}");
    assertThat(response.headers().get("x-thing")).containsExactly("eins");
    RecordedRequest recorded = server.takeRequest();
    assertThat(recorded.getMethod()).isEqualTo("GET");
    assertThat(recorded.getUrl().encodedPath()).isEqualTo("/models");
    assertThat(recorded.getHeaders().get("Authorization")).isEqualTo("Bearer sk-test-FAKE-0000");
  }

  @Test
  void postSendsJsonBodyAndHeadersUnchanged() throws Exception {
    server.enqueue(new MockResponse.Builder().body("{}").build());

    client.execute(HttpRequest.builder()
        .method(HttpMethod.POST).url(server.url("/").toString(), "chat/completions")
        .addHeader("Content-Type", "application/json")
        .addHeader("x-api-key", "sk-test-FAKE-0000")
        .body("{\"text\":\"Grüße aus Köln\"}").build());

    RecordedRequest recorded = server.takeRequest();
    assertThat(recorded.getMethod()).isEqualTo("POST");
    assertThat(recorded.getUrl().encodedPath()).isEqualTo("/chat/completions");
    assertThat(recorded.getHeaders().get("Content-Type")).isEqualTo("application/json");
    assertThat(recorded.getHeaders().get("x-api-key")).isEqualTo("sk-test-FAKE-0000");
    assertThat(recorded.getBody().utf8()).isEqualTo("{\"text\":\"Grüße aus Köln\"}");
  }

  @Test
  void non2xxKeepsStatusBodyAndHeaders() {
    server.enqueue(new MockResponse.Builder().code(429).addHeader("Retry-After", "7")
        .addHeader("x-ratelimit-reset-requests", "6m0s").body("{\"error\":\"slow down\"}").build());

    assertThatThrownBy(() -> client.execute(HttpRequest.builder()
            .method(HttpMethod.GET).url(server.url("/x").toString()).build()))
        .isInstanceOfSatisfying(HttpStatusException.class, e -> {
          assertThat(e.statusCode()).isEqualTo(429);
          assertThat(e.body()).isEqualTo("{\"error\":\"slow down\"}");
          assertThat(e.header("retry-after")).isEqualTo("7");
          assertThat(e.header("X-RateLimit-Reset-Requests")).isEqualTo("6m0s");
          assertThat(e.url()).endsWith("/x");
        });
  }

  @Test
  void readTimeoutBecomesLangChain4jTimeout() {
    server.enqueue(new MockResponse.Builder().headersDelay(2, TimeUnit.SECONDS).body("{}").build());
    OkHttpClientAdapter impatient = new OkHttpClientAdapterBuilder(shared)
        .connectTimeout(Duration.ofSeconds(1)).readTimeout(Duration.ofMillis(200)).build();

    assertThatThrownBy(() -> impatient.execute(HttpRequest.builder()
            .method(HttpMethod.GET).url(server.url("/slow").toString()).build()))
        .isInstanceOf(TimeoutException.class);
  }

  @Test
  void derivedClientsShareTheConnectionPool() {
    OkHttpClientAdapter derived = new OkHttpClientAdapterBuilder(shared)
        .readTimeout(Duration.ofSeconds(3)).build();

    assertThat(derived.okHttpClient().connectionPool()).isSameAs(shared.connectionPool());
    assertThat(derived.okHttpClient().dispatcher()).isSameAs(shared.dispatcher());
    assertThat(derived.okHttpClient().readTimeoutMillis()).isEqualTo(3000);
  }

  @Test
  void streamingDeliversEventsInOrderThenCloses() throws Exception {
    server.enqueue(new MockResponse.Builder()
        .addHeader("Content-Type", "text/event-stream")
        .chunkedBody("data: eins\n\ndata: zwei\n\nevent: done\ndata: drei\n\n", 7).build());
    Recorder recorder = new Recorder();

    client.execute(HttpRequest.builder().method(HttpMethod.POST).url(server.url("/stream").toString())
        .body("{}").build(), new DefaultServerSentEventParser(), recorder);

    assertThat(recorder.done.await(5, TimeUnit.SECONDS)).isTrue();
    assertThat(recorder.log).containsExactly(
        "open 200", "null:eins", "null:zwei", "done:drei", "close");
  }

  @Test
  void streamingReportsNon2xxWithHeadersToOnError() throws Exception {
    server.enqueue(new MockResponse.Builder().code(503).addHeader("Retry-After", "3")
        .body("overloaded").build());
    Recorder recorder = new Recorder();

    client.execute(HttpRequest.builder().method(HttpMethod.POST).url(server.url("/stream").toString())
        .body("{}").build(), new DefaultServerSentEventParser(), recorder);

    assertThat(recorder.done.await(5, TimeUnit.SECONDS)).isTrue();
    assertThat(recorder.log).containsExactly("error 503 overloaded 3");
  }

  /** Records listener calls; counts down on close or error. */
  private static final class Recorder implements ServerSentEventListener {
    final List<String> log = new CopyOnWriteArrayList<>();
    final CountDownLatch done = new CountDownLatch(1);

    @Override
    public void onOpen(SuccessfulHttpResponse response) {
      log.add("open " + response.statusCode());
    }

    @Override
    public void onEvent(ServerSentEvent event) {
      log.add(event.event() + ":" + event.data());
    }

    @Override
    public void onError(Throwable error) {
      if (error instanceof HttpStatusException e) {
        log.add("error " + e.statusCode() + " " + e.body() + " " + e.header("Retry-After"));
      } else {
        log.add("error " + error);
      }
      done.countDown();
    }

    @Override
    public void onClose() {
      log.add("close");
      done.countDown();
    }
  }
}
