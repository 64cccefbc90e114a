package dev.kurz.llm;

import dev.kurz.model.ModelRef;
import dev.kurz.model.Usage;
import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.data.message.ChatMessage;
import dev.langchain4j.data.message.SystemMessage;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.request.ResponseFormat;
import dev.langchain4j.model.chat.request.ResponseFormatType;
import dev.langchain4j.model.chat.request.json.JsonSchema;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.output.TokenUsage;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A {@link Backend} over one LangChain4j {@link ChatModel} (built with retries off and logging off
 * by the provider subclasses). Sends the schema natively as a JSON-schema response format; the
 * spec option {@code response_format} ({@code json_schema}, the default; {@code json}: JSON mode
 * with the schema left to the prompt; {@code text}) is the escape hatch for OpenAI-compatible
 * servers that reject {@code json_schema}. Thread-safe: LangChain4j chat models are, and the
 * schema cache is concurrent.
 */
class ChatModelBackend implements Backend {
  enum StructuredOutput { JSON_SCHEMA, JSON, TEXT }

  private final ModelRef model;
  private final ChatModel chat;
  private final ErrorTranslator errors;
  private final StructuredOutput structuredOutput;
  private final Map<String, JsonSchema> schemas = new ConcurrentHashMap<>();

  ChatModelBackend(ModelRef model, ChatModel chat, ErrorTranslator errors, StructuredOutput structuredOutput) {
    this.model = model;
    this.chat = chat;
    this.errors = errors;
    this.structuredOutput = structuredOutput;
  }

  /** Reads option {@code response_format}; the provider's best mode when absent. */
  static StructuredOutput structuredOutput(BackendSpec spec, StructuredOutput best) {
    String value = spec.options().get("response_format");
    if (value == null || value.isBlank()) return best;
    return switch (value.trim().toLowerCase(Locale.ROOT)) {
      case "json_schema", "schema" -> StructuredOutput.JSON_SCHEMA;
      case "json", "json_object" -> StructuredOutput.JSON;
      case "text", "none" -> StructuredOutput.TEXT;
      default -> throw new IllegalArgumentException(
          "option response_format must be json_schema, json or text, not " + value);
    };
  }

  @Override
  public ModelRef model() {
    return model;
  }

  @Override
  public LlmReply complete(LlmRequest request) throws BackendException {
    ChatRequest chatRequest = toChatRequest(request);
    ChatResponse response;
    try {
      response = chat.chat(chatRequest);
    } catch (RuntimeException e) {
      throw errors.translate(e);
    }
    AiMessage message = response.aiMessage();
    String finishReason = response.finishReason() == null ? null : response.finishReason().name();
    String text = message == null ? null : message.text();
    if (text == null || text.isBlank()) throw errors.emptyAnswer(finishReason);
    String modelName = response.modelName() == null ? model.name() : response.modelName();
    return new LlmReply(text, usage(response.tokenUsage()), modelName, finishReason);
  }

  ChatRequest toChatRequest(LlmRequest request) {
    List<ChatMessage> messages = new ArrayList<>();
    // Without a native schema (JSON mode, plain text) the model reads the schema in the prompt.
    String system = structuredOutput == StructuredOutput.JSON_SCHEMA ? request.system() : request.systemWithSchema();
    if (!system.isBlank()) messages.add(SystemMessage.from(system));
    for (LlmRequest.Message m : request.messages()) {
      messages.add(switch (m.role()) {
        case USER -> UserMessage.from(m.text());
        case ASSISTANT -> AiMessage.from(m.text());
      });
    }
    ChatRequest.Builder builder = ChatRequest.builder().messages(messages);
    if (request.temperature() != null) builder.temperature(request.temperature());
    if (request.maxOutputTokens() != null) builder.maxOutputTokens(request.maxOutputTokens());
    ResponseFormat format = responseFormat(request);
    if (format != null) builder.responseFormat(format);
    return builder.build();
  }

  private ResponseFormat responseFormat(LlmRequest request) {
    if (request.jsonSchema() == null) return null;
    return switch (structuredOutput) {
      case JSON_SCHEMA -> ResponseFormat.builder()
          .type(ResponseFormatType.JSON)
          .jsonSchema(schemas.computeIfAbsent(request.jsonSchema() + "\u0000" + request.schemaName(),
              k -> SchemaConverter.convert(request.jsonSchema(), request.schemaName())))
          .build();
      case JSON -> ResponseFormat.JSON;
      case TEXT -> null;
    };
  }

  private static Usage usage(TokenUsage usage) {
    if (usage == null) return Usage.NONE;
    long in = usage.inputTokenCount() == null ? 0 : usage.inputTokenCount();
    long out = usage.outputTokenCount() == null ? 0 : usage.outputTokenCount();
    return new Usage(in, out);
  }
}
