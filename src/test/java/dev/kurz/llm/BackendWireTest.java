package dev.kurz.llm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kurz.model.Usage;
import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.junit5.StartStop;
import okhttp3.OkHttpClient;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Each OkHttp-based provider against a fake server: the request on the wire and the mapping back. */
class BackendWireTest {
  @StartStop final MockWebServer server = new MockWebServer();
  private final OkHttpClient http = new OkHttpClient();

  static List<ProviderCase> cases() {
    return ProviderCases.all();
  }

  private Backend backend(ProviderCase c) {
    return backend(c, server.url(c.basePath()).toString());
  }

  private Backend backend(ProviderCase c, String baseUrl) {
    String model = switch (c.provider()) {
      case "gemini" -> "gemini-2.5-flash";
      case "ollama" -> "qwen2.5:7b";
      default -> "test-model";
    };
    String key = c.provider().equals("ollama") ? null : ProviderCase.KEY;
    return Backends.create(new BackendSpec(c.provider(), c.provider(), model, baseUrl, key,
        Backends.provider(c.provider()).keyEnv(), Duration.ofSeconds(5), Map.of()), http);
  }

  private static LlmRequest request() {
    return new LlmRequest("Du fasst deutsche Nachrichten auf Englisch zusammen.",
        List.of(LlmRequest.Message.user("Der Stadtrat hat am Dienstag den Haushalt beschlossen.")),
        ProviderCase.SCHEMA, "digest", 0.2, 1000);
  }

  private static MockResponse json(int code, String body) {
    return new MockResponse.Builder().code(code).addHeader("Content-Type", "application/json").body(body).build();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void sendsSchemaMessagesAndKeyAndParsesTheAnswerWithUsage(ProviderCase c) throws Exception {
    server.enqueue(json(200, c.okBody()));

    LlmReply reply = backend(c).complete(request());

    assertThat(reply.text()).isEqualTo("{\"headline\":\"Rat beschließt Haushalt\",\"tone\":\"neutral\"}");
    assertThat(reply.usage()).isEqualTo(new Usage(812, 95));
    assertThat(reply.modelName()).isNotBlank();
    assertThat(reply.finishReason()).isEqualTo("STOP");

    RecordedRequest recorded = server.takeRequest(1, TimeUnit.SECONDS);
    assertThat(recorded.getMethod()).isEqualTo("POST");
    assertThat(recorded.getUrl().encodedPath()).isEqualTo(c.expectedPath());
    c.auth().accept(recorded);
    String body = recorded.getBody().utf8().replace(" : ", ":");
    if (!c.provider().equals("gemini")) assertThat(body).contains(c.provider().equals("ollama") ? "qwen2.5:7b" : "test-model");
    assertThat(body)
        .contains("Der Stadtrat hat am Dienstag den Haushalt beschlossen.")
        .contains("Du fasst deutsche Nachrichten auf Englisch zusammen.")
        .contains("\"alarmed\"")            // enum values made it into the schema
        .contains("A neutral headline.")     // descriptions too
        .contains("weight");
    assertThat(body).doesNotContain(ProviderCase.KEY);
    switch (c.provider()) {
      case "openai", "mistral" -> assertThat(body).contains("\"json_schema\"").contains("\"strict\":true");
      case "ollama" -> assertThat(body).contains("\"format\":{");
      case "gemini" -> assertThat(body).contains("\"responseSchema\"").contains("application/json");
      case "anthropic" -> assertThat(body).contains("\"output_config\"").contains("\"json_schema\"");
      default -> throw new AssertionError(c.provider());
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void unauthorizedIsAuthAndNeverShowsTheKey(ProviderCase c) {
    if (c.provider().equals("ollama")) return; // no key to leak; covered by the other providers
    server.enqueue(json(401, "{\"error\":{\"message\":\"Incorrect API key provided: " + ProviderCase.KEY
        + ". You can find your API key at https://example.invalid.\",\"type\":\"invalid_request_error\"}}"));

    assertThatThrownBy(() -> backend(c).complete(request()))
        .isInstanceOfSatisfying(BackendException.class, e -> {
          assertThat(e.kind()).isEqualTo(BackendException.Kind.AUTH);
          assertThat(e.httpStatus()).isEqualTo(401);
          assertThat(e.fatal()).isTrue();
          assertThat(e.getMessage()).startsWith("HTTP 401 from http://")
              .contains("(set " + Backends.provider(c.provider()).keyEnv() + ")")
              .doesNotContain(ProviderCase.KEY)
              .doesNotContain("\n");
          assertThat(stackText(e)).doesNotContain(ProviderCase.KEY);
        });
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void tooManyRequestsIsRateLimitedWithRetryAfter(ProviderCase c) {
    server.enqueue(new MockResponse.Builder().code(429).addHeader("Retry-After", "7")
        .addHeader("Content-Type", "application/json")
        .body("{\"error\":{\"message\":\"Rate limit reached\",\"type\":\"requests\"}}").build());

    assertThatThrownBy(() -> backend(c).complete(request()))
        .isInstanceOfSatisfying(BackendException.class, e -> {
          assertThat(e.kind()).isEqualTo(BackendException.Kind.RATE_LIMITED);
          assertThat(e.retryAfter()).isEqualTo(Duration.ofSeconds(7));
          assertThat(e.getMessage()).contains("Rate limit reached");
        });
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void serverErrorIsTransientAndSentExactlyOnce(ProviderCase c) {
    server.enqueue(json(500, "{\"error\":{\"message\":\"The server had an error\"}}"));
    server.enqueue(json(200, c.okBody())); // a retry would succeed; there must be none

    assertThatThrownBy(() -> backend(c).complete(request()))
        .isInstanceOfSatisfying(BackendException.class, e -> {
          assertThat(e.kind()).isEqualTo(BackendException.Kind.TRANSIENT);
          assertThat(e.httpStatus()).isEqualTo(500);
        });
    assertThat(server.getRequestCount()).isEqualTo(1);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void contextOverflowIsContextLength(ProviderCase c) {
    server.enqueue(json(400, c.contextLengthBody()));

    assertThatThrownBy(() -> backend(c).complete(request()))
        .isInstanceOfSatisfying(BackendException.class,
            e -> assertThat(e.kind()).isEqualTo(BackendException.Kind.CONTEXT_LENGTH));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void unknownModelIsModelNotFound(ProviderCase c) {
    server.enqueue(json(404, "{\"error\":{\"message\":\"The model `test-model` does not exist\",\"code\":\"model_not_found\"}}"));

    assertThatThrownBy(() -> backend(c).complete(request()))
        .isInstanceOfSatisfying(BackendException.class,
            e -> assertThat(e.kind()).isEqualTo(BackendException.Kind.MODEL_NOT_FOUND));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void refusedConnectionIsUnreachable(ProviderCase c) throws IOException {
    int freePort;
    try (ServerSocket socket = new ServerSocket(0)) {
      freePort = socket.getLocalPort();
    }

    assertThatThrownBy(() -> backend(c, "http://127.0.0.1:" + freePort + c.basePath()).complete(request()))
        .isInstanceOfSatisfying(BackendException.class, e -> {
          assertThat(e.kind()).isEqualTo(BackendException.Kind.UNREACHABLE);
          assertThat(e.getMessage()).contains("127.0.0.1:" + freePort);
        });
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void slowServerTimesOutAsTransient(ProviderCase c) {
    server.enqueue(new MockResponse.Builder().headersDelay(3, TimeUnit.SECONDS).body(c.okBody()).build());
    Backend impatient = Backends.create(new BackendSpec(c.provider(), c.provider(), "gemini-2.5-flash",
        server.url(c.basePath()).toString(), ProviderCase.KEY, null, Duration.ofMillis(300), Map.of()), http);

    assertThatThrownBy(() -> impatient.complete(request()))
        .isInstanceOfSatisfying(BackendException.class,
            e -> assertThat(e.kind()).isEqualTo(BackendException.Kind.TRANSIENT));
  }

  private static String stackText(Throwable e) {
    StringBuilder text = new StringBuilder();
    for (Throwable t = e; t != null; t = t.getCause()) text.append(t).append('\n');
    return text.toString();
  }
}
