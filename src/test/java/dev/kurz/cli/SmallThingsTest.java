package dev.kurz.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The small things a newcomer trips over. */
class SmallThingsTest {
  @TempDir Path home;

  @Test
  void backendsCheckEmbeddedSaysWhyItCannotAnswerRatherThanCrashing() {
    // No model installed and the download source unreachable: "does not answer", exit 3.
    CliRun run = new CliRun(home).env("HF_ENDPOINT", "http://127.0.0.1:9").run("backends", "check", "embedded");
    assertThat(run.err).doesNotContain("internal error");
    assertThat(run.exit).as(run.out + run.err).isEqualTo(ExitCodes.NOTHING_RAN);
    assertThat(run.out).startsWith("embedded (in-process): does not answer");
  }

  @Test
  void backendsNamesEveryProvidersModelAndNoNulls() {
    CliRun run = new CliRun(home).run("backends");
    assertThat(run.exit).isZero();
    assertThat(run.out).doesNotContain("null").contains("azure-openai  (your deployment)").contains("embedded");
  }

  @Test
  void aTextLeftAfterAPaywallNoticeIsFlaggedAsAStub() throws IOException {
    Path teaser = Files.writeString(home.resolve("teaser.txt"), """
        Streit um die Brücke

        Die Stadt will die alte Brücke über den Fluss abreißen und bis 2028 neu bauen. Anwohner wehren sich.

        Jetzt weiterlesen mit SZ Plus
        """);
    CliRun run = new CliRun(home).run("extract", teaser.toString());
    assertThat(run.exit).as(run.err).isZero();
    assertThat(run.err).contains("[WARN] " + teaser + ": only ").contains("teaser or paywall stub");

    Path whole = Files.writeString(home.resolve("kurz.txt"), "Die Stadt baut eine neue Brücke über den Fluss.");
    assertThat(new CliRun(home).run("extract", whole.toString()).err).doesNotContain("paywall");
  }
}
