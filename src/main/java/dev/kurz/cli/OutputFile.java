package dev.kurz.cli;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.ThreadLocalRandom;

/**
 * An output file that is replaced whole or not at all: {@link #prepare} checks the path and creates
 * a temporary file beside it before any work is done (so a folder, a missing permission or a
 * read-only file fails at once, before any request); the result is written there and renamed over
 * the target only when complete. A full disk or a crash leaves the previous file as it was. Not
 * thread-safe.
 */
final class OutputFile implements AutoCloseable {
  private final Path target;
  private final Path temp;
  private boolean committed;

  private OutputFile(Path target, Path temp) {
    this.target = target;
    this.temp = temp;
  }

  /** @throws KurzException (bad usage) when {@code target} cannot be written */
  static OutputFile prepare(Path target) {
    Path absolute = target.toAbsolutePath();
    if (Files.isDirectory(absolute)) throw unusable(target, "it is a folder; name a file");
    if (Files.exists(absolute) && !Files.isRegularFile(absolute)) throw unusable(target, "it is not a regular file");
    if (Files.exists(absolute) && !Files.isWritable(absolute)) throw unusable(target, "permission denied");
    Path parent = absolute.getParent();
    try {
      Files.createDirectories(parent);
      // Hidden, beside the target (same file system, so the rename is atomic), with the default permissions.
      Path temp = parent.resolve("." + absolute.getFileName() + ".kurz-" + Long.toHexString(ThreadLocalRandom.current().nextLong()) + ".tmp");
      Files.createFile(temp);
      return new OutputFile(target, temp);
    } catch (IOException e) {
      throw unusable(target, reason(e));
    }
  }

  private static KurzException unusable(Path target, String why) {
    return new KurzException(ExitCodes.USAGE, "cannot write --out " + target + ": " + why);
  }

  private static String reason(IOException e) {
    if (e instanceof java.nio.file.AccessDeniedException) return "permission denied";
    if (e instanceof java.nio.file.FileSystemException f && f.getReason() != null) return f.getReason();
    return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
  }

  Path target() {
    return target;
  }

  /** A writer to the temporary file; closing it does not replace the target. */
  Writer writer() throws IOException {
    return new BufferedWriter(new OutputStreamWriter(Files.newOutputStream(temp, StandardOpenOption.TRUNCATE_EXISTING,
        StandardOpenOption.WRITE), StandardCharsets.UTF_8));
  }

  /**
   * Replaces the target with what was written (after the writer is closed).
   *
   * @throws KurzException when the rename fails; the previous file is then unchanged
   */
  void commit() {
    try {
      try (var channel = java.nio.channels.FileChannel.open(temp, StandardOpenOption.WRITE)) {
        channel.force(true); // on disk before it takes the target's name
      }
      if (Files.exists(target)) copyPermissions(target, temp);
      try {
        Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
      }
      committed = true;
    } catch (IOException e) {
      throw failed(e);
    }
  }

  /** The line for a write that failed: the previous file stays. */
  KurzException failed(IOException e) {
    return new KurzException(ExitCodes.SOME_FAILED, "cannot write " + target + ": " + reason(e)
        + (Files.exists(target) ? "; the previous file is unchanged" : ""));
  }

  private static void copyPermissions(Path from, Path to) {
    try {
      Files.setPosixFilePermissions(to, Files.getPosixFilePermissions(from));
    } catch (IOException | UnsupportedOperationException e) {
      // Not POSIX, or not ours to read: the default permissions stay.
    }
  }

  /** Removes the temporary file unless it became the target. */
  @Override
  public void close() {
    if (committed) return;
    try {
      Files.deleteIfExists(temp);
    } catch (IOException e) {
      // Left behind, hidden beside the target; harmless.
    }
  }
}
