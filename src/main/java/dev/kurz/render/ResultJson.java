package dev.kurz.render;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kurz.faithfulness.Provenance;
import dev.kurz.model.ArticleResult;
import dev.kurz.model.RecordJson;

/**
 * An article's result as {@code --format json|jsonl} prints it: the record's shape ({@link
 * RecordJson}, what the cache stores) plus {@code key_point_sources}, computed on output (issue 19;
 * the contract has no field for it): for each key point, {@code {claims: [1-based], paragraphs:
 * [1-based, of source.text]}}. Stateless.
 */
public final class ResultJson {
  private ResultJson() {}

  public static ObjectNode toTree(ArticleResult r) {
    ObjectNode o = RecordJson.toTree(r);
    ArrayNode sources = o.putArray("key_point_sources");
    for (Provenance.Support s : Provenance.keyPointSupport(r.analysis(), r.text())) {
      ObjectNode n = sources.addObject();
      s.claims().forEach(n.putArray("claims")::add);
      s.paragraphs().forEach(n.putArray("paragraphs")::add);
    }
    return o;
  }

  public static String toJson(ArticleResult r) {
    return JsonOutput.write(toTree(r), false);
  }
}
