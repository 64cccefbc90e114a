package dev.kurz.render;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kurz.digest.ClaimRef;
import dev.kurz.digest.Contradiction;
import dev.kurz.digest.Digest;
import dev.kurz.digest.KeyClaim;
import dev.kurz.digest.Story;
import dev.kurz.model.ArticleResult;
import dev.kurz.model.Claim;
import dev.kurz.model.Source;
import java.util.Locale;

/**
 * A digest as JSON: stories with headline, synthesis, sources, key claims (each source claim with
 * who said it, modality, German quote and grounding), contradictions, and every article in the
 * one result shape of {@link RecordJson}. Claim references are {@code a1c2} ids into the story's
 * {@code articles}. A pure function; thread-safe.
 */
public final class DigestJson {
  private DigestJson() {}

  public static ObjectNode toTree(Digest d) {
    ObjectNode root = RecordJson.MAPPER.createObjectNode();
    root.put("created", d.created().toString());
    root.put("article_count", d.articleCount());
    ArrayNode stories = root.putArray("stories");
    for (Story s : d.stories()) stories.add(storyTree(s));
    return root;
  }

  public static String write(Digest d) {
    return RecordJson.write(toTree(d), true);
  }

  /**
   * The same JSON as {@link #write(Digest)}, streamed one story at a time: a digest of 10,000
   * articles never exists as one tree or one string in memory.
   */
  public static void write(Digest d, java.io.Writer out) throws java.io.IOException {
    try (com.fasterxml.jackson.core.JsonGenerator g = RecordJson.MAPPER.writer()
        .with(com.fasterxml.jackson.databind.SerializationFeature.INDENT_OUTPUT).createGenerator(out)) {
      g.configure(com.fasterxml.jackson.core.JsonGenerator.Feature.AUTO_CLOSE_TARGET, false);
      g.writeStartObject();
      g.writeStringField("created", d.created().toString());
      g.writeNumberField("article_count", d.articleCount());
      g.writeArrayFieldStart("stories");
      for (Story s : d.stories()) g.writeTree(storyTree(s));
      g.writeEndArray();
      g.writeEndObject();
    }
  }

  private static ObjectNode storyTree(Story s) {
    {
      ObjectNode o = RecordJson.MAPPER.createObjectNode();
      o.put("headline", s.headline());
      o.put("synthesis", s.synthesis());
      o.put("origin", s.origin().name().toLowerCase(Locale.ROOT));
      ArrayNode sources = o.putArray("sources");
      for (int i = 0; i < s.articles().size(); i++) {
        Source src = s.articles().get(i).source();
        ObjectNode so = sources.addObject().put("id", "a" + (i + 1));
        putIfSet(so, "site", src.site());
        putIfSet(so, "title", src.title() != null ? src.title() : s.articles().get(i).analysis().headline());
        putIfSet(so, "url", src.url());
        putIfSet(so, "file", src.path());
        putIfSet(so, "published", src.published());
      }
      ArrayNode claims = o.putArray("key_claims");
      for (KeyClaim k : s.keyClaims()) {
        ObjectNode ko = claims.addObject().put("claim", k.claim());
        ArrayNode by = ko.putArray("sources");
        for (ClaimRef r : k.sources()) by.add(ref(s, r));
      }
      ArrayNode contra = o.putArray("contradictions");
      for (Contradiction c : s.contradictions()) {
        ObjectNode co = contra.addObject().put("summary", c.summary()).put("found_by", c.byModel() ? "model" : "kurz");
        co.set("asserted", ref(s, c.asserted()));
        co.set("denied", ref(s, c.denied()));
      }
      ArrayNode warnings = o.putArray("warnings");
      s.warnings().forEach(warnings::add);
      o.putObject("usage").put("input_tokens", s.usage().inputTokens()).put("output_tokens", s.usage().outputTokens());
      ArrayNode articles = o.putArray("articles");
      for (ArticleResult a : s.articles()) articles.add(RecordJson.toTree(a));
      return o;
    }
  }

  private static ObjectNode ref(Story s, ClaimRef r) {
    Claim c = s.claim(r);
    ObjectNode o = RecordJson.MAPPER.createObjectNode();
    o.put("id", r.id()).put("article", "a" + (r.article() + 1));
    o.put("claim", c.claim()).put("attributed_to", c.attributedTo()).put("modality", c.modality()).put("quote", c.quote());
    if (c.grounding() != null) o.put("grounding", c.grounding().status().wireName());
    return o;
  }

  private static void putIfSet(ObjectNode o, String field, String value) {
    if (value != null) o.put(field, value);
  }
}
