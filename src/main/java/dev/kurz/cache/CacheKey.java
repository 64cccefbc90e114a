package dev.kurz.cache;

import dev.kurz.model.Sha256;
import java.text.Normalizer;
import java.util.regex.Pattern;

/**
 * Builds cache keys from everything that determines an answer and nothing else. The article is
 * keyed by its normalized text, never its path or URL, so the same article read from a file or a
 * URL hits the same entry; whitespace and Unicode composition differences do not miss.
 */
public final class CacheKey {
  // Runs of spaces, tabs and no-break spaces become one space. A lone space is already that, and
  // leaving it unmatched spares a replacement for every word of the text: two or more, or a run
  // starting with a tab or no-break space.
  private static final Pattern SPACES = Pattern.compile("(?: [ \\t\\u00A0]|[\\t\\u00A0])[ \\t\\u00A0]*");
  private static final Pattern BLANK_LINES = Pattern.compile("\\n{3,}");

  private final Sha256 hash = Sha256.start();

  private CacheKey(String kind) {
    part("kind", kind);
  }

  public static CacheKey of(String kind) {
    return new CacheKey(kind);
  }

  /** Adds a named part; null values count as absent, distinct from the empty string. */
  public CacheKey part(String name, String value) {
    hash.add(name).add((byte) 1);
    if (value != null) hash.add(value);
    hash.add((byte) (value == null ? 2 : 0));
    return this;
  }

  public CacheKey text(String name, String text) {
    return part(name, normalizeText(text));
  }

  public String build() {
    return hash.hex();
  }

  /** NFC, no trailing spaces, runs of spaces as one, at most one blank line between paragraphs. */
  public static String normalizeText(String text) {
    String s = (Normalizer.isNormalized(text, Normalizer.Form.NFC) ? text : Normalizer.normalize(text, Normalizer.Form.NFC)).replace("\r\n", "\n").replace('\r', '\n');
    s = SPACES.matcher(s).replaceAll(" ");
    s = s.replace(" \n", "\n").replace("\n ", "\n");
    return BLANK_LINES.matcher(s).replaceAll("\n\n").strip();
  }
}
