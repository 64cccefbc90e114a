package dev.kurz.ingest;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.mozilla.universalchardet.UniversalDetector;

/**
 * Chooses the charset of a web page from its bytes, trusting the bytes over the labels, as
 * trafilatura does: pages that are valid UTF-8 are UTF-8 whatever they (or their server) declare
 * (a page in a legacy charset with any non-ASCII letter is practically never valid UTF-8, while
 * servers defaulting to ISO-8859-1 in front of UTF-8 pages are common). Otherwise the declared
 * charset (server, then page), unless the bytes are UTF-8 with a few broken sequences; with no
 * usable declaration Mozilla's universalchardet guesses, else Windows-1252. Like browsers,
 * ISO-8859-1 and US-ASCII labels read as Windows-1252. Stateless; thread-safe.
 */
final class PageCharset {
  private static final Charset WINDOWS_1252 = Charset.forName("windows-1252");
  /** Pages put large scripts and styles before their meta tag; the declaration is looked for this far. */
  private static final int HEAD_BYTES = 64 * 1024;
  private static final Pattern META_CHARSET = Pattern.compile(
      "(?i)<meta[^>]+charset\\s*=\\s*[\"']?\\s*([\\w.:-]+)|<\\?xml[^>]+encoding\\s*=\\s*[\"']([\\w.:-]+)");

  private PageCharset() {}

  /** @param httpCharset the charset parameter of the Content-Type header, or null */
  static Charset of(byte[] bytes, String httpCharset) {
    int[] utf8 = utf8Sequences(bytes);
    if (utf8[1] == 0) return StandardCharsets.UTF_8;
    // a UTF-8 page with a stray broken byte (a truncated copy, one pasted Latin-1 string)
    if (utf8[0] >= 8 && utf8[0] >= 10 * utf8[1]) return StandardCharsets.UTF_8;
    Charset declared = charset(httpCharset);
    if (declared == null || declared.equals(StandardCharsets.UTF_8)) {
      Charset page = charset(declaredInPage(bytes));
      if (page != null && !page.equals(StandardCharsets.UTF_8)) declared = page;
    }
    if (declared != null && !declared.equals(StandardCharsets.UTF_8)) return declared;
    Charset guessed = guess(bytes);
    return guessed != null && !guessed.equals(StandardCharsets.UTF_8) ? guessed : WINDOWS_1252;
  }

  /** The charset named in the page's head (first 64 KiB), read as ASCII; null when none. */
  static String declaredInPage(byte[] bytes) {
    String head = new String(bytes, 0, Math.min(bytes.length, HEAD_BYTES), StandardCharsets.ISO_8859_1);
    Matcher m = META_CHARSET.matcher(head);
    if (!m.find()) return null;
    return m.group(1) != null ? m.group(1) : m.group(2);
  }

  /** A label as a charset, or null when unknown; ISO-8859-1 and ASCII as Windows-1252, UTF-16 on ASCII bytes as UTF-8. */
  static Charset charset(String name) {
    if (name == null || name.isBlank()) return null;
    String n = name.strip().toLowerCase(Locale.ROOT);
    if (n.equals("iso-8859-1") || n.equals("latin1") || n.equals("us-ascii") || n.equals("ascii")) return WINDOWS_1252;
    // a page labelled UTF-16 whose bytes are ASCII-compatible lies about itself; browsers read UTF-8 then
    if (n.startsWith("utf-16")) return StandardCharsets.UTF_8;
    try {
      return Charset.forName(n);
    } catch (IllegalArgumentException e) {
      return null; // unknown or unsupported label
    }
  }

  private static Charset guess(byte[] bytes) {
    UniversalDetector detector = new UniversalDetector();
    detector.handleData(bytes, 0, bytes.length);
    detector.dataEnd();
    String name = detector.getDetectedCharset();
    // the detector confuses the two; Mac Cyrillic pages are practically extinct on the web
    if ("MACCYRILLIC".equalsIgnoreCase(name)) return Charset.forName("windows-1251");
    return charset(name);
  }

  /** Counts of well-formed multi-byte UTF-8 sequences and of bytes that break UTF-8. */
  static int[] utf8Sequences(byte[] bytes) {
    int valid = 0;
    int broken = 0;
    int i = 0;
    while (i < bytes.length) {
      int b = bytes[i] & 0xFF;
      if (b < 0x80) {
        i++;
        continue;
      }
      int length = b >= 0xC2 && b <= 0xDF ? 2 : b >= 0xE0 && b <= 0xEF ? 3 : b >= 0xF0 && b <= 0xF4 ? 4 : 0;
      boolean ok = length > 0 && i + length <= bytes.length;
      for (int k = 1; ok && k < length; k++) ok = (bytes[i + k] & 0xC0) == 0x80;
      if (ok && length == 3) {
        int second = bytes[i + 1] & 0xFF;
        ok = !(b == 0xE0 && second < 0xA0) && !(b == 0xED && second > 0x9F);
      }
      if (ok && length == 4) {
        int second = bytes[i + 1] & 0xFF;
        ok = !(b == 0xF0 && second < 0x90) && !(b == 0xF4 && second > 0x8F);
      }
      if (ok) {
        valid++;
        i += length;
      } else {
        broken++;
        i++;
      }
    }
    return new int[] {valid, broken};
  }
}
