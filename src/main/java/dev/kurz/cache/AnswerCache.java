package dev.kurz.cache;

import dev.kurz.model.ModelRef;
import dev.kurz.model.Usage;
import java.util.Optional;

/**
 * Where finished answers are kept between runs. {@link #DISABLED} for {@code --no-cache}.
 * Implementations are thread-safe, and a failing store never fails an article: it warns and
 * the run goes on without it.
 */
public interface AnswerCache {

  /** The stored payload for the key, or empty. */
  Optional<String> get(String key);

  /** Whether an answer is stored for the key, without counting a hit or a miss (for dry runs). */
  default boolean contains(String key) {
    return get(key).isPresent();
  }

  /** Stores a payload; committed before returning, so a crash right after keeps it. */
  void put(String key, String kind, ModelRef model, String promptHash, Usage usage, String sourceLabel, String payload);

  /**
   * Waits while another process is making the answer for {@code key}, then holds the key until
   * the claim is closed; look the key up again after claiming. A cache that cannot coordinate
   * processes (a local file, none) returns at once.
   */
  default Claim claim(String key) {
    return Claim.NONE;
  }

  /** A key held while its answer is being made; closing releases it. Never throws. */
  interface Claim extends AutoCloseable {
    Claim NONE = () -> {};

    @Override
    void close();
  }

  AnswerCache DISABLED = new AnswerCache() {
    @Override
    public Optional<String> get(String key) {
      return Optional.empty();
    }

    @Override
    public boolean contains(String key) {
      return false;
    }

    @Override
    public void put(String key, String kind, ModelRef model, String promptHash, Usage usage, String sourceLabel, String payload) {}
  };
}
