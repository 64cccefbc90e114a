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

  public ArticleReader(InputStream stdin, long maxBytes) {
    this.stdin = stdin;
    this.maxBytes = maxBytes;
  }

  public Article read(String input) throws InputException {
    if (input.equals("-")) {
      String text = normalize(TextDecoder.decode(readStdin()));
      requireText(text);
      return new Article(Source.ofStdin(text.length()), text);
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
    return new Article(Source.ofFile(input, text.length()), text);
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
