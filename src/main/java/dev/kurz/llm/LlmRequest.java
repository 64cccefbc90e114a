package dev.kurz.llm;

import java.util.List;
import java.util.Objects;

/**
 * One chat request. {@code messages} alternate user and assistant turns after the system prompt
 * (a repair request adds the bad answer and the validation errors). {@code jsonSchema} is the JSON
 * Schema text the answer must follow, or null for free text; backends use the provider's native
 * structured output where it has one, otherwise JSON mode with the schema in the system prompt
 * ({@link #systemWithSchema()}). Callers never put the schema in {@code system} themselves: sent
 * natively and inline, it would cost its tokens twice.
 */
public record LlmRequest(
    String system,
    List<Message> messages,
    String jsonSchema,
    String schemaName,
    Double temperature,
    Integer maxOutputTokens) {

  public LlmRequest {
    Objects.requireNonNull(system, "system");
    messages = List.copyOf(messages);
    if (messages.isEmpty()) throw new IllegalArgumentException("no messages");
  }

  /** The system prompt with the schema spelled out, for backends without native structured output. */
  public String systemWithSchema() {
    if (jsonSchema == null) return system;
    return system + "\n\nAnswer with one JSON object and nothing else (no Markdown, no comments)."
        + " It must follow this JSON Schema:\n" + jsonSchema;
  }

  public enum Role { USER, ASSISTANT }

  public record Message(Role role, String text) {
    public Message {
      Objects.requireNonNull(role, "role");
      Objects.requireNonNull(text, "text");
    }

    public static Message user(String text) {
      return new Message(Role.USER, text);
    }

    public static Message assistant(String text) {
      return new Message(Role.ASSISTANT, text);
    }
  }
}
