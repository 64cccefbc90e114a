package dev.kurz.digest;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Points at one claim of one article of a story: zero-based indexes into {@link Story#articles()}
 * and that article's claims. Written {@code a1c2} (one-based) in prompts and answers.
 */
public record ClaimRef(int article, int claim) {
  private static final Pattern ID = Pattern.compile("a(\\d+)c(\\d+)");

  public ClaimRef {
    if (article < 0 || claim < 0) throw new IllegalArgumentException("negative index");
  }

  public String id() {
    return "a" + (article + 1) + "c" + (claim + 1);
  }

  /** Parses {@code a1c2}; null when it is not one. */
  public static ClaimRef parse(String id) {
    Matcher m = ID.matcher(id == null ? "" : id.strip());
    if (!m.matches()) return null;
    int a = Integer.parseInt(m.group(1));
    int c = Integer.parseInt(m.group(2));
    return a < 1 || c < 1 ? null : new ClaimRef(a - 1, c - 1);
  }
}
