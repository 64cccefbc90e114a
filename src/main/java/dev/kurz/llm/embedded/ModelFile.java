package dev.kurz.llm.embedded;

import java.util.Objects;

/**
 * One file of a model folder. {@code size} is -1 and {@code sha256} null where the catalog does not
 * pin them; a download then trusts the server's announced length and SHA-256 (Hugging Face sends it
 * as {@code X-Linked-Etag} for large files) and records what it verified in the folder's manifest.
 */
public record ModelFile(String name, long size, String sha256) {
  public ModelFile {
    Objects.requireNonNull(name, "name");
    if (name.contains("/") || name.contains("\\") || name.startsWith(".")) {
      throw new IllegalArgumentException("not a plain file name: " + name);
    }
  }
}
