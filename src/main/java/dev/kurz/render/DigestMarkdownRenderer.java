package dev.kurz.render;

import dev.kurz.digest.ArticleIds;
import dev.kurz.digest.ClaimRef;
import dev.kurz.digest.Contradiction;
import dev.kurz.digest.Digest;
import dev.kurz.digest.KeyClaim;
import dev.kurz.digest.Story;
import dev.kurz.model.ArticleResult;
import dev.kurz.model.Claim;
import dev.kurz.model.Source;
import java.io.IOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.List;

/**
 * A digest as Markdown: stories biggest first, each with synthesis, sources, key claims (who said
 * what, with the German quote and an [a7c2] marker back to its source) and contradictions; then each
 * article in full as {@link MarkdownRenderer} writes it, one heading level down under the article's
 * id. Article ids are digest-wide ({@link ArticleIds}). Stateless.
 */
public final class DigestMarkdownRenderer {
  private DigestMarkdownRenderer() {}

  /** Writes the digest story by story and article by article: a big digest is never one string in memory. */
  public static void write(Digest d, Writer out) throws IOException {
    StringBuilder b = new StringBuilder(16_384);
    b.append("# Digest: ").append(d.stories().size()).append(d.stories().size() == 1 ? " story" : " stories")
        .append(" from ").append(d.articleCount()).append(d.articleCount() == 1 ? " article" : " articles").append("\n\n");
    ArticleIds ids = ArticleIds.of(d);
    int n = 0;
    for (Story s : d.stories()) {
      int story = n++;
      b.append("## ").append(n).append(". ").append(oneLine(s.headline())).append("\n\n");
      b.append(Markdown.block(s.synthesis())).append("\n\n");
      b.append("**Sources**\n\n");
      for (int i = 0; i < s.articles().size(); i++) b.append("- [").append(ids.article(story, i)).append("] ").append(source(s.articles().get(i))).append('\n');
      b.append('\n');
      if (!s.contradictions().isEmpty()) {
        b.append("**Contradictions**\n\n");
        for (Contradiction c : s.contradictions()) {
          b.append("- ⚠ ").append(oneLine(c.summary())).append(" [").append(ids.claim(story, c.asserted())).append(" vs ")
              .append(ids.claim(story, c.denied())).append("]\n");
        }
        b.append('\n');
      }
      if (!s.keyClaims().isEmpty()) {
        b.append("**Key claims**\n\n");
        for (KeyClaim k : s.keyClaims()) {
          b.append("- **").append(oneLine(k.claim())).append("**\n");
          for (ClaimRef r : k.sources()) {
            Claim c = s.claim(r);
            b.append("  - [").append(ids.claim(story, r)).append("] ").append(MarkdownRenderer.modalityLabel(c.modality())).append(" — ")
                .append(oneLine(c.attributedTo())).append(": „").append(MarkdownRenderer.nested(oneLine(c.quote()))).append("“")
                .append(MarkdownRenderer.groundingMark(c.grounding())).append('\n');
          }
        }
        b.append('\n');
      }
      for (String w : s.warnings()) b.append("> ⚠ ").append(oneLine(w)).append("\n\n");
      flush(b, out);
    }
    b.append("---\n\n# Articles\n\n");
    for (int s = 0; s < d.stories().size(); s++) {
      List<ArticleResult> articles = d.stories().get(s).articles();
      for (int i = 0; i < articles.size(); i++) {
        if (s + i > 0) b.append("\n---\n\n");
        b.append(demoted(MarkdownRenderer.render(articles.get(i)), ids.article(s, i)));
        flush(b, out);
      }
    }
    flush(b, out);
  }

  /**
   * An article's Markdown under the appendix's "# Articles": its headline a level-2 heading led by its
   * id, its sections level 3. Only the renderer's own heading lines start with "#" (every text line is
   * indented, quoted or listed).
   */
  static String demoted(String article, String id) {
    StringBuilder b = new StringBuilder(article.length() + 64);
    boolean headline = true;
    for (String line : article.split("\n", -1)) {
      if (b.length() > 0) b.append('\n');
      if (headline && line.startsWith("# ")) {
        b.append("## [").append(id).append("] ").append(line.substring(2));
        headline = false;
      } else if (line.startsWith("#")) {
        b.append('#').append(line);
      } else {
        b.append(line);
      }
    }
    return b.toString();
  }

  private static void flush(StringBuilder b, Writer out) throws IOException {
    out.append(b);
    b.setLength(0);
  }

  static String source(ArticleResult a) {
    Source s = a.source();
    List<String> parts = new ArrayList<>();
    if (s.site() != null) parts.add(oneLine(s.site()));
    parts.add(Markdown.quotedTitle(s.title() != null ? s.title() : a.analysis().headline()));
    if (s.published() != null) parts.add(oneLine(s.published()));
    parts.add(oneLine(s.url() != null ? s.url() : s.path() != null ? s.path() : s.label()));
    return String.join(" · ", parts);
  }

  /** Text from an article or a model, escaped for CommonMark. */
  private static String oneLine(String s) {
    return Markdown.inline(s);
  }
}
