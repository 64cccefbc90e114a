package dev.kurz.ingest;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import okhttp3.ResponseBody;
import okio.Buffer;
import okio.BufferedSource;

/**
 * Downloads web pages and feeds for ingestion over the run's shared {@link OkHttpClient} (its
 * connection pool and dispatcher; timeouts and redirects are this class's own). http and https
 * only; redirects followed by hand up to a limit, loops named; bodies capped (a declared length
 * over the cap is refused before reading, an undeclared one as soon as the cap is passed); gzip
 * as OkHttp does it. Pages are kept in a {@link PageCache} and revalidated with If-None-Match /
 * If-Modified-Since, so a 304 costs no body. Every failure is a one-line {@link InputException}.
 * Thread-safe.
 */
public final class PageFetcher {
  /** Settings of a fetcher. */
  public record Options(Duration connectTimeout, Duration readTimeout, Duration callTimeout, long maxBytes,
      int maxRedirects, String userAgent) {
    public static final long DEFAULT_MAX_BYTES = 10L * 1024 * 1024;

    public Options {
      Objects.requireNonNull(userAgent, "userAgent");
      if (maxBytes <= 0) throw new IllegalArgumentException("maxBytes must be positive");
      if (maxRedirects < 0) throw new IllegalArgumentException("maxRedirects must not be negative");
    }

    /** 10 s to connect, 20 s between bytes, 60 s in all, 10 MB, 5 redirects. */
    public static Options defaults(String version) {
      return new Options(Duration.ofSeconds(10), Duration.ofSeconds(20), Duration.ofSeconds(60), DEFAULT_MAX_BYTES, 5,
          PageFetcher.userAgent(version));
    }

    public Options withMaxBytes(long maxBytes) {
      return new Options(connectTimeout, readTimeout, callTimeout, maxBytes, maxRedirects, userAgent);
    }

    public Options withTimeouts(Duration connect, Duration read, Duration call) {
      return new Options(connect, read, call, maxBytes, maxRedirects, userAgent);
    }

    public Options withMaxRedirects(int maxRedirects) {
      return new Options(connectTimeout, readTimeout, callTimeout, maxBytes, maxRedirects, userAgent);
    }
  }

  /**
   * A downloaded (or revalidated) page.
   *
   * @param requested the URL asked for
   * @param url the URL finally read, after redirects
   * @param mediaType lower-case type and subtype ({@code text/html}), or null when the server sent none
   * @param charset the charset parameter of the Content-Type, or null
   * @param fromCache true when the body came from the page cache after a 304
   */
  public record Page(String requested, String url, String mediaType, String charset, byte[] body, boolean fromCache) {
    public Page {
      Objects.requireNonNull(url, "url");
      Objects.requireNonNull(body, "body");
    }
  }

  /** Media types read as articles or feeds; anything else (images, archives, video) is refused. */
  private static final Set<String> READABLE = Set.of("text/html", "application/xhtml+xml", "text/plain",
      "application/rss+xml", "application/atom+xml", "application/rdf+xml", "application/xml", "text/xml",
      "application/feed+json", "application/pdf", "text/markdown");

  private final Supplier<OkHttpClient> shared;
  private final PageCache cache;
  private final Options options;
  private OkHttpClient http;

  public PageFetcher(OkHttpClient shared, PageCache cache, Options options) {
    this(() -> shared, cache, options);
  }

  /**
   * The client is built on the first fetch: a run over local files never sets up HTTP (TLS setup
   * alone costs a tenth of a second at start).
   */
  public PageFetcher(Supplier<OkHttpClient> shared, PageCache cache, Options options) {
    this.options = Objects.requireNonNull(options, "options");
    this.cache = Objects.requireNonNull(cache, "cache");
    this.shared = Objects.requireNonNull(shared, "shared");
  }

  private synchronized OkHttpClient http() {
    if (http == null) {
      http = shared.get().newBuilder()
          .connectTimeout(options.connectTimeout())
          .readTimeout(options.readTimeout())
          .callTimeout(options.callTimeout())
          .followRedirects(false)
          .followSslRedirects(false)
          .build();
    }
    return http;
  }

  public Options options() {
    return options;
  }

  /** The honest User-Agent: what the tool is and which version. */
  static String userAgent(String version) {
    return "kurz/" + version + " (news summarizer; reads articles on a user's request)";
  }

  /** True when {@code input} is an http or https URL (the only schemes fetched). */
  public static boolean isWebUrl(String input) {
    String lower = input.toLowerCase(Locale.ROOT);
    return (lower.startsWith("http://") || lower.startsWith("https://")) && HttpUrl.parse(input) != null;
  }

  public Page fetch(String url) throws InputException {
    HttpUrl current = HttpUrl.parse(url);
    if (current == null) throw new InputException("not an http or https URL");
    Optional<PageCache.Stored> stored = cache.get(url);
    Set<String> seen = new LinkedHashSet<>();
    List<String> redirects = new ArrayList<>();
    while (true) {
      if (!seen.add(current.toString())) throw new InputException("redirect loop (" + current + " again)");
      Request.Builder request = new Request.Builder().url(current).header("User-Agent", options.userAgent())
          .header("Accept", "text/html,application/xhtml+xml,application/rss+xml,application/atom+xml,"
              + "application/xml;q=0.9,text/plain;q=0.8,application/pdf;q=0.7,*/*;q=0.1")
          .header("Accept-Language", "de,en;q=0.5");
      // validators only where the cached body was read: the end of the redirect chain
      boolean conditional = stored.isPresent() && stored.get().revalidatable()
          && current.toString().equals(stored.get().url());
      if (conditional) {
        if (stored.get().etag() != null) request.header("If-None-Match", stored.get().etag());
        if (stored.get().lastModified() != null) request.header("If-Modified-Since", stored.get().lastModified());
      }
      try (Response response = http().newCall(request.build()).execute()) {
        int code = response.code();
        if (code == 304 && conditional) {
          PageCache.Stored s = stored.get();
          MediaType type = s.contentType() == null ? null : MediaType.parse(s.contentType());
          return new Page(url, s.url(), mediaType(type), charset(type), s.body(), true);
        }
        if (response.isRedirect()) {
          if (redirects.size() >= options.maxRedirects()) {
            throw new InputException("too many redirects (more than " + options.maxRedirects() + ")");
          }
          String location = response.header("Location");
          HttpUrl next = location == null ? null : current.resolve(location);
          if (next == null) throw new InputException("HTTP " + code + " redirect to an unusable location: " + location);
          redirects.add(current.toString());
          current = next;
          continue;
        }
        if (code >= 400) throw new InputException("HTTP " + code + reason(response));
        if (code != 200) throw new InputException("HTTP " + code + reason(response) + " (no page)");
        ResponseBody body = response.body();
        MediaType type = body.contentType();
        String mediaType = mediaType(type);
        if (mediaType != null && !READABLE.contains(mediaType) && !mediaType.endsWith("+xml")) {
          throw new InputException("not an article: the server sent " + mediaType);
        }
        byte[] bytes = readCapped(body);
        String finalUrl = current.toString();
        cache.put(url, new PageCache.Stored(finalUrl, type == null ? null : type.toString(), response.header("ETag"),
            response.header("Last-Modified"), redirects, bytes));
        return new Page(url, finalUrl, mediaType, charset(type), bytes, false);
      } catch (SocketTimeoutException e) {
        throw new InputException("timed out (no answer within " + seconds(options.readTimeout()) + ")", e);
      } catch (InterruptedIOException e) {
        throw new InputException("timed out (" + seconds(options.callTimeout()) + " in all)", e);
      } catch (UnknownHostException e) {
        throw new InputException("unknown host " + current.host(), e);
      } catch (IOException e) {
        throw new InputException("cannot fetch: " + firstLine(e), e);
      }
    }
  }

  /** Refuses a declared length over the cap at once, an undeclared one as soon as the cap is passed. */
  private byte[] readCapped(ResponseBody body) throws IOException, InputException {
    long declared = body.contentLength();
    if (declared > options.maxBytes()) throw tooLarge(declared);
    BufferedSource source = body.source();
    Buffer buffer = new Buffer();
    while (buffer.size() <= options.maxBytes()) {
      if (source.read(buffer, 64 * 1024) == -1) return buffer.readByteArray();
    }
    throw tooLarge(-1);
  }

  private InputException tooLarge(long declared) {
    String size = declared > 0 ? megabytes(declared) : "more than " + megabytes(options.maxBytes());
    return new InputException("page too large (" + size + "; limit " + megabytes(options.maxBytes())
        + ", raise with --max-page-size)");
  }

  private static String megabytes(long bytes) {
    return bytes >= 1024 * 1024 ? bytes / (1024 * 1024) + " MB" : bytes / 1024 + " KB";
  }

  private static String seconds(Duration d) {
    return d.toMillis() % 1000 == 0 ? d.toSeconds() + " s" : d.toMillis() + " ms";
  }

  private static String reason(Response response) {
    return response.message().isBlank() ? "" : " " + response.message();
  }

  private static String mediaType(MediaType type) {
    return type == null ? null : (type.type() + "/" + type.subtype()).toLowerCase(Locale.ROOT);
  }

  private static String charset(MediaType type) {
    return type == null ? null : type.parameter("charset");
  }

  private static String firstLine(Exception e) {
    String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    int nl = message.indexOf('\n');
    return nl < 0 ? message : message.substring(0, nl);
  }
}
