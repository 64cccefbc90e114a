package dev.kurz.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kurz.ChildJvm;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * kurz in a child JVM started as the launcher starts it (without the Vector API module), its
 * article piped into a real stdin, no key and no model server: the automatic choice is the
 * embedded model, which needs a JVM with that module. Whether to run again in one is decided
 * before stdin is read, so the article reaches whichever process reads it.
 */
class RelaunchTest {
  private static final String ARTICLE = """
      Neue Fähre für die Insel

      Der Kreistag hat am Montag den Kauf einer zweiten Fähre beschlossen. Sie soll nach Angaben der Reederei
      im Frühjahr 2027 in Dienst gehen und rund zwölf Millionen Euro kosten.
      """;

  @TempDir Path home;

  private ChildJvm kurz(String... args) throws Exception {
    // Closed ports: the probe for a local server and a model download fail at once.
    Map<String, String> env = Map.of("HOME", home.toString(), "XDG_CONFIG_HOME", home.resolve("config").toString(),
        "XDG_CACHE_HOME", home.resolve("cache").toString(), "OLLAMA_HOST", "http://127.0.0.1:9",
        "HF_ENDPOINT", "http://127.0.0.1:9/");
    return ChildJvm.builder(home, Main.class).env(env).stdin(ARTICLE).args(args).start();
  }

  @Test
  void aDryRunOfPipedInputWithoutAKeyCountsThePipedArticle() throws Exception {
    try (ChildJvm kurz = kurz("summarize", "-", "--dry-run")) {
      assertThat(kurz.waitForExit()).as(kurz.stderr()).isZero();
      assertThat(kurz.stderr()).doesNotContain("empty").doesNotContain("[ERROR]");
      assertThat(kurz.stdout()).contains("dry run: 1 article").contains("embedded/qwen2.5-0.5b-instruct");
    }
  }

  @Test
  void aRunOfTheEmbeddedModelGoesAgainBeforeReadingSoTheChildReadsThePipe() throws Exception {
    try (ChildJvm kurz = kurz("summarize", "-")) {
      int exit = kurz.waitForExit();
      String err = kurz.stderr();
      // The child read the article and got as far as installing the model (nothing answers at HF_ENDPOINT).
      assertThat(err).doesNotContain("empty (no text)").contains("embedded model");
      assertThat(err.lines().filter(l -> l.startsWith("kurz: using embedded")).count()).as(err).isEqualTo(1);
      assertThat(exit).as(err).isEqualTo(ExitCodes.NOTHING_RAN);
    }
  }
}
