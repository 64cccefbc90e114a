package dev.kurz.ingest;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * What an element's class and id names say of its role, as Readability and trafilatura read them:
 * boilerplate (comments, share buttons, related links, promotions, sidebars, newsletters, ads) or
 * content (article, body, text, story, entry). Names are read as tokens, not as substrings: each
 * class and the id is split at dashes, underscores and camel case ({@code relatedArticles},
 * {@code social-share__bar}, {@code artikel_kommentare}), and each token is looked up, as are the
 * pairs and triples of neighbouring tokens joined ({@code read-more}, {@code mehr-zum-thema}) and
 * compounds that begin or end with a longer boilerplate word ({@code sharebar},
 * {@code leserkommentare}, {@code textwidget}). The words are English, German (class names on
 * German sites: {@code kommentare}, {@code teilen}, {@code anzeige}, {@code verwandt},
 * {@code weiterlesen}) and the other languages of the development pages. Stateless.
 */
final class ClassNames {
  /** Boilerplate words, matched as a whole token or as neighbouring tokens joined. */
  private static final Set<String> BOILERPLATE = Set.of(
      // English (Readability's and trafilatura's lists)
      "comment", "comments", "share", "sharing", "social", "related", "promo", "newsletter", "subscribe",
      "subscription", "signup", "ad", "ads", "adslot", "advert", "advertisement", "advertising", "adverts", "sidebar",
      "footer", "nav", "navbar", "navigation", "menu", "breadcrumb", "breadcrumbs", "cookie", "consent", "popup",
      "modal", "cta", "recommended", "recommendation", "recommendations", "outbrain", "taboola", "byline", "author", "caption",
      "credit", "tag", "tags", "toolbar", "pagination", "pager", "masthead", "skip", "print", "textwidget", "morestories",
      "readmore", "readalso", "seealso", "nextpost", "nextstory", "nextarticle", "previouspost", "crumb",
      "trending", "popular", "disclaimer", "disclosure", "copyright", "meta", "timestamp", "dateline", "rating",
      "sponsor", "sponsored", "sponsors", "banner", "visuallyhidden", "sronly", "overlay", "paywall",
      "teaser", "tools", "utility", "follow", "donate", "login", "signin", "header", "headline", "kicker", "infobox",
      "inlinead", "video", "gallery", "slideshow", "embed", "audio", "podcast",
      // German
      "kommentar", "kommentare", "teilen", "lesensieauch", "auchinteressant", "anzeige", "anzeigen", "werbung", "verwandt", "verwandte", "weiterlesen",
      "empfehlung", "empfehlungen", "mehrzumthema", "lesetipp", "lesetipps", "zumthema", "schlagworte", "stichworte",
      "bildunterschrift", "bildnachweis", "fusszeile", "kopfzeile", "seitenleiste", "abonnieren", "impressum",
      "datenschutz",
      // Spanish, Portuguese, Italian, French, Polish
      "comentarios", "compartir", "relacionados", "relacionadas", "publicidad", "publicidade", "compartilhar",
      "commenti", "condividi", "correlati", "pubblicita", "commentaires", "partage", "partager", "publicite",
      "leetambien", "leatambien", "leermas", "voiraussi", "lireaussi", "leggianche", "leiatambem", "czytajtez",
      "zobacztez", "komentarze", "udostepnij", "reklama", "powiazane", "polecane");

  /** Longer boilerplate words that also name a compound they begin or end ({@code sharebar}, {@code leserkommentare}). */
  private static final List<String> STEMS = List.of("comment", "share", "social", "related", "newsletter", "sidebar",
      "footer", "advert", "sponsor", "breadcrumb", "kommentar", "werbung", "anzeige", "empfehlung");

  private static final List<String> PLURALS = List.of("s", "e", "en", "n");

  private ClassNames() {}

  /** Whether a token ends with a word, or with its plural ({@code leserkommentare}, {@code relatedposts} aside). */
  private static boolean endsWith(String token, String word) {
    if (token.endsWith(word)) return true;
    for (String plural : PLURALS) {
      int at = token.length() - plural.length() - word.length();
      if (at >= 0 && token.startsWith(word, at) && token.endsWith(plural)) return true;
    }
    return false;
  }

  /**
   * Class names that hide an element, matched only as the whole class: "hidden" inside a longer
   * name is a setting of something shown ({@code field-label-hidden} on Drupal's body field,
   * Bootstrap's {@code hidden-xs}, shown on all but small screens).
   */
  private static final Set<String> HIDING = Set.of("hidden", "ishidden");

  /** The tokens of class and id names: split at separators and camel case, lower case, with neighbours joined. */
  static List<String> tokens(String names) {
    List<String> tokens = new ArrayList<>();
    for (String name : names.split("\\s+")) {
      List<String> parts = parts(name);
      tokens.addAll(parts);
      joined(parts, tokens);
    }
    return tokens;
  }

  /** Whether the names (an element's class and id, space-separated) name boilerplate. */
  static boolean boilerplate(String names) {
    if (names.isBlank()) return false;
    List<String> tokens = new ArrayList<>();
    int start = 0;
    for (int i = 0; i <= names.length(); i++) {
      if (i < names.length() && !Character.isWhitespace(names.charAt(i))) continue;
      List<String> parts = parts(names.substring(start, i));
      start = i + 1;
      if (parts.isEmpty()) continue;
      if (HIDING.contains(parts.size() == 1 ? parts.getFirst() : String.join("", parts))) return true;
      tokens.clear();
      tokens.addAll(parts);
      joined(parts, tokens);
      for (String token : tokens) if (isBoilerplate(token)) return true;
    }
    return false;
  }

  private static boolean isBoilerplate(String token) {
    if (BOILERPLATE.contains(token) || token.endsWith("s") && BOILERPLATE.contains(token.substring(0, token.length() - 1))) {
      return true;
    }
    for (String stem : STEMS) {
      if (token.length() > stem.length() + 2 && (token.startsWith(stem) || endsWith(token, stem))) return true;
    }
    return false;
  }

  /**
   * One class name (or the id) split at separators and camel case, lower case; none for an id that
   * holds a path or address ("https://site/slideshow/123.cms"), which is data, not a name.
   */
  private static List<String> parts(String name) {
    List<String> parts = new ArrayList<>();
    if (name.isEmpty() || name.indexOf('/') >= 0) return parts;
    StringBuilder part = new StringBuilder();
    for (int j = 0; j <= name.length(); j++) {
      char c = j < name.length() ? name.charAt(j) : ' ';
      boolean camel = Character.isUpperCase(c) && j > 0 && Character.isLowerCase(name.charAt(j - 1));
      if (!Character.isLetterOrDigit(c) || camel) {
        if (!part.isEmpty()) parts.add(part.toString());
        part.setLength(0);
      }
      if (Character.isLetterOrDigit(c)) part.append(Character.toLowerCase(c));
    }
    return parts;
  }

  /** Adds the pairs and triples of neighbouring parts, joined: "read-more", "mehr-zum-thema". */
  private static void joined(List<String> parts, List<String> tokens) {
    for (int j = 0; j + 1 < parts.size(); j++) {
      tokens.add(parts.get(j) + parts.get(j + 1));
      if (j + 2 < parts.size()) tokens.add(parts.get(j) + parts.get(j + 1) + parts.get(j + 2));
    }
  }
}
