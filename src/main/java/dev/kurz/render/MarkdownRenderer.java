package dev.kurz.render;

import dev.kurz.faithfulness.Provenance;
import dev.kurz.model.Analysis;
import dev.kurz.model.ArticleResult;
import dev.kurz.model.Claim;
import dev.kurz.model.Entity;
import dev.kurz.model.Grounding;
import dev.kurz.model.Source;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * An article's result as Markdown for a person: headline, source line, summary, key points,
 * claims (who says it, how hedged, the original quote and whether it was found), names, and the
 * warnings. A pure function of the result.
 */
public final class MarkdownRenderer {
  private MarkdownRenderer() {}

  public static String render(ArticleResult r) {
    Analysis a = r.analysis();
    StringBuilder b = new StringBuilder(4096);
    b.append("# ").append(oneLine(a.headline())).append("\n\n");
    b.append("*").append(sourceLine(r)).append("*\n\n");
    b.append(a.summary().strip()).append("\n\n");
    if (!a.keyPoints().isEmpty()) {
      b.append("## Key points\n\n");
      List<List<Integer>> sources = Provenance.keyPointClaims(a);
      for (int i = 0; i < a.keyPoints().size(); i++) {
        b.append("- ").append(oneLine(a.keyPoints().get(i))).append(claimRefs(sources.get(i))).append('\n');
      }
      b.append('\n');
    }
    if (!a.claims().isEmpty()) {
      b.append("## Claims\n\n");
      int n = 0;
      for (Claim c : a.claims()) {
        n++;
        b.append(n).append(". **").append(oneLine(c.claim())).append("**  \n");
        b.append("   ").append(modalityLabel(c.modality())).append(" — ").append(oneLine(c.attributedTo())).append("  \n");
        b.append("   > ").append(oneLine(c.quote())).append(groundingMark(c.grounding())).append("\n\n");
      }
    }
    if (!a.entities().isEmpty()) {
      b.append("## Names\n\n");
      List<String> names = new ArrayList<>();
      for (Entity e : a.entities()) {
        String both = e.original() == null || e.original().equals(e.name())
            ? e.name() : e.name() + " (" + e.original() + ")";
        names.add(both + " · " + e.type());
      }
      for (String s : names) b.append("- ").append(s).append('\n');
      b.append('\n');
    }
    if (!r.warnings().isEmpty()) {
      b.append("## Warnings\n\n");
      for (String w : r.warnings()) b.append("- ").append(oneLine(w)).append('\n');
      b.append('\n');
    }
    return b.toString();
  }

  /** " *(claims 2, 5)*": where a key point comes from, pointing at the numbered claims below. */
  static String claimRefs(List<Integer> claims) {
    if (claims.isEmpty()) return "";
    return " *(claim" + (claims.size() == 1 ? " " : "s ") + String.join(", ", claims.stream().map(String::valueOf).toList()) + ")*";
  }

  static String sourceLine(ArticleResult r) {
    Source s = r.source();
    List<String> parts = new ArrayList<>();
    if (s.site() != null) parts.add(s.site());
    if (s.title() != null) parts.add("\"" + oneLine(s.title()) + "\"");
    if (s.published() != null) parts.add(s.published());
    parts.add(s.url() != null ? s.url() : s.path() != null ? s.path() : "stdin");
    if (s.language() != null) parts.add("language: " + s.language());
    parts.add(r.model().provider() + "/" + r.model().name() + (r.cached() ? " (cached)" : ""));
    parts.add(r.usage().inputTokens() + " in / " + r.usage().outputTokens() + " out tokens");
    return String.join(" · ", parts);
  }

  static String modalityLabel(String modality) {
    return switch (modality == null ? "" : modality.toLowerCase(Locale.ROOT)) {
      case "stated" -> "Stated";
      case "reported" -> "Reported";
      case "alleged" -> "Alleged";
      case "denied" -> "Denied";
      case "opinion" -> "Opinion";
      case "prediction" -> "Prediction";
      default -> String.valueOf(modality);
    };
  }

  static String groundingMark(Grounding g) {
    if (g == null) return "";
    return switch (g.status()) {
      case EXACT -> "";
      case NORMALIZED -> " *(quote found after normalizing)*";
      case FUZZY -> " *(quote found approximately)*";
      case NOT_FOUND -> " **(quote not found in the article)**";
    };
  }

  private static String oneLine(String s) {
    return s == null ? "" : s.replaceAll("\\s+", " ").strip();
  }
}
