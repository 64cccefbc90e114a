package dev.kurz.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import org.junit.jupiter.api.Disabled;
import org.junit.jupiter.api.Test;

/** Every cap says what it refused and which flag raises it; raised, it lets the input through. */
class LimitFaultTest extends FaultRig {

  @Test
  void aPageOverTheFetchCapIsRefusedNamingTheFlagAndReadWhenRaised() throws IOException {
    StringBuilder page = new StringBuilder("<!doctype html><html><head><title>Hafen</title></head><body><article><h1>Hafen Hamburg</h1>");
    for (String para : hafen().split("\n\n")) page.append("<p>").append(para).append("</p>");
    while (page.length() < 1_200_000) page.append("<p>Der Umschlag im Hafen ging weiter zurück, hieß es am Abend aus dem Rathaus der Stadt.</p>");
    page.append("</article></body></html>");
    llm.answer(HAFEN_MARKER, hafenAnswer());
    try (MockWebServer web = new MockWebServer()) {
      for (int i = 0; i < 2; i++) {
        web.enqueue(new MockResponse.Builder().addHeader("Content-Type", "text/html; charset=utf-8").body(page.toString()).build());
      }
      web.start();
      String url = web.url("/gross.html").toString();
      CliRun refused = summarize(url, "--max-page-size", "1", "--no-cache");
      assertThat(refused.exit).isEqualTo(ExitCodes.SOME_FAILED);
      assertThat(refused.err).contains(url + ": page too large").contains("limit 1 MB, raise with --max-page-size");
      assertThat(llm.requests).isEmpty();
      // 1.2 MB of text is also over the article token cap: raised as well, in one request.
      CliRun raised = summarize(url, "--max-page-size", "2", "--no-cache", "--max-article-tokens", "400000",
          "--context-tokens", "400000");
      assertThat(raised.exit).as(raised.err).isZero();
      assertThat(llm.requests).hasSize(1);
    }
  }

  @Test
  void anArticleOverTheSizeCapIsRefusedNamingTheFlag() throws IOException {
    String big = hafen() + "\n\n" + "Der Umschlag im Hafen ging weiter zurück, hieß es am Abend.\n".repeat(40_000);
    CliRun run = summarize(write("gross.txt", big).toString(), "--max-input-size", "1");
    assertThat(run.exit).isEqualTo(ExitCodes.SOME_FAILED);
    assertThat(run.err).contains("gross.txt: too large (2 MB; limit 1 MB, raise with --max-input-size)");
    assertThat(llm.requests).isEmpty();
  }

  @Test
  void anArticleOverTheTokenCapIsRefusedNamingTheFlag() throws IOException {
    String big = hafen() + "\n\n" + "Der Umschlag im Hafen ging weiter zurück, hieß es am Abend.\n".repeat(10_000);
    CliRun run = summarize(write("lang.txt", big).toString(), "--max-article-tokens", "20000");
    assertThat(run.exit).isEqualTo(ExitCodes.SOME_FAILED);
    assertThat(run.err).contains("lang.txt: too long (about ").contains("raise with --max-article-tokens");
    assertThat(llm.requests).isEmpty();
  }
}
