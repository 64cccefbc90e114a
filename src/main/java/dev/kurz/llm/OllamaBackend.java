package dev.kurz.llm;

import dev.kurz.llm.http.OkHttpClientAdapterBuilder;
import dev.kurz.model.ModelRef;
import dev.langchain4j.model.ollama.OllamaChatModel;
import okhttp3.OkHttpClient;

/**
 * A local or remote Ollama server ({@code /api/chat}); the schema goes into Ollama's
 * {@code format}. Option {@code num_ctx} sets the context window (Ollama's default is small and
 * silently truncates long articles). Thread-safe.
 */
final class OllamaBackend extends ChatModelBackend {
  private OllamaBackend(ModelRef model, OllamaChatModel chat, ErrorTranslator errors, StructuredOutput mode) {
    super(model, chat, errors, mode);
  }

  static OllamaBackend create(BackendSpec spec, OkHttpClient http) {
    String baseUrl = Backends.baseUrl(spec);
    OllamaChatModel.OllamaChatModelBuilder builder = OllamaChatModel.builder()
        .httpClientBuilder(new OkHttpClientAdapterBuilder(http))
        .baseUrl(baseUrl)
        .modelName(Backends.model(spec))
        .timeout(Backends.timeout(spec))
        .logRequests(false)
        .logResponses(false)
        .maxRetries(0);
    String numCtx = spec.options().get("num_ctx");
    if (numCtx != null) builder.numCtx(Backends.positiveInt("num_ctx", numCtx));
    return new OllamaBackend(new ModelRef(spec.provider(), Backends.model(spec)), builder.build(),
        Backends.errors(spec, baseUrl), structuredOutput(spec, StructuredOutput.JSON_SCHEMA));
  }
}
