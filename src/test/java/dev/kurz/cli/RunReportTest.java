package dev.kurz.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What a batch says on stderr: one line for what stops it, a tally of warnings, counts that add up. */
class RunReportTest {
  static final String FAKE_KEY = "sk-test-FAKE-0000-do-not-use";
  @TempDir Path home;
  FakeLlm llm;

  @AfterEach
  void stop() throws IOException {
    if (llm != null) llm.close();
  }

  List<String> copies(int n) throws IOException {
    String text = SummarizeCommandTest.fixture("tram.txt");
    List<String> files = new ArrayList<>();
    for (int i = 0; i < n; i++) files.add(Files.writeString(home.resolve("tram" + i + ".txt"), text + "\n\nNachtrag " + i + ".").toString());
    return files;
  }

  @Test
  void aMissingKeyIsOneLineForTheWholeBatch() throws IOException {
    List<String> args = new ArrayList<>(List.of("summarize", "--provider", "openai"));
    args.addAll(copies(6));
    CliRun run = new CliRun(home).run(args.toArray(String[]::new));
    assertThat(run.exit).isEqualTo(ExitCodes.NOTHING_RAN);
    assertThat(run.err.lines().filter(l -> l.startsWith("[ERROR]")).toList()).singleElement().asString()
        .contains("OPENAI_API_KEY").doesNotContain("tram");
    assertThat(run.err).contains("6 articles: 0 done").contains("not attempted");
  }

  @Test
  void anUnreachableServerIsOneLineForTheWholeBatch() throws IOException {
    List<String> args = new ArrayList<>(List.of("summarize", "--provider", "openai", "--base-url", "http://127.0.0.1:9/v1", "-j", "2"));
    args.addAll(copies(5));
    CliRun run = new CliRun(home).env("OPENAI_API_KEY", FAKE_KEY).run(args.toArray(String[]::new));
    assertThat(run.exit).isEqualTo(ExitCodes.NOTHING_RAN);
    assertThat(run.err.lines().filter(l -> l.startsWith("[ERROR]")).count()).as(run.err).isEqualTo(1);
  }

  @Test
  void aBatchTalliesItsWarningsByKindAndVerboseListsThem() throws IOException {
    llm = new FakeLlm(FakeLlm.Wire.OPENAI);
    ObjectNode answer = (ObjectNode) FakeLlm.JSON.readTree(SummarizeCommandTest.fixture("tram.analysis.json"));
    answer.put("summary", "Selenskyj met the mayor. " + answer.get("summary").asText());
    ((ObjectNode) answer.withArray("claims").get(0)).put("quote", "Dieser Satz steht nirgends im Artikel.");
    llm.answer("Straßenbahnlinie", answer.toString());
    List<String> args = new ArrayList<>(List.of("summarize", "--provider", "openai", "--base-url", llm.baseUrl(), "--model", "fake-model", "--format", "jsonl"));
    args.addAll(copies(3));
    CliRun run = new CliRun(home).env("OPENAI_API_KEY", FAKE_KEY).run(args.toArray(String[]::new));
    assertThat(run.exit).as(run.err).isZero();
    assertThat(run.err).doesNotContain("[WARN] " + home);
    java.util.regex.Matcher tally = java.util.regex.Pattern.compile("\\[WARN] (\\d+) warnings: .*\\(each with --verbose").matcher(run.err);
    assertThat(tally.find()).as(run.err).isTrue();
    assertThat(tally.group()).contains("3 quote not found").contains("3 German name form");
    assertThat(run.err.lines().filter(l -> l.startsWith("[WARN]")).count()).as("one line for them all").isEqualTo(1);
    assertThat(run.out).contains("quote not found").contains("should read");

    args.add("--verbose");
    CliRun verbose = new CliRun(home).env("OPENAI_API_KEY", FAKE_KEY).run(args.toArray(String[]::new));
    assertThat(verbose.err.lines().filter(l -> l.startsWith("[WARN] " + home)).count()).isEqualTo(Long.parseLong(tally.group(1)));
  }

  @Test
  void thePlainProgressLogCountsEveryArticleFromTheFirst() throws IOException {
    llm = new FakeLlm(FakeLlm.Wire.OPENAI);
    llm.answer("Straßenbahnlinie", SummarizeCommandTest.fixture("tram.analysis.json"));
    List<String> files = copies(3);
    List<String> args = new ArrayList<>(List.of("summarize", "--provider", "openai", "--base-url", llm.baseUrl(), "--model", "fake-model", "-j", "1"));
    new CliRun(home).env("OPENAI_API_KEY", FAKE_KEY).run(concat(args, files.get(0))); // the first one cached
    CliRun run = new CliRun(home).env("OPENAI_API_KEY", FAKE_KEY).run(concat(args, files.toArray(String[]::new)));
    assertThat(run.exit).as(run.err).isZero();
    assertThat(run.err).contains("[1/3] ").contains("[2/3] ").contains("[3/3] ").contains("from cache");
  }

  private static String[] concat(List<String> head, String... tail) {
    List<String> all = new ArrayList<>(head);
    all.addAll(List.of(tail));
    return all.toArray(String[]::new);
  }
}
