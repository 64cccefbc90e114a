package dev.kurz.llm;

import dev.kurz.llm.http.OkHttpClientAdapterBuilder;
import dev.kurz.model.ModelRef;
import dev.langchain4j.model.mistralai.MistralAiChatModel;
import okhttp3.OkHttpClient;

/** Mistral's chat completions; the schema goes into {@code response_format} (strict). Thread-safe. */
final class MistralBackend extends ChatModelBackend {
  private MistralBackend(ModelRef model, MistralAiChatModel chat, ErrorTranslator errors, StructuredOutput mode) {
    super(model, chat, errors, mode);
  }

  static MistralBackend create(BackendSpec spec, OkHttpClient http) {
    String baseUrl = Backends.baseUrl(spec);
    MistralAiChatModel chat = MistralAiChatModel.builder()
        .httpClientBuilder(new OkHttpClientAdapterBuilder(http))
        .baseUrl(baseUrl)
        .apiKey(Backends.blankToNull(spec.apiKey()))
        .modelName(Backends.model(spec))
        .strictJsonSchema(true)
        .timeout(Backends.timeout(spec))
        .maxRetries(0)
        .logRequests(false)
        .logResponses(false)
        .build();
    return new MistralBackend(new ModelRef(spec.provider(), Backends.model(spec)), chat,
        Backends.errors(spec, baseUrl), structuredOutput(spec, StructuredOutput.JSON_SCHEMA));
  }
}
