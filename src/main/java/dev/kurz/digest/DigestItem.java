package dev.kurz.digest;

import dev.kurz.model.ArticleResult;
import java.util.Objects;

/** One finished article going into a digest: its result and the text that was analysed ("" when unknown). */
public record DigestItem(ArticleResult result, String text) {
  public DigestItem {
    Objects.requireNonNull(result, "result");
    text = text == null ? "" : text;
  }
}
