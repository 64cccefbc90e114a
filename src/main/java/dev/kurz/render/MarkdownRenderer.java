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
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An article's result as Markdown for a person: headline, source line, summary, key points,
 * claims (who says it, how hedged, the original quote and whether it was found), names, and the
 * warnings. CommonMark: every text from the article or the model is escaped ({@link Markdown}), and
 * a claim's continuation lines are indented by its marker's width, so items 10 and up keep their
 * quote inside the list. A pure function of the result.
 */
public final class MarkdownRenderer {
  private MarkdownRenderer() {}

  public static String render(ArticleResult r) {
    Analysis a = r.analysis();
    StringBuilder b = new StringBuilder(4096);
    b.append("# ").append(Markdown.inline(a.headline())).append("\n\n");
    b.append("*").append(sourceLine(r)).append("*\n\n");
    b.append(Markdown.block(a.summary())).append("\n\n");
    if (!a.keyPoints().isEmpty()) {
      b.append("## Key points\n\n");
      List<Provenance.Support> sources = Provenance.keyPointSupport(a, r.text());
      for (int i = 0; i < a.keyPoints().size(); i++) {
        b.append("- ").append(Markdown.inline(a.keyPoints().get(i))).append(claimRefs(sources.get(i))).append('\n');
      }
      b.append('\n');
    }
    if (!a.claims().isEmpty()) {
      b.append("## Claims\n\n");
      int n = 0;
      for (Claim c : a.claims()) {
        n++;
        // Continuation lines start where the item's text does: 3 spaces after "9. ", 4 after "10. ".
        String indent = " ".repeat(Integer.toString(n).length() + 2);
        b.append(n).append(". **").append(Markdown.inline(c.claim())).append("**  \n");
        b.append(indent).append(modalityLabel(c.modality())).append(" — ").append(Markdown.inline(c.attributedTo()))
            .append("\n\n");
        b.append(indent).append("> ").append(Markdown.inline(c.quote())).append(groundingMark(c.grounding())).append("\n\n");
      }
    }
    if (!a.entities().isEmpty()) {
      b.append("## Names\n\n");
      List<String> names = new ArrayList<>();
      for (Entity e : a.entities()) names.add(Markdown.inline(bothNames(e)) + " · " + Markdown.inline(e.type()));
      for (String s : names) b.append("- ").append(s).append('\n');
      b.append('\n');
    }
    if (!r.warnings().isEmpty()) {
      b.append("## Warnings\n\n");
      for (String w : r.warnings()) b.append("- ").append(Markdown.inline(w)).append('\n');
      b.append('\n');
    }
    return b.toString();
  }

  /** " *(claims 2, 5)*": where a key point comes from, pointing at the numbered claims below. */
  /** A key point's sources: {@code *(claims 2, 5; paragraphs 3, 4)*}, nothing when it rests on no claim. */
  static String claimRefs(Provenance.Support s) {
    if (s.claims().isEmpty()) return "";
    String refs = "claim" + (s.claims().size() == 1 ? " " : "s ") + joined(s.claims());
    if (!s.paragraphs().isEmpty()) refs += "; paragraph" + (s.paragraphs().size() == 1 ? " " : "s ") + joined(s.paragraphs());
    return " *(" + refs + ")*";
  }

  private static String joined(List<Integer> numbers) {
    return String.join(", ", numbers.stream().map(String::valueOf).toList());
  }

  static String sourceLine(ArticleResult r) {
    Source s = r.source();
    List<String> parts = new ArrayList<>();
    if (s.site() != null) parts.add(Markdown.inline(s.site()));
    if (s.title() != null) parts.add(Markdown.quotedTitle(s.title()));
    if (s.published() != null) parts.add(Markdown.inline(s.published()));
    parts.add(Markdown.inline(s.url() != null ? s.url() : s.path() != null ? s.path() : "stdin"));
    if (s.author() != null) parts.add("by " + Markdown.inline(s.author()));
    if (s.language() != null) parts.add("language: " + Markdown.inline(s.language()));
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

  /**
   * The English name with the article's form in brackets, each name once: "Christian Democratic
   * Union (CDU)" with original "CDU" stays as it is, and an original that repeats the name in
   * brackets ("Christlich Demokratische Union (CDU)" for "CDU") drops the repetition.
   */
  static String bothNames(Entity e) {
    String name = e.name() == null ? "" : e.name().strip();
    String original = e.original() == null ? "" : e.original().strip();
    original = original.replace(" (" + name + ")", "").strip();
    // "Christlich Demokratische Union (CDU)" beside "Christian Democratic Union (CDU)": one "(CDU)".
    Matcher bracket = Pattern.compile("\\s*\\(([^()]+)\\)$").matcher(original);
    if (bracket.find() && name.contains("(" + bracket.group(1) + ")")) original = original.substring(0, bracket.start());
    if (original.isEmpty() || original.equalsIgnoreCase(name) || containsName(name, original)) return name;
    if (containsName(original, name) && !name.isEmpty()) return original;
    return name + " (" + original + ")";
  }

  /** {@code whole} names {@code part} as a whole word or bracketed ("... Union (CDU)" names "CDU"). */
  private static boolean containsName(String whole, String part) {
    return Pattern.compile("(?<![\\p{L}\\p{N}])" + Pattern.quote(part) + "(?![\\p{L}\\p{N}])",
        Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE).matcher(whole).find();
  }

  /**
   * A German quote to go inside „…“: its own double quotation marks become single ones (‚…‘), as
   * German nests them, so „eine "nationale Kraftanstrengung"“ reads „eine ‚nationale Kraftanstrengung‘“.
   */
  static String nested(String quote) {
    StringBuilder b = new StringBuilder(quote.length());
    boolean open = true;
    for (int i = 0; i < quote.length(); i++) {
      char c = quote.charAt(i);
      switch (c) {
        case '„' -> { b.append('‚'); open = false; }
        case '“', '”' -> { b.append(open ? '‚' : '‘'); open = !open; }
        case '"' -> { b.append(open ? '‚' : '‘'); open = !open; }
        default -> b.append(c);
      }
    }
    return b.toString();
  }
}
