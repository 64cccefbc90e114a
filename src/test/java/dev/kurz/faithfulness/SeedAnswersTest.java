package dev.kurz.faithfulness;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kurz.Shared;
import dev.kurz.glossary.Glossary;
import dev.kurz.model.Analysis;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The real seed articles and the good answers made for them (shared folder, never copied into the
 * repository): a clean answer raises no finding. Skipped with a message where the folder is absent.
 */
class SeedAnswersTest {

  @Test
  void cleanRealAnswersAreNotFlagged() throws IOException {
    List<String> all = new ArrayList<>();
    int answers = 0;
    for (Path seed : Shared.seeds()) {
      Path example = Shared.exampleFor(seed);
      if (!Files.exists(example)) continue;
      String article = Files.readString(seed);
      Analysis a = Answers.read(Files.readString(example), article);
      answers++;
      for (Finding f : FaithfulnessCheck.check(a, article, Glossary.builtIn(), "de", "en", null)) {
        all.add(seed.getFileName() + ": " + f.warning());
      }
    }
    assertThat(answers).isPositive();
    assertThat(all).isEmpty();
  }
}
