package dev.kurz.ingest;

import dev.kurz.model.Sha256;
import dev.kurz.model.Article;
import dev.kurz.model.Source;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Turns what the user named (arguments, and the lines of an {@code --inputs} file) into the list
 * of inputs a command reads, in order:
 * <ul>
 *   <li>{@code -}: standard input;
 *   <li>a folder: its article files ({@value #EXTENSIONS_TEXT}), sorted by name, not recursing;
 *       a folder without any is an error for that argument;
 *   <li>a file: itself, unless its content is an RSS or Atom feed, which stands for its entries;
 *   <li>an http(s) URL: fetched now; a feed (told by its content) stands for its entries, anything
 *       else is the page.
 * </ul>
 * A feed entry whose content is only a teaser is replaced by the article its link points to.
 * Web inputs are read here rather than later so that duplicates can be dropped before any work is
 * paid for: the same canonical URL (tracking parameters and fragment removed, the page's own
 * {@code rel=canonical} once fetched) or the same text (normalized) is kept once, first come first
 * kept, each dropped one announced through {@code notes}. Failures become {@link Input.Unreadable}
 * for that argument or entry; resolution itself never fails. Not thread-safe (one per run).
 */
public final class InputResolver {
  /** File name endings read from a folder. */
  public static final Set<String> EXTENSIONS = Set.of(".txt", ".md", ".html", ".htm", ".pdf");
  static final String EXTENSIONS_TEXT = ".txt .md .html .htm .pdf";
  /** Feed entries whose text is shorter than this are teasers: the linked article is fetched. */
  static final int TEASER_CHARS = 1000;
  private static final Pattern SCHEME = Pattern.compile("^[A-Za-z][A-Za-z0-9+.-]*://.*");

  private final ArticleReader reader;
  private final PageFetcher fetcher;
  private final Consumer<String> notes;
  private final List<Input> out = new ArrayList<>();
  private final Map<String, String> seenUrls = new HashMap<>();
  private final Map<String, String> seenTexts = new HashMap<>();
  private final Map<String, String> seenFiles = new HashMap<>();

  /**
   * @param fetcher fetches web inputs; null when this run may not go online (URLs then fail)
   * @param notes receives one line per dropped duplicate and per teaser that could not be completed
   */
  public InputResolver(ArticleReader reader, PageFetcher fetcher, Consumer<String> notes) {
    this.reader = reader;
    this.fetcher = fetcher;
    this.notes = notes;
  }

  /**
   * The inputs named by {@code args} and then by the lines of {@code inputsFile} (one path, URL or
   * feed per line; blank lines and {@code #} comments skipped; relative paths relative to the
   * file's folder).
   *
   * @param inputsFile the list file, or null
   */
  public List<Input> resolve(List<String> args, Path inputsFile) {
    out.clear();
    for (String arg : args) add(arg, null);
    if (inputsFile != null) {
      List<String> lines;
      try {
        lines = Files.readAllLines(inputsFile, StandardCharsets.UTF_8);
      } catch (IOException e) {
        out.add(new Input.Unreadable(inputsFile.toString(), "cannot read the inputs list: "
            + (e instanceof java.nio.file.NoSuchFileException ? "no such file" : e.getMessage())));
        return List.copyOf(out);
      }
      Path base = inputsFile.toAbsolutePath().getParent();
      for (String line : lines) {
        String item = line.strip();
        if (item.isEmpty() || item.startsWith("#")) continue;
        add(item, base);
      }
    }
    return List.copyOf(out);
  }

  private void add(String arg, Path base) {
    if (arg.equals("-")) {
      if (out.stream().noneMatch(i -> i instanceof Input.Stdin)) out.add(new Input.Stdin());
      return;
    }
    if (SCHEME.matcher(arg).matches()) {
      if (!PageFetcher.isWebUrl(arg)) {
        out.add(new Input.Unreadable(arg, "only http and https URLs are read"));
      } else {
        addUrl(arg);
      }
      return;
    }
    Path path = base == null ? Path.of(arg) : base.resolve(arg);
    String label = base == null ? arg : path.toString();
    if (Files.isDirectory(path)) {
      addFolder(label, path);
    } else {
      addFile(label, path);
    }
  }

  private void addFolder(String label, Path dir) {
    List<Path> files;
    try (Stream<Path> list = Files.list(dir)) {
      files = list.filter(p -> Files.isRegularFile(p) && isArticleFile(p)).sorted().toList();
    } catch (IOException e) {
      out.add(new Input.Unreadable(label, "cannot list the folder: " + e.getMessage()));
      return;
    }
    if (files.isEmpty()) {
      out.add(new Input.Unreadable(label, "no article files (" + EXTENSIONS_TEXT + ") in this folder"));
      return;
    }
    String prefix = label.endsWith("/") ? label : label + "/";
    for (Path file : files) addFile(prefix + file.getFileName(), file);
  }

  static boolean isArticleFile(Path p) {
    String name = p.getFileName().toString().toLowerCase(Locale.ROOT);
    return !name.startsWith(".") && EXTENSIONS.stream().anyMatch(name::endsWith);
  }

  private void addFile(String label, Path path) {
    String key = path.toAbsolutePath().normalize().toString();
    if (seenFiles.containsKey(key)) {
      notes.accept(label + ": skipped, named twice");
      return;
    }
    seenFiles.put(key, label);
    if (startsLikeFeed(path)) {
      try {
        addFeed(label, TextDecoder.decodeHtml(Files.readAllBytes(path), null));
      } catch (IOException e) {
        out.add(new Input.Unreadable(label, "cannot read: " + e.getMessage()));
      } catch (InputException e) {
        out.add(new Input.Unreadable(label, e.getMessage()));
      }
      return;
    }
    out.add(new Input.LocalFile(label, path));
  }

  /** Reads only the head of the file: a feed shows itself in its first kilobytes. */
  private static boolean startsLikeFeed(Path path) {
    if (!Files.isRegularFile(path)) return false;
    try (InputStream in = Files.newInputStream(path)) {
      byte[] head = in.readNBytes(2048);
      return FeedReader.isFeed(new String(head, StandardCharsets.ISO_8859_1));
    } catch (IOException e) {
      return false; // the reader reports it when the file's turn comes
    }
  }

  private void addUrl(String url) {
    if (fetcher == null) {
      out.add(new Input.Unreadable(url, "URLs are not fetched in this run"));
      return;
    }
    if (isDuplicateUrl(url, url)) return;
    try {
      PageFetcher.Page page = fetcher.fetch(url);
      if (isFeedPage(page)) {
        addFeed(url, TextDecoder.decodeHtml(page.body(), page.charset()));
      } else {
        ArticleReader.Extraction e = reader.fromPage(url, page);
        addReady(url, e, page.url());
      }
    } catch (InputException e) {
      out.add(new Input.Unreadable(url, e.getMessage()));
    }
  }

  private static boolean isFeedPage(PageFetcher.Page page) {
    String type = page.mediaType();
    if (type != null && (type.contains("html") || type.equals("application/pdf"))) return false;
    String head = new String(page.body(), 0, Math.min(page.body().length, 2048), StandardCharsets.ISO_8859_1);
    return FeedReader.isFeed(head);
  }

  private void addFeed(String feedLabel, String xml) throws InputException {
    FeedReader.Feed feed = FeedReader.read(xml);
    if (feed.items().isEmpty()) {
      out.add(new Input.Unreadable(feedLabel, "the feed has no entries"));
      return;
    }
    int index = 0;
    for (FeedReader.Item item : feed.items()) {
      index++;
      String label = item.link() != null ? item.link() : feedLabel + "#" + index;
      if (item.link() != null && isDuplicateUrl(item.link(), label)) continue;
      try {
        addReady(label, readItem(label, item, feed.language()), item.link());
      } catch (InputException e) {
        out.add(new Input.Unreadable(label, e.getMessage()));
      }
    }
  }

  private ArticleReader.Extraction readItem(String label, FeedReader.Item item, String feedLanguage) throws InputException {
    String text = reader.feedItemText(item);
    if (text.length() >= TEASER_CHARS || item.link() == null || fetcher == null || !PageFetcher.isWebUrl(item.link())) {
      return reader.fromFeedItem(label, item, feedLanguage);
    }
    try {
      ArticleReader.Extraction full = reader.fromPage(label, fetcher.fetch(item.link()));
      var source = full.article().source();
      // the feed's date and headline are the publisher's own; the page's fill the gaps
      var merged = new Source(source.label(), source.path(), source.url(),
          source.title() != null ? source.title() : item.title(), source.author() != null ? source.author() : item.author(),
          item.published() != null ? item.published() : source.published(), source.site(), source.language(),
          source.characters());
      return new ArticleReader.Extraction(new Article(merged, full.article().text()), full.removed(),
          full.canonicalUrl());
    } catch (InputException e) {
      if (text.isBlank()) throw e;
      notes.accept(label + ": full article unavailable (" + e.getMessage() + "); using the feed's teaser");
      return reader.fromFeedItem(label, item, feedLanguage);
    }
  }

  /** Keeps the first of two inputs with the same canonical URL, the page's own rel=canonical, or text. */
  private void addReady(String label, ArticleReader.Extraction e, String finalUrl) {
    if (finalUrl != null && !finalUrl.equals(label) && isDuplicateUrl(finalUrl, label)) return;
    if (e.canonicalUrl() != null && isDuplicateUrl(e.canonicalUrl(), label)) return;
    String hash = textHash(e.article().text());
    String first = seenTexts.putIfAbsent(hash, label);
    if (first != null) {
      notes.accept(label + ": skipped, same text as " + first);
      return;
    }
    out.add(new Input.Ready(label, e.article(), e.removed()));
  }

  /** Records {@code url}; true (and a note) when an earlier input had the same canonical URL. */
  private boolean isDuplicateUrl(String url, String label) {
    String first = seenUrls.putIfAbsent(CanonicalUrl.of(url), label);
    if (first == null || first.equals(label)) return false;
    notes.accept(label + ": skipped, same article as " + first);
    return true;
  }

  /** Hash of the text with case, punctuation and spacing ignored. */
  static String textHash(String text) {
    String normalized = text.toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N}]+", " ").strip();
    return Sha256.hex(normalized);
  }
}
