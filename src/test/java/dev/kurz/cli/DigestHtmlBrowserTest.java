package dev.kurz.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The HTML an editor opens: navigable by its table of contents and its id links, sources
 * clickable, and nothing scrolling sideways on a phone; checked in headless Chromium at desktop
 * and phone widths, the screenshots kept in target/ for a person to look at.
 */
class DigestHtmlBrowserTest {
  static final Path SHOTS = Path.of("target", "html-screenshots").toAbsolutePath();
  static final Pattern HREF = Pattern.compile("href=\"#([^\"]+)\"");
  static final Pattern ID = Pattern.compile("id=\"([^\"]+)\"");
  @TempDir Path home;
  FakeLlm llm;

  @AfterEach
  void stop() throws IOException {
    if (llm != null) llm.close();
  }

  /** A two-article story (with a contradiction and key claims) and one single article, in a folder with a long path. */
  Path digest() throws IOException {
    llm = new FakeLlm(FakeLlm.Wire.OPENAI);
    llm.answer("<story>", DigestCommandTest.SYNTHESIS);
    Path dir = Files.createDirectories(home.resolve("presse-archiv/2025-12-03/nachrichtenagenturen-und-regionalzeitungen/ausgabe-morgens"));
    JsonNode story = FakeLlm.JSON.readTree(DigestCommandTest.resource("/stories/witkoff-moskau.json"));
    for (JsonNode a : story.path("articles")) {
      String id = a.path("id").asText();
      if (!id.equals("a-westkurier") && !id.equals("a-nordblatt-2")) continue;
      Files.writeString(dir.resolve(id + "-bericht-ueber-die-gespraeche-im-kreml.txt"), a.path("text").asText());
      llm.answer(a.path("analysis").path("claims").get(0).path("quote").asText(), a.path("analysis").toString());
    }
    Files.writeString(dir.resolve("0-tram.txt"), SummarizeCommandTest.fixture("tram.txt"));
    llm.answer("Straßenbahnlinie", SummarizeCommandTest.fixture("tram.analysis.json"));
    Path html = home.resolve("digest.html");
    CliRun run = new CliRun(home).env("OPENAI_API_KEY", DigestCommandTest.FAKE_KEY)
        .run("digest", dir.toString(), "--provider", "openai", "--base-url", llm.baseUrl(), "--model", "fake-model", "--out", html.toString());
    assertThat(run.exit).as(run.err).isZero();
    return html;
  }

  @Test
  void theDigestHasAHeaderATableOfContentsAndLinksThatAllLand() throws IOException {
    String page = Files.readString(digest());
    assertThat(page).contains("2025-12-03 08:00 UTC").contains("openai/fake-model");
    // The table of contents: the two-article story first, though its files sort after the single one.
    int toc = page.indexOf("<nav class=\"toc\"");
    assertThat(toc).isPositive();
    String nav = page.substring(toc, page.indexOf("</nav>", toc));
    assertThat(nav).containsSubsequence("href=\"#story-1\">Witkoff and Kushner", "2 sources", "href=\"#story-2\"", "1 source");
    Set<String> ids = all(ID, page);
    Set<String> targets = all(HREF, page);
    assertThat(targets).contains("story-1", "story-2", "s1-a1", "s1-a2", "s1-a1c1", "s1-a2c2");
    assertThat(ids).as("every link lands").containsAll(targets);
    // Sources open: file links, the path breakable at its separators.
    assertThat(page).contains("href=\"file:///").contains("presse-archiv/<wbr>2025-12-03/<wbr>");
  }

  @Test
  void theDigestAndATranslationReadAtDesktopAndPhoneWidthsWithoutScrollingSideways() throws Exception {
    String chromium = DigestCommandTest.chromium();
    Path digest = digest();
    Files.createDirectories(SHOTS);
    for (int[] size : new int[][] {{1280, 900}, {390, 844}}) {
      assertThat(scrollWidth(chromium, digest, size[0])).as("digest at " + size[0] + " px").isLessThanOrEqualTo(size[0]);
      Path shot = SHOTS.resolve("digest-" + size[0] + ".png");
      DigestCommandTest.browser(home, chromium, "--screenshot=" + shot, "--window-size=" + size[0] + "," + size[1], digest.toUri().toString());
      assertThat(shot).isNotEmptyFile();
    }
    // A translation titled by its (long) path.
    llm.compute(TranslateCommandTest.MARKER, body -> TranslateCommandTest.answer(TranslateCommandTest.sent(body), p -> "[EN] " + p));
    Path dir = Files.createDirectories(home.resolve("a-very-long-folder-name-for-the-archive/another-rather-long-subfolder-name"));
    Path article = Files.writeString(dir.resolve("the-article-with-an-unusually-long-file-name-nobody-would-type.txt"),
        "Die Stadt baut eine neue Brücke.\n\nSie soll 2027 fertig sein.");
    Path translation = home.resolve("translation.html");
    for (boolean side : new boolean[] {false, true}) {
      List<String> args = new ArrayList<>(List.of("translate", article.toString(), "--provider", "openai", "--base-url", llm.baseUrl(),
          "--model", "fake-model", "--format", "html"));
      if (side) args.add("--side-by-side");
      CliRun run = new CliRun(home).env("OPENAI_API_KEY", DigestCommandTest.FAKE_KEY).run(args.toArray(String[]::new));
      assertThat(run.exit).as(run.err).isZero();
      Files.writeString(translation, run.out);
      assertThat(scrollWidth(chromium, translation, 390)).as("translation at 390 px, side by side " + side).isLessThanOrEqualTo(390);
      DigestCommandTest.browser(home, chromium, "--screenshot=" + SHOTS.resolve("translate" + (side ? "-side" : "") + "-390.png"),
          "--window-size=390,844", translation.toUri().toString());
    }
  }

  /**
   * The page's width as laid out in a viewport {@code width} pixels wide. Headless Chromium's window
   * is at least 500 px, so the page is laid out in an iframe of that width, measured by its host.
   */
  private int scrollWidth(String chromium, Path page, int width) throws Exception {
    Path probe = page.resolveSibling("probe-" + page.getFileName());
    Files.writeString(probe, "<!DOCTYPE html><html><body style=\"margin:0\"><iframe id=\"f\" src=\"" + page.getFileName()
        + "\" style=\"border:0;height:800px;width:" + width + "px\"></iframe><script>document.getElementById('f').onload = function () {"
        + " document.body.setAttribute('data-scroll-width', this.contentDocument.documentElement.scrollWidth); };</script></body></html>");
    String dom = DigestCommandTest.browser(home, chromium, "--allow-file-access-from-files", "--virtual-time-budget=10000",
        "--dump-dom", "--window-size=" + Math.max(width, 500) + ",900", probe.toUri().toString());
    Matcher m = Pattern.compile("data-scroll-width=\"(\\d+)\"").matcher(dom);
    assertThat(m.find()).as(dom).isTrue();
    return Integer.parseInt(m.group(1));
  }

  private static Set<String> all(Pattern p, String page) {
    Set<String> out = new LinkedHashSet<>();
    Matcher m = p.matcher(page);
    while (m.find()) out.add(m.group(1));
    return out;
  }
}
