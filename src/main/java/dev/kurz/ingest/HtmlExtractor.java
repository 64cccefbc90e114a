package dev.kurz.ingest;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;

/**
 * Extracts the article from an HTML page: its metadata (JSON-LD, Open Graph and meta tags, then
 * the visible page) and its main text, paragraphs separated by blank lines, headings kept. Never
 * fetches anything; {@code baseUrl} only resolves relative links. Stateless; thread-safe.
 */
public final class HtmlExtractor {
  /**
   * @param title headline, without a site-name suffix; null if unknown (as are the others)
   * @param published ISO {@code yyyy-MM-dd} (or {@code yyyy-MM})
   * @param language ISO 639-1 code, lower case
   * @param text the main text, never null, possibly empty
   * @param canonicalUrl the page's {@code <link rel=canonical>} (or {@code og:url}), absolute, or null
   */
  public record Extracted(String title, String author, String published, String site, String language, String text,
      String canonicalUrl) {
    public Extracted {
      if (text == null) throw new IllegalArgumentException("text");
    }
  }

  public Extracted extract(String html, String baseUrl) {
    Document doc = Jsoup.parse(html, baseUrl == null ? "" : baseUrl);
    PageMetadata meta = new PageMetadata(doc);
    String title = meta.title();
    String author = meta.author();
    String published = meta.published();
    String site = meta.site();
    String language = meta.language();
    String canonical = meta.canonicalUrl();
    // the main extraction, then its second candidates where it is unsure or left story out (TextChoice)
    String text = TextChoice.choose(doc, meta, new MainContent().extract(doc, TextChoice.readsBaseline(doc)));
    return new Extracted(title, author, published, site, language, text, canonical);
  }

  /** The text of an HTML fragment (a feed entry's content): paragraphs separated by blank lines. */
  public String fragmentText(String html) {
    return MainContent.text(Jsoup.parseBodyFragment(html).body());
  }
}
