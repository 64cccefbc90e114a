package dev.kurz.model;

/**
 * Where an article came from and what is known about it. Every field but {@code label} may be null.
 *
 * @param label how the user named the input: a path, a URL or {@code -} for stdin
 * @param path the file path, when read from a file
 * @param url the URL, when fetched
 */
public record Source(
    String label,
    String path,
    String url,
    String title,
    String author,
    String published,
    String site,
    String language,
    int characters) {

  public Source {
    if (label == null || label.isBlank()) throw new IllegalArgumentException("label");
  }

  public static Source ofFile(String path, int characters) {
    return new Source(path, path, null, null, null, null, null, null, characters);
  }

  public static Source ofStdin(int characters) {
    return new Source("-", null, null, null, null, null, null, null, characters);
  }

  public Source withLanguage(String language) {
    return new Source(label, path, url, title, author, published, site, language, characters);
  }

  /** The same source with what the page or text itself said about it; null keeps the current value. */
  public Source withMetadata(String title, String author, String published, String site, String language) {
    return new Source(label, path, url, title != null ? title : this.title, author != null ? author : this.author,
        published != null ? published : this.published, site != null ? site : this.site,
        language != null ? language : this.language, characters);
  }

  public Source withCharacters(int characters) {
    return new Source(label, path, url, title, author, published, site, language, characters);
  }

  /**
   * The outlet that published the article as a reader names it: the site's own name, else the host
   * of its web address ("tagesspiegel.de"); null when neither is known.
   */
  public String outlet() {
    return site != null && !site.isBlank() ? site.strip() : host();
  }

  /** The host of the web address without "www." ("tagesspiegel.de"), or null (also for an IP address or "localhost"). */
  public String host() {
    if (url == null) return null;
    try {
      String host = java.net.URI.create(url.strip()).getHost();
      // An address or a machine's own name says nothing of an outlet.
      if (host == null || !host.contains(".") || !host.matches(".*\\p{L}.*") || host.startsWith("[")) return null;
      host = host.toLowerCase(java.util.Locale.ROOT);
      return host.startsWith("www.") ? host.substring(4) : host;
    } catch (IllegalArgumentException e) {
      return null;
    }
  }

  public Source withTitle(String title) {
    return new Source(label, path, url, title, author, published, site, language, characters);
  }
}
