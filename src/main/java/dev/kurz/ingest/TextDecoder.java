package dev.kurz.ingest;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Turns the bytes of a text input into a string: a BOM decides (UTF-8, UTF-16 LE/BE), else strict
 * UTF-8, else Windows-1252 (the encoding of older German text files; every byte decodes, umlauts
 * included). Binary data (NUL bytes, control characters) is refused. Web pages go through
 * {@link #decodeHtml}, whose charset {@link PageCharset} chooses.
 */
public final class TextDecoder {
  private static final Charset WINDOWS_1252 = Charset.forName("windows-1252");

  private TextDecoder() {}

  public static String decode(byte[] bytes) throws InputException {
    return decode(bytes, null);
  }

  /**
   * Decodes a web page or feed: a BOM wins, else the charset {@link PageCharset} reads from the
   * bytes, the server's declaration ({@code Content-Type: ...; charset=}) and the page's own.
   *
   * @param httpCharset the charset parameter of the Content-Type header, or null
   */
  public static String decodeHtml(byte[] bytes, String httpCharset) throws InputException {
    return decode(bytes, PageCharset.of(bytes, httpCharset));
  }

  private static String decode(byte[] bytes, Charset declared) throws InputException {
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
        if (text == null) text = new String(bytes, WINDOWS_1252);
      }
    }
    if (looksBinary(text)) throw new InputException("not a text file (binary content)");
    return text;
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
