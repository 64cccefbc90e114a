package dev.kurz.digest;

import java.util.List;

/** A claim as the story states it, with every article claim that makes it (who said what, with its quote). */
public record KeyClaim(String claim, List<ClaimRef> sources) {
  public KeyClaim {
    sources = List.copyOf(sources);
    if (sources.isEmpty()) throw new IllegalArgumentException("a key claim needs a source");
  }
}
