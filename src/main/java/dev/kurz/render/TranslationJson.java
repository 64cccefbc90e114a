package dev.kurz.render;

import dev.kurz.model.RecordJson;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kurz.model.Source;
import dev.kurz.model.Translation;
import java.util.Locale;

/**
 * The JSON shape of a translation: languages, {@code paragraphs} as {@code {kind, source, text}}
 * in the article's order, and {@code source}, {@code model}, {@code usage}, {@code chunks},
 * {@code cached_chunks}, {@code cached}, {@code warnings} as in a summary's record. Thread-safe.
 */
public final class TranslationJson {
  private TranslationJson() {}

  public static ObjectNode toTree(Translation t) {
    ObjectNode o = RecordJson.MAPPER.createObjectNode();
    o.put("source_language", t.sourceLanguage());
    o.put("target_language", t.targetLanguage());
    ArrayNode paragraphs = o.putArray("paragraphs");
    for (Translation.Paragraph p : t.paragraphs()) {
      paragraphs.addObject().put("kind", p.kind().name().toLowerCase(Locale.ROOT)).put("source", p.source()).put("text", p.text());
    }
    ObjectNode s = o.putObject("source");
    Source src = t.source();
    s.put("label", src.label());
    if (src.path() != null) s.put("path", src.path());
    if (src.url() != null) s.put("url", src.url());
    if (src.title() != null) s.put("title", src.title());
    if (src.published() != null) s.put("published", src.published());
    if (src.site() != null) s.put("site", src.site());
    s.put("characters", src.characters());
    o.putObject("model").put("provider", t.model().provider()).put("name", t.model().name());
    o.putObject("usage").put("input_tokens", t.usage().inputTokens()).put("output_tokens", t.usage().outputTokens());
    o.put("chunks", t.chunks());
    o.put("cached_chunks", t.cachedChunks());
    o.put("cached", t.cached());
    ArrayNode warnings = o.putArray("warnings");
    t.warnings().forEach(warnings::add);
    return o;
  }
}
