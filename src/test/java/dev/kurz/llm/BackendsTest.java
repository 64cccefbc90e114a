package dev.kurz.llm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.junit5.StartStop;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.Test;

/** The factory, model listing, options and the error cases that do not depend on the provider. */
class BackendsTest {
  @StartStop final MockWebServer server = new MockWebServer();
  private final OkHttpClient http = new OkHttpClient();

  private BackendSpec spec(String provider, String basePath, Map<String, String> options) {
    return new BackendSpec(provider, provider, "test-model", server.url(basePath).toString(),
        provider.equals("ollama") ? null : ProviderCase.KEY, null, Duration.ofSeconds(5), options);
  }

  private static LlmRequest request(String schema) {
    return new LlmRequest("System.", List.of(LlmRequest.Message.user("Hallo Welt."),
        LlmRequest.Message.assistant("{}"), LlmRequest.Message.user("Bitte korrigieren.")),
        schema, "digest", null, null);
  }

  private static MockResponse json(int code, String body) {
    return new MockResponse.Builder().code(code).addHeader("Content-Type", "application/json").body(body).build();
  }

  @Test
  void unknownProviderNamesTheKnownOnes() {
    assertThatThrownBy(() -> Backends.create(spec("cohere", "/", Map.of()), http))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("cohere")
        .hasMessageContaining("openai, ollama, anthropic, gemini, mistral, azure-openai");
  }

  @Test
  void providerInfoListsKeysAndDefaults() {
    assertThat(Backends.PROVIDERS).extracting(ProviderInfo::name)
        .containsExactly("openai", "ollama", "anthropic", "gemini", "mistral", "azure-openai");
    assertThat(Backends.provider("OpenAI").keyEnv()).isEqualTo("OPENAI_API_KEY");
    assertThat(Backends.provider("ollama").needsKey()).isFalse();
    assertThat(Backends.provider("gemini").keyEnv()).isEqualTo("GEMINI_API_KEY");
    assertThat(Backends.PROVIDERS).filteredOn(p -> !p.name().equals("azure-openai"))
        .allSatisfy(p -> assertThat(p.defaultModel()).isNotBlank());
  }

  @Test
  void modelAndBaseUrlDefaultFromTheProvider() {
    Backend backend = Backends.create(new BackendSpec("x", "mistral", null, null, ProviderCase.KEY, null, null,
        Map.of()), http);

    assertThat(backend.model().provider()).isEqualTo("mistral");
    assertThat(backend.model().name()).isEqualTo("mistral-small-latest");
  }

  @Test
  void conversationTurnsKeepTheirRolesAndOrder() throws Exception {
    server.enqueue(json(200, ProviderCases.OPENAI.okBody()));

    Backends.create(spec("openai", "/v1", Map.of()), http).complete(request(null));

    String body = server.takeRequest(1, TimeUnit.SECONDS).getBody().utf8().replace(" : ", ":");
    assertThat(body).doesNotContain("response_format");
    assertThat(body.indexOf("\"role\":\"system\"")).isLessThan(body.indexOf("Hallo Welt."));
    assertThat(body.indexOf("Hallo Welt.")).isLessThan(body.indexOf("\"role\":\"assistant\""));
    assertThat(body.indexOf("\"role\":\"assistant\"")).isLessThan(body.indexOf("Bitte korrigieren."));
  }

  @Test
  void jsonModeOptionForServersWithoutJsonSchema() throws Exception {
    server.enqueue(json(200, ProviderCases.OPENAI.okBody()));

    Backends.create(spec("openai", "/v1", Map.of("response_format", "json")), http)
        .complete(request(ProviderCase.SCHEMA));

    String body = server.takeRequest(1, TimeUnit.SECONDS).getBody().utf8().replace(" : ", ":");
    assertThat(body).contains("\"json_object\"").doesNotContain("json_schema");
    // without a native schema, the model reads it in the system prompt
    assertThat(body).contains("It must follow this JSON Schema");
  }

  @Test
  void aNativeSchemaIsNotRepeatedInThePrompt() throws Exception {
    server.enqueue(json(200, ProviderCases.OPENAI.okBody()));

    Backends.create(spec("openai", "/v1", Map.of()), http).complete(request(ProviderCase.SCHEMA));

    String body = server.takeRequest(1, TimeUnit.SECONDS).getBody().utf8().replace(" : ", ":");
    assertThat(body).contains("json_schema").doesNotContain("It must follow this JSON Schema");
  }

  @Test
  void badResponseFormatOptionIsRefusedAtCreation() {
    assertThatThrownBy(() -> Backends.create(spec("openai", "/v1", Map.of("response_format", "xml")), http))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("xml");
  }

  @Test
  void emptyAnswerIsInvalidRequest() {
    server.enqueue(json(200, """
        {"id":"c","object":"chat.completion","created":1,"model":"test-model",
         "choices":[{"index":0,"message":{"role":"assistant","content":""},"finish_reason":"length"}],
         "usage":{"prompt_tokens":5,"completion_tokens":0,"total_tokens":5}}
        """));

    assertThatThrownBy(() -> Backends.create(spec("openai", "/v1", Map.of()), http).complete(request(null)))
        .isInstanceOfSatisfying(BackendException.class, e -> {
          assertThat(e.kind()).isEqualTo(BackendException.Kind.INVALID_REQUEST);
          assertThat(e.getMessage()).startsWith("empty answer").contains("LENGTH");
        });
  }

  @Test
  void wrongPathIsUnreachableNotModelNotFound() {
    server.enqueue(json(404, "404 page not found"));

    assertThatThrownBy(() -> Backends.create(spec("openai", "/", Map.of()), http).complete(request(null)))
        .isInstanceOfSatisfying(BackendException.class, e -> {
          assertThat(e.kind()).isEqualTo(BackendException.Kind.UNREACHABLE);
          assertThat(e.getMessage()).contains("check the base URL");
        });
  }

  @Test
  void exhaustedQuotaStopsTheRunInsteadOfRetrying() {
    server.enqueue(json(429, "{\"error\":{\"message\":\"You exceeded your current quota.\",\"type\":\"insufficient_quota\",\"code\":\"insufficient_quota\"}}"));

    assertThatThrownBy(() -> Backends.create(spec("openai", "/v1", Map.of()), http).complete(request(null)))
        .isInstanceOfSatisfying(BackendException.class, e -> {
          assertThat(e.kind()).isEqualTo(BackendException.Kind.AUTH);
          assertThat(e.getMessage()).contains("quota");
        });
  }

  @Test
  void missingKeyIsNamedOnUnauthorized() {
    server.enqueue(json(401, "{\"error\":{\"message\":\"You didn't provide an API key.\"}}"));
    BackendSpec noKey = new BackendSpec("openai", "openai", "test-model", server.url("/v1").toString(),
        null, null, null, Map.of());

    assertThatThrownBy(() -> Backends.create(noKey, http).complete(request(null)))
        .isInstanceOfSatisfying(BackendException.class, e -> assertThat(e.getMessage())
            .isEqualTo("HTTP 401 from " + server.url("/v1").toString().replaceAll("/$", "")
                + ": You didn't provide an API key. (no key: set OPENAI_API_KEY)"));
  }

  @Test
  void keyInUrlOrMessageIsScrubbed() {
    ErrorTranslator errors = new ErrorTranslator("https://example.invalid/v1beta?key=" + ProviderCase.KEY,
        ProviderCase.KEY, "GEMINI_API_KEY");

    assertThat(errors.scrub("GET https://x/models?alt=json&key=AIzaSomethingElse failed"))
        .isEqualTo("GET https://x/models?alt=json&key=*** failed");
    BackendException e = errors.translate(new IllegalStateException("boom with " + ProviderCase.KEY));
    assertThat(e.getMessage()).doesNotContain(ProviderCase.KEY).contains("https://example.invalid/v1beta failed");
    assertThat(e.getCause()).isNull();
  }

  @Test
  void listsOpenAiCompatibleModels() throws Exception {
    server.enqueue(json(200, """
        {"object":"list","data":[{"id":"gpt-4.1-mini","object":"model"},{"id":"text-embedding-3-small","object":"model"}]}
        """));

    List<String> models = Backends.listModels(spec("openai", "/v1", Map.of()), http);

    assertThat(models).containsExactly("gpt-4.1-mini", "text-embedding-3-small");
    RecordedRequest recorded = server.takeRequest(1, TimeUnit.SECONDS);
    assertThat(recorded.getUrl().encodedPath()).isEqualTo("/v1/models");
    assertThat(recorded.getHeaders().get("Authorization")).isEqualTo("Bearer " + ProviderCase.KEY);
  }

  @Test
  void listsOllamaModels() throws Exception {
    server.enqueue(json(200, """
        {"models":[{"name":"llama3.1:latest","model":"llama3.1:latest","size":4661224676},
                   {"name":"qwen2.5:7b","model":"qwen2.5:7b","size":4683087332}]}
        """));

    List<String> models = Backends.listModels(spec("ollama", "/", Map.of()), http);

    assertThat(models).containsExactly("llama3.1:latest", "qwen2.5:7b");
    assertThat(server.takeRequest(1, TimeUnit.SECONDS).getUrl().encodedPath()).isEqualTo("/api/tags");
  }

  @Test
  void listsGeminiModelsWithoutPrefix() throws Exception {
    server.enqueue(json(200, "{\"models\":[{\"name\":\"models/gemini-2.5-flash\"}]}"));

    assertThat(Backends.listModels(spec("gemini", "/v1beta", Map.of()), http)).containsExactly("gemini-2.5-flash");
    assertThat(server.takeRequest(1, TimeUnit.SECONDS).getHeaders().get("x-goog-api-key")).isEqualTo(ProviderCase.KEY);
  }

  @Test
  void listingFailuresAreClassifiedToo() {
    server.enqueue(json(401, "{\"type\":\"error\",\"error\":{\"type\":\"authentication_error\",\"message\":\"invalid x-api-key\"}}"));

    assertThatThrownBy(() -> Backends.listModels(spec("anthropic", "/v1", Map.of()), http))
        .isInstanceOfSatisfying(BackendException.class, e -> {
          assertThat(e.kind()).isEqualTo(BackendException.Kind.AUTH);
          assertThat(e.getMessage()).contains("invalid x-api-key").contains("ANTHROPIC_API_KEY");
        });
  }
}
