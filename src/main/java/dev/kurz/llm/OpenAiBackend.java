package dev.kurz.llm;

import dev.kurz.llm.http.OkHttpClientAdapterBuilder;
import dev.kurz.model.ModelRef;
import dev.langchain4j.model.openai.OpenAiChatModel;
import okhttp3.OkHttpClient;

/**
 * OpenAI and any OpenAI-compatible server (vLLM, llama.cpp, LM Studio, OpenRouter, ...) through
 * its base URL. Structured output is OpenAI's strict {@code json_schema}; servers that reject it
 * take option {@code response_format = "json"} (JSON mode) or {@code "text"}. No key is sent when
 * the spec has none (local servers). Thread-safe.
 */
final class OpenAiBackend extends ChatModelBackend {
  private OpenAiBackend(ModelRef model, OpenAiChatModel chat, ErrorTranslator errors, StructuredOutput mode) {
    super(model, chat, errors, mode);
  }

  static OpenAiBackend create(BackendSpec spec, OkHttpClient http) {
    String baseUrl = Backends.baseUrl(spec);
    OpenAiChatModel chat = OpenAiChatModel.builder()
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
    return new OpenAiBackend(new ModelRef(spec.provider(), Backends.model(spec)), chat,
        Backends.errors(spec, baseUrl), structuredOutput(spec, StructuredOutput.JSON_SCHEMA));
  }
}
