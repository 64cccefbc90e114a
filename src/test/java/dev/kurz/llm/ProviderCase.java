package dev.kurz.llm;

import java.util.function.Consumer;
import mockwebserver3.RecordedRequest;

/**
 * One provider's expectations on the wire: where requests go, how the key travels, what a
 * realistic success and context-length answer look like. Test fixture.
 */
record ProviderCase(
    String provider,
    String basePath,
    String expectedPath,
    Consumer<RecordedRequest> auth,
    String okBody,
    String contextLengthBody) {

  static final String KEY = "sk-test-FAKE-0000";
  static final String ANSWER = "{\\\"headline\\\":\\\"Rat beschließt Haushalt\\\",\\\"tone\\\":\\\"neutral\\\"}";

  /** A small schema in the contract's style: strict object, required, enum, array of objects. */
  static final String SCHEMA = """
      {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "title": "Digest",
        "type": "object",
        "additionalProperties": false,
        "required": ["headline", "tone", "points"],
        "properties": {
          "headline": {"type": "string", "description": "A neutral headline."},
          "tone": {"type": "string", "enum": ["neutral", "alarmed", "upbeat"]},
          "points": {
            "type": "array",
            "items": {
              "type": "object",
              "additionalProperties": false,
              "required": ["text", "weight"],
              "properties": {"text": {"type": "string"}, "weight": {"type": "integer"}}
            }
          }
        }
      }
      """;

  @Override
  public String toString() {
    return provider;
  }
}
