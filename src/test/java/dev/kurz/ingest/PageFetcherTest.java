package dev.kurz.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kurz.cache.SqliteCache;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import mockwebserver3.MockResponse;
import mockwebserver3.MockResponseBody;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.junit5.StartStop;
import okhttp3.OkHttpClient;
import okio.Buffer;
import okio.BufferedSink;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PageFetcherTest {
  static final String PAGE = "<html lang=\"de\"><head><title>Stadtrat beschließt Haushalt</title></head><body><article>"
      + "<h1>Stadtrat beschließt Haushalt</h1><p>Der Stadtrat hat am Montag den Haushalt für das kommende Jahr beschlossen. "
      + "Die Mehrheit stimmte nach einer langen Debatte für den Entwurf der Verwaltung, der höhere Ausgaben für Schulen vorsieht.</p>"
      + "<p>„Wir investieren in die Zukunft“, sagte die Bürgermeisterin nach der Abstimmung. Die Opposition kritisierte die "
      + "neuen Schulden und kündigte an, den Haushalt im Rat weiter zu bekämpfen.</p></article></body></html>";

  @StartStop final MockWebServer server = new MockWebServer();
  @TempDir Path dir;
  final OkHttpClient shared = new OkHttpClient();

  PageFetcher fetcher(PageCache cache) {
    return new PageFetcher(shared, cache, PageFetcher.Options.defaults("test"));
  }

  static MockResponse html(String body) {
    return new MockResponse.Builder().code(200).addHeader("Content-Type", "text/html; charset=utf-8").body(body).build();
  }

  static MockResponse redirect(String location) {
    return new MockResponse.Builder().code(301).addHeader("Location", location).build();
  }

  @Test
  void redirectsAreFollowedAndThePageKnowsWhereItEnded() throws Exception {
    server.enqueue(redirect("/b"));
    server.enqueue(redirect("/c"));
    server.enqueue(html(PAGE));
    PageFetcher.Page page = fetcher(PageCache.NONE).fetch(server.url("/a").toString());
    assertThat(page.url()).isEqualTo(server.url("/c").toString());
    assertThat(page.mediaType()).isEqualTo("text/html");
    RecordedRequest first = server.takeRequest();
    assertThat(first.getHeaders().get("User-Agent")).startsWith("kurz/test (");
  }

  @Test
  void aRedirectLoopIsNamed() {
    server.enqueue(redirect("/b"));
    server.enqueue(redirect("/a"));
    assertThatThrownBy(() -> fetcher(PageCache.NONE).fetch(server.url("/a").toString()))
        .isInstanceOf(InputException.class).hasMessageStartingWith("redirect loop");
  }

  @Test
  void tooManyRedirectsStopAtTheLimit() {
    for (int i = 0; i < 7; i++) server.enqueue(redirect("/r" + (i + 1)));
    assertThatThrownBy(() -> fetcher(PageCache.NONE).fetch(server.url("/r0").toString()))
        .hasMessage("too many redirects (more than 5)");
  }

  @Test
  void notFoundIsOneLine() {
    server.enqueue(new MockResponse.Builder().code(404).body("nope").build());
    assertThatThrownBy(() -> fetcher(PageCache.NONE).fetch(server.url("/weg").toString()))
        .hasMessage("HTTP 404 Client Error");
  }

  @Test
  void aServerErrorIsOneLine() {
    server.enqueue(new MockResponse.Builder().code(503).body("busy").build());
    assertThatThrownBy(() -> fetcher(PageCache.NONE).fetch(server.url("/").toString())).hasMessageStartingWith("HTTP 503");
  }

  @Test
  void aSlowServerTimesOut() {
    server.enqueue(new MockResponse.Builder().headersDelay(3, TimeUnit.SECONDS).body(PAGE).build());
    PageFetcher quick = new PageFetcher(shared, PageCache.NONE, PageFetcher.Options.defaults("test")
        .withTimeouts(Duration.ofSeconds(1), Duration.ofMillis(300), Duration.ofSeconds(10)));
    assertThatThrownBy(() -> quick.fetch(server.url("/slow").toString()))
        .isInstanceOf(InputException.class).hasMessageStartingWith("timed out");
  }

  @Test
  void aFiftyMegabytePageIsRefusedWithoutReadingItAll() throws Exception {
    Huge declared = new Huge(50L * 1024 * 1024, true);
    server.enqueue(new MockResponse.Builder().addHeader("Content-Type", "text/html").body(declared).build());
    assertThatThrownBy(() -> fetcher(PageCache.NONE).fetch(server.url("/big").toString()))
        .hasMessage("page too large (50 MB; limit 10 MB, raise with --max-page-size)");
    Huge undeclared = new Huge(50L * 1024 * 1024, false);
    server.enqueue(new MockResponse.Builder().addHeader("Content-Type", "text/html").body(undeclared).build());
    assertThatThrownBy(() -> fetcher(PageCache.NONE).fetch(server.url("/big2").toString()))
        .hasMessage("page too large (more than 10 MB; limit 10 MB, raise with --max-page-size)");
    // the writer stops once the client hangs up; socket buffers take a few MB at most
    Thread.sleep(200);
    assertThat(undeclared.written.get()).isLessThan(20L * 1024 * 1024);
  }

  @Test
  void theSizeLimitCanBeRaised() throws Exception {
    server.enqueue(new MockResponse.Builder().addHeader("Content-Type", "text/plain").body(new Buffer().write(new byte[2048])).build());
    PageFetcher tiny = new PageFetcher(shared, PageCache.NONE, PageFetcher.Options.defaults("test").withMaxBytes(1024));
    assertThatThrownBy(() -> tiny.fetch(server.url("/").toString())).hasMessageStartingWith("page too large (2 KB");
  }

  @Test
  void anImageIsNotAnArticle() {
    server.enqueue(new MockResponse.Builder().addHeader("Content-Type", "image/png").body(new Buffer().write(new byte[] {(byte) 0x89, 'P', 'N', 'G'})).build());
    assertThatThrownBy(() -> fetcher(PageCache.NONE).fetch(server.url("/bild.png").toString()))
        .hasMessage("not an article: the server sent image/png");
  }

  @Test
  void onlyHttpAndHttpsAreFetched() {
    assertThat(PageFetcher.isWebUrl("https://example.org/a")).isTrue();
    assertThat(PageFetcher.isWebUrl("ftp://example.org/a")).isFalse();
    assertThat(PageFetcher.isWebUrl("file:///etc/passwd")).isFalse();
    assertThatThrownBy(() -> fetcher(PageCache.NONE).fetch("ftp://example.org/a")).hasMessage("not an http or https URL");
  }

  @Test
  void aWindows1252PageWithoutCharsetKeepsItsUmlauts() throws Exception {
    byte[] bytes = PAGE.replace("<html lang=\"de\">", "<html>").getBytes(Charset.forName("windows-1252"));
    server.enqueue(new MockResponse.Builder().addHeader("Content-Type", "text/html").body(new Buffer().write(bytes)).build());
    String url = server.url("/alt").toString();
    ArticleReader.Extraction e = new ArticleReader(null, 1 << 20, w -> {}).fromPage(url, fetcher(PageCache.NONE).fetch(url));
    assertThat(e.article().text()).contains("beschlossen", "für das kommende Jahr", "„Wir investieren in die Zukunft“");
    assertThat(e.article().source().title()).isEqualTo("Stadtrat beschließt Haushalt");
    assertThat(e.article().source().language()).isEqualTo("de");
    assertThat(e.article().source().url()).isEqualTo(url);
  }

  @Test
  void anUnchangedPageIsRevalidatedAndNotDownloadedAgain() throws Exception {
    try (SqliteCache store = SqliteCache.open(dir, w -> {})) {
      PageCache cache = new StoredPageCache(store, w -> {}, Clock.systemUTC());
      server.enqueue(new MockResponse.Builder().addHeader("Content-Type", "text/html; charset=utf-8")
          .addHeader("ETag", "\"v1\"").addHeader("Last-Modified", "Mon, 01 Dec 2025 08:00:00 GMT").body(PAGE).build());
      server.enqueue(new MockResponse.Builder().code(304).addHeader("ETag", "\"v1\"").build());
      String url = server.url("/artikel").toString();
      PageFetcher.Page first = fetcher(cache).fetch(url);
      assertThat(first.fromCache()).isFalse();
      PageFetcher.Page second = fetcher(cache).fetch(url);
      assertThat(second.fromCache()).isTrue();
      assertThat(second.body()).isEqualTo(first.body());
      assertThat(second.charset()).isEqualTo("utf-8");
      server.takeRequest();
      RecordedRequest revalidation = server.takeRequest();
      assertThat(revalidation.getHeaders().get("If-None-Match")).isEqualTo("\"v1\"");
      assertThat(revalidation.getHeaders().get("If-Modified-Since")).isEqualTo("Mon, 01 Dec 2025 08:00:00 GMT");
    }
  }

  @Test
  void aChangedPageReplacesTheCachedOne() throws Exception {
    try (SqliteCache store = SqliteCache.open(dir, w -> {})) {
      PageCache cache = new StoredPageCache(store, w -> {}, Clock.systemUTC());
      server.enqueue(new MockResponse.Builder().addHeader("Content-Type", "text/plain").addHeader("ETag", "\"v1\"").body("alt").build());
      server.enqueue(new MockResponse.Builder().addHeader("Content-Type", "text/plain").addHeader("ETag", "\"v2\"").body("neu").build());
      String url = server.url("/t").toString();
      fetcher(cache).fetch(url);
      PageFetcher.Page second = fetcher(cache).fetch(url);
      assertThat(new String(second.body())).isEqualTo("neu");
      assertThat(cache.get(url).orElseThrow().etag()).isEqualTo("\"v2\"");
    }
  }

  /** A body of {@code size} zero-ish bytes written in chunks, counting what got out before the client hung up. */
  static final class Huge implements MockResponseBody {
    final long size;
    final boolean declared;
    final AtomicLong written = new AtomicLong();

    Huge(long size, boolean declared) {
      this.size = size;
      this.declared = declared;
    }

    @Override
    public long getContentLength() {
      return declared ? size : -1;
    }

    @Override
    public void writeTo(BufferedSink sink) throws IOException {
      byte[] chunk = new byte[64 * 1024];
      java.util.Arrays.fill(chunk, (byte) 'a');
      while (written.get() < size) {
        sink.write(chunk);
        sink.flush();
        written.addAndGet(chunk.length);
      }
    }
  }
}
