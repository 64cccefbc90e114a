package dev.kurz.llm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.azure.core.exception.HttpResponseException;
import com.azure.core.http.HttpHeaderName;
import com.azure.core.http.HttpHeaders;
import com.azure.core.http.HttpMethod;
import com.azure.core.http.HttpRequest;
import com.azure.core.http.HttpResponse;
import dev.langchain4j.exception.RateLimitException;
import java.nio.ByteBuffer;
import java.nio.charset.Charset;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.junit5.StartStop;
import okhttp3.OkHttpClient;
import okhttp3.tls.HandshakeCertificates;
import okhttp3.tls.HeldCertificate;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Azure OpenAI runs on the Azure SDK's HTTP pipeline over the shared OkHttp client; the SDK sends
 * keys only over HTTPS, so its wire test runs against an HTTPS MockWebServer. Tested here too: what
 * is checked at creation, and the translation of the SDK's HTTP failures (built by hand as the SDK
 * builds them).
 */
class AzureOpenAiBackendTest {
  @StartStop final MockWebServer server = new MockWebServer();

  @Test
  void requestsGoThroughTheSharedClientAndItsInterceptors() throws Exception {
    HeldCertificate certificate = new HeldCertificate.Builder().addSubjectAlternativeName(server.getHostName()).build();
    HandshakeCertificates serverCerts = new HandshakeCertificates.Builder().heldCertificate(certificate).build();
    server.useHttps(serverCerts.sslSocketFactory());
    server.enqueue(new MockResponse.Builder().code(200).addHeader("Content-Type", "application/json")
        .addHeader("x-ratelimit-remaining-requests", "41")
        .body("{\"id\":\"c1\",\"object\":\"chat.completion\",\"created\":1,\"model\":\"gpt-4o-mini\",\"choices\":[{\"index\":0,"
            + "\"message\":{\"role\":\"assistant\",\"content\":\"Bitte sehr\"},\"finish_reason\":\"stop\"}],"
            + "\"usage\":{\"prompt_tokens\":7,\"completion_tokens\":2,\"total_tokens\":9}}").build());
    HandshakeCertificates clientCerts = new HandshakeCertificates.Builder().addTrustedCertificate(certificate.certificate()).build();
    List<String> seen = new CopyOnWriteArrayList<>();
    OkHttpClient http = new OkHttpClient.Builder()
        .sslSocketFactory(clientCerts.sslSocketFactory(), clientCerts.trustManager())
        .addInterceptor(chain -> {
          okhttp3.Response response = chain.proceed(chain.request());
          seen.add(chain.request().url().encodedPath() + " " + response.header("x-ratelimit-remaining-requests"));
          return response;
        }).build();
    String endpoint = "https://" + server.getHostName() + ":" + server.getPort();

    Backend backend = Backends.create(spec(endpoint, Map.of("deployment", "kurz-digest", "api_version", "2024-06-01")), http);
    LlmReply reply = backend.complete(new LlmRequest("Antworte kurz.", List.of(LlmRequest.Message.user("Danke!")), null, null, null, 5));

    assertThat(reply.text()).isEqualTo("Bitte sehr");
    assertThat(reply.usage().inputTokens()).isEqualTo(7);
    assertThat(seen).containsExactly("/openai/deployments/kurz-digest/chat/completions 41");
    RecordedRequest recorded = server.takeRequest(1, TimeUnit.SECONDS);
    assertThat(recorded.getHeaders().get("api-key")).isEqualTo(ProviderCase.KEY);
  }

  private static BackendSpec spec(String endpoint, Map<String, String> options) {
    return new BackendSpec("azure", "azure-openai", "gpt-4o-mini", endpoint, ProviderCase.KEY,
        "AZURE_OPENAI_API_KEY", Duration.ofSeconds(5), options);
  }

  @Test
  void createsWithDeploymentAndKnownApiVersion() {
    Backend backend = Backends.create(spec("https://kurz-test.openai.azure.com",
        Map.of("deployment", "kurz-digest", "api_version", "2024-06-01")), new OkHttpClient());

    assertThat(backend.model().provider()).isEqualTo("azure-openai");
    assertThat(backend.model().name()).isEqualTo("kurz-digest");
  }

  @Test
  void deploymentDefaultsToTheModel() {
    Backend backend = Backends.create(spec("https://kurz-test.openai.azure.com", Map.of()), new OkHttpClient());

    assertThat(backend.model().name()).isEqualTo("gpt-4o-mini");
  }

  @Test
  void missingOrPlainHttpEndpointIsRefusedAtCreation() {
    assertThatThrownBy(() -> Backends.create(spec(null, Map.of()), new OkHttpClient()))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("endpoint");
    assertThatThrownBy(() -> Backends.create(spec("http://127.0.0.1:1", Map.of()), new OkHttpClient()))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("https://");
  }

  @Test
  void unknownApiVersionIsRefusedAtCreation() {
    assertThatThrownBy(() -> Backends.create(
        spec("https://kurz-test.openai.azure.com", Map.of("api_version", "1999-01-01")), new OkHttpClient()))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("1999-01-01");
  }

  @Test
  void sdkRateLimitFailureKeepsRetryAfter() {
    HttpResponseException sdk = new HttpResponseException(
        "Status code 429, \"{\"error\":{\"code\":\"429\",\"message\":\"Requests to the deployment have exceeded the rate limit.\"}}\"",
        new FakeResponse(429, new HttpHeaders().set(HttpHeaderName.RETRY_AFTER, "7")));
    ErrorTranslator errors = Backends.errors(spec("https://kurz-test.openai.azure.com", Map.of()),
        "https://kurz-test.openai.azure.com", AzureOpenAiBackend::failure);

    BackendException e = errors.translate(new RateLimitException(sdk));

    assertThat(e.kind()).isEqualTo(BackendException.Kind.RATE_LIMITED);
    assertThat(e.retryAfter()).isEqualTo(Duration.ofSeconds(7));
    assertThat(e.getMessage()).isEqualTo("HTTP 429 from https://kurz-test.openai.azure.com: "
        + "Requests to the deployment have exceeded the rate limit.");
  }

  @Test
  void sdkUnauthorizedIsAuthNamingTheVariable() {
    HttpResponseException sdk = new HttpResponseException(
        "Status code 401, \"{\"error\":{\"code\":\"401\",\"message\":\"Access denied due to invalid subscription key.\"}}\"",
        new FakeResponse(401, new HttpHeaders()));
    ErrorTranslator errors = Backends.errors(spec("https://kurz-test.openai.azure.com", Map.of()),
        "https://kurz-test.openai.azure.com", AzureOpenAiBackend::failure);

    BackendException e = errors.translate(sdk);

    assertThat(e.kind()).isEqualTo(BackendException.Kind.AUTH);
    assertThat(e.getMessage()).contains("invalid subscription key").contains("(set AZURE_OPENAI_API_KEY)");
  }

  /** A finished Azure SDK response whose body has been consumed. */
  private static final class FakeResponse extends HttpResponse {
    private final int status;
    private final HttpHeaders headers;

    FakeResponse(int status, HttpHeaders headers) {
      super(new HttpRequest(HttpMethod.POST, "https://kurz-test.openai.azure.com/openai/deployments/x/chat/completions"));
      this.status = status;
      this.headers = headers;
    }

    @Override
    public int getStatusCode() {
      return status;
    }

    @Override
    @Deprecated
    public String getHeaderValue(String name) {
      return headers.getValue(HttpHeaderName.fromString(name));
    }

    @Override
    public HttpHeaders getHeaders() {
      return headers;
    }

    @Override
    public Flux<ByteBuffer> getBody() {
      return Flux.empty();
    }

    @Override
    public Mono<byte[]> getBodyAsByteArray() {
      return Mono.empty();
    }

    @Override
    public Mono<String> getBodyAsString() {
      return Mono.empty();
    }

    @Override
    public Mono<String> getBodyAsString(Charset charset) {
      return Mono.empty();
    }
  }
}
