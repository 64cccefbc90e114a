package dev.kurz.llm;

import dev.kurz.llm.http.OkHttpClientAdapterBuilder;
import dev.kurz.model.ModelRef;
import dev.langchain4j.model.googleai.GoogleAiGeminiChatModel;
import okhttp3.OkHttpClient;

/**
 * Google AI Gemini ({@code generativelanguage.googleapis.com}); the schema goes into
 * {@code generationConfig.responseSchema} with {@code responseMimeType: application/json}.
 * Thread-safe.
 */
final class GeminiBackend extends ChatModelBackend {
  private GeminiBackend(ModelRef model, GoogleAiGeminiChatModel chat, ErrorTranslator errors, StructuredOutput mode) {
    super(model, chat, errors, mode);
  }

  static GeminiBackend create(BackendSpec spec, OkHttpClient http) {
    String baseUrl = Backends.baseUrl(spec);
    GoogleAiGeminiChatModel chat = GoogleAiGeminiChatModel.builder()
        .httpClientBuilder(new OkHttpClientAdapterBuilder(http))
        .baseUrl(baseUrl)
        .apiKey(Backends.blankToNull(spec.apiKey()))
        .modelName(Backends.model(spec))
        .timeout(Backends.timeout(spec))
        .logRequests(false)
        .logResponses(false)
        .maxRetries(0)
        .build();
    return new GeminiBackend(new ModelRef(spec.provider(), Backends.model(spec)), chat,
        Backends.errors(spec, baseUrl), structuredOutput(spec, StructuredOutput.JSON_SCHEMA));
  }
}
