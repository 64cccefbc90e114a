package dev.kurz.ingest;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Turns the bytes of a text input into a string: a BOM decides (UTF-8, UTF-16 LE/BE), else strict
 * UTF-8, else UTF-8 with replacement and a warning when the bytes are overwhelmingly UTF-8, else Windows-1252 (the encoding of older German text files; every byte decodes, umlauts
 * included). Binary data (NUL bytes, control characters) is refused. Web pages go through
 * {@link #decodeHtml}, whose charset {@link PageCharset} chooses.
 */
public final class TextDecoder {
  private static final Charset WINDOWS_1252 = Charset.forName("windows-1252");

  private TextDecoder() {}

  public static String decode(byte[] bytes) throws InputException {
    return decode(bytes, null, w -> {});
  }

  /** As {@link #decode(byte[])}, telling {@code warn} when invalid bytes were replaced. */
  public static String decode(byte[] bytes, java.util.function.Consumer<String> warn) throws InputException {
    return decode(bytes, null, warn);
  }

  /**
   * Decodes a web page or feed: a BOM wins, else the charset {@link PageCharset} reads from the
   * bytes, the server's declaration ({@code Content-Type: ...; charset=}) and the page's own.
   *
   * @param httpCharset the charset parameter of the Content-Type header, or null
   */
  public static String decodeHtml(byte[] bytes, String httpCharset) throws InputException {
    return decodeHtml(bytes, httpCharset, w -> {});
  }

  /** As {@link #decodeHtml(byte[], String)}, telling {@code warn} when invalid bytes were replaced. */
  public static String decodeHtml(byte[] bytes, String httpCharset, java.util.function.Consumer<String> warn)
      throws InputException {
    return decode(bytes, PageCharset.of(bytes, httpCharset), warn);
  }

  private static String decode(byte[] bytes, Charset declared, java.util.function.Consumer<String> warn)
      throws InputException {
    String text;
    if (startsWith(bytes, 0xEF, 0xBB, 0xBF)) {
      text = new String(bytes, 3, bytes.length - 3, StandardCharsets.UTF_8);
    } else if (startsWith(bytes, 0xFF, 0xFE)) {
      text = new String(bytes, 2, bytes.length - 2, StandardCharsets.UTF_16LE);
    } else if (startsWith(bytes, 0xFE, 0xFF)) {
      text = new String(bytes, 2, bytes.length - 2, StandardCharsets.UTF_16BE);
    } else {
      if (looksBinary(bytes)) {
        throw new InputException("not a text file (binary content)");
      }
      if (declared != null) {
        text = new String(bytes, declared);
      } else {
        text = strictUtf8(bytes);
        if (text == null) {
          Utf8Count count = Utf8Count.of(bytes);
          if (count.overwhelminglyUtf8()) {
            // A stray byte in a UTF-8 file: read as Windows-1252, every umlaut would turn to mojibake.
            text = new String(bytes, StandardCharsets.UTF_8);
            warn.accept("invalid UTF-8 bytes in " + count.invalid() + (count.invalid() == 1 ? " place" : " places")
                + " replaced with \uFFFD (the rest is UTF-8)");
          } else {
            text = new String(bytes, WINDOWS_1252);
          }
        }
      }
    }
    if (looksBinary(text)) throw new InputException("not a text file (binary content)");
    return text;
  }

  /**
   * Well-formed multi-byte UTF-8 sequences against malformed ones. Windows-1252 German has next to
   * no well-formed sequences (an umlaut is one high byte between ASCII letters); a UTF-8 file with a
   * stray byte has many of them and a few malformed ones.
   */
  record Utf8Count(int valid, int invalid) {
    /** {@code invalid} counts runs of malformed bytes: one stray sequence is one place, whatever its length. */
    boolean overwhelminglyUtf8() {
      return valid >= 3 && valid >= 4L * invalid;
    }

    static Utf8Count of(byte[] b) {
      int valid = 0;
      int invalid = 0;
      boolean inRun = false;
      for (int i = 0; i < b.length; ) {
        int c = b[i] & 0xff;
        if (c < 0x80) {
          inRun = false;
          i++;
          continue;
        }
        int n = c >= 0xc2 && c <= 0xdf ? 1 : c >= 0xe0 && c <= 0xef ? 2 : c >= 0xf0 && c <= 0xf4 ? 3 : -1;
        boolean ok = n > 0 && i + 1 < b.length && secondByteFits(c, b[i + 1] & 0xff);
        for (int k = 1; ok && k <= n; k++) ok = i + k < b.length && (b[i + k] & 0xc0) == 0x80;
        if (ok) {
          valid++;
          i += n + 1;
          inRun = false;
        } else {
          if (!inRun) invalid++;
          inRun = true;
          i++;
        }
      }
      return new Utf8Count(valid, invalid);
    }

    /** No overlong forms, no surrogates, nothing past U+10FFFF (as the JDK's decoder decides). */
    private static boolean secondByteFits(int lead, int second) {
      return switch (lead) {
        case 0xe0 -> second >= 0xa0;
        case 0xed -> second <= 0x9f;
        case 0xf0 -> second >= 0x90;
        case 0xf4 -> second <= 0x8f;
        default -> true;
      };
    }
  }

  private static String strictUtf8(byte[] bytes) {
    try {
      return StandardCharsets.UTF_8
          .newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(bytes))
          .toString();
    } catch (CharacterCodingException e) {
      return null;
    }
  }

  private static boolean startsWith(byte[] bytes, int... prefix) {
    if (bytes.length < prefix.length) return false;
    for (int i = 0; i < prefix.length; i++) {
      if ((bytes[i] & 0xFF) != prefix[i]) return false;
    }
    return true;
  }

  /** NUL bytes in the first 8 KiB mean binary (images, archives, UTF-16 without BOM aside). */
  private static boolean looksBinary(byte[] bytes) {
    int n = Math.min(bytes.length, 8192);
    for (int i = 0; i < n; i++) {
      if (bytes[i] == 0) return true;
    }
    return false;
  }

  /** More than 1 % control characters (other than tab, newline, CR, form feed) means binary. */
  private static boolean looksBinary(String text) {
    int n = Math.min(text.length(), 8192);
    int control = 0;
    for (int i = 0; i < n; i++) {
      char c = text.charAt(i);
      if (c < 0x20 && c != '\n' && c != '\r' && c != '\t' && c != '\f') control++;
      if (c == 0xFFFD) control++;
    }
    return n > 0 && control * 100 > n;
  }
}
