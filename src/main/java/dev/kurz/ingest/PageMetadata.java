package dev.kurz.ingest;

import dev.kurz.model.Json;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.select.Evaluator;
import org.jsoup.select.QueryParser;

/**
 * Title, author, date, site and language of a parsed page, from (in order of trust) JSON-LD,
 * Open Graph and article meta tags, then the visible page. Also exposes the JSON-LD
 * {@code articleBody}, which the content extraction may use. Read before the page is pruned.
 * Not thread-safe (holds one page); cheap to create.
 */
final class PageMetadata {
  private static final ObjectMapper JSON = Json.MAPPER;
  private static final Set<String> ARTICLE_TYPES = Set.of("article", "newsarticle", "reportagenewsarticle",
      "blogposting", "analysisnewsarticle", "opinionnewsarticle", "backgroundnewsarticle", "webpage",
      "report", "liveblogposting", "techarticle", "scholarlyarticle", "socialmediaposting");

  /** The selectors, parsed once (jsoup parses a selector string on every call). */
  private static final Evaluator H1 = QueryParser.parse("h1");
  private static final Evaluator BYLINE = QueryParser.parse("[rel=author], [itemprop=author], .byline__author, .author-name, .byline, .author");
  private static final Evaluator TIME = QueryParser.parse("article time[datetime], time[datetime]");
  private static final Evaluator CANONICAL = QueryParser.parse("link[rel=canonical][href]");
  private static final Evaluator META_TAGS = QueryParser.parse("meta[property], meta[name], meta[itemprop]");
  private static final Evaluator JSON_LD = QueryParser.parse("script[type=application/ld+json]");
  private static final Evaluator HTML = QueryParser.parse("html");

  private final Document doc;
  private final JsonNode article;
  /** {@link #metaTags()}, once read: the fields ask for some 25 names per page. */
  private Map<String, String> metaTags;

  PageMetadata(Document doc) {
    this.doc = doc;
    this.article = findArticle(doc);
  }

  String title() {
    String title = firstNonBlank(meta("og:title"), meta("twitter:title"), ld("headline"));
    Element h1 = doc.selectFirst(H1);
    if (title == null && h1 != null) title = blankToNull(h1.text());
    if (title == null) title = withoutSiteSuffix(doc.title());
    return title == null ? null : withoutSiteSuffix(title);
  }

  String author() {
    String author = null;
    if (article != null) author = names(article.get("author"));
    if (author == null) author = firstNonBlank(meta("author"), meta("article:author"), meta("dcterms.creator"), meta("byl"));
    if (author == null) {
      Element byline = doc.selectFirst(BYLINE);
      if (byline != null && byline.text().length() <= 100) author = blankToNull(byline.text());
    }
    if (author == null || author.startsWith("http")) return null;
    return author.replaceFirst("(?iu)^(?:von|by)\\s+", "").strip();
  }

  String published() {
    String raw = firstNonBlank(ld("datePublished"), meta("article:published_time"), meta("og:published_time"),
        meta("datePublished"), meta("date"), meta("dc.date"), meta("dcterms.created"), meta("pubdate"),
        meta("publish-date"), ld("dateCreated"));
    if (raw == null) {
      Element time = doc.selectFirst(TIME);
      if (time != null) raw = time.attr("datetime");
    }
    return PublishedDate.find(raw);
  }

  String site() {
    String site = meta("og:site_name");
    if (site == null && article != null) site = names(article.get("publisher"));
    if (site == null) site = meta("application-name");
    return site;
  }

  String language() {
    Element html = doc.selectFirst(HTML);
    String lang = blankToNull(html == null ? "" : html.attr("lang"));
    if (lang == null) lang = firstNonBlank(httpEquiv("content-language"), meta("language"), meta("og:locale"), ld("inLanguage"));
    if (lang == null) return null;
    return lang.strip().replace('_', '-').split("[-,; ]")[0].toLowerCase(Locale.ROOT);
  }

  /** The canonical address the page gives itself, absolute; null when none. */
  String canonicalUrl() {
    Element link = doc.selectFirst(CANONICAL);
    String url = link != null ? blankToNull(link.absUrl("href")) : null;
    if (url == null) url = meta("og:url");
    return url != null && url.startsWith("http") ? url : null;
  }

  /** The page's own summary of itself (JSON-LD, Open Graph or meta description), or null. */
  String description() {
    return firstNonBlank(ld("description"), meta("og:description"), meta("description"), meta("twitter:description"));
  }

  /** The JSON-LD article body, or null. */
  String articleBody() {
    return ld("articleBody");
  }

  private String ld(String field) {
    if (article == null) return null;
    JsonNode node = article.get(field);
    if (node == null) return null;
    if (node.isArray() && !node.isEmpty()) node = node.get(0);
    return node.isTextual() ? blankToNull(node.asText()) : null;
  }

  /** The content of the first meta tag of that name (property, name or itemprop, any case) that has one; null if none. */
  private String meta(String name) {
    return metaTags().get(name.toLowerCase(Locale.ROOT));
  }

  /** Each meta tag's key, lower case, to the first non-blank content under it, stripped; read once per page. */
  private Map<String, String> metaTags() {
    if (metaTags == null) {
      metaTags = new HashMap<>();
      for (Element m : doc.select(META_TAGS)) {
        String key = firstNonBlank(m.attr("property"), m.attr("name"), m.attr("itemprop"));
        String content = blankToNull(m.attr("content"));
        if (key != null && content != null) metaTags.putIfAbsent(key.toLowerCase(Locale.ROOT), content.strip());
      }
    }
    return metaTags;
  }

  private String httpEquiv(String name) {
    Element m = doc.selectFirst("meta[http-equiv=" + name + "]");
    return m == null ? null : blankToNull(m.attr("content"));
  }

  /** Strips " | Site" and " - Site" suffixes that pages append to their titles. */
  private String withoutSiteSuffix(String title) {
    if (title == null || title.isBlank()) return null;
    String[] parts = title.split("\\s+[|–—-]\\s+|\\s+[|]\\s*");
    if (parts.length < 2) return title.strip();
    // the site name usually comes last; a very short first part is a section name ("Politik | ...")
    if (parts[0].strip().length() >= 15) return parts[0].strip();
    String longest = parts[0];
    for (String part : parts) if (part.length() > longest.length()) longest = part;
    return longest.strip();
  }

  private static JsonNode findArticle(Document doc) {
    List<JsonNode> nodes = new ArrayList<>();
    for (Element script : doc.select(JSON_LD)) {
      try {
        collect(JSON.readTree(script.data()), nodes);
      } catch (JsonProcessingException e) {
        // broken JSON-LD is common; the meta tags still serve
      }
    }
    JsonNode best = null;
    for (JsonNode node : nodes) {
      if (best == null || node.has("articleBody") && !best.has("articleBody")
          || isArticle(node) && !isArticle(best)) best = node;
    }
    return best;
  }

  private static void collect(JsonNode node, List<JsonNode> out) {
    if (node == null) return;
    if (node.isArray()) {
      for (JsonNode child : node) collect(child, out);
    } else if (node.isObject()) {
      if (node.has("@graph")) collect(node.get("@graph"), out);
      if (isArticle(node)) out.add(node);
    }
  }

  private static boolean isArticle(JsonNode node) {
    JsonNode type = node.get("@type");
    if (type == null) return false;
    if (type.isArray()) {
      for (JsonNode t : type) if (ARTICLE_TYPES.contains(t.asText().toLowerCase(Locale.ROOT))) return true;
      return false;
    }
    return ARTICLE_TYPES.contains(type.asText().toLowerCase(Locale.ROOT));
  }

  private static String names(JsonNode node) {
    if (node == null) return null;
    if (node.isTextual()) return blankToNull(node.asText());
    List<String> names = new ArrayList<>();
    if (node.isArray()) {
      for (JsonNode n : node) {
        String name = names(n);
        if (name != null) names.add(name);
      }
    } else if (node.has("name")) {
      String name = names(node.get("name"));
      if (name != null) names.add(name);
    }
    return names.isEmpty() ? null : String.join(", ", names);
  }

  private static String firstNonBlank(String... values) {
    for (String v : values) if (v != null && !v.isBlank()) return v;
    return null;
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s;
  }
}
