package dev.kurz.model;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * SHA-256 in lower-case hex, the one way kurz hashes: cache keys, prompt and glossary versions,
 * page keys, downloaded files. Strings are hashed as UTF-8. One instance hashes one thing; not
 * thread-safe.
 */
public final class Sha256 {
  private final MessageDigest md;

  private Sha256() {
    try {
      md = MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new AssertionError("every Java platform has SHA-256", e);
    }
  }

  /** A hash to feed piece by piece. */
  public static Sha256 start() {
    return new Sha256();
  }

  /** The hex SHA-256 of {@code text}. */
  public static String hex(String text) {
    return start().add(text).hex();
  }

  public Sha256 add(String text) {
    md.update(text.getBytes(StandardCharsets.UTF_8));
    return this;
  }

  /** One separator byte, so that ("ab", "c") and ("a", "bc") hash apart. */
  public Sha256 add(byte separator) {
    md.update(separator);
    return this;
  }

  public Sha256 add(byte[] bytes, int offset, int length) {
    md.update(bytes, offset, length);
    return this;
  }

  /** The hash of everything added, in hex; the instance is spent. */
  public String hex() {
    return HexFormat.of().formatHex(md.digest());
  }
}
