package dev.kurz.llm;

import java.util.List;
import java.util.Objects;

/**
 * One chat request. {@code messages} alternate user and assistant turns after the system prompt
 * (a repair request adds the bad answer and the validation errors). {@code jsonSchema} is the JSON
 * Schema text the answer must follow, or null for free text; backends use the provider's native
 * structured output where it has one, otherwise JSON mode with the schema left to the prompt.
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
