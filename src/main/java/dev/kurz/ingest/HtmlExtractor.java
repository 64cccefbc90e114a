package dev.kurz.ingest;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;

/**
 * Extracts the article from an HTML page: its metadata (JSON-LD, Open Graph and meta tags, then
 * the visible page) and its main text, paragraphs separated by blank lines, headings kept. Never
 * fetches anything; {@code baseUrl} only resolves relative links. Stateless; thread-safe.
 */
public final class HtmlExtractor {
  /** A main text shorter than this may be a wrong guess: the paragraph fallback is tried. */
  private static final int UNSURE_CHARS = 2000;
  private static final int ALMOST_NOTHING_CHARS = 250;

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
    String text = new MainContent().extract(doc);
    // Unsure (a short result): every paragraph of the page instead, where it holds over twice as
    // much; still almost nothing (trafilatura's 250 characters): the same without the class-name
    // junk rule, which can hit a whole live blog ("live-comment") or podcast page. Measured on both
    // shared benchmarks (docs/benchmarks-extraction.md): these thresholds are the best tried on the
    // web-extraction pages and change nothing on the article-extraction pages.
    if (text.length() < UNSURE_CHARS) text = longer(text, doc, text.isBlank(), true);
    if (text.length() < ALMOST_NOTHING_CHARS) text = longer(text, doc, true, false);
    String body = meta.articleBody();
    // JSON-LD articleBody is the publisher's own copy of the text: trust it where the page's
    // layout defeated the scoring and it holds clearly more than the DOM extraction
    if (body != null && body.length() >= 500 && body.length() > 2 * text.length()) {
      text = MainContent.paragraphs(org.jsoup.parser.Parser.unescapeEntities(body, false));
    }
    // nothing found (a page drawn by scripts, or no block long enough): the page's own summary of
    // itself, else whatever text it shows; an article is never read as empty while the page has words
    if (text.isBlank() && meta.description() != null) text = MainContent.paragraphs(meta.description());
    if (text.isBlank()) text = new MainContent().visibleText(doc);
    return new Extracted(title, author, published, site, language, text, canonical);
  }

  /** The fallback's text where it holds over twice as much as {@code text}, else {@code text}. */
  private static String longer(String text, Document doc, boolean spareWrappers, boolean dropJunk) {
    String fallback = new MainContent().baseline(doc, spareWrappers, dropJunk);
    return fallback.length() > 2 * text.length() ? fallback : text;
  }

  /** The text of an HTML fragment (a feed entry's content): paragraphs separated by blank lines. */
  public String fragmentText(String html) {
    return MainContent.text(Jsoup.parseBodyFragment(html).body());
  }
}
