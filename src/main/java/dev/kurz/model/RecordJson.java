package dev.kurz.model;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The one JSON shape of an article's result: every contract field at the top level, claims with
 * their {@code grounding}, plus {@code source}, {@code model}, {@code usage}, {@code cached},
 * {@code warnings}. {@code source.text} is the text the claims' {@code grounding} offsets index;
 * the offsets count code points (Python string indices), so {@code text[start:end]} is the passage
 * a quote was found at. The cache stores this same shape, so a cached result prints exactly like a
 * fresh one. Thread-safe.
 */
public final class RecordJson {
  public static final ObjectMapper MAPPER = Json.MAPPER;

  private RecordJson() {}

  /** A claim's {@code grounding} as {status, start, end}, offsets in code points of the record's text; nothing when unchecked. */
  public static void putGrounding(ObjectNode claim, ArticleResult r, Claim c) {
    if (c.grounding() == null) return;
    ObjectNode g = claim.putObject("grounding");
    g.put("status", c.grounding().status().wireName());
    g.put("start", codePoints(r.text(), c.grounding().start()));
    g.put("end", codePoints(r.text(), c.grounding().end()));
  }

  public static ObjectNode toTree(ArticleResult r) {
    ObjectNode o = MAPPER.createObjectNode();
    Analysis a = r.analysis();
    o.put("source_language", a.sourceLanguage());
    o.put("headline", a.headline());
    o.put("summary", a.summary());
    ArrayNode points = o.putArray("key_points");
    a.keyPoints().forEach(points::add);
    ArrayNode claims = o.putArray("claims");
    for (Claim c : a.claims()) {
      ObjectNode cn = claims.addObject();
      cn.put("claim", c.claim());
      cn.put("attributed_to", c.attributedTo());
      cn.put("source_type", c.sourceType());
      cn.put("modality", c.modality());
      cn.put("quote", c.quote());
      putGrounding(cn, r, c);
    }
    ArrayNode entities = o.putArray("entities");
    for (Entity e : a.entities()) {
      entities.addObject().put("name", e.name()).put("original", e.original()).put("type", e.type());
    }
    ObjectNode s = o.putObject("source");
    Source src = r.source();
    putIfSet(s, "label", src.label());
    putIfSet(s, "path", src.path());
    putIfSet(s, "url", src.url());
    putIfSet(s, "title", src.title());
    putIfSet(s, "author", src.author());
    putIfSet(s, "published", src.published());
    putIfSet(s, "site", src.site());
    putIfSet(s, "language", src.language());
    s.put("characters", src.characters());
    putIfSet(s, "text", r.text());
    o.putObject("model").put("provider", r.model().provider()).put("name", r.model().name());
    o.putObject("usage").put("input_tokens", r.usage().inputTokens()).put("output_tokens", r.usage().outputTokens());
    o.put("cached", r.cached());
    ArrayNode warnings = o.putArray("warnings");
    r.warnings().forEach(warnings::add);
    if (r.created() != null) o.put("created", r.created().toString());
    if (r.cacheKey() != null) o.put("cache_key", r.cacheKey());
    return o;
  }

  public static String toJson(ArticleResult r) {
    try {
      return MAPPER.writeValueAsString(toTree(r));
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }

  public static ArticleResult fromJson(String json) {
    JsonNode n;
    try {
      n = MAPPER.readTree(json);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("not a kurz record: " + e.getOriginalMessage(), e);
    }
    List<String> points = new ArrayList<>();
    n.path("key_points").forEach(p -> points.add(p.asText()));
    String text = text(n.path("source"), "text");
    List<Claim> claims = new ArrayList<>();
    for (JsonNode c : n.path("claims")) {
      JsonNode g = c.get("grounding");
      Grounding grounding = g == null ? null : new Grounding(
          Grounding.Status.valueOf(g.path("status").asText().toUpperCase(Locale.ROOT)),
          chars(text, g.path("start").asInt()), chars(text, g.path("end").asInt()));
      claims.add(new Claim(text(c, "claim"), text(c, "attributed_to"), text(c, "source_type"),
          text(c, "modality"), text(c, "quote"), grounding));
    }
    List<Entity> entities = new ArrayList<>();
    for (JsonNode e : n.path("entities")) entities.add(new Entity(text(e, "name"), text(e, "original"), text(e, "type")));
    Analysis analysis = new Analysis(text(n, "source_language"), text(n, "headline"), text(n, "summary"), points, claims, entities);
    JsonNode s = n.path("source");
    Source source = new Source(
        s.path("label").asText("-"), text(s, "path"), text(s, "url"), text(s, "title"), text(s, "author"),
        text(s, "published"), text(s, "site"), text(s, "language"), s.path("characters").asInt());
    ModelRef model = new ModelRef(text(n.path("model"), "provider"), text(n.path("model"), "name"));
    Usage usage = new Usage(n.path("usage").path("input_tokens").asLong(), n.path("usage").path("output_tokens").asLong());
    List<String> warnings = new ArrayList<>();
    n.path("warnings").forEach(w -> warnings.add(w.asText()));
    Instant created = n.hasNonNull("created") ? Instant.parse(n.get("created").asText()) : null;
    return new ArticleResult(source, analysis, model, usage, n.path("cached").asBoolean(), warnings,
        text(n, "cache_key"), created, text);
  }

  /** A char offset into {@code text} as a code-point offset; -1 (not found) and offsets without a text stay. */
  private static int codePoints(String text, int chars) {
    return text == null || chars < 0 || chars > text.length() ? chars : text.codePointCount(0, chars);
  }

  private static int chars(String text, int codePoints) {
    if (text == null || codePoints < 0) return codePoints;
    try {
      return text.offsetByCodePoints(0, codePoints);
    } catch (IndexOutOfBoundsException e) {
      return codePoints;
    }
  }

  private static String text(JsonNode n, String field) {
    JsonNode v = n.get(field);
    return v == null || v.isNull() ? null : v.asText();
  }

  private static void putIfSet(ObjectNode o, String field, String value) {
    if (value != null) o.put(field, value);
  }
}
