package dev.kurz.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** kurz batch against a stand-in for OpenAI's Batch API: submit, status, collect, then summarize from the cache. */
class OpenAiBatchTest {
  @TempDir Path home;
  FakeOpenAiBatchServer api;

  @BeforeEach
  void start() throws IOException {
    api = new FakeOpenAiBatchServer();
  }

  @AfterEach
  void stop() throws IOException {
    api.close();
  }

  CliRun kurz(String... args) {
    return new CliRun(home).env("OPENAI_API_KEY", "sk-test-FAKE-0000").run(args);
  }

  String[] withBackend(String... args) {
    List<String> all = new ArrayList<>(List.of(args));
    all.addAll(List.of("--provider", "openai", "--base-url", api.baseUrl(), "--model", "gpt-4o-mini"));
    return all.toArray(String[]::new);
  }

  @Test
  void aThousandArticlesSubmittedAndCollectedAreThenSummarizedWithoutAnyRequest() throws Exception {
    Path dir = home.resolve("archiv");
    SyntheticArticles.write(dir, 1, 1000);

    CliRun submit = kurz(withBackend("batch", "submit", dir.toString()));
    assertThat(submit.exit).as(submit.err).isZero();
    String id = submit.out.strip();
    assertThat(id).startsWith("batch_");
    assertThat(submit.err).contains("1000 articles: 1000 submitted in batch " + id);
    assertThat(api.uploads).hasSize(1);
    assertThat(api.uploads.get(0).get("file").lines()).hasSize(1000);

    CliRun status = kurz("batch", "status");
    assertThat(status.out).contains("batch " + id + ": validating, 0 of 1000 done");

    api.finish(id);
    CliRun collect = kurz("batch", "collect", id);
    assertThat(collect.exit).as(collect.err).isZero();
    assertThat(collect.err).contains("1000 stored now, 0 failed, 0 stored before");
    assertThat(api.totalChatRequests()).isZero();

    CliRun summarize = kurz(withBackend("summarize", dir.toString(), "--format", "jsonl"));
    assertThat(summarize.exit).as(summarize.err).isZero();
    assertThat(summarize.err).contains("1000 articles: 1000 done (1000 from cache, 0 new), 0 failed");
    assertThat(summarize.out.lines()).hasSize(1000);
    assertThat(api.totalChatRequests()).isZero();
    JsonNode first = FakeOpenAiBatchServer.JSON.readTree(summarize.out.lines().findFirst().orElseThrow());
    assertThat(first.path("claims").path(0).path("grounding").path("status").asText()).isEqualTo("exact");
    assertThat(first.path("cached").asBoolean()).isTrue();
  }

  @Test
  void everyRequestFollowsTheOfficialApiDescription() throws Exception {
    SyntheticArticles.write(home.resolve("in"), 1, 3);
    CliRun submit = kurz(withBackend("batch", "submit", home.resolve("in").toString(), "--temperature", "0.2"));
    assertThat(submit.exit).as(submit.err).isZero();

    JsonNode spec;
    try (InputStream in = getClass().getResourceAsStream("/openai/batch-api.schema.json")) {
      spec = FakeOpenAiBatchServer.JSON.readTree(in);
    }
    var upload = api.uploads.get(0);
    assertThat(problems(spec, "CreateFileRequest", FakeOpenAiBatchServer.JSON.createObjectNode()
        .put("file", upload.get("file")).put("purpose", upload.get("purpose")))).isEmpty();
    assertThat(upload.get("purpose")).isEqualTo("batch");
    assertThat(upload.get("file.filename")).endsWith(".jsonl");
    for (String line : upload.get("file").split("\n")) {
      JsonNode request = FakeOpenAiBatchServer.JSON.readTree(line);
      assertThat(problems(spec, "BatchRequestInput", request)).as(line).isEmpty();
      assertThat(request.path("body").path("response_format").path("type").asText()).isEqualTo("json_schema");
      assertThat(request.path("body").path("temperature").asDouble()).isEqualTo(0.2);
    }
    assertThat(api.batchCreations).hasSize(1);
    assertThat(problems(spec, "CreateBatchRequest", api.batchCreations.get(0))).isEmpty();
  }

  @Test
  void theBatchLineIsTheRequestSummarizeSends() throws Exception {
    SyntheticArticles.write(home.resolve("in"), 7, 7);
    kurz(withBackend("batch", "submit", home.resolve("in").toString()));
    JsonNode line = FakeOpenAiBatchServer.JSON.readTree(api.uploads.get(0).get("file").strip());

    FakeLlm llm = new FakeLlm(FakeLlm.Wire.OPENAI);
    try (llm) {
      llm.answer("Messstation Nummer 7 in Betrieb", SyntheticArticles.analysis(7));
      new CliRun(home.resolve("other")).env("OPENAI_API_KEY", "sk-test-FAKE-0000").run("summarize", home.resolve("in").toString(),
          "--provider", "openai", "--base-url", llm.baseUrl(), "--model", "gpt-4o-mini");
      assertThat(llm.requests).hasSize(1);
      assertThat(line.path("body")).isEqualTo(llm.requests.get(0));
    }
  }

  @Test
  void submittingTheSameWorkAgainSubmitsNothing() throws Exception {
    Path dir = home.resolve("in");
    SyntheticArticles.write(dir, 1, 5);
    String id = kurz(withBackend("batch", "submit", dir.toString())).out.strip();

    SyntheticArticles.write(dir, 6, 6);
    CliRun again = kurz(withBackend("batch", "submit", dir.toString()));
    assertThat(again.exit).as(again.err).isZero();
    assertThat(again.err).contains("1 submitted").contains("5 already in a batch (" + id + ")");
    assertThat(api.uploads.get(1).get("file").lines()).hasSize(1);

    api.finish(id);
    kurz("batch", "collect", id);
    CliRun third = kurz(withBackend("batch", "submit", dir.toString()));
    assertThat(third.err).contains("0 submitted").contains("5 already cached, 1 already in a batch");
    assertThat(api.uploads).hasSize(2);
  }

  @Test
  void failedRequestsAreReportedPerInputAndTheRestIsDelivered() throws Exception {
    Path dir = home.resolve("in");
    SyntheticArticles.write(dir, 1, 6);
    api.expired.add(2);
    api.invalidInBatch.add(3); // repaired by one normal request
    api.invalidAlways.add(4); // still invalid after the repair
    String id = kurz(withBackend("batch", "submit", dir.toString())).out.strip();
    api.finish(id);

    CliRun collect = kurz("batch", "collect", id);

    assertThat(collect.exit).isEqualTo(ExitCodes.SOME_FAILED);
    assertThat(collect.err).contains("[ERROR] " + dir.resolve("meldung-2.txt") + ": the batch did not answer it: batch_expired")
        .contains("[ERROR] " + dir.resolve("meldung-4.txt") + ": the answer of openai/gpt-4o-mini is not valid after one repair request")
        .contains("4 stored now, 2 failed, 0 stored before");
    assertThat(api.chatRequests.get(3).get()).isEqualTo(1);
    CliRun summarize = kurz(withBackend("summarize", dir.resolve("meldung-3.txt").toString(), dir.resolve("meldung-5.txt").toString()));
    assertThat(summarize.err).contains("2 done (2 from cache, 0 new)");
  }

  @Test
  void collectBeforeTheBatchEndedSaysSo() throws Exception {
    SyntheticArticles.write(home.resolve("in"), 1, 2);
    String id = kurz(withBackend("batch", "submit", home.resolve("in").toString())).out.strip();
    api.setStatus(id, "in_progress", 1);

    CliRun collect = kurz("batch", "collect");

    assertThat(collect.exit).isEqualTo(ExitCodes.USAGE);
    assertThat(collect.err).contains("batch " + id + " is in_progress (1 of 2 done)");
  }

  static List<String> problems(JsonNode spec, String definition, JsonNode value) {
    ObjectNode root = spec.deepCopy();
    root.put("$ref", "#/$defs/" + definition);
    JsonSchema schema = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(root);
    return schema.validate(value).stream().map(Object::toString).toList();
  }

  @Test
  void digestThroughABatchSubmitsWaitsWithBackoffCollectsAndDigestsFromTheCache() throws Exception {
    Path dir = home.resolve("heute");
    SyntheticArticles.write(dir, 1, 3);
    api.finishAtPoll = 4; // the first status is read right after submitting, then three polls

    CliRun digest = kurz(withBackend("digest", dir.toString(), "--batch", "--format", "json"));

    assertThat(digest.exit).as(digest.err).isZero();
    assertThat(digest.sleeps).containsExactly(Duration.ofSeconds(30), Duration.ofSeconds(60), Duration.ofSeconds(120));
    assertThat(digest.err).contains("3 articles: 3 done (3 from cache, 0 new)");
    assertThat(api.chatBodies).noneMatch(b -> b.path("response_format").path("json_schema").path("name").asText().equals("article_analysis"));
    assertThat(digest.out).contains("Musterstadt");

    CliRun again = kurz(withBackend("digest", dir.toString(), "--batch", "--format", "json"));
    assertThat(again.exit).as(again.err).isZero();
    assertThat(api.uploads).hasSize(1);
  }
}
