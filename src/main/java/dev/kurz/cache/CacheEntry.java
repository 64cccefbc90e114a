package dev.kurz.cache;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Objects;

/**
 * One cached answer. The cache stores {@code payload} verbatim and never interprets it: callers put
 * JSON (a summary, a translated chunk, a story synthesis) or plain text (a fetched web page) there.
 *
 * <p>{@code key} identifies the answer (callers derive it from prompt, input and model); {@code kind}
 * says what the payload is ("summary", "page", ...); {@code provider}, {@code model} and the token
 * counts say what a fresh answer would cost, so hits can be priced. {@code sourceLabel} is a short
 * human hint (file name, URL) for listings and may be empty. {@code created} is kept to the
 * millisecond, which is what the cache stores.
 */
public record CacheEntry(
    String key,
    String kind,
    String provider,
    String model,
    String promptHash,
    long inputTokens,
    long outputTokens,
    String sourceLabel,
    String payload,
    Instant created) {

  public CacheEntry {
    requireText(key, "key");
    requireText(kind, "kind");
    Objects.requireNonNull(provider, "provider");
    Objects.requireNonNull(model, "model");
    Objects.requireNonNull(promptHash, "promptHash");
    Objects.requireNonNull(payload, "payload");
    Objects.requireNonNull(created, "created");
    if (inputTokens < 0 || outputTokens < 0) {
      throw new IllegalArgumentException(
          "token counts must not be negative: " + inputTokens + ", " + outputTokens);
    }
    sourceLabel = sourceLabel == null ? "" : sourceLabel;
    created = created.truncatedTo(ChronoUnit.MILLIS);
  }

  /** Input plus output tokens: what one hit on this entry saves. */
  public long tokens() {
    return inputTokens + outputTokens;
  }

  private static void requireText(String value, String name) {
    if (value == null || value.isBlank()) {
      throw new IllegalArgumentException(name + " must not be blank");
    }
  }
}
