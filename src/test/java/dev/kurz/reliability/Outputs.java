package dev.kurz.reliability;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Everything the fault suite saw kurz produce (stdout, stderr, verbose logs, child-process output,
 * cache files), kept for {@link NoKeyLeakTest}, which runs last and greps it all for the fake keys.
 * Static on purpose: it spans test classes. Thread-safe.
 */
public final class Outputs {
  /** The fake keys the fault suite hands to kurz; none may ever appear in anything it produces. */
  public static final List<String> FAKE_KEYS = List.of(
      "sk-test-FAKE-0000-fault-suite", "sk-ant-test-FAKE-1111-fault", "AIzaTEST-FAKE-2222-fault", "cfg-test-FAKE-3333-fault");
  public static final String KEY = FAKE_KEYS.get(0);

  /** One captured output: where it came from, and its text. */
  public record Captured(String origin, String text) {}

  private static final List<Captured> SEEN = Collections.synchronizedList(new ArrayList<>());

  private Outputs() {}

  public static void record(String origin, String text) {
    if (text != null) SEEN.add(new Captured(origin, text));
  }

  public static List<Captured> seen() {
    synchronized (SEEN) {
      return List.copyOf(SEEN);
    }
  }
}
