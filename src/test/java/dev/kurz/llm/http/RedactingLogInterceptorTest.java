package dev.kurz.llm.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kurz.reliability.Outputs;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.SocketEffect;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class RedactingLogInterceptorTest {
  static final String KEY = Outputs.FAKE_KEYS.get(2);
  final MockWebServer server = new MockWebServer();
  final List<String> log = Collections.synchronizedList(new ArrayList<>());
  OkHttpClient client;

  @BeforeEach
  void start() throws IOException {
    server.start();
    client = new OkHttpClient.Builder().addInterceptor(new RedactingLogInterceptor(log::add)).build();
  }

  @AfterEach
  void stop() throws IOException {
    Outputs.record("RedactingLogInterceptorTest log", String.join("\n", log));
    server.close();
  }

  @Test
  void everyKeyHeaderAndKeyParameterIsRedactedAndTheRestShown() throws IOException {
    server.enqueue(new MockResponse.Builder().code(200).addHeader("X-Request-Id", "abc").addHeader("Set-Cookie", "s=" + KEY).body("{\"secret\":\"" + KEY + "\"}").build());
    Request request = new Request.Builder().url(server.url("/v1beta/models/m:generateContent?alt=json&key=" + KEY + "&api-key=" + KEY))
        .header("Authorization", "Bearer " + KEY).header("x-api-key", KEY).header("api-key", KEY).header("x-goog-api-key", KEY)
        .header("Accept", "application/json")
        .post(RequestBody.create("{\"prompt\":\"" + KEY + "\"}", okhttp3.MediaType.get("application/json"))).build();
    try (Response response = client.newCall(request).execute()) {
      assertThat(response.body().string()).contains(KEY); // the caller still gets the body
    }
    String text = String.join("\n", log);
    assertThat(text).doesNotContain(KEY).doesNotContain("prompt").doesNotContain("secret");
    assertThat(text).contains("--> POST ").contains("alt=json").contains("key=***").contains("api-key=***")
        .contains("Authorization: ***").contains("x-api-key: ***").contains("api-key: ***").contains("x-goog-api-key: ***")
        .contains("Accept: application/json").containsPattern("<-- 200 \\S+ \\(\\d+ ms\\)").contains("X-Request-Id: abc")
        .contains("Set-Cookie: ***");
  }

  @Test
  void aFailedExchangeIsLoggedWithoutTheKeyAndStillThrown() throws IOException {
    server.enqueue(new MockResponse.Builder().onResponseStart(new SocketEffect.CloseSocket()).build());
    Request request = new Request.Builder().url(server.url("/x?key=" + KEY)).header("Authorization", "Bearer " + KEY).build();
    OkHttpClient noRetry = client.newBuilder().retryOnConnectionFailure(false).build();
    assertThatThrownBy(() -> noRetry.newCall(request).execute().close()).isInstanceOf(IOException.class);
    String text = String.join("\n", log);
    assertThat(text).contains("<-- FAILED GET ").contains("key=***").doesNotContain(KEY);
  }

  @Test
  void keyParametersInsideFreeTextAreRedacted() {
    assertThat(RedactingLogInterceptor.redactText("unexpected end of stream on http://h/x?alt=1&key=" + KEY + "&b=2"))
        .isEqualTo("unexpected end of stream on http://h/x?alt=1&key=***&b=2");
  }
}
