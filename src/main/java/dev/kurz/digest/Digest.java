package dev.kurz.digest;

import dev.kurz.model.Usage;
import java.time.Instant;
import java.util.List;

/** A run's stories, biggest first, and what the synthesis requests cost. */
public record Digest(List<Story> stories, Instant created) {
  public Digest {
    stories = List.copyOf(stories);
  }

  public int articleCount() {
    return stories.stream().mapToInt(s -> s.articles().size()).sum();
  }

  public Usage synthesisUsage() {
    Usage u = Usage.NONE;
    for (Story s : stories) if (s.origin() == Story.Origin.SYNTHESIZED) u = u.plus(s.usage());
    return u;
  }
}
