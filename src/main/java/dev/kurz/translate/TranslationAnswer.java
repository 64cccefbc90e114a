package dev.kurz.translate;

import dev.kurz.llm.Check;
import dev.kurz.model.Json;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads a model's answer to one chunk: {@code {"paragraphs": [...]}} or a bare array, tolerating
 * Markdown fences and prose around it, and checks it holds one non-empty string per source
 * paragraph. Never throws for a bad answer: problems come back as {@link Checked#errors()}.
 */
final class TranslationAnswer {
  static final ObjectMapper JSON = Json.MAPPER;

  /** The answer's contract, for native structured output (an object: providers want one at the top). */
  static final String SCHEMA = "{\"type\":\"object\",\"properties\":{\"paragraphs\":{\"type\":\"array\","
      + "\"items\":{\"type\":\"string\"}}},\"required\":[\"paragraphs\"],\"additionalProperties\":false}";

  private TranslationAnswer() {}

  static Check<List<String>> check(String answer, int expected) {
    JsonNode node = parse(answer);
    if (node == null) return invalid("the answer holds no JSON object with a \"paragraphs\" array");
    JsonNode array = node.isArray() ? node : node.path("paragraphs");
    if (!array.isArray()) return invalid("\"paragraphs\" is missing or not an array of strings");
    List<String> out = new ArrayList<>();
    List<String> errors = new ArrayList<>();
    for (JsonNode item : array) {
      if (!item.isTextual()) errors.add("paragraph " + (out.size() + 1) + " is not a string");
      else if (item.asText().isBlank()) errors.add("paragraph " + (out.size() + 1) + " is empty");
      out.add(item.asText().strip());
    }
    if (out.size() != expected) {
      errors.add(0, "the answer has " + out.size() + " paragraphs; the input has " + expected
          + ": answer with exactly " + expected + ", one translation per input paragraph, in the same order,"
          + " never merging or splitting paragraphs");
    }
    return errors.isEmpty() ? Check.valid(List.copyOf(out)) : Check.invalid(errors);
  }

  private static Check<List<String>> invalid(String error) {
    return Check.invalid(error);
  }

  private static JsonNode parse(String answer) {
    if (answer == null) return null;
    String s = answer.strip();
    JsonNode whole = read(s);
    if (whole != null && (whole.isObject() || whole.isArray())) return whole;
    int open = s.indexOf('{');
    int close = s.lastIndexOf('}');
    if (open >= 0 && close > open) {
      JsonNode o = read(s.substring(open, close + 1));
      if (o != null) return o;
    }
    open = s.indexOf('[');
    close = s.lastIndexOf(']');
    return open >= 0 && close > open ? read(s.substring(open, close + 1)) : null;
  }

  private static JsonNode read(String s) {
    try {
      return JSON.readTree(s);
    } catch (JsonProcessingException e) {
      return null;
    }
  }
}
