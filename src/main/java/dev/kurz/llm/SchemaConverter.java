package dev.kurz.llm;

import dev.kurz.model.Json;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.langchain4j.model.chat.request.json.JsonArraySchema;
import dev.langchain4j.model.chat.request.json.JsonBooleanSchema;
import dev.langchain4j.model.chat.request.json.JsonEnumSchema;
import dev.langchain4j.model.chat.request.json.JsonIntegerSchema;
import dev.langchain4j.model.chat.request.json.JsonNumberSchema;
import dev.langchain4j.model.chat.request.json.JsonObjectSchema;
import dev.langchain4j.model.chat.request.json.JsonSchema;
import dev.langchain4j.model.chat.request.json.JsonSchemaElement;
import dev.langchain4j.model.chat.request.json.JsonStringSchema;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Turns JSON Schema text into LangChain4j's provider-neutral {@link JsonSchema}, which each
 * provider module then renders in its own dialect (OpenAI json_schema, Ollama format, Gemini
 * responseSchema, ...). Handles the subset the providers share: {@code object} (properties,
 * required, additionalProperties), {@code array} (items), {@code string}, string {@code enum},
 * {@code integer}, {@code number}, {@code boolean}, descriptions; a type list such as
 * {@code ["string", "null"]} is reduced to its non-null type. Keywords the providers cannot take
 * ({@code $schema}, {@code $id}, {@code title}, formats, bounds) are dropped; anything else that
 * changes the shape ({@code $ref}, {@code anyOf}, ...) is refused with an
 * {@link IllegalArgumentException} naming the place. Stateless and thread-safe.
 */
public final class SchemaConverter {
  private static final ObjectMapper JSON = Json.MAPPER;

  private SchemaConverter() {}

  /**
   * Converts schema text.
   *
   * @param name the schema's name as providers show it; characters outside {@code [A-Za-z0-9_-]}
   *     become {@code _} (OpenAI's rule), null becomes {@code answer}
   */
  public static JsonSchema convert(String schemaText, String name) {
    JsonNode root;
    try {
      root = JSON.readTree(schemaText);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("schema is not JSON: " + e.getOriginalMessage(), e);
    }
    if (root == null || !root.isObject()) throw new IllegalArgumentException("schema is not a JSON object");
    return JsonSchema.builder().name(safeName(name)).rootElement(element(root, "$")).build();
  }

  static String safeName(String name) {
    if (name == null || name.isBlank()) return "answer";
    String safe = name.replaceAll("[^A-Za-z0-9_-]", "_");
    return safe.length() > 64 ? safe.substring(0, 64) : safe;
  }

  private static JsonSchemaElement element(JsonNode node, String path) {
    for (String keyword : List.of("$ref", "anyOf", "oneOf", "allOf", "not", "if", "const")) {
      if (node.has(keyword)) {
        throw new IllegalArgumentException("unsupported schema keyword " + keyword + " at " + path);
      }
    }
    String description = node.hasNonNull("description") ? node.get("description").asText() : null;
    if (node.has("enum")) return enumeration(node, path, description);
    String type = type(node, path);
    return switch (type) {
      case "object" -> object(node, path, description);
      case "array" -> {
        JsonNode items = node.get("items");
        if (items == null || !items.isObject()) {
          throw new IllegalArgumentException("array without items schema at " + path);
        }
        yield JsonArraySchema.builder().description(description).items(element(items, path + "[]")).build();
      }
      case "string" -> JsonStringSchema.builder().description(description).build();
      case "integer" -> JsonIntegerSchema.builder().description(description).build();
      case "number" -> JsonNumberSchema.builder().description(description).build();
      case "boolean" -> JsonBooleanSchema.builder().description(description).build();
      default -> throw new IllegalArgumentException("unsupported type " + type + " at " + path);
    };
  }

  private static String type(JsonNode node, String path) {
    JsonNode type = node.get("type");
    if (type == null) {
      if (node.has("properties")) return "object";
      throw new IllegalArgumentException("schema without type at " + path);
    }
    if (type.isTextual()) return type.asText();
    if (type.isArray()) {
      List<String> types = new ArrayList<>();
      type.forEach(t -> {
        if (!"null".equals(t.asText())) types.add(t.asText());
      });
      if (types.size() == 1) return types.get(0);
    }
    throw new IllegalArgumentException("unsupported type " + type + " at " + path);
  }

  private static JsonSchemaElement enumeration(JsonNode node, String path, String description) {
    List<String> values = new ArrayList<>();
    for (JsonNode value : node.get("enum")) {
      if (!value.isTextual()) throw new IllegalArgumentException("non-string enum value at " + path);
      values.add(value.asText());
    }
    if (values.isEmpty()) throw new IllegalArgumentException("empty enum at " + path);
    return JsonEnumSchema.builder().description(description).enumValues(values).build();
  }

  private static JsonSchemaElement object(JsonNode node, String path, String description) {
    JsonObjectSchema.Builder builder = JsonObjectSchema.builder().description(description);
    JsonNode properties = node.get("properties");
    if (properties != null) {
      for (Map.Entry<String, JsonNode> property : properties.properties()) {
        builder.addProperty(property.getKey(), element(property.getValue(), path + "." + property.getKey()));
      }
    }
    JsonNode required = node.get("required");
    if (required != null) {
      List<String> names = new ArrayList<>();
      required.forEach(r -> names.add(r.asText()));
      builder.required(names);
    }
    JsonNode additional = node.get("additionalProperties");
    if (additional != null && additional.isBoolean()) builder.additionalProperties(additional.asBoolean());
    return builder.build();
  }
}
