package dev.kurz.llm.embedded;

import dev.kurz.model.Json;
import dev.kurz.model.Sha256;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.UnknownHostException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import okhttp3.ResponseBody;

/**
 * The embedded models on disk, one folder each under {@code <cacheDir>/models/NAME}, and their
 * download. A download fetches each file into {@code NAME.part} (resumed with an HTTP Range request
 * after an interruption), checks its SHA-256, then moves it into place; a manifest
 * ({@value #MANIFEST}) records what was verified. A folder copied by hand counts as installed when
 * all of the model's files are there. Not thread-safe: one pull at a time per folder.
 */
public final class ModelStore {
  /** The file that records a verified download. */
  public static final String MANIFEST = "kurz-model.json";
  /** Where models are published; tests point this at a local server. */
  public static final HttpUrl HUGGING_FACE = Objects.requireNonNull(HttpUrl.parse("https://huggingface.co/"));

  private static final ObjectMapper JSON = Json.MAPPER;
  private static final Pattern SHA256 = Pattern.compile("[0-9a-f]{64}");
  private static final int CHUNK = 64 * 1024;

  private final Path root;
  private final OkHttpClient http;
  private final HttpUrl source;

  /**
   * @param cacheDir the kurz cache folder; models live in its {@code models} subfolder
   * @param http the run's client (a derived one without read timeout is used for downloads)
   * @param source the base URL files are fetched from: {@code {source}/{repo}/resolve/{revision}/{file}}
   */
  public ModelStore(Path cacheDir, OkHttpClient http, HttpUrl source) {
    this.root = cacheDir.resolve("models");
    this.http = http;
    this.source = source;
  }

  public ModelStore(Path cacheDir, OkHttpClient http) {
    this(cacheDir, http, HUGGING_FACE);
  }

  /** The folder a model lives in (whether or not it is there). */
  public Path folder(EmbeddedModel model) {
    return root.resolve(model.name());
  }

  /** Whether all of the model's files are in its folder (with the pinned sizes, where pinned). */
  public boolean installed(EmbeddedModel model) {
    Path dir = folder(model);
    for (ModelFile f : model.files()) {
      Path p = dir.resolve(f.name());
      try {
        if (!Files.isRegularFile(p) || (f.size() >= 0 && Files.size(p) != f.size())) return false;
      } catch (IOException e) {
        return false;
      }
    }
    return true;
  }

  /** A model folder found on disk. {@code verified}: downloaded by kurz with checksums checked. */
  public record Installed(String name, Path folder, long bytes, boolean complete, boolean verified) {}

  /** Every folder under {@code models}, known to the catalog or not, by name. */
  public List<Installed> list() throws IOException {
    List<Installed> out = new ArrayList<>();
    if (!Files.isDirectory(root)) return out;
    try (DirectoryStream<Path> dirs = Files.newDirectoryStream(root, Files::isDirectory)) {
      for (Path dir : dirs) {
        String name = dir.getFileName().toString();
        boolean complete = EmbeddedModel.CATALOG.stream().filter(m -> m.name().equals(name)).findFirst()
            .map(this::installed).orElse(Files.isRegularFile(dir.resolve("config.json")));
        out.add(new Installed(name, dir, sizeOf(dir), complete, Files.isRegularFile(dir.resolve(MANIFEST))));
      }
    }
    out.sort(Comparator.comparing(Installed::name));
    return out;
  }

  /**
   * Deletes a model folder.
   *
   * @return whether there was one
   */
  public boolean remove(String name) throws IOException {
    if (name.isBlank() || name.contains("/") || name.contains("\\") || name.startsWith(".")) {
      throw new IllegalArgumentException("not a model name: " + name);
    }
    Path dir = root.resolve(name);
    if (!Files.isDirectory(dir)) return false;
    try (Stream<Path> walk = Files.walk(dir)) {
      for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) Files.delete(p);
    } catch (UncheckedIOException e) {
      throw e.getCause();
    }
    return true;
  }

  /**
   * Makes sure the model is in its folder, downloading what is missing. Returns at once when it is
   * already there.
   *
   * @throws ModelUnavailableException when the source cannot be reached (the message says what to do)
   * @throws IOException when a download fails part-way (run again to resume) or a checksum differs
   */
  public Path pull(EmbeddedModel model, DownloadProgress progress) throws IOException {
    Path dir = folder(model);
    if (installed(model)) return dir;
    OkHttpClient client = http.newBuilder().readTimeout(java.time.Duration.ofSeconds(60)).build();

    List<Remote> remotes = new ArrayList<>();
    long total = 0;
    long present = 0;
    for (ModelFile f : model.files()) {
      Path target = dir.resolve(f.name());
      long size = Files.isRegularFile(target) ? Files.size(target) : -1;
      Remote r = new Remote(f, size >= 0 ? size : f.size(), f.sha256(), size >= 0);
      if (!r.done) r = head(client, model, r);
      remotes.add(r);
      total += Math.max(0, r.size);
      if (r.done) present += r.size;
      else if (Files.isRegularFile(partOf(target))) present += Files.size(partOf(target));
    }
    Files.createDirectories(dir); // only once the source answered: a failed pull leaves no empty folder
    progress.started(model, total, present, dir.toString());
    long[] done = {present};
    ObjectNode verified = JSON.createObjectNode();
    for (Remote r : remotes) {
      Path target = dir.resolve(r.file.name());
      if (!r.done) fetch(client, model, r, target, done, total, progress);
      ObjectNode entry = verified.putObject(r.file.name());
      entry.put("size", Files.size(target));
      entry.put("sha256", sha256(target));
    }
    ObjectNode manifest = JSON.createObjectNode();
    manifest.put("name", model.name());
    manifest.put("repo", model.repo());
    manifest.put("revision", model.revision());
    manifest.put("licence", model.licence());
    manifest.set("files", verified);
    JSON.writerWithDefaultPrettyPrinter().writeValue(dir.resolve(MANIFEST).toFile(), manifest);
    progress.finished(total);
    return dir;
  }

  /** What the server says about one file: its size and SHA-256 (from the catalog when pinned). */
  private record Remote(ModelFile file, long size, String sha256, boolean done) {}

  private Remote head(OkHttpClient client, EmbeddedModel model, Remote r) throws IOException {
    Request req = new Request.Builder().url(url(model, r.file)).head().build();
    try (Response resp = call(client, model, req)) {
      if (!resp.isSuccessful()) throw httpFailure(model, r.file, resp);
      long size = r.size >= 0 ? r.size : parseLong(firstNonNull(header(resp, "X-Linked-Size"), resp.header("Content-Length")));
      String sha = r.sha256 != null ? r.sha256 : announcedSha256(resp);
      return new Remote(r.file, size, sha, false);
    }
  }

  private void fetch(OkHttpClient client, EmbeddedModel model, Remote r, Path target, long[] done, long total,
      DownloadProgress progress) throws IOException {
    Path part = partOf(target);
    long have = Files.isRegularFile(part) ? Files.size(part) : 0;
    if (r.size >= 0 && have > r.size) {
      Files.delete(part);
      done[0] -= have;
      have = 0;
    }
    if (r.size < 0 || have < r.size) {
      Request.Builder req = new Request.Builder().url(url(model, r.file));
      if (have > 0) req.header("Range", "bytes=" + have + "-");
      try (Response resp = call(client, model, req.build())) {
        boolean append = resp.code() == 206;
        if (resp.code() == 416 && have > 0) {
          append = true; // the part already holds the whole file; the checksum decides
        } else if (!resp.isSuccessful()) {
          throw httpFailure(model, r.file, resp);
        }
        if (!append && have > 0) {
          done[0] -= have; // the server ignored the range: start over
          have = 0;
        }
        if (resp.code() != 416) {
          copy(resp.body(), part, append, done, total, progress, model, r.file);
        }
      }
    }
    String actual = sha256(part);
    if (r.sha256 != null && !r.sha256.equals(actual)) {
      Files.delete(part);
      throw new IOException("checksum mismatch for " + model.name() + "/" + r.file.name() + ": expected sha256 "
          + r.sha256 + ", got " + actual + "; the download was removed, run `kurz models pull` again");
    }
    if (r.size >= 0 && Files.size(part) != r.size) {
      throw new IOException("incomplete download of " + model.name() + "/" + r.file.name() + " (" + Files.size(part)
          + " of " + r.size + " bytes); run `kurz models pull` again to resume");
    }
    Files.move(part, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
  }

  private static void copy(ResponseBody body, Path part, boolean append, long[] done, long total,
      DownloadProgress progress, EmbeddedModel model, ModelFile file) throws IOException {
    StandardOpenOption mode = append ? StandardOpenOption.APPEND : StandardOpenOption.TRUNCATE_EXISTING;
    try (InputStream in = body.byteStream();
        OutputStream out = Files.newOutputStream(part, StandardOpenOption.CREATE, StandardOpenOption.WRITE, mode)) {
      byte[] buf = new byte[CHUNK];
      for (int n; (n = in.read(buf)) >= 0; ) {
        out.write(buf, 0, n);
        done[0] += n;
        progress.advanced(done[0], total);
      }
    } catch (IOException e) {
      throw new IOException("download of " + model.name() + "/" + file.name() + " was interrupted ("
          + e.getMessage() + "); run `kurz models pull` again to resume where it stopped", e);
    }
  }

  private Response call(OkHttpClient client, EmbeddedModel model, Request req) throws IOException {
    try {
      return client.newCall(req).execute();
    } catch (UnknownHostException | java.net.ConnectException | java.net.NoRouteToHostException
        | java.net.SocketTimeoutException e) {
      throw new ModelUnavailableException(unavailable(model, req.url().host()), e);
    }
  }

  /** The one-line advice when the model is missing and cannot be fetched. */
  public String unavailable(EmbeddedModel model, String host) {
    return "the embedded model " + model.name() + " is not installed and " + host + " cannot be reached: set an"
        + " API key (e.g. OPENAI_API_KEY), start a local server (ollama serve), or copy the model folder to "
        + folder(model) + " (files: " + String.join(", ", model.files().stream().map(ModelFile::name).toList()) + ")";
  }

  private IOException httpFailure(EmbeddedModel model, ModelFile file, Response resp) {
    return new IOException("cannot download " + model.name() + "/" + file.name() + ": HTTP " + resp.code()
        + " from " + resp.request().url().host());
  }

  private HttpUrl url(EmbeddedModel model, ModelFile file) {
    return source.newBuilder().addPathSegments(model.repo()).addPathSegment("resolve")
        .addPathSegment(model.revision()).addPathSegment(file.name()).build();
  }

  /** Hugging Face announces the SHA-256 of large (LFS) files as the linked ETag. */
  private static String announcedSha256(Response resp) {
    String etag = firstNonNull(header(resp, "X-Linked-Etag"), resp.header("ETag"));
    if (etag == null) return null;
    String v = etag.replace("W/", "").replace("\"", "").trim().toLowerCase(Locale.ROOT);
    return SHA256.matcher(v).matches() ? v : null;
  }

  /** A header of the response or of a redirect before it (Hugging Face answers LFS files with a redirect). */
  private static String header(Response resp, String name) {
    for (Response r = resp; r != null; r = r.priorResponse()) {
      if (r.header(name) != null) return r.header(name);
    }
    return null;
  }

  private static Path partOf(Path target) {
    return target.resolveSibling(target.getFileName() + ".part");
  }

  static String sha256(Path file) throws IOException {
    Sha256 hash = Sha256.start();
    try (InputStream in = Files.newInputStream(file)) {
      byte[] buf = new byte[CHUNK];
      for (int n; (n = in.read(buf)) >= 0; ) hash.add(buf, 0, n);
    }
    return hash.hex();
  }

  /** The manifest of a verified download, or null. */
  static JsonNode manifest(Path folder) throws IOException {
    Path m = folder.resolve(MANIFEST);
    return Files.isRegularFile(m) ? JSON.readTree(m.toFile()) : null;
  }

  private static long sizeOf(Path dir) throws IOException {
    try (Stream<Path> walk = Files.walk(dir)) {
      return walk.filter(Files::isRegularFile).mapToLong(p -> p.toFile().length()).sum();
    }
  }

  private static String firstNonNull(String a, String b) {
    return a != null ? a : b;
  }

  private static long parseLong(String s) {
    try {
      return s == null ? -1 : Long.parseLong(s.trim());
    } catch (NumberFormatException e) {
      return -1;
    }
  }
}
