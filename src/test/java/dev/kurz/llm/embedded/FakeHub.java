package dev.kurz.llm.embedded;

import java.io.IOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.SocketEffect;
import okhttp3.HttpUrl;
import okio.Buffer;

/**
 * A Hugging Face stand-in on loopback: serves files under {@code /{repo}/resolve/{revision}/}, answers
 * HEAD with the size and (for "LFS" files) the SHA-256 as {@code X-Linked-Etag}, honours
 * {@code Range: bytes=N-}, and can cut a body off part-way once.
 */
final class FakeHub implements AutoCloseable {
  final MockWebServer server = new MockWebServer();
  final List<String> requests = new CopyOnWriteArrayList<>();
  private final Map<String, byte[]> files = new ConcurrentHashMap<>();
  private final Map<String, String> announcedSha = new ConcurrentHashMap<>();
  private final Map<String, Integer> cutAfter = new ConcurrentHashMap<>();

  FakeHub() throws IOException {
    server.setDispatcher(new Dispatcher() {
      @Override
      public MockResponse dispatch(RecordedRequest request) {
        return answer(request);
      }
    });
    server.start();
  }

  HttpUrl url() {
    return server.url("/");
  }

  /** Publishes a file; {@code lfs} ones announce their SHA-256 like Hugging Face does. */
  FakeHub file(EmbeddedModel model, String name, byte[] content, boolean lfs) {
    String path = path(model, name);
    files.put(path, content);
    if (lfs) announcedSha.put(path, sha256(content));
    return this;
  }

  /** Announces a wrong SHA-256 for the file. */
  FakeHub lieAboutChecksum(EmbeddedModel model, String name) {
    announcedSha.put(path(model, name), "0".repeat(64));
    return this;
  }

  /** The next GET of the file sends only its first {@code bytes}, then drops the connection. */
  FakeHub cutOnce(EmbeddedModel model, String name, int bytes) {
    cutAfter.put(path(model, name), bytes);
    return this;
  }

  private static String path(EmbeddedModel model, String name) {
    return "/" + model.repo() + "/resolve/" + model.revision() + "/" + name;
  }

  private MockResponse answer(RecordedRequest request) {
    String path = request.getUrl().encodedPath();
    String range = request.getHeaders().get("Range");
    requests.add(request.getMethod() + " " + path + (range == null ? "" : " " + range));
    byte[] content = files.get(path);
    if (content == null) return new MockResponse.Builder().code(404).build();
    MockResponse.Builder b = new MockResponse.Builder();
    if (announcedSha.containsKey(path)) b.addHeader("X-Linked-Etag", "\"" + announcedSha.get(path) + "\"");
    if (request.getMethod().equals("HEAD")) {
      return b.addHeader("Content-Length", content.length).build();
    }
    int from = 0;
    if (range != null) {
      from = Integer.parseInt(range.replace("bytes=", "").replace("-", ""));
      if (from >= content.length) return b.code(416).build();
      b.code(206).addHeader("Content-Range", "bytes " + from + "-" + (content.length - 1) + "/" + content.length);
    }
    Integer cut = cutAfter.remove(path);
    if (cut != null) {
      // Announce the whole rest, send part of it, then close: the client sees an unexpected end of stream.
      return b.body(new Buffer().write(content, from, cut))
          .setHeader("Content-Length", content.length - from)
          .onResponseEnd(new SocketEffect.CloseSocket(true, true, true))
          .build();
    }
    return b.body(new Buffer().write(content, from, content.length - from)).build();
  }

  static String sha256(byte[] content) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
    } catch (NoSuchAlgorithmException e) {
      throw new AssertionError(e);
    }
  }

  @Override
  public void close() {
    server.close();
  }
}
