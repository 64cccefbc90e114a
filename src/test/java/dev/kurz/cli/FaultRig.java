package dev.kurz.cli;

import dev.kurz.reliability.Outputs;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

/**
 * What every *FaultTest shares: a home folder, a fake OpenAI-compatible server, the real CLI run
 * in-process with a fake key, and every output handed to {@link Outputs} for the final leak check.
 */
abstract class FaultRig {
  static final String KEY = Outputs.KEY;
  static final String HAFEN_MARKER = "Prozent";

  @TempDir Path home;
  FakeLlm llm;
  CliRun last;

  @BeforeEach
  void startFakeServer() throws IOException {
    llm = new FakeLlm(FakeLlm.Wire.OPENAI);
  }

  @AfterEach
  void stopFakeServer() throws IOException {
    llm.close();
  }

  CliRun cli() {
    return new CliRun(home).env("OPENAI_API_KEY", KEY);
  }

  /** Runs {@code summarize} against the fake server with {@code extra} arguments, recording all output. */
  CliRun summarize(String... extra) {
    return record(cli(), summarizeArgs(extra));
  }

  CliRun record(CliRun run, String... args) {
    run.run(args);
    Outputs.record(getClass().getSimpleName() + " " + String.join(" ", args) + " (stdout)", run.out);
    Outputs.record(getClass().getSimpleName() + " " + String.join(" ", args) + " (stderr)", run.err);
    last = run;
    return run;
  }

  String[] summarizeArgs(String... extra) {
    List<String> all = new ArrayList<>(List.of("summarize", "--provider", "openai", "--base-url", llm.baseUrl(), "--model", "fake-model"));
    all.addAll(List.of(extra));
    return all.toArray(String[]::new);
  }

  static String hafen() throws IOException {
    return SummarizeCommandTest.fixture("hafen.txt");
  }

  static String hafenAnswer() throws IOException {
    return SummarizeCommandTest.fixture("hafen.analysis.json");
  }

  Path write(String name, String text) throws IOException {
    Path p = home.resolve(name);
    Files.createDirectories(p.getParent());
    Files.writeString(p, text);
    return p;
  }

  /** {@code n} distinct copies of the Hamburg article ("1,2 Prozent", "2,2 Prozent", ...), all answered. */
  List<String> hafenCopies(int n) throws IOException {
    List<String> paths = new ArrayList<>();
    for (int i = 1; i <= n; i++) {
      paths.add(write("artikel" + i + ".txt", hafen().replace("4,2 Prozent", i + ",2 Prozent")).toString());
    }
    return paths;
  }

  static String[] concat(List<String> a, String... b) {
    List<String> all = new ArrayList<>(a);
    all.addAll(List.of(b));
    return all.toArray(String[]::new);
  }
}
