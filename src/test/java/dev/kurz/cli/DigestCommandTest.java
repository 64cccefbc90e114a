package dev.kurz.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.kurz.Shared;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DigestCommandTest {
  static final String FAKE_KEY = "sk-test-FAKE-0000-do-not-use";
  static final String SYNTHESIS = """
      {"headline": "Witkoff and Kushner's Moscow talks with Putin end without agreement",
       "synthesis": "US envoys met Vladimir Putin in Moscow; the Kremlin called the talks constructive. Diplomatic sources say Russia rejected key points of the US plan, which Kremlin spokesman Dmitry Peskov denied.",
       "key_claims": [{"claim": "Steve Witkoff met Vladimir Putin in Moscow.", "sources": ["a1c1", "a2c2"]}],
       "contradictions": []}
      """;
  @TempDir Path home;
  FakeLlm llm;

  @AfterEach
  void stop() throws IOException {
    if (llm != null) llm.close();
  }

  CliRun cli() throws IOException {
    llm = new FakeLlm(FakeLlm.Wire.OPENAI);
    // Registered first: synthesis requests also name the articles' claims.
    llm.answer("<story>", SYNTHESIS);
    return new CliRun(home).env("OPENAI_API_KEY", FAKE_KEY);
  }

  String[] args(String... rest) {
    List<String> all = new ArrayList<>(List.of("digest", "--provider", "openai", "--base-url", llm.baseUrl(), "--model", "fake-model"));
    all.addAll(List.of(rest));
    return all.toArray(String[]::new);
  }

  void answerSeeds() throws IOException {
    for (Path seed : Shared.seeds()) {
      String example = Files.readString(Shared.exampleFor(seed));
      llm.answer(FakeLlm.JSON.readTree(example).path("claims").get(0).path("quote").asText(), example);
    }
  }

  @Test
  void theFiveSeedsBecomeAnHtmlDigestWithEveryArticleProcessed() throws IOException {
    CliRun run = cli();
    answerSeeds();
    Path html = home.resolve("out/digest.html");
    run.run(args(Shared.path("seeds").toString(), "--out", html.toString()));
    assertThat(run.exit).as(run.err).isZero();
    assertThat(run.err).contains("5 articles: 5 done").contains("digest: 5 stories from 5 articles");
    String page = Files.readString(html);
    assertThat(page).startsWith("<!DOCTYPE html>").doesNotContain("<script").doesNotContain("http://").doesNotContain("https://");
    for (Path seed : Shared.seeds()) {
      JsonNode example = FakeLlm.JSON.readTree(Files.readString(Shared.exampleFor(seed)));
      assertThat(page).contains(htmlText(example.path("headline").asText()));
    }
    assertThat(llm.requestsFor("<story>")).as("separate events need no synthesis").isZero();
  }

  @Test
  void articlesOfOneStoryGetOneCachedSynthesisAndALocalContradiction() throws IOException {
    CliRun run = cli();
    JsonNode story = FakeLlm.JSON.readTree(resource("/stories/witkoff-moskau.json"));
    List<String> files = new ArrayList<>();
    for (JsonNode a : story.path("articles")) {
      String id = a.path("id").asText();
      if (!id.equals("a-westkurier") && !id.equals("a-nordblatt-2")) continue;
      Path p = home.resolve(id + ".txt");
      Files.writeString(p, a.path("text").asText());
      files.add(p.toString());
      llm.answer(a.path("analysis").path("claims").get(0).path("quote").asText(), a.path("analysis").toString());
    }
    run.run(args(files.get(0), files.get(1), "--format", "json"));
    assertThat(run.exit).as(run.err).isZero();
    JsonNode digest = FakeLlm.JSON.readTree(run.out);
    assertThat(digest.path("stories")).hasSize(1);
    JsonNode s = digest.path("stories").get(0);
    assertThat(s.path("origin").asText()).isEqualTo("synthesized");
    assertThat(s.path("headline").asText()).startsWith("Witkoff and Kushner");
    assertThat(s.path("key_claims").get(0).path("sources").get(1).path("quote").asText()).contains("nächtlichen Treffen im Kreml");
    JsonNode contradiction = s.path("contradictions").get(0);
    assertThat(contradiction.path("found_by").asText()).isEqualTo("kurz");
    assertThat(contradiction.path("denied").path("modality").asText()).isEqualTo("denied");
    assertThat(contradiction.path("asserted").path("modality").asText()).isEqualTo("alleged");
    assertThat(llm.requestsFor("<story>")).isEqualTo(1);
    JsonNode synthesis = llm.requests.stream().filter(r -> r.toString().contains("<story>")).findFirst().orElseThrow();
    assertThat(synthesis.path("response_format").path("type").asText()).isEqualTo("json_schema");
    assertThat(synthesis.path("messages").get(0).path("content").asText())
        .as("the schema goes natively, not also in the system prompt").doesNotContain("\"properties\"");

    run.run(args(files.get(0), files.get(1), "--format", "json"));
    assertThat(run.exit).as(run.err).isZero();
    assertThat(FakeLlm.JSON.readTree(run.out).path("stories").get(0).path("origin").asText()).isEqualTo("cached");
    assertThat(run.err).contains("(1 synthesized: 0 new, 1 from cache)");
    assertThat(llm.requestsFor("<story>")).as("the second run asks nothing").isEqualTo(1);
  }

  @Test
  void aBigStoryShowsTheModelItsSixteenMostCentralArticlesAndMapsTheClaimIdsBack() throws IOException {
    CliRun run = cli();
    JsonNode[] captured = new JsonNode[1];
    llm.compute("<story>", body -> {
      captured[0] = body;
      return SYNTHESIS; // cites a1c1 and a2c2 of the articles it was shown
    });
    JsonNode article = null;
    for (JsonNode a : FakeLlm.JSON.readTree(resource("/stories/witkoff-moskau.json")).path("articles")) {
      if (a.path("id").asText().equals("a-westkurier")) article = a;
    }
    // Twenty copies of one article; the first four answered with a headline and summary of their
    // own, so they are the story's least central and the model is shown the other sixteen.
    String usual = article.path("analysis").toString();
    com.fasterxml.jackson.databind.node.ObjectNode odd = article.path("analysis").deepCopy();
    odd.put("headline", "Quite another angle").put("summary", "Nothing in common with the rest.");
    llm.compute(article.path("analysis").path("claims").get(0).path("quote").asText(),
        body -> FakeLlm.allText(body).contains("Sonderfall") ? odd.toString() : usual);
    List<String> files = new ArrayList<>();
    for (int i = 0; i < 20; i++) {
      Path p = home.resolve(String.format("a%02d.txt", i));
      Files.writeString(p, article.path("text").asText() + "\n\n" + (i < 4 ? "Sonderfall " : "Nachtrag ") + i + ".");
      files.add(p.toString());
    }
    files.sort(null);
    List<String> all = new ArrayList<>(files);
    all.addAll(List.of("--format", "json"));
    run.run(args(all.toArray(String[]::new)));
    assertThat(run.exit).as(run.err).isZero();
    JsonNode s = FakeLlm.JSON.readTree(run.out).path("stories").get(0);
    assertThat(s.path("sources")).hasSize(20);
    assertThat(s.path("origin").asText()).isEqualTo("synthesized");
    String prompt = FakeLlm.allText(captured[0]);
    assertThat(prompt).contains("The story has 20 articles; the 16 most central are shown.")
        .contains("Article a16:").doesNotContain("Article a17:");
    // The model's a1c1 is the first article it was shown: the story's fifth.
    assertThat(s.path("key_claims").get(0).path("sources").get(0).path("id").asText()).isEqualTo("a5c1");
  }

  @Test
  void anInvalidSynthesisGetsOneRepairThenTheStoryIsBuiltLocally() throws IOException {
    llm = new FakeLlm(FakeLlm.Wire.OPENAI);
    llm.answer("<story>", "{\"headline\": \"x\", \"synthesis\": \"y\", \"key_claims\": [{\"claim\": \"z\", \"sources\": [\"a9c9\"]}], \"contradictions\": []}");
    CliRun run = new CliRun(home).env("OPENAI_API_KEY", FAKE_KEY);
    JsonNode story = FakeLlm.JSON.readTree(resource("/stories/gdl-bahnstreik.json"));
    List<String> files = new ArrayList<>();
    Path dir = Files.createDirectories(home.resolve("in"));
    for (JsonNode a : story.path("articles")) {
      if (!List.of("d-nordblatt", "d-rundschau").contains(a.path("id").asText())) continue;
      Path p = dir.resolve(a.path("id").asText() + ".txt");
      Files.writeString(p, a.path("text").asText());
      files.add(p.toString());
      llm.answer(a.path("analysis").path("claims").get(0).path("quote").asText(), a.path("analysis").toString());
    }
    run.run(args(dir.toString(), "--out", home.resolve("d.md").toString()));
    assertThat(run.exit).as(run.err).isEqualTo(ExitCodes.SOME_FAILED);
    assertThat(llm.requestsFor("<story>")).isEqualTo(2);
    assertThat(run.err).containsPattern("\\[ERROR\\] story \"[^\"]+\" \\(2 articles, first [^)]+\\): synthesis answer invalid after one repair request")
        .contains("(0 synthesized: 0 new, 0 from cache; 1 failed)");
    assertThat(run.err.indexOf("[ERROR] story")).as("named before the summary lines").isLessThan(run.err.indexOf("digest: "));
    String md = Files.readString(home.resolve("d.md"));
    assertThat(md).contains("**Contradictions**").contains("Deutsche Bahn denies it");
  }

  @Test
  void theSeedDigestRendersInHeadlessChromiumWithEveryHeadlineAndClaim() throws Exception {
    String chromium = chromium();
    CliRun run = cli();
    answerSeeds();
    Path html = home.resolve("digest.html");
    run.run(args(Shared.path("seeds").toString(), "--out", html.toString()));
    assertThat(run.exit).as(run.err).isZero();

    String dom = browser(chromium, "--dump-dom", html.toUri().toString());
    assertThat(dom).contains("<section class=\"story\"");
    for (Path seed : Shared.seeds()) {
      JsonNode example = FakeLlm.JSON.readTree(Files.readString(Shared.exampleFor(seed)));
      assertThat(dom).contains(domText(example.path("headline").asText()));
      for (JsonNode claim : example.path("claims")) {
        assertThat(dom).contains(domText(claim.path("claim").asText()));
        assertThat(dom).contains(domText(claim.path("quote").asText()));
      }
    }
    // For a person to look at (not asserted): how the page reads on a phone.
    Path shot = Path.of("target", "digest-phone.png").toAbsolutePath();
    Files.createDirectories(shot.getParent());
    browser(chromium, "--screenshot=" + shot, "--window-size=390,844", html.toUri().toString());
    assertThat(shot).exists();
  }

  /** Debian's chromium; skipped where it is absent, except in CI, where its absence is an error. */
  static String chromium() {
    for (String dir : System.getenv().getOrDefault("PATH", "/usr/bin").split(File.pathSeparator)) {
      for (String name : List.of("chromium", "chromium-browser")) {
        if (Files.isExecutable(Path.of(dir, name))) return Path.of(dir, name).toString();
      }
    }
    if ("true".equalsIgnoreCase(System.getenv("CI"))) fail("chromium is required in CI (apt-get install chromium)");
    assumeTrue(false, "chromium not installed: headless browser test skipped (apt-get install chromium)");
    return null;
  }

  String browser(String chromium, String... args) throws Exception {
    return browser(home, chromium, args);
  }

  /** Runs headless Chromium with its profile and log in {@code home}; its stdout (e.g. --dump-dom). */
  static String browser(Path home, String chromium, String... args) throws Exception {
    List<String> cmd = new ArrayList<>(List.of(chromium, "--headless", "--no-sandbox", "--disable-gpu",
        "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
        "--disable-dev-shm-usage", "--user-data-dir=" + Files.createTempDirectory(home, "chromium")));
    cmd.addAll(List.of(args));
    Process p = new ProcessBuilder(cmd).redirectError(home.resolve("chromium.log").toFile()).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
    assertThat(p.exitValue()).as(Files.readString(home.resolve("chromium.log"))).isZero();
    return out;
  }

  /** Text as the page source writes it. */
  static String htmlText(String s) {
    return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;").replace("'", "&#39;");
  }

  /** Text as the browser serializes the DOM: only &, < and > stay escaped in text nodes. */
  static String domText(String s) {
    return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\u00a0", "&nbsp;");
  }

  static String resource(String name) throws IOException {
    try (InputStream in = DigestCommandTest.class.getResourceAsStream(name)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }
}
