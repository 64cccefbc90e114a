package dev.kurz;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * The project's shared folder (seeds, examples, contract), beside the repository. Tests that need
 * it are skipped with a clear message where it is absent.
 */
public final class Shared {
  private Shared() {}

  public static Path root() {
    return Path.of(System.getProperty("kurz.shared", "../shared")).toAbsolutePath().normalize();
  }

  /** A file under the shared folder; skips the calling test when it is absent. */
  public static Path path(String relative) {
    Path p = root().resolve(relative);
    assumeTrue(Files.exists(p), "shared folder not found (" + p + "): test skipped");
    return p;
  }

  public static List<Path> seeds() {
    return list("seeds", ".txt");
  }

  public static List<Path> examples() {
    return list("examples", ".analysis.json");
  }

  /** The example answer made for a seed. */
  public static Path exampleFor(Path seed) {
    String name = seed.getFileName().toString().replaceFirst("\\.txt$", "");
    return root().resolve("examples").resolve(name + ".analysis.json");
  }

  private static List<Path> list(String dir, String suffix) {
    Path folder = path(dir);
    try (Stream<Path> s = Files.list(folder)) {
      return s.filter(p -> p.getFileName().toString().endsWith(suffix)).sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
