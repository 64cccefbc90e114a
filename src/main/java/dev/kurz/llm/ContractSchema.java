package dev.kurz.llm;

import dev.kurz.model.Json;
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
  private static final ObjectMapper MAPPER = Json.MAPPER;

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
   * and validates it. Never throws for bad input: problems come back as {@link Check.Invalid}.
   */
  public Check<Analysis> check(String answer) {
    String json = extractObject(answer);
    if (json == null) return Check.invalid("the answer holds no JSON object");
    JsonNode node;
    try {
      node = MAPPER.readTree(json);
    } catch (JsonProcessingException e) {
      String msg = e.getOriginalMessage();
      return Check.invalid("invalid JSON: " + (msg == null ? "unreadable" : msg.lines().findFirst().orElse(msg)));
    }
    return check(node, Limits.ANSWER);
  }

  /**
   * Checks an analysis read back from the cache as a fresh answer is checked (an entry edited or
   * damaged on disk is not served), with room for the answers of a long article's parts merged.
   */
  public Check<Analysis> checkStored(Analysis analysis) {
    return check(MAPPER.valueToTree(contractFields(analysis)), Limits.STORED);
  }

  private static java.util.Map<String, Object> contractFields(Analysis a) {
    java.util.Map<String, Object> m = new java.util.LinkedHashMap<>();
    m.put("source_language", a.sourceLanguage());
    m.put("headline", a.headline());
    m.put("summary", a.summary());
    m.put("key_points", a.keyPoints());
    m.put("claims", a.claims().stream().map(c -> {
      java.util.Map<String, Object> claim = new java.util.LinkedHashMap<>();
      claim.put("claim", c.claim());
      claim.put("attributed_to", c.attributedTo());
      claim.put("source_type", c.sourceType());
      claim.put("modality", c.modality());
      claim.put("quote", c.quote());
      return claim;
    }).toList());
    m.put("entities", a.entities().stream().map(e -> {
      java.util.Map<String, Object> entity = new java.util.LinkedHashMap<>();
      entity.put("name", e.name());
      entity.put("original", e.original());
      entity.put("type", e.type());
      return entity;
    }).toList());
    return m;
  }

  /**
   * How much one answer may hold. A hostile or runaway model could otherwise send 10,000 claims
   * (each compared with the others when stories are merged, and cached) or megabyte strings; a
   * real analysis holds a few dozen items of a few hundred characters. Checked before the schema,
   * so an oversized answer costs one short error, not one per item.
   */
  public record Limits(int claims, int keyPoints, int entities, int headlineChars, int summaryChars, int fieldChars) {
    public static final Limits ANSWER = new Limits(100, 30, 200, 500, 10_000, 2_000);
    /** A cached result may merge the answers of up to ten parts of a long article. */
    public static final Limits STORED = new Limits(1_000, 30, 2_000, 500, 100_000, 2_000);
  }

  private Check<Analysis> check(JsonNode node, Limits limits) {
    List<String> over = overLimits(node, limits);
    if (!over.isEmpty()) return Check.invalid(over);
    Set<ValidationMessage> messages = validator().validate(node);
    if (!messages.isEmpty()) {
      List<String> errors = new ArrayList<>();
      for (ValidationMessage m : messages) errors.add(m.getMessage());
      errors.sort(null);
      return Check.invalid(errors);
    }
    return Check.valid(parse(node));
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

  private static List<String> overLimits(JsonNode n, Limits limits) {
    List<String> errors = new ArrayList<>();
    if (!n.isObject()) return errors; // the schema says what is wrong
    count(n, "claims", limits.claims(), errors);
    count(n, "key_points", limits.keyPoints(), errors);
    count(n, "entities", limits.entities(), errors);
    length("$.headline", n.get("headline"), limits.headlineChars(), errors);
    length("$.summary", n.get("summary"), limits.summaryChars(), errors);
    length("$.source_language", n.get("source_language"), limits.fieldChars(), errors);
    if (errors.isEmpty()) {
      // Item strings are checked only once the counts are in bounds: the work stays small.
      int i = 0;
      for (JsonNode p : n.path("key_points")) length("$.key_points[" + i++ + "]", p, limits.fieldChars(), errors);
      for (String array : List.of("claims", "entities")) {
        i = 0;
        for (JsonNode item : n.path(array)) {
          int index = i++;
          item.properties().forEach(f -> length("$." + array + "[" + index + "]." + f.getKey(), f.getValue(), limits.fieldChars(), errors));
        }
      }
    }
    return errors.size() <= 5 ? errors : List.of(errors.get(0), "(and " + (errors.size() - 1) + " more strings over the limit)");
  }

  private static void count(JsonNode n, String field, int max, List<String> errors) {
    JsonNode array = n.get(field);
    if (array != null && array.isArray() && array.size() > max) {
      errors.add("$." + field + ": " + array.size() + " items, at most " + max + " allowed");
    }
  }

  private static void length(String path, JsonNode value, int max, List<String> errors) {
    if (value != null && value.isTextual() && value.textValue().length() > max) {
      errors.add(path + ": " + value.textValue().length() + " characters, at most " + max + " allowed");
    }
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
  public static String extractObject(String answer) {
    if (answer == null) return null;
    int start = answer.indexOf('{');
    int end = answer.lastIndexOf('}');
    if (start < 0) return null;
    if (end < start) return answer.substring(start); // truncated: let the parser say where
    return answer.substring(start, end + 1);
  }

  /** A schema's text without its documentation keywords, as sent to a model (any schema, not only the contract's). */
  public static String compact(String schemaText) {
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
