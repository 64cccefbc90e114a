package dev.kurz.llm;

import com.azure.core.exception.HttpResponseException;
import com.azure.core.http.HttpHeader;
import com.azure.core.http.HttpResponse;
import dev.kurz.llm.http.AzureHttpClient;
import dev.kurz.model.ModelRef;
import dev.langchain4j.model.azure.AzureOpenAiChatModel;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import okhttp3.OkHttpClient;

/**
 * Azure OpenAI through {@code langchain4j-azure-open-ai}. The module talks through the Azure SDK's
 * HTTP pipeline, whose client is the shared OkHttp one ({@link AzureHttpClient}), so its requests
 * pass the run's interceptors like every other provider's; the SDK's retries are off
 * ({@code maxRetries(0)}) like everywhere else. The spec's base URL is the resource endpoint ({@code https://NAME.openai.azure.com}); option
 * {@code deployment} names the deployment (default: the model), option {@code api_version} the
 * service version (one the bundled SDK knows, e.g. {@code 2024-06-01}; an unknown one fails at
 * creation). The Azure SDK sends keys only over HTTPS, so an {@code http://} endpoint is refused
 * at creation too. Failures arrive as Azure {@link HttpResponseException}s, whose status and
 * headers are read here so Retry-After still works. Thread-safe.
 */
final class AzureOpenAiBackend extends ChatModelBackend {
  private AzureOpenAiBackend(ModelRef model, AzureOpenAiChatModel chat, ErrorTranslator errors, StructuredOutput mode) {
    super(model, chat, errors, mode);
  }

  static AzureOpenAiBackend create(BackendSpec spec, OkHttpClient http) {
    String endpoint = spec.baseUrl();
    if (endpoint == null || endpoint.isBlank()) {
      throw new IllegalArgumentException(
          "azure-openai needs the resource endpoint as base URL, e.g. https://NAME.openai.azure.com");
    }
    if (!endpoint.regionMatches(true, 0, "https://", 0, 8)) {
      // The Azure SDK refuses to send a key over plain HTTP, on every request; say so once, here.
      throw new IllegalArgumentException("azure-openai needs an https:// endpoint, not " + endpoint);
    }
    String deployment = spec.options().getOrDefault("deployment", Backends.model(spec));
    AzureOpenAiChatModel.Builder builder = AzureOpenAiChatModel.builder()
        .endpoint(endpoint)
        .httpClientProvider(new AzureHttpClient(http).provider())
        .apiKey(Backends.blankToNull(spec.apiKey()))
        .deploymentName(deployment)
        .strictJsonSchema(true)
        .timeout(Backends.timeout(spec))
        .maxRetries(0)
        .logRequestsAndResponses(false);
    String apiVersion = spec.options().get("api_version");
    if (apiVersion != null) builder.serviceVersion(apiVersion);
    ErrorTranslator errors = Backends.errors(spec, endpoint, AzureOpenAiBackend::failure);
    return new AzureOpenAiBackend(new ModelRef(spec.provider(), deployment), builder.build(), errors,
        structuredOutput(spec, StructuredOutput.JSON_SCHEMA));
  }

  /** Status, headers and body of an Azure SDK HTTP failure, or null for anything else. */
  static ErrorTranslator.HttpFailure failure(Throwable t) {
    if (!(t instanceof HttpResponseException e) || e.getResponse() == null) return null;
    HttpResponse response = e.getResponse();
    Map<String, List<String>> headers = new LinkedHashMap<>();
    for (HttpHeader header : response.getHeaders()) headers.put(header.getName(), header.getValuesList());
    // The SDK has consumed the body; its message quotes it after the status code.
    String message = e.getMessage() == null ? "" : e.getMessage();
    int open = message.indexOf('{');
    int close = message.lastIndexOf('}');
    String body = open >= 0 && close > open ? message.substring(open, close + 1) : message;
    return new ErrorTranslator.HttpFailure(response.getStatusCode(), body, headers);
  }
}
