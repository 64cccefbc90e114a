package dev.kurz.render;

import dev.kurz.model.RecordJson;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kurz.digest.ArticleIds;
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
 * one result shape of {@link RecordJson}: a source's {@code path} and a claim's {@code grounding}
 * ({@code {status, start, end}}) read as in summarize's record. Article and claim ids ({@code a7},
 * {@code a7c2}) are digest-wide ({@link ArticleIds}). A pure function; thread-safe.
 */
public final class DigestJson {
  private DigestJson() {}

  public static ObjectNode toTree(Digest d) {
    ObjectNode root = RecordJson.MAPPER.createObjectNode();
    root.put("created", d.created().toString());
    root.put("article_count", d.articleCount());
    ArrayNode stories = root.putArray("stories");
    ArticleIds ids = ArticleIds.of(d);
    for (int s = 0; s < d.stories().size(); s++) stories.add(storyTree(d.stories().get(s), s, ids));
    return root;
  }

  public static String write(Digest d) {
    return JsonOutput.write(toTree(d), true);
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
      ArticleIds ids = ArticleIds.of(d);
      for (int s = 0; s < d.stories().size(); s++) g.writeTree(storyTree(d.stories().get(s), s, ids));
      g.writeEndArray();
      g.writeEndObject();
    }
  }

  private static ObjectNode storyTree(Story s, int story, ArticleIds ids) {
    {
      ObjectNode o = RecordJson.MAPPER.createObjectNode();
      o.put("headline", s.headline());
      o.put("synthesis", s.synthesis());
      o.put("origin", s.origin().name().toLowerCase(Locale.ROOT));
      ArrayNode sources = o.putArray("sources");
      for (int i = 0; i < s.articles().size(); i++) {
        Source src = s.articles().get(i).source();
        ObjectNode so = sources.addObject().put("id", ids.article(story, i));
        putIfSet(so, "site", src.site());
        putIfSet(so, "title", src.title() != null ? src.title() : s.articles().get(i).analysis().headline());
        putIfSet(so, "url", src.url());
        putIfSet(so, "path", src.path());
        putIfSet(so, "published", src.published());
      }
      ArrayNode claims = o.putArray("key_claims");
      for (KeyClaim k : s.keyClaims()) {
        ObjectNode ko = claims.addObject().put("claim", k.claim());
        ArrayNode by = ko.putArray("sources");
        for (ClaimRef r : k.sources()) by.add(ref(s, r, story, ids));
      }
      ArrayNode contra = o.putArray("contradictions");
      for (Contradiction c : s.contradictions()) {
        ObjectNode co = contra.addObject().put("summary", c.summary()).put("found_by", c.byModel() ? "model" : "kurz");
        co.set("asserted", ref(s, c.asserted(), story, ids));
        co.set("denied", ref(s, c.denied(), story, ids));
      }
      ArrayNode warnings = o.putArray("warnings");
      s.warnings().forEach(warnings::add);
      o.putObject("usage").put("input_tokens", s.usage().inputTokens()).put("output_tokens", s.usage().outputTokens());
      ArrayNode articles = o.putArray("articles");
      for (ArticleResult a : s.articles()) articles.add(ResultJson.toTree(a));
      return o;
    }
  }

  private static ObjectNode ref(Story s, ClaimRef r, int story, ArticleIds ids) {
    Claim c = s.claim(r);
    ObjectNode o = RecordJson.MAPPER.createObjectNode();
    o.put("id", ids.claim(story, r)).put("article", ids.article(story, r.article()));
    o.put("claim", c.claim()).put("attributed_to", c.attributedTo()).put("modality", c.modality()).put("quote", c.quote());
    RecordJson.putGrounding(o, s.article(r), c);
    return o;
  }

  private static void putIfSet(ObjectNode o, String field, String value) {
    if (value != null) o.put(field, value);
  }
}
