package dev.kurz.cache;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;

/**
 * Child process for the cross-process tests: opens the cache in {@code args[0]}, prints "ready",
 * optionally waits for a line on stdin, then puts {@code args[2]} entries (forever when -1) keyed
 * {@code <args[1]>-<n>}, printing "put <key>" after each put returned.
 */
public final class CacheWriterMain {
  private CacheWriterMain() {}

  public static void main(String[] args) throws Exception {
    Path dir = Path.of(args[0]);
    String prefix = args[1];
    int count = Integer.parseInt(args[2]);
    boolean waitForGo = args.length > 3 && args[3].equals("--wait");
    try (SqliteCache cache = SqliteCache.open(dir, w -> System.err.println("warning: " + w))) {
      System.out.println("ready");
      System.out.flush();
      if (waitForGo) {
        new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();
      }
      String payload = "{\"summary\":\"" + "x".repeat(4000) + "\"}";
      for (int i = 0; count < 0 || i < count; i++) {
        String key = prefix + "-" + i;
        cache.put(
            new CacheEntry(
                key, "summary", "openai", "gpt-test", "p1", 100, 20, "child", payload,
                Instant.now()));
        System.out.println("put " + key);
        System.out.flush();
      }
    }
    System.out.println("done");
  }
}
