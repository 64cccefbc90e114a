package dev.kurz.llm;

import dev.kurz.llm.http.OkHttpClientAdapterBuilder;
import dev.kurz.model.ModelRef;
import dev.langchain4j.model.anthropic.AnthropicChatModel;
import okhttp3.OkHttpClient;

/**
 * Anthropic's Messages API. LangChain4j 1.19 sends a JSON-schema response format natively as
 * {@code output_config.format} (Claude's structured outputs); it has no schemaless JSON mode, so
 * option {@code response_format = "json"} falls back to plain text with the schema in the prompt.
 * Anthropic requires {@code max_tokens}: {@value #DEFAULT_MAX_TOKENS} unless the request says.
 * Thread-safe.
 */
final class AnthropicBackend extends ChatModelBackend {
  static final int DEFAULT_MAX_TOKENS = 8192;

  private AnthropicBackend(ModelRef model, AnthropicChatModel chat, ErrorTranslator errors, StructuredOutput mode) {
    super(model, chat, errors, mode);
  }

  static AnthropicBackend create(BackendSpec spec, OkHttpClient http) {
    String baseUrl = Backends.baseUrl(spec);
    AnthropicChatModel chat = AnthropicChatModel.builder()
        .httpClientBuilder(new OkHttpClientAdapterBuilder(http))
        .baseUrl(baseUrl)
        .apiKey(Backends.blankToNull(spec.apiKey()))
        .modelName(Backends.model(spec))
        .maxTokens(DEFAULT_MAX_TOKENS)
        .timeout(Backends.timeout(spec))
        .maxRetries(0)
        .logRequests(false)
        .logResponses(false)
        .build();
    StructuredOutput mode = structuredOutput(spec, StructuredOutput.JSON_SCHEMA);
    if (mode == StructuredOutput.JSON) mode = StructuredOutput.TEXT;
    return new AnthropicBackend(new ModelRef(spec.provider(), Backends.model(spec)), chat,
        Backends.errors(spec, baseUrl), mode);
  }
}
