package dev.kurz.llm.batch;

import dev.kurz.llm.BackendException;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Request lines cut into batches that fit a provider's limits, each written to a spool file as it
 * grows: a 50,000-article archive is never one string in memory. {@link Sink} turns a finished
 * file into a batch id. Not thread-safe.
 */
final class Chunks {
  @FunctionalInterface
  interface Sink {
    /** Submits the batch in {@code file} (its lines joined by {@code prefix}, commas and {@code suffix} as given). */
    String submit(Path file) throws BackendException;
  }

  private final Path spool;
  private final int maxRequests;
  private final long maxBytes;
  private final String prefix;
  private final String separator;
  private final String suffix;
  private final Sink sink;
  private final List<BatchApi.Submitted> submitted = new ArrayList<>();
  private final List<String> ids = new ArrayList<>();
  private Path file;
  private BufferedWriter out;
  private long bytes;

  /** Lines written as {@code prefix line separator line ... suffix}: "" "\n" "\n" for JSONL. */
  Chunks(Path spool, int maxRequests, long maxBytes, String prefix, String separator, String suffix, Sink sink) {
    this.spool = spool;
    this.maxRequests = maxRequests;
    this.maxBytes = maxBytes;
    this.prefix = prefix;
    this.separator = separator;
    this.suffix = suffix;
    this.sink = sink;
  }

  void add(String customId, String line) throws BackendException {
    long size = line.getBytes(StandardCharsets.UTF_8).length + separator.length();
    try {
      if (out != null && (ids.size() >= maxRequests || bytes + size + suffix.length() > maxBytes)) flush();
      if (out == null) {
        Files.createDirectories(spool);
        file = Files.createTempFile(spool, "submit-", ".part");
        out = Files.newBufferedWriter(file, StandardCharsets.UTF_8);
        out.write(prefix);
        bytes = prefix.length();
      } else {
        out.write(separator);
      }
      out.write(line);
      bytes += size;
      ids.add(customId);
    } catch (IOException e) {
      throw new BackendException(BackendException.Kind.TRANSIENT, 0, null, "writing the batch file failed: " + e.getMessage(), e);
    }
  }

  List<BatchApi.Submitted> finish() throws BackendException {
    try {
      if (out != null) flush();
    } catch (IOException e) {
      throw new BackendException(BackendException.Kind.TRANSIENT, 0, null, "writing the batch file failed: " + e.getMessage(), e);
    }
    return List.copyOf(submitted);
  }

  private void flush() throws IOException, BackendException {
    out.write(suffix);
    out.close();
    out = null;
    try {
      submitted.add(new BatchApi.Submitted(sink.submit(file), ids));
    } finally {
      Files.deleteIfExists(file);
      ids.clear();
    }
  }
}
