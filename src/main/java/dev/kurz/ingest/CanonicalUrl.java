package dev.kurz.ingest;

import java.util.Locale;
import okhttp3.HttpUrl;

/**
 * The form of a URL used to tell two links to one article apart from two articles: no fragment,
 * no tracking parameters ({@code utm_*}, {@code fbclid}, {@code gclid}, ...), lower-case host,
 * no trailing slash on a path. Stateless.
 */
final class CanonicalUrl {
  private CanonicalUrl() {}

  static String of(String url) {
    HttpUrl parsed = HttpUrl.parse(url);
    if (parsed == null) return url.strip();
    HttpUrl.Builder b = parsed.newBuilder().fragment(null);
    for (String name : parsed.queryParameterNames()) {
      String n = name.toLowerCase(Locale.ROOT);
      if (n.startsWith("utm_") || n.equals("fbclid") || n.equals("gclid") || n.equals("mc_cid") || n.equals("mc_eid")
          || n.equals("wt_mc") || n.equals("wt.mc_id") || n.equals("ref") || n.equals("xtor") || n.equals("at_medium")
          || n.equals("at_campaign")) {
        b.removeAllQueryParameters(name);
      }
    }
    HttpUrl built = b.build();
    String s = built.toString();
    if (s.endsWith("/") && built.encodedPath().length() > 1 && built.encodedQuery() == null) s = s.substring(0, s.length() - 1);
    return s;
  }
}
