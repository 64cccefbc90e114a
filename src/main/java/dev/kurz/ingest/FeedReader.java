package dev.kurz.ingest;

import com.rometools.rome.feed.synd.SyndContent;
import com.rometools.rome.feed.synd.SyndEntry;
import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.io.FeedException;
import com.rometools.rome.io.SyndFeedInput;
import java.io.StringReader;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Reads RSS (0.9x, 1.0, 2.0) and Atom feeds with ROME: each entry becomes an {@link Item}.
 * Stateless; thread-safe.
 */
final class FeedReader {
  private static final Pattern ROOT = Pattern.compile("(?s)^(?:\\s|<\\?[^>]*\\?>|<!--.*?-->|<!DOCTYPE[^>]*>)*<(\\w+:)?(rss|feed|RDF)\\b");

  /**
   * One feed entry.
   *
   * @param link the article's address, or null when the entry has none
   * @param published ISO {@code yyyy-MM-dd}, or null
   * @param html the entry's content (full text or teaser), or its description; may be empty
   */
  record Item(String link, String title, String author, String published, String html) {}

  /** The feed's title and entries, in feed order. */
  record Feed(String title, String language, List<Item> items) {}

  private FeedReader() {}

  /** True when the document's root element is {@code <rss>}, {@code <feed>} or {@code <rdf:RDF>}. */
  static boolean isFeed(String text) {
    String head = text.length() > 2048 ? text.substring(0, 2048) : text;
    if (!head.isEmpty() && head.charAt(0) == '\uFEFF') head = head.substring(1);
    return ROOT.matcher(head).lookingAt();
  }

  static Feed read(String xml) throws InputException {
    SyndFeed feed;
    try {
      SyndFeedInput input = new SyndFeedInput();
      input.setAllowDoctypes(false);
      feed = input.build(new StringReader(xml));
    } catch (FeedException | IllegalArgumentException e) {
      throw new InputException("not a readable feed: " + firstLine(e.getMessage()), e);
    }
    List<Item> items = new ArrayList<>();
    for (SyndEntry e : feed.getEntries()) {
      String link = blankToNull(e.getLink());
      if (link == null && e.getUri() != null && e.getUri().startsWith("http")) link = e.getUri();
      items.add(new Item(link, blankToNull(e.getTitle()), blankToNull(e.getAuthor()),
          iso(e.getPublishedDate() != null ? e.getPublishedDate() : e.getUpdatedDate()), content(e)));
    }
    String language = feed.getLanguage() == null ? null
        : feed.getLanguage().strip().replace('_', '-').split("-")[0].toLowerCase(Locale.ROOT);
    return new Feed(blankToNull(feed.getTitle()), blankToNull(language), items);
  }

  private static String content(SyndEntry e) {
    StringBuilder html = new StringBuilder();
    for (SyndContent c : e.getContents()) {
      if (c.getValue() != null) html.append(c.getValue()).append('\n');
    }
    if (html.isEmpty() && e.getDescription() != null && e.getDescription().getValue() != null) {
      html.append(e.getDescription().getValue());
    }
    return html.toString().strip();
  }

  private static String iso(Date date) {
    return date == null ? null : date.toInstant().atZone(ZoneOffset.UTC).toLocalDate().toString();
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s.strip();
  }

  private static String firstLine(String message) {
    if (message == null) return "parse error";
    int nl = message.indexOf('\n');
    return nl < 0 ? message : message.substring(0, nl);
  }
}
