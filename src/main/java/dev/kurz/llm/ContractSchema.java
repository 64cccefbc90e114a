package dev.kurz.llm;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import dev.kurz.model.Analysis;
import dev.kurz.model.Claim;
import dev.kurz.model.Entity;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The answer contract ({@code analysis.schema.json}, shipped as a resource): its text for prompts
 * and native structured output, validation of a model's answer, and parsing into {@link Analysis}.
 * Immutable and thread-safe; the validator is built on first use.
 */
public final class ContractSchema {
  private static final String RESOURCE = "/kurz/analysis.schema.json";
  private static final ObjectMapper MAPPER = new ObjectMapper();

  private final String text;
  private final String compact;
  private final String version;
  private volatile JsonSchema validator;

  private ContractSchema(String text) {
    this.text = text;
    this.compact = compact(text);
    this.version = PromptTemplates.sha256(java.util.Map.of("schema", text)).substring(0, 16);
  }

  public static ContractSchema load() {
    try (InputStream in = ContractSchema.class.getResourceAsStream(RESOURCE)) {
      if (in == null) throw new IllegalStateException("schema resource missing: " + RESOURCE);
      return new ContractSchema(new String(in.readAllBytes(), StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The schema as shipped. */
  public String text() {
    return text;
  }

  /**
   * The schema without descriptions, titles and ids, on one line: what goes into prompts and native
   * structured-output requests. The prompt's instructions carry the meaning of each field, so the
   * descriptions would be paid for twice.
   */
  public String compactText() {
    return compact;
  }

  /** Short hash of the schema text; part of every cache key. */
  public String version() {
    return version;
  }

  /**
   * Extracts the JSON object from a model's answer (tolerating Markdown fences and prose around it)
   * and validates it. Never throws for bad input: problems come back as {@link Checked#errors()}.
   */
  public Checked check(String answer) {
    String json = extractObject(answer);
    if (json == null) return new Checked(null, List.of("the answer holds no JSON object"));
    JsonNode node;
    try {
      node = MAPPER.readTree(json);
    } catch (JsonProcessingException e) {
      String msg = e.getOriginalMessage();
      return new Checked(null, List.of("invalid JSON: " + (msg == null ? "unreadable" : msg.lines().findFirst().orElse(msg))));
    }
    Set<ValidationMessage> messages = validator().validate(node);
    if (!messages.isEmpty()) {
      List<String> errors = new ArrayList<>();
      for (ValidationMessage m : messages) errors.add(m.getMessage());
      errors.sort(null);
      return new Checked(null, errors);
    }
    return new Checked(parse(node), List.of());
  }

  /** A validated analysis, or the reasons it is not one. */
  public record Checked(Analysis analysis, List<String> errors) {
    public Checked {
      errors = List.copyOf(errors);
    }

    public boolean valid() {
      return analysis != null;
    }
  }

  private JsonSchema validator() {
    JsonSchema v = validator;
    if (v == null) {
      try {
        // The contract's relative $id is not a resolvable URI; nothing refers to it, so drop it.
        ObjectNode root = (ObjectNode) MAPPER.readTree(text);
        root.remove("$id");
        v = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(root);
      } catch (JsonProcessingException e) {
        throw new IllegalStateException("schema resource is not JSON", e);
      }
      validator = v;
    }
    return v;
  }

  static Analysis parse(JsonNode n) {
    List<String> keyPoints = new ArrayList<>();
    n.path("key_points").forEach(p -> keyPoints.add(p.asText()));
    List<Claim> claims = new ArrayList<>();
    for (JsonNode c : n.path("claims")) {
      claims.add(new Claim(
          c.path("claim").asText(),
          c.path("attributed_to").asText(),
          c.path("source_type").asText(),
          c.path("modality").asText(),
          c.path("quote").asText(),
          null));
    }
    List<Entity> entities = new ArrayList<>();
    for (JsonNode e : n.path("entities")) {
      entities.add(new Entity(e.path("name").asText(), e.path("original").asText(), e.path("type").asText()));
    }
    return new Analysis(
        n.path("source_language").asText(),
        n.path("headline").asText(),
        n.path("summary").asText(),
        keyPoints,
        claims,
        entities);
  }

  /** The outermost {...} of the answer, or null. Models sometimes wrap JSON in ```json fences or prose. */
  static String extractObject(String answer) {
    if (answer == null) return null;
    int start = answer.indexOf('{');
    int end = answer.lastIndexOf('}');
    if (start < 0) return null;
    if (end < start) return answer.substring(start); // truncated: let the parser say where
    return answer.substring(start, end + 1);
  }

  private static String compact(String schemaText) {
    try {
      JsonNode root = MAPPER.readTree(schemaText);
      strip(root);
      return MAPPER.writeValueAsString(root);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("schema resource is not JSON", e);
    }
  }

  /** Removes documentation keywords; the keys of a "properties" map are field names and stay. */
  private static void strip(JsonNode node) {
    if (!(node instanceof ObjectNode obj)) {
      node.forEach(ContractSchema::strip);
      return;
    }
    obj.remove(List.of("description", "title", "$id", "$schema"));
    obj.properties().forEach(e -> {
      if (e.getKey().equals("properties")) e.getValue().forEach(ContractSchema::strip);
      else strip(e.getValue());
    });
  }
}
