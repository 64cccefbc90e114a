package dev.kurz.pipeline;

import dev.kurz.model.Claim;
import java.util.List;

/** TEMPORARY STUB until the real one merges. */
public final class ModalityCheck {
  private ModalityCheck() {}

  public static List<String> check(int n, Claim c) {
    return List.of();
  }
}
