package dev.kurz.ingest;

import com.knuddels.jtokkit.Encodings;
import com.knuddels.jtokkit.api.Encoding;
import com.knuddels.jtokkit.api.EncodingType;

/**
 * How many tokens a text costs, counted with the cl100k encoding (GPT-4 family). Other models
 * count differently, usually within 10-20 %; good enough to size requests and spot long articles.
 * The encoding is loaded on first use. Thread-safe.
 */
public final class TokenEstimate {
  private TokenEstimate() {}

  public static int count(String text) {
    return Holder.CL100K.countTokensOrdinary(text);
  }

  private static final class Holder {
    static final Encoding CL100K = Encodings.newLazyEncodingRegistry().getEncoding(EncodingType.CL100K_BASE);
  }
}
