package dev.kurz.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kurz.Shared;
import dev.kurz.ingest.TextCleaner;
import dev.kurz.llm.ContractSchema;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class SummarizeCommandTest {
  static final String FAKE_KEY = "sk-test-FAKE-0000-do-not-use";
  @TempDir Path home;
  FakeLlm llm;

  @AfterEach
  void stop() throws IOException {
    if (llm != null) llm.close();
  }

  static String fixture(String name) throws IOException {
    try (InputStream in = SummarizeCommandTest.class.getResourceAsStream("/articles/" + name)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  /** A seed as kurz analyses it: furniture removed; grounding offsets point into this text. */
  static String analysedText(Path seed) throws IOException {
    return new TextCleaner().clean(Files.readString(seed).strip()).text();
  }

  Path write(String name, String text) throws IOException {
    Path p = home.resolve(name);
    Files.writeString(p, text);
    return p;
  }

  CliRun cli(FakeLlm.Wire wire) throws IOException {
    llm = new FakeLlm(wire);
    CliRun run = new CliRun(home).env("OPENAI_API_KEY", FAKE_KEY);
    return run;
  }

  String[] args(String... rest) {
    String provider = llm.wire == FakeLlm.Wire.OPENAI ? "openai" : "ollama";
    String[] base = {"summarize", "--provider", provider, "--base-url", llm.baseUrl(), "--model", "fake-model"};
    String[] all = new String[base.length + rest.length];
    System.arraycopy(base, 0, all, 0, base.length);
    System.arraycopy(rest, 0, all, base.length, rest.length);
    return all;
  }

  @Test
  void aFetchedArticleTellsTheModelItsOutlet() throws Exception {
    CliRun run = cli(FakeLlm.Wire.OPENAI);
    llm.answer("Straßenbahnlinie", fixture("tram.analysis.json"));
    StringBuilder body = new StringBuilder();
    for (String p : fixture("tram.txt").split("\n\\s*\n")) body.append("<p>").append(p.strip()).append("</p>\n");
    try (mockwebserver3.MockWebServer web = new mockwebserver3.MockWebServer()) {
      web.enqueue(new mockwebserver3.MockResponse.Builder().addHeader("Content-Type", "text/html; charset=utf-8")
          .body("<html><head><title>Straßenbahn</title><meta property=\"og:site_name\" content=\"Beispielzeitung\">"
              + "</head><body><article>" + body + "</article></body></html>").build());
      web.start();
      run.run(args(web.url("/lokales/tram").toString()));
    }
    assertThat(run.exit).as(run.err).isZero();
    JsonNode messages = llm.requests.get(0).path("messages");
    assertThat(messages.get(messages.size() - 1).path("content").asText()).contains("Published by: Beispielzeitung");
  }

  @ParameterizedTest
  @EnumSource(FakeLlm.Wire.class)
  void everySeedComesBackValidWithEveryQuoteGroundedExactly(FakeLlm.Wire wire) throws IOException {
    CliRun run = cli(wire);
    List<Path> seeds = Shared.seeds();
    for (Path seed : seeds) {
      String example = Files.readString(Shared.exampleFor(seed));
      llm.answer(FakeLlm.JSON.readTree(example).path("claims").get(0).path("quote").asText(), example);
    }
    ContractSchema schema = ContractSchema.load();
    for (Path seed : seeds) {
      run.run(args(seed.toString(), "--format", "json"));
      assertThat(run.exit).as(run.err).isZero();
      JsonNode record = FakeLlm.JSON.readTree(run.out);
      ObjectNode contract = record.deepCopy();
      contract.remove(List.of("source", "model", "usage", "cached", "warnings", "created", "cache_key", "key_point_sources"));
      contract.withArray("claims").forEach(c -> ((ObjectNode) c).remove("grounding"));
      assertThat(schema.check(contract.toString()).errors()).isEmpty();
      // The record's own text (title, blank line, cleaned article) is what the offsets index.
      String text = record.path("source").path("text").asText();
      assertThat(text).endsWith(analysedText(seed));
      for (JsonNode claim : record.path("claims")) {
        assertThat(claim.path("grounding").path("status").asText()).as(claim.toString()).isEqualTo("exact");
        String quote = claim.path("quote").asText();
        int start = text.offsetByCodePoints(0, claim.path("grounding").path("start").asInt());
        assertThat(text.substring(start, start + quote.length())).isEqualTo(quote);
      }
      assertThat(record.path("source").path("path").asText()).isEqualTo(seed.toString());
      assertThat(record.path("model").path("provider").asText()).isEqualTo(wire == FakeLlm.Wire.OPENAI ? "openai" : "ollama");
      assertThat(record.path("usage").path("input_tokens").asLong()).isEqualTo(1500);
      assertThat(record.path("cached").asBoolean()).isFalse();
    }
    assertThat(llm.requests).hasSize(seeds.size());
  }

  @Test
  void requestCarriesSchemaPromptAndFencedArticle() throws Exception {
    CliRun run = cli(FakeLlm.Wire.OPENAI);
    llm.answer("Straßenbahnlinie", fixture("tram.analysis.json"));
    run.run(args(write("tram.txt", fixture("tram.txt")).toString()));
    assertThat(run.exit).as(run.err).isZero();
    JsonNode request = llm.requests.get(0);
    assertThat(request.path("model").asText()).isEqualTo("fake-model");
    JsonNode messages = request.path("messages");
    assertThat(messages.get(0).path("role").asText()).isEqualTo("system");
    assertThat(messages.get(0).path("content").asText()).contains("attributed_to").contains("English");
    assertThat(messages.get(messages.size() - 1).path("content").asText())
        .contains("Title: Stadtrat stimmt für neue Straßenbahnlinie")
        .contains("<article>\nDer Stadtrat von Freiburg").contains("</article>");
    assertThat(request.path("response_format").path("type").asText()).isEqualTo("json_schema");
    // sent natively, the schema is not in the prompt as well
    assertThat(messages.get(0).path("content").asText()).doesNotContain("\"additionalProperties\"");
    assertThat(llm.server.takeRequest().getHeaders().get("Authorization")).isEqualTo("Bearer " + FAKE_KEY);
  }

  @Test
  void markdownReadsAsADigest() throws IOException {
    CliRun run = cli(FakeLlm.Wire.OPENAI);
    llm.answer("Straßenbahnlinie", fixture("tram.analysis.json"));
    run.run(args(write("tram.txt", fixture("tram.txt")).toString()));
    assertThat(run.exit).isZero();
    assertThat(run.out)
        .startsWith("# Freiburg council narrowly approves new tram line to Haslach\n")
        .contains("## Key points", "## Claims", "## Names")
        .contains("Alleged — unnamed internal sources")
        .contains("> Intern sollen die Planer bereits mit Mehrkosten von zehn Millionen Euro rechnen.")
        .contains("Freiburg");
    assertThat(run.out).doesNotContain("not found");
  }

  @Test
  void alteredQuotesAreStillLocatedAndInventedOnesFlagged() throws IOException {
    CliRun run = cli(FakeLlm.Wire.OPENAI);
    JsonNode answer = FakeLlm.JSON.readTree(fixture("tram.analysis.json"));
    ArrayNode claims = (ArrayNode) answer.path("claims");
    ((ObjectNode) claims.get(0)).put("quote", "der Stadtrat von Freiburg hat am Dienstag  mit knapper Mehrheit den Bau einer neuen Straßenbahnlinie in den Stadtteil Haslach beschlossen");
    ((ObjectNode) claims.get(2)).put("quote", "Die Linie soll nach Angaben der Verkehrsbetriebe etwa 48 Millionen Euro kosten und 2029 in Betrieb gehen.");
    ((ObjectNode) claims.get(4)).put("quote", "Die Verkehrsbetriebe wiesen diesen Bericht zurück: Die Kalkulation sei \"vollständig\" und aktuell.");
    ((ObjectNode) claims.get(1)).put("quote", "Der Bürgermeister kündigte seinen Rücktritt für das kommende Frühjahr an.");
    llm.answer("Straßenbahnlinie", answer.toString());
    run.run(args(write("tram.txt", fixture("tram.txt")).toString(), "--format", "json"));
    assertThat(run.exit).as(run.err).isZero();
    JsonNode record = FakeLlm.JSON.readTree(run.out);
    List<String> statuses = record.path("claims").findValues("status").stream().map(JsonNode::asText).toList();
    assertThat(statuses.get(0)).isIn("normalized", "fuzzy");
    assertThat(statuses.get(1)).isEqualTo("not_found");
    assertThat(statuses.get(2)).isEqualTo("fuzzy");
    assertThat(statuses.get(4)).isIn("normalized", "fuzzy");
    assertThat(record.path("warnings").toString()).contains("claim 2: quote not found");
    assertThat(run.err).contains("[WARN]").contains("claim 2: quote not found");
  }

  @Test
  void invalidAnswerGetsOneRepairThenFailsThatArticleOnly() throws IOException {
    CliRun run = cli(FakeLlm.Wire.OPENAI);
    String truncated = fixture("tram.analysis.json").substring(0, 300);
    llm.answer("Straßenbahnlinie", truncated);
    llm.answer("Containerumschlag", fixture("hafen.analysis.json"));
    run.run(args(write("tram.txt", fixture("tram.txt")).toString(), write("hafen.txt", fixture("hafen.txt")).toString(),
        "--format", "jsonl"));
    assertThat(run.exit).isEqualTo(1);
    assertThat(llm.requestsFor("Straßenbahnlinie")).isEqualTo(2);
    assertThat(run.out.lines().toList()).singleElement().asString().contains("Port of Hamburg");
    assertThat(run.err.lines().filter(l -> l.startsWith("[ERROR]")).toList()).singleElement().asString()
        .contains("tram.txt").contains("not valid after one repair request");
    JsonNode repair = llm.requests.stream().filter(r -> FakeLlm.allText(r).contains("does not follow the schema")).findFirst().orElseThrow();
    assertThat(repair.path("messages")).hasSize(4);
  }

  @Test
  void repairedAnswerIsDelivered() throws IOException {
    CliRun run = cli(FakeLlm.Wire.OPENAI);
    String good = fixture("tram.analysis.json");
    llm.on("Straßenbahnlinie", n -> n == 1 ? llm.ok("Sure! " + good.replace("\"stated\"", "\"certain\"")) : llm.ok(good));
    run.run(args(write("tram.txt", fixture("tram.txt")).toString(), "--format", "json"));
    assertThat(run.exit).as(run.err).isZero();
    assertThat(llm.requestsFor("Straßenbahnlinie")).isEqualTo(2);
    assertThat(FakeLlm.JSON.readTree(run.out).path("usage").path("input_tokens").asLong()).isEqualTo(3000);
  }

  @Test
  void standardInputIsAnArticle() throws IOException {
    CliRun run = cli(FakeLlm.Wire.OPENAI);
    llm.answer("Containerumschlag", fixture("hafen.analysis.json"));
    run.stdin(fixture("hafen.txt")).run(args("-", "--format", "json"));
    assertThat(run.exit).as(run.err).isZero();
    assertThat(FakeLlm.JSON.readTree(run.out).path("source").path("label").asText()).isEqualTo("-");
  }

  @Test
  void windows1252UmlautsSurvive() throws IOException {
    CliRun run = cli(FakeLlm.Wire.OPENAI);
    llm.answer("Containerumschlag", fixture("hafen.analysis.json"));
    Path file = home.resolve("cp1252.txt");
    Files.write(file, fixture("hafen.txt").getBytes(Charset.forName("windows-1252")));
    run.run(args(file.toString(), "--format", "json"));
    assertThat(run.exit).as(run.err).isZero();
    assertThat(FakeLlm.allText(llm.requests.get(0))).contains("Rückgang", "„Wir erwarten");
    assertThat(FakeLlm.JSON.readTree(run.out).path("claims").get(0).path("grounding").path("status").asText()).isEqualTo("exact");
  }

  @Test
  void emptyAndBinaryInputsFailAloneAndTheRestIsDelivered() throws IOException {
    CliRun run = cli(FakeLlm.Wire.OPENAI);
    llm.answer("Containerumschlag", fixture("hafen.analysis.json"));
    Path empty = write("empty.txt", "  \n\n ");
    Path png = home.resolve("bild.txt");
    Files.write(png, new byte[] {(byte) 0x89, 'P', 'N', 'G', 13, 10, 26, 10, 0, 0, 0, 13, 'I', 'H', 'D', 'R'});
    run.run(args(empty.toString(), png.toString(), home.resolve("missing.txt").toString(),
        write("hafen.txt", fixture("hafen.txt")).toString(), "--format", "jsonl"));
    assertThat(run.exit).isEqualTo(1);
    assertThat(run.out.lines().count()).isEqualTo(1);
    assertThat(run.err).contains("empty.txt: empty", "bild.txt: not a text file", "missing.txt: no such file");
    assertThat(llm.requests).hasSize(1);
  }

  @Test
  void missingKeyStopsBeforeAnyRequestAndNamesTheVariable() throws IOException {
    llm = new FakeLlm(FakeLlm.Wire.OPENAI);
    CliRun run = new CliRun(home).run("summarize", write("a.txt", "Text").toString());
    assertThat(run.exit).isEqualTo(3);
    assertThat(run.err).contains("OPENAI_API_KEY");
  }

  @Test
  void rejectedKeyStopsTheRunWithoutPrintingIt() throws IOException {
    CliRun run = cli(FakeLlm.Wire.OPENAI);
    llm.on("Straßenbahnlinie", n -> FakeLlm.status(401, "{\"error\":{\"message\":\"Incorrect API key provided: " + FAKE_KEY + "\",\"type\":\"invalid_request_error\",\"code\":\"invalid_api_key\"}}"));
    llm.on("Containerumschlag", n -> FakeLlm.status(401, "{\"error\":{\"message\":\"Incorrect API key provided\"}}"));
    run.run(args(write("tram.txt", fixture("tram.txt")).toString(), write("hafen.txt", fixture("hafen.txt")).toString(), "-j", "1"));
    assertThat(run.exit).isEqualTo(3);
    assertThat(run.out + run.err).doesNotContain(FAKE_KEY).doesNotContain("FAKE-0000");
    assertThat(llm.requests).hasSize(1);
  }

  @Test
  void unknownLengthIsBadUsage() throws IOException {
    CliRun run = cli(FakeLlm.Wire.OPENAI).run(args("x.txt", "--length", "huge"));
    assertThat(run.exit).isEqualTo(2);
    assertThat(run.err).startsWith("[ERROR] ").contains("--length").contains("'huge'");
  }

  @Test
  void germanNameFormsInEnglishTextAreReportedAndFixedOnRequest() throws IOException {
    CliRun run = cli(FakeLlm.Wire.OPENAI);
    ObjectNode answer = (ObjectNode) FakeLlm.JSON.readTree(fixture("tram.analysis.json"));
    answer.put("summary", "Selenskyj met the mayor in Kiew. " + answer.get("summary").asText());
    llm.answer("Straßenbahnlinie", answer.toString());
    Path article = write("tram.txt", fixture("tram.txt").replace("Oberbürgermeisterin", "In Kiew sagte Selenskyj, die Oberbürgermeisterin"));
    run.run(args(article.toString(), "--format", "json"));
    assertThat(run.exit).as(run.err).isZero();
    JsonNode record = FakeLlm.JSON.readTree(run.out);
    assertThat(record.path("warnings").toString()).contains("summary").contains("Selenskyj").contains("Kiew");
    assertThat(FakeLlm.allText(llm.requests.get(0))).contains("Zelensky").contains("Kyiv");

    CliRun fixed = new CliRun(home).env("OPENAI_API_KEY", FAKE_KEY).run(args(article.toString(), "--format", "json", "--fix-names"));
    assertThat(fixed.exit).isZero();
    JsonNode fixedRecord = FakeLlm.JSON.readTree(fixed.out);
    assertThat(fixedRecord.path("summary").asText()).startsWith("Zelensky met the mayor in Kyiv.");
    assertThat(fixedRecord.path("warnings").toString()).as("the fixed names draw no warning").doesNotContain("Selenskyj").doesNotContain("Kiew");
    assertThat(fixedRecord.path("cached").asBoolean()).isTrue();
    assertThat(llm.requests).hasSize(1);
  }
}
