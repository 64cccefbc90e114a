package dev.kurz.ingest;

import dev.kurz.model.Article;
import dev.kurz.model.Source;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/**
 * Reads one input named on the command line ({@code -} for stdin, else a file path) into an
 * {@link Article}. Every command reads its inputs through here. Thread-safe.
 */
public final class ArticleReader {
  /** Inputs larger than this are refused unless the limit is raised. */
  public static final long DEFAULT_MAX_BYTES = 20L * 1024 * 1024;

  private final InputStream stdin;
  private final long maxBytes;
  private final TextCleaner cleaner = new TextCleaner();

  public ArticleReader(InputStream stdin, long maxBytes) {
    this.stdin = stdin;
    this.maxBytes = maxBytes;
  }

  public Article read(String input) throws InputException {
    if (input.equals("-")) {
      String text = normalize(TextDecoder.decode(readStdin()));
      requireText(text);
      return toArticle(Source.ofStdin(text.length()), text, null);
    }
    Path path = Path.of(input);
    if (Files.isDirectory(path)) throw new InputException("is a directory");
    byte[] bytes;
    try {
      long size = Files.size(path);
      if (size > maxBytes) {
        throw new InputException("too large (" + size / 1024 / 1024 + " MB; limit "
            + maxBytes / 1024 / 1024 + " MB, raise with --max-input-size)");
      }
      bytes = Files.readAllBytes(path);
    } catch (NoSuchFileException e) {
      throw new InputException("no such file");
    } catch (AccessDeniedException e) {
      throw new InputException("permission denied");
    } catch (IOException e) {
      throw new InputException("cannot read: " + e.getMessage(), e);
    }
    String text = normalize(TextDecoder.decode(bytes));
    requireText(text);
    return toArticle(Source.ofFile(input, text.length()), text, input);
  }

  /**
   * HTML goes through main-content extraction, plain text through furniture cleanup; either way
   * what the page or text says about itself (title, date, ...) lands on the source.
   */
  private Article toArticle(Source source, String text, String name) throws InputException {
    String clean;
    if (looksLikeHtml(text, name)) {
      HtmlExtractor.Extracted page = new HtmlExtractor().extract(text, null);
      clean = normalize(page.text());
      source = source.withMetadata(page.title(), page.author(), page.published(), page.site(), page.language());
      if (clean.isBlank()) throw new InputException("no article text found in the page");
    } else {
      TextCleaner.Cleaned cleaned = cleaner.clean(text);
      clean = cleaned.text();
      source = source.withMetadata(cleaned.title(), null, cleaned.published(), null, null);
      if (clean.isBlank()) throw new InputException("no article text left after removing page furniture");
    }
    return new Article(source.withCharacters(clean.length()), clean);
  }

  static boolean looksLikeHtml(String text, String name) {
    if (name != null && (name.endsWith(".html") || name.endsWith(".htm") || name.endsWith(".xhtml"))) return true;
    String head = text.substring(0, Math.min(text.length(), 512)).stripLeading().toLowerCase(java.util.Locale.ROOT);
    return head.startsWith("<!doctype html") || head.startsWith("<html") || head.startsWith("<?xml") && head.contains("<html");
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

  /** Line ends become \n, so offsets and cache keys do not depend on the platform that wrote the file. */
  static String normalize(String text) {
    return text.replace("\r\n", "\n").replace('\r', '\n').strip();
  }

  private static void requireText(String text) throws InputException {
    if (text.isBlank()) throw new InputException("empty (no text)");
  }
}
