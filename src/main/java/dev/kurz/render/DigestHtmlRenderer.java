package dev.kurz.render;

import dev.kurz.digest.ArticleIds;
import dev.kurz.digest.ClaimRef;
import dev.kurz.digest.Contradiction;
import dev.kurz.digest.Digest;
import dev.kurz.digest.KeyClaim;
import dev.kurz.faithfulness.Provenance;
import dev.kurz.digest.Story;
import dev.kurz.model.ArticleResult;
import dev.kurz.model.Claim;
import dev.kurz.model.Grounding;
import dev.kurz.model.Source;
import java.io.IOException;
import java.io.Writer;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

/**
 * A digest as one self-contained HTML page: inline CSS, no scripts, fonts or images, a viewport for
 * phones. A header with the date and the models, a table of contents of the stories (those of
 * several articles first, the order the page follows), then each story (headline, synthesis,
 * contradictions highlighted, key claims with the German quotes beside the English claim and the
 * grounding status, sources); each article's summary and claims one click away in a
 * {@code <details>}. Every article and claim id is an anchor ({@code #s2-a1}, {@code #s2-a1c3}) and
 * every mention of one links to it; sources link to their URL or file. Everything from the results
 * is escaped. A pure function.
 */
public final class DigestHtmlRenderer {
  private DigestHtmlRenderer() {}

  private static final String CSS = """
      :root{--fg:#1b1b1b;--muted:#5b5b5b;--line:#dedede;--warn:#fff4d6;--warnline:#e0a800;--bad:#b00020;--card:#fff;--bg:#f5f5f2}
      *{box-sizing:border-box}
      body{margin:0;background:var(--bg);color:var(--fg);font:16px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif}
      main{max-width:46rem;margin:0 auto;padding:1rem}
      h1{font-size:1.4rem;margin:.5rem 0 1rem}
      .story{background:var(--card);border:1px solid var(--line);border-radius:.6rem;padding:1rem;margin:0 0 1rem}
      .story h2{font-size:1.2rem;line-height:1.3;margin:0 0 .5rem}
      .meta{color:var(--muted);font-size:.85rem}
      h3{font-size:.95rem;margin:1rem 0 .4rem;text-transform:uppercase;letter-spacing:.03em;color:var(--muted)}
      ul{padding-left:1.1rem;margin:.2rem 0}
      li{margin:.3rem 0}
      .contradiction{background:var(--warn);border-left:4px solid var(--warnline);padding:.5rem .7rem;margin:.5rem 0;border-radius:.3rem}
      .claim{margin:.6rem 0;padding:.5rem 0;border-top:1px solid var(--line)}
      .claim .en{font-weight:600}
      .pair{display:grid;grid-template-columns:1fr;gap:.3rem;margin-top:.3rem}
      @media (min-width:40rem){.pair{grid-template-columns:1fr 1fr}}
      blockquote{margin:0;padding:.3rem .6rem;border-left:3px solid var(--line);font-style:italic;color:#333}
      .who{font-size:.9rem;color:var(--muted)}
      .tag{display:inline-block;font-size:.75rem;padding:0 .4rem;border-radius:.8rem;border:1px solid var(--line);margin-right:.3rem;font-style:normal}
      .g-exact{color:#1b6e20;border-color:#1b6e20}.g-normalized,.g-fuzzy{color:#8a5a00;border-color:#8a5a00}.g-not_found{color:var(--bad);border-color:var(--bad)}
      details{border:1px solid var(--line);border-radius:.4rem;padding:.4rem .6rem;margin:.4rem 0;background:#fafafa}
      summary{cursor:pointer;font-weight:600}
      .warning{color:var(--bad);font-size:.9rem}
      a,code{color:#0b57d0}
      a.ref{text-decoration:none;font-variant-numeric:tabular-nums}
      main{overflow-wrap:anywhere}
      .toc{background:var(--card);border:1px solid var(--line);border-radius:.6rem;padding:.6rem 1rem;margin:0 0 1rem}
      .toc h2{font-size:1rem;margin:.2rem 0}
      .toc ol{padding-left:1.4rem;margin:.2rem 0}
      .toc li{margin:.2rem 0}
      .toc .single{color:var(--muted);font-size:.9rem}
      :target{scroll-margin-top:.5rem;outline:2px solid var(--warnline);outline-offset:2px}
      """;

  /** Writes the page story by story: a big digest is never one string in memory. */
  public static void write(Digest d, Writer out) throws IOException {
    List<Story> stories = ordered(d.stories());
    StringBuilder b = new StringBuilder(32_768);
    b.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
        .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
        .append("<title>kurz digest ").append(DAY.format(d.created())).append("</title>\n<style>\n").append(CSS)
        .append("</style>\n</head>\n<body>\n<main>\n");
    b.append("<h1>Digest: ").append(stories.size()).append(stories.size() == 1 ? " story" : " stories").append(" from ")
        .append(d.articleCount()).append(d.articleCount() == 1 ? " article" : " articles").append("</h1>\n");
    b.append("<p class=\"meta\">").append(MINUTE.format(d.created())).append(" UTC · ").append(Html.esc(models(stories))).append("</p>\n");
    toc(b, stories);
    out.append(b);
    b.setLength(0);
    // Ids are the digest's (ArticleIds), whatever order the page shows the stories in.
    ArticleIds ids = ArticleIds.of(d);
    java.util.Map<Story, Integer> index = new java.util.IdentityHashMap<>();
    for (int k = 0; k < d.stories().size(); k++) index.put(d.stories().get(k), k);
    int n = 0;
    for (Story s : stories) {
      n++;
      int story = index.get(s);
      b.append("<section class=\"story\" id=\"story-").append(n).append("\">\n");
      b.append("<h2>").append(Html.esc(s.headline())).append("</h2>\n");
      b.append("<p class=\"meta\">").append(s.articles().size()).append(s.articles().size() == 1 ? " source" : " sources")
          .append(" · ").append(originLabel(s.origin())).append("</p>\n");
      b.append("<p>").append(Html.esc(s.synthesis())).append("</p>\n");
      for (Contradiction c : s.contradictions()) {
        b.append("<div class=\"contradiction\"><strong>Contradiction:</strong> ").append(Html.esc(c.summary()))
            .append(" <span class=\"meta\">(").append(ref(n, ids.claim(story, c.asserted()))).append(" vs ").append(ref(n, ids.claim(story, c.denied())))
            .append(c.byModel() ? ", found by the model" : ", found by kurz").append(")</span></div>\n");
      }
      for (String w : s.warnings()) b.append("<p class=\"warning\">").append(Html.esc(w)).append("</p>\n");
      if (!s.keyClaims().isEmpty()) {
        b.append("<h3>Key claims</h3>\n");
        for (KeyClaim k : s.keyClaims()) {
          b.append("<div class=\"claim\"><div class=\"en\">").append(Html.esc(k.claim())).append("</div>\n");
          for (ClaimRef r : k.sources()) b.append(claimPair(n, s, r, ids.claim(story, r)));
          b.append("</div>\n");
        }
      }
      b.append("<h3>Sources</h3>\n<ul>\n");
      for (int i = 0; i < s.articles().size(); i++) b.append("<li>").append(sourceLine(n, ids.article(story, i), s.articles().get(i))).append("</li>\n");
      b.append("</ul>\n");
      for (int i = 0; i < s.articles().size(); i++) b.append(articleDetails(n, ids.article(story, i), s.articles().get(i)));
      b.append("</section>\n");
      out.append(b);
      b.setLength(0);
    }
    b.append("</main>\n</body>\n</html>\n");
    out.append(b);
  }

  private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy-MM-dd").withZone(ZoneOffset.UTC);
  private static final DateTimeFormatter MINUTE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(ZoneOffset.UTC);

  /** Stories of several articles first (an editor's reading order), each group in the digest's order. */
  static List<Story> ordered(List<Story> stories) {
    List<Story> out = new ArrayList<>(stories.size());
    for (Story s : stories) if (s.articles().size() > 1) out.add(s);
    for (Story s : stories) if (s.articles().size() <= 1) out.add(s);
    return out;
  }

  /** The models that answered, e.g. "openai/gpt-4.1-mini". */
  private static String models(List<Story> stories) {
    Set<String> models = new TreeSet<>();
    for (Story s : stories) {
      for (ArticleResult a : s.articles()) models.add(a.model().provider() + "/" + a.model().name());
    }
    return models.isEmpty() ? "no model" : String.join(", ", models);
  }

  private static void toc(StringBuilder b, List<Story> stories) {
    b.append("<nav class=\"toc\" aria-label=\"Stories\"><h2>Stories</h2>\n<ol>\n");
    int n = 0;
    for (Story s : stories) {
      n++;
      int k = s.articles().size();
      b.append("<li").append(k > 1 ? "" : " class=\"single\"").append("><a href=\"#story-").append(n).append("\">")
          .append(Html.esc(s.headline())).append("</a> <span class=\"meta\">· ").append(k).append(k == 1 ? " source" : " sources")
          .append("</span></li>\n");
    }
    b.append("</ol></nav>\n");
  }

  /** The anchor of an article ({@code a2}) or claim ({@code a2c3}) id within story {@code n}. */
  static String anchor(int n, String id) {
    return "s" + n + "-" + id;
  }

  /** A link to an article or claim of story {@code n}, shown as its id. */
  private static String ref(int n, String id) {
    return "<a class=\"ref\" href=\"#" + anchor(n, Html.esc(id)) + "\">[" + Html.esc(id) + "]</a>";
  }

  private static String claimPair(int n, Story s, ClaimRef r, String id) {
    Claim c = s.claim(r);
    return "<div class=\"pair\"><div class=\"who\">" + ref(n, id) + " " + Html.esc(MarkdownRenderer.modalityLabel(c.modality()))
        + " — " + Html.esc(c.attributedTo()) + " " + groundingTag(c.grounding()) + "</div>"
        + "<blockquote lang=\"de\">" + Html.esc(c.quote()) + "</blockquote></div>\n";
  }

  private static String articleDetails(int n, String id, ArticleResult a) {
    StringBuilder b = new StringBuilder();
    b.append("<details id=\"").append(anchor(n, id)).append("\"><summary>[").append(id).append("] ")
        .append(Html.esc(a.analysis().headline())).append("</summary>\n");
    b.append("<p>").append(Html.esc(a.analysis().summary())).append("</p>\n");
    keyPoints(b, n, id, a);
    int c = 0;
    for (Claim claim : a.analysis().claims()) {
      c++;
      String claimId = id + "c" + c;
      b.append("<div class=\"claim\" id=\"").append(anchor(n, claimId)).append("\"><div class=\"en\">").append(Html.esc(claim.claim()))
          .append("</div><div class=\"pair\"><div class=\"who\">[").append(claimId).append("] ")
          .append(Html.esc(MarkdownRenderer.modalityLabel(claim.modality()))).append(" — ").append(Html.esc(claim.attributedTo())).append(' ')
          .append(groundingTag(claim.grounding())).append("</div><blockquote lang=\"de\">").append(Html.esc(claim.quote()))
          .append("</blockquote></div></div>\n");
    }
    for (String w : a.warnings()) b.append("<p class=\"warning\">").append(Html.esc(w)).append("</p>\n");
    b.append("</details>\n");
    return b.toString();
  }

  /** An article's key points, each with links to the claims it rests on and the paragraphs of their quotes. */
  private static void keyPoints(StringBuilder b, int n, String id, ArticleResult a) {
    List<String> points = a.analysis().keyPoints();
    if (points.isEmpty()) return;
    List<Provenance.Support> sources = Provenance.keyPointSupport(a.analysis(), a.text());
    b.append("<ul class=\"points\">\n");
    for (int i = 0; i < points.size(); i++) {
      b.append("<li>").append(Html.esc(points.get(i)));
      Provenance.Support s = sources.get(i);
      if (!s.claims().isEmpty()) {
        b.append(" <span class=\"meta\">");
        for (int c : s.claims()) b.append(ref(n, id + "c" + c)).append(' ');
        if (!s.paragraphs().isEmpty()) {
          b.append(s.paragraphs().size() == 1 ? "¶ " : "¶¶ ")
              .append(String.join(", ", s.paragraphs().stream().map(String::valueOf).toList()));
        }
        b.append("</span>");
      }
      b.append("</li>\n");
    }
    b.append("</ul>\n");
  }

  private static String sourceLine(int n, String id, ArticleResult a) {
    Source s = a.source();
    StringBuilder b = new StringBuilder(ref(n, id)).append(' ');
    if (s.site() != null) b.append(Html.esc(s.site())).append(" · ");
    b.append("<em>").append(Html.esc(s.title() != null ? s.title() : a.analysis().headline())).append("</em>");
    if (s.published() != null) b.append(" · ").append(Html.esc(s.published()));
    if (s.url() != null) {
      b.append(" · <a href=\"").append(Html.esc(s.url())).append("\">").append(breakable(s.url())).append("</a>");
    } else if (s.path() != null && !s.path().equals("-")) {
      b.append(" · <a href=\"").append(Html.esc(fileUri(s.path()))).append("\"><code>").append(breakable(s.path())).append("</code></a>");
    }
    return b.toString();
  }

  /** A file's URI, for a link that opens it; the path as given when it cannot be made one. */
  private static String fileUri(String path) {
    try {
      return Path.of(path).toAbsolutePath().toUri().toString();
    } catch (RuntimeException e) {
      return path;
    }
  }

  /**
   * Escaped, with a line-break opportunity after each separator ({@code / \\ ? &}; browsers break
   * after hyphens themselves), so a long path or URL wraps there rather than anywhere.
   */
  static String breakable(String s) {
    StringBuilder b = new StringBuilder(s.length() + 32);
    int from = 0;
    for (int i = 0; i < s.length(); i++) {
      boolean separator = "/\\?&".indexOf(s.charAt(i)) >= 0;
      boolean nextToo = i + 1 < s.length() && "/\\?&".indexOf(s.charAt(i + 1)) >= 0;
      if (separator && !nextToo && i + 1 < s.length()) {
        b.append(Html.esc(s.substring(from, i + 1))).append("<wbr>");
        from = i + 1;
      }
    }
    return b.append(Html.esc(s.substring(from))).toString();
  }

  private static String groundingTag(Grounding g) {
    if (g == null) return "";
    String label = switch (g.status()) {
      case EXACT -> "quote found";
      case NORMALIZED -> "quote found (normalized)";
      case FUZZY -> "quote found approximately";
      case NOT_FOUND -> "quote NOT found";
    };
    return "<span class=\"tag g-" + g.status().name().toLowerCase(Locale.ROOT) + "\">" + label + "</span>";
  }

  private static String originLabel(Story.Origin o) {
    return switch (o) {
      case SINGLE -> "single article";
      case SYNTHESIZED -> "synthesized by the model";
      case CACHED -> "synthesis from cache";
      case LOCAL -> "grouped without synthesis";
      case FAILED -> "synthesis failed: grouped without it";
    };
  }

}
