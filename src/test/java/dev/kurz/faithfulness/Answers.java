package dev.kurz.faithfulness;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.kurz.model.Analysis;
import dev.kurz.model.Claim;
import dev.kurz.model.Entity;
import dev.kurz.analysis.QuoteLocator;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/** Answers in the contract's JSON, read into an {@link Analysis} with every quote grounded in its article. */
final class Answers {
  private static final ObjectMapper JSON = new ObjectMapper();

  private Answers() {}

  static Analysis read(String json, String article) {
    try {
      return read(JSON.readTree(json), article);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static Analysis read(JsonNode n, String article) {
    QuoteLocator locator = new QuoteLocator(article);
    List<Claim> claims = new ArrayList<>();
    for (JsonNode c : n.path("claims")) {
      String quote = c.path("quote").asText();
      claims.add(new Claim(c.path("claim").asText(), c.path("attributed_to").asText(), c.path("source_type").asText(),
          c.path("modality").asText(), quote, locator.locate(quote)));
    }
    List<String> points = new ArrayList<>();
    n.path("key_points").forEach(p -> points.add(p.asText()));
    List<Entity> entities = new ArrayList<>();
    for (JsonNode e : n.path("entities")) {
      entities.add(new Entity(e.path("name").asText(), e.path("original").asText(), e.path("type").asText()));
    }
    return new Analysis(n.path("source_language").asText("de"), n.path("headline").asText(), n.path("summary").asText(),
        points, claims, entities);
  }
}
