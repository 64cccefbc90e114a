package dev.kurz.analysis;

import dev.kurz.model.Analysis;
import dev.kurz.model.Claim;
import dev.kurz.model.Entity;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Merges the analyses of an article's parts into one: the first part's headline (it holds the
 * lede), the parts' summaries in order as one text, key points taken in turn from each part (at
 * most seven, no repeats), every claim (grounded later against the whole article, so offsets point
 * into it), entities without repeats.
 */
final class AnalysisMerger {
  private AnalysisMerger() {}

  static Analysis merge(List<Analysis> parts) {
    if (parts.size() == 1) return parts.get(0);
    Analysis first = parts.get(0);
    StringBuilder summary = new StringBuilder();
    for (Analysis a : parts) {
      if (summary.length() > 0) summary.append(' ');
      summary.append(a.summary().strip());
    }
    Set<String> points = new LinkedHashSet<>();
    for (int i = 0; points.size() < 7; i++) {
      boolean any = false;
      for (Analysis a : parts) {
        if (i < a.keyPoints().size()) {
          any = true;
          if (points.size() < 7) points.add(a.keyPoints().get(i));
        }
      }
      if (!any) break;
    }
    List<Claim> claims = new ArrayList<>();
    Set<String> quotes = new LinkedHashSet<>();
    for (Analysis a : parts) {
      for (Claim c : a.claims()) {
        if (quotes.add(c.quote())) claims.add(c);
      }
    }
    Map<String, Entity> entities = new LinkedHashMap<>();
    for (Analysis a : parts) {
      for (Entity e : a.entities()) entities.putIfAbsent(e.name().toLowerCase(Locale.ROOT), e);
    }
    return new Analysis(first.sourceLanguage(), first.headline(), summary.toString(), List.copyOf(points), claims,
        List.copyOf(entities.values()));
  }
}
