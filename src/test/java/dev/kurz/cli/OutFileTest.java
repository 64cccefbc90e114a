package dev.kurz.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kurz.ChildJvm;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** {@code digest --out}: checked before any request, replaced whole or not at all (issue 20, item 3). */
class OutFileTest extends FaultRig {
  static final String PREVIOUS = "# Yesterday's digest\n\n" + "A story that must survive.\n".repeat(400);

  String[] digest(String... extra) {
    List<String> all = new ArrayList<>(List.of("digest", "--provider", "openai", "--base-url", llm.baseUrl(), "--model", "fake-model"));
    all.addAll(List.of(extra));
    return all.toArray(String[]::new);
  }

  @Test
  void outNamingAFolderFailsBeforeAnyRequest() throws IOException {
    llm.answer(HAFEN_MARKER, hafenAnswer());
    Path folder = Files.createDirectories(home.resolve("digests"));
    CliRun run = record(cli(), digest(write("hafen.txt", hafen()).toString(), "--out", folder.toString()));
    assertThat(run.exit).isEqualTo(ExitCodes.USAGE);
    assertThat(run.err).contains("[ERROR] cannot write --out " + folder + ": it is a folder");
    assertThat(llm.requests).isEmpty();
  }

  @Test
  void outUnderAFileFailsBeforeAnyRequest() throws IOException {
    llm.answer(HAFEN_MARKER, hafenAnswer());
    Path blocker = write("blocker", "not a folder");
    CliRun run = record(cli(), digest(write("hafen.txt", hafen()).toString(), "--out", blocker.resolve("d.md").toString()));
    assertThat(run.exit).as(run.err).isEqualTo(ExitCodes.USAGE);
    assertThat(run.err.lines().filter(l -> l.startsWith("[ERROR]")).toList()).singleElement().asString()
        .contains("cannot write --out");
    assertThat(llm.requests).isEmpty();
  }

  @Test
  void aDigestIsWrittenWholeAndLeavesNoTemporaryFile() throws IOException {
    llm.answer(HAFEN_MARKER, hafenAnswer());
    Path out = write("heute.md", PREVIOUS);
    CliRun run = record(cli(), digest(write("hafen.txt", hafen()).toString(), "--out", out.toString()));
    assertThat(run.exit).as(run.err).isZero();
    assertThat(Files.readString(out)).doesNotContain("must survive").contains("Hamburg");
    try (Stream<Path> files = Files.list(home)) {
      assertThat(files.map(p -> p.getFileName().toString())).noneMatch(n -> n.contains(".tmp"));
    }
  }

  /**
   * A full disk, for real: the child JVM runs under a file-size limit (ulimit -f) smaller than the
   * new digest, so its write fails with EFBIG half-way, as on a full disk.
   */
  @Test
  void aWriteThatFailsHalfWayLeavesThePreviousDigestIntact() throws Exception {
    llm.answer(HAFEN_MARKER, hafenAnswer());
    Path out = write("heute.md", PREVIOUS);
    List<String> args = new ArrayList<>(List.of(digest(hafenCopies(3).toArray(String[]::new))));
    args.addAll(List.of("--no-cache", "--out", out.toString()));
    String err;
    try (ChildJvm kurz = ChildJvm.builder(home, Main.class).fileSizeLimit(2).env(cli().env).stdin("").args(args).start()) {
      assertThat(kurz.waitForExit()).as(kurz.stderr()).isEqualTo(ExitCodes.SOME_FAILED);
      err = kurz.stderr();
    }
    assertThat(err.lines().filter(l -> l.startsWith("[ERROR]")).toList()).as(err).singleElement().asString()
        .contains("cannot write " + out).contains("the previous file is unchanged");
    assertThat(Files.readString(out)).isEqualTo(PREVIOUS);
    try (Stream<Path> files = Files.list(home)) {
      assertThat(files.map(p2 -> p2.getFileName().toString())).noneMatch(n -> n.contains(".tmp"));
    }
  }
}
