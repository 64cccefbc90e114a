package dev.kurz.ingest;

import dev.kurz.model.Article;
import dev.kurz.model.Source;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * Turns one {@link Input} into an {@link Article}: bytes decoded ({@link TextDecoder}), HTML through
 * main-content extraction, plain text and Markdown through furniture cleanup, PDF through PDFBox
 * then cleanup; what the page or text says about itself (title, author, date, site, language)
 * lands on the source, and the language is detected where the input does not state it. An article
 * not in German is announced through {@code warn} (and still read). Every command reads its inputs
 * through here, after {@link InputResolver}. Thread-safe.
 */
public final class ArticleReader {
  /** Inputs larger than this are refused unless the limit is raised. */
  public static final long DEFAULT_MAX_BYTES = 20L * 1024 * 1024;

  /**
   * An article and what cleanup took out of it.
   *
   * @param removed the furniture dropped from plain text, line by line (empty for HTML: there the
   *     whole page around the article is dropped)
   * @param canonicalUrl the address an HTML page names as its own, or null
   */
  public record Extraction(Article article, List<String> removed, String canonicalUrl) {
    public Extraction {
      Objects.requireNonNull(article, "article");
      removed = List.copyOf(removed);
    }
  }

  private final InputStream stdin;
  private final long maxBytes;
  private final Consumer<String> warn;
  private final TextCleaner cleaner = new TextCleaner();
  private final HtmlExtractor html = new HtmlExtractor();

  /** @param warn receives one line per article not in German ("label: ...") */
  public ArticleReader(InputStream stdin, long maxBytes, Consumer<String> warn) {
    this.stdin = stdin;
    this.maxBytes = maxBytes;
    this.warn = warn;
  }

  public Article read(Input input) throws InputException {
    return extract(input).article();
  }

  public Extraction extract(Input input) throws InputException {
    Extraction extraction = switch (input) {
      case Input.Stdin s -> fromBytes(Source.ofStdin(0), readStdin(), null, null, null);
      case Input.LocalFile f -> fromBytes(Source.ofFile(f.label(), 0), readFile(f.path()), null, null,
          f.path().getFileName() == null ? null : f.path().getFileName().toString());
      case Input.Ready r -> new Extraction(r.article(), r.removed(), null);
      case Input.Unreadable u -> throw new InputException(u.message());
    };
    String language = extraction.article().source().language();
    if (language != null && !language.equals("de")) {
      warn.accept(input.label() + ": the article seems to be in " + LanguageDetector.displayName(language) + " (" + language
          + "), not German; reading it anyway");
    }
    String stub = stub(extraction);
    if (stub != null) warn.accept(input.label() + ": " + stub);
    return extraction;
  }

  /** Shorter than this after a paywall notice, or from the web at all, the text is likely a teaser. */
  static final int STUB_AFTER_PAYWALL_CHARS = 2000;
  static final int STUB_FROM_WEB_CHARS = 1000;

  /**
   * Why the text looks like a teaser or paywall stub rather than the article, or null: a paywall
   * notice was removed and little text is left, or a web page gave little text.
   */
  static String stub(Extraction e) {
    int chars = e.article().text().length();
    boolean paywall = e.removed().stream().anyMatch(Furniture::isPaywall);
    if (paywall && chars < STUB_AFTER_PAYWALL_CHARS) {
      return "only " + chars + " characters after a paywall notice: this looks like a teaser or paywall stub, not the whole article";
    }
    if (e.article().source().url() != null && chars < STUB_FROM_WEB_CHARS) {
      return "only " + chars + " characters of text on the page: this may be a teaser or paywall stub, not the whole article";
    }
    return null;
  }

  /** A downloaded page, PDF or text file (not a feed) as an article. */
  Extraction fromPage(String label, PageFetcher.Page page) throws InputException {
    Source source = new Source(label, null, page.url(), null, null, null, null, null, 0);
    return fromBytes(source, page.body(), page.mediaType(), page.charset(), fileName(page.url()));
  }

  /**
   * A feed entry's own content (HTML fragment) as an article; the entry's title, author and date
   * fill what the text does not say.
   */
  Extraction fromFeedItem(String label, FeedReader.Item item, String feedLanguage) throws InputException {
    Source source = new Source(label, null, item.link(), item.title(), item.author(), item.published(), null, null, 0);
    String text = ArticleReader.normalize(html.fragmentText(item.html()));
    if (text.isBlank()) throw new InputException("the feed entry has no text");
    return fromText(source.withMetadata(null, null, null, null, feedLanguage), text);
  }

  /** The text of a feed entry's HTML, for judging whether it is the whole article or a teaser. */
  String feedItemText(FeedReader.Item item) {
    return html.fragmentText(item.html());
  }

  private Extraction fromBytes(Source source, byte[] bytes, String mediaType, String charset, String name)
      throws InputException {
    String lowerName = name == null ? "" : name.toLowerCase(Locale.ROOT);
    if (PdfText.isPdf(bytes) || "application/pdf".equals(mediaType)) {
      PdfText.Extracted pdf = PdfText.extract(bytes);
      String text = normalize(pdf.text());
      if (text.isBlank()) throw new InputException("no text in the PDF (a scan without a text layer?)");
      return fromText(source.withMetadata(pdf.title(), pdf.author(), null, null, null), text);
    }
    boolean web = mediaType != null || source.url() != null;
    java.util.function.Consumer<String> decoding = w -> warn.accept(source.label() + ": " + w);
    String text = normalize(web || isHtmlName(lowerName) ? TextDecoder.decodeHtml(bytes, charset, decoding)
        : TextDecoder.decode(bytes, decoding));
    // isBlank() misses no-break and other Unicode spaces: a file of those would go to the model.
    if (text.codePoints().noneMatch(Character::isLetterOrDigit)) throw new InputException("empty (no text)");
    boolean isHtml = mediaType != null ? mediaType.contains("html") || mediaType.endsWith("xml") && looksLikeHtml(text, null)
        : looksLikeHtml(text, lowerName);
    if (isHtml) return fromHtml(source, text);
    return fromText(source, text);
  }

  private Extraction fromHtml(Source source, String page) throws InputException {
    HtmlExtractor.Extracted extracted = html.extract(page, source.url());
    String text = normalize(extracted.text());
    if (text.isBlank()) throw new InputException("no article text found in the page");
    String language = extracted.language() != null ? extracted.language() : LanguageDetector.detect(text);
    source = source.withMetadata(extracted.title(), extracted.author(), extracted.published(), extracted.site(), language);
    return new Extraction(new Article(source.withCharacters(text.length()), text), List.of(), extracted.canonicalUrl());
  }

  private Extraction fromText(Source source, String text) throws InputException {
    TextCleaner.Cleaned cleaned = cleaner.clean(text);
    String clean = cleaned.text();
    if (clean.isBlank()) throw new InputException("no article text left after removing page furniture");
    String language = source.language() != null ? source.language() : LanguageDetector.detect(clean);
    source = source.withMetadata(cleaned.title(), cleaned.author(), cleaned.published(), null, language);
    return new Extraction(new Article(source.withCharacters(clean.length()), clean), cleaned.removed(), null);
  }

  private byte[] readFile(Path path) throws InputException {
    if (Files.isDirectory(path)) throw new InputException("is a directory");
    // A FIFO or device would block (or never end): only regular files are read by name.
    if (Files.exists(path) && !Files.isRegularFile(path)) {
      throw new InputException("not a regular file (a pipe or device); give its content on standard input (-) instead");
    }
    try {
      long size = Files.size(path);
      if (size > maxBytes) {
        throw new InputException("too large (" + size / 1024 / 1024 + " MB; limit "
            + maxBytes / 1024 / 1024 + " MB, raise with --max-input-size)");
      }
      return Files.readAllBytes(path);
    } catch (NoSuchFileException e) {
      throw new InputException("no such file");
    } catch (AccessDeniedException e) {
      throw new InputException("permission denied");
    } catch (IOException e) {
      throw new InputException("cannot read: " + e.getMessage(), e);
    }
  }

  private byte[] readStdin() throws InputException {
    try {
      byte[] bytes = stdin.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, maxBytes + 1));
      if (bytes.length > maxBytes) throw new InputException("standard input too large (raise with --max-input-size)");
      return bytes;
    } catch (IOException e) {
      throw new InputException("cannot read standard input: " + e.getMessage(), e);
    }
  }

  private static boolean isHtmlName(String name) {
    return name.endsWith(".html") || name.endsWith(".htm") || name.endsWith(".xhtml");
  }

  static boolean looksLikeHtml(String text, String name) {
    if (name != null && isHtmlName(name.toLowerCase(Locale.ROOT))) return true;
    String head = text.substring(0, Math.min(text.length(), 512)).stripLeading().toLowerCase(Locale.ROOT);
    return head.startsWith("<!doctype html") || head.startsWith("<html") || head.startsWith("<?xml") && head.contains("<html");
  }

  private static String fileName(String url) {
    int q = url.indexOf('?');
    String path = q < 0 ? url : url.substring(0, q);
    return path.substring(path.lastIndexOf('/') + 1);
  }

  /** Line ends become \n, so offsets and cache keys do not depend on the platform that wrote the file. */
  static String normalize(String text) {
    return text.replace("\r\n", "\n").replace('\r', '\n').strip();
  }
}
