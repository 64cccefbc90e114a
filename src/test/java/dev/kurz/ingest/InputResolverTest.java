package dev.kurz.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.junit5.StartStop;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class InputResolverTest {
  static final String STORY = "Die Stadtwerke erhöhen zum Jahresbeginn die Preise für Fernwärme um durchschnittlich zwölf Prozent. "
      + "Das teilte das Unternehmen am Dienstag mit. Begründet wird der Schritt mit gestiegenen Kosten für Gas und Personal.";

  @StartStop final MockWebServer server = new MockWebServer();
  @TempDir Path dir;
  final List<String> notes = new ArrayList<>();
  final List<String> fetched = new ArrayList<>();

  InputResolver resolver() {
    ArticleReader reader = new ArticleReader(null, 1 << 20, w -> {});
    PageFetcher fetcher = new PageFetcher(new OkHttpClient(), PageCache.NONE, PageFetcher.Options.defaults("test"));
    return new InputResolver(reader, fetcher, notes::add);
  }

  static String article(String topic, int paragraphs) {
    StringBuilder s = new StringBuilder();
    for (int i = 0; i < paragraphs; i++) {
      s.append("<p>").append(topic).append(": Absatz ").append(i + 1).append(". ").append(STORY).append("</p>");
    }
    return s.toString();
  }

  static String page(String title, String body, String canonical) {
    return "<!doctype html><html lang=\"de\"><head><title>" + title + "</title>"
        + (canonical == null ? "" : "<link rel=\"canonical\" href=\"" + canonical + "\">")
        + "</head><body><nav><a href=\"/\">Start</a></nav><article><h1>" + title + "</h1>" + body
        + "</article><footer>Impressum</footer></body></html>";
  }

  void serve(java.util.Map<String, MockResponse> routes) {
    server.setDispatcher(new Dispatcher() {
      @Override
      public MockResponse dispatch(RecordedRequest request) {
        fetched.add(request.getUrl().encodedPath());
        MockResponse r = routes.get(request.getUrl().encodedPath());
        return r != null ? r : new MockResponse.Builder().code(404).build();
      }
    });
  }

  static MockResponse ok(String type, String body) {
    return new MockResponse.Builder().addHeader("Content-Type", type).body(body).build();
  }

  String rss() {
    String base = server.url("/").toString();
    return """
        <?xml version="1.0" encoding="UTF-8"?>
        <rss version="2.0"><channel><title>Lokales</title><language>de-DE</language>
        <item><title>Fernwärme wird teurer</title><link>%sfernwaerme?utm_source=rss</link>
          <pubDate>Tue, 02 Dec 2025 09:00:00 GMT</pubDate><description>Die Preise steigen um zwölf Prozent.</description></item>
        <item><title>Fernwärme wird teurer (Wiederholung)</title><link>%sfernwaerme#kommentare</link>
          <pubDate>Tue, 02 Dec 2025 10:00:00 GMT</pubDate><description>Die Preise steigen.</description></item>
        <item><title>Neue Buslinie</title><link>%sbus</link><pubDate>Mon, 01 Dec 2025 07:30:00 GMT</pubDate>
          <description><![CDATA[%s]]></description></item>
        <item><title>Neue Buslinie, anderer Link</title><link>%sbus-kopie</link>
          <description><![CDATA[%s]]></description></item>
        </channel></rss>
        """.formatted(base, base, base, article("Bus", 6), base, article("Bus", 6));
  }

  @Test
  void rssTeasersAreFetchedInFullAndDuplicatesDropped() {
    serve(java.util.Map.of("/feed.xml", ok("application/rss+xml", rss()),
        "/fernwaerme", ok("text/html; charset=utf-8", page("Fernwärme wird teurer", article("Fernwärme", 5), null))));
    List<Input> inputs = resolver().resolve(List.of(server.url("/feed.xml").toString()), null);

    assertThat(inputs).hasSize(2).allMatch(i -> i instanceof Input.Ready);
    Input.Ready heat = (Input.Ready) inputs.get(0);
    assertThat(heat.article().text()).contains("Fernwärme: Absatz 5.").doesNotContain("Impressum");
    assertThat(heat.article().source().published()).isEqualTo("2025-12-02");
    assertThat(heat.article().source().title()).isEqualTo("Fernwärme wird teurer");
    Input.Ready bus = (Input.Ready) inputs.get(1);
    assertThat(bus.article().text()).contains("Bus: Absatz 6.");
    assertThat(bus.article().source().published()).isEqualTo("2025-12-01");
    assertThat(bus.article().source().language()).isEqualTo("de");
    // the full-text entry was not fetched; the teaser was, once
    assertThat(fetched).containsExactly("/feed.xml", "/fernwaerme");
    assertThat(notes).hasSize(2);
    assertThat(notes.get(0)).contains("fernwaerme#kommentare: skipped, same article as");
    assertThat(notes.get(1)).contains("bus-kopie: skipped, same text as");
  }

  @Test
  void atomEntriesBecomeInputsAndACanonicalLinkUnitesTwoAddresses() {
    String base = server.url("/").toString();
    String atom = """
        <?xml version="1.0" encoding="utf-8"?>
        <feed xmlns="http://www.w3.org/2005/Atom"><title>Wirtschaft</title><id>urn:x</id><updated>2025-12-03T08:00:00Z</updated>
          <entry><title>Werk schließt</title><link href="%swerk"/><id>urn:1</id><published>2025-12-03T06:00:00+01:00</published>
            <updated>2025-12-03T06:00:00+01:00</updated><author><name>Anna Beispiel</name></author><summary>Kurz.</summary></entry>
          <entry><title>Werk schließt (mobil)</title><link href="%sm/werk"/><id>urn:2</id><updated>2025-12-03T07:00:00Z</updated>
            <summary>Kurz.</summary></entry>
        </feed>
        """.formatted(base, base);
    String werk = page("Werk schließt", article("Werk", 5), base + "werk");
    serve(java.util.Map.of("/atom", ok("application/atom+xml", atom), "/werk", ok("text/html", werk),
        "/m/werk", ok("text/html", werk)));
    List<Input> inputs = resolver().resolve(List.of(base + "atom"), null);

    assertThat(inputs).hasSize(1);
    Input.Ready werkInput = (Input.Ready) inputs.get(0);
    assertThat(werkInput.article().source().author()).isEqualTo("Anna Beispiel");
    assertThat(werkInput.article().source().published()).isEqualTo("2025-12-03");
    assertThat(notes).singleElement().asString().contains("m/werk: skipped");
  }

  @Test
  void aFeedIsToldByItsContentNotItsContentType() {
    serve(java.util.Map.of("/nachrichten", ok("text/xml", rss()),
        "/fernwaerme", ok("text/html", page("Fernwärme wird teurer", article("Fernwärme", 5), null))));
    assertThat(resolver().resolve(List.of(server.url("/nachrichten").toString()), null)).hasSize(2);
  }

  @Test
  void aTeaserWhoseArticleCannotBeFetchedKeepsTheTeaserWithANote() {
    serve(java.util.Map.of("/feed.xml", ok("application/rss+xml", rss())));
    List<Input> inputs = resolver().resolve(List.of(server.url("/feed.xml").toString()), null);
    Input.Ready heat = (Input.Ready) inputs.get(0);
    assertThat(heat.article().text()).isEqualTo("Die Preise steigen um zwölf Prozent.");
    assertThat(notes.get(0)).contains("full article unavailable (HTTP 404");
  }

  @Test
  void aPageThatFailsIsUnreadableForThatArgumentOnly() throws Exception {
    serve(java.util.Map.of());
    Path file = Files.writeString(dir.resolve("a.txt"), STORY);
    List<Input> inputs = resolver().resolve(List.of(server.url("/fehlt").toString(), file.toString(), "ftp://example.org/x"), null);
    assertThat(inputs.get(0)).isEqualTo(new Input.Unreadable(server.url("/fehlt").toString(), "HTTP 404 Client Error"));
    assertThat(inputs.get(1)).isInstanceOf(Input.LocalFile.class);
    assertThat(inputs.get(2)).isEqualTo(new Input.Unreadable("ftp://example.org/x", "only http and https URLs are read"));
  }

  @Test
  void aFolderStandsForItsArticleFilesSortedAndNotRecursing() throws Exception {
    Path folder = Files.createDirectory(dir.resolve("artikel"));
    for (String name : List.of("b.md", "a.txt", "c.html", "d.pdf", "notizen.docx", ".versteckt.txt")) {
      Files.writeString(folder.resolve(name), STORY);
    }
    Files.createDirectories(folder.resolve("unter")).resolve("e.txt");
    Files.writeString(folder.resolve("unter/e.txt"), STORY);
    List<Input> inputs = resolver().resolve(List.of(folder.toString()), null);
    assertThat(inputs).extracting(Input::label).containsExactly(
        folder + "/a.txt", folder + "/b.md", folder + "/c.html", folder + "/d.pdf");
  }

  @Test
  void aFolderWithoutArticlesIsAClearError() throws Exception {
    Path empty = Files.createDirectory(dir.resolve("leer"));
    Files.writeString(empty.resolve("bild.png"), "x");
    assertThat(resolver().resolve(List.of(empty.toString()), null)).containsExactly(
        new Input.Unreadable(empty.toString(), "no article files (.txt .md .html .htm .pdf) in this folder"));
  }

  @Test
  void anInputsFileListsPathsUrlsAndFeedsWithComments() throws Exception {
    serve(java.util.Map.of("/seite", ok("text/html", page("Neue Buslinie", article("Bus", 4), null))));
    Files.writeString(dir.resolve("eins.txt"), STORY);
    Path list = Files.writeString(dir.resolve("quellen.txt"), """
        # Quellen für heute
        eins.txt

        %s   
        eins.txt
        """.formatted(server.url("/seite")));
    List<Input> inputs = resolver().resolve(List.of("-"), list);
    assertThat(inputs).hasSize(3);
    assertThat(inputs.get(0)).isInstanceOf(Input.Stdin.class);
    assertThat(inputs.get(1)).isEqualTo(new Input.LocalFile(dir.resolve("eins.txt").toString(), dir.resolve("eins.txt")));
    assertThat(((Input.Ready) inputs.get(2)).article().source().url()).isEqualTo(server.url("/seite").toString());
    assertThat(notes).singleElement().asString().endsWith("eins.txt: skipped, named twice");
  }

  @Test
  void aMissingInputsFileIsUnreadable() {
    Path missing = dir.resolve("fehlt.txt");
    assertThat(resolver().resolve(List.of(), missing))
        .containsExactly(new Input.Unreadable(missing.toString(), "cannot read the inputs list: no such file"));
  }

  @Test
  void aLocalFeedFileStandsForItsEntries() throws Exception {
    serve(java.util.Map.of("/fernwaerme", ok("text/html", page("Fernwärme wird teurer", article("Fernwärme", 5), null))));
    Path feed = Files.writeString(dir.resolve("lokales.xml"), rss());
    List<Input> inputs = resolver().resolve(List.of(feed.toString()), null);
    assertThat(inputs).hasSize(2).allMatch(i -> i instanceof Input.Ready);
  }

  @Test
  void canonicalUrlsLoseTrackingAndFragments() {
    assertThat(CanonicalUrl.of("https://Example.org/a/?utm_source=x&id=3&utm_medium=y#top")).isEqualTo("https://example.org/a/?id=3");
    assertThat(CanonicalUrl.of("https://example.org/a/?utm_source=x")).isEqualTo("https://example.org/a");
    assertThat(CanonicalUrl.of("https://example.org/")).isEqualTo("https://example.org/");
  }
}
