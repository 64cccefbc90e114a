package dev.kurz.llm;

import dev.kurz.model.Analysis;
import dev.kurz.llm.Check;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.kurz.Shared;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class ContractSchemaTest {
  final ContractSchema schema = ContractSchema.load();

  @Test
  void bundledSchemaMatchesTheSharedContract() throws IOException {
    Path shared = Shared.path("contract/analysis.schema.json");
    assertThat(schema.text()).isEqualTo(Files.readString(shared));
  }

  @Test
  void everySharedExampleValidates() throws IOException {
    for (Path example : Shared.examples()) {
      Check<Analysis> checked = schema.check(Files.readString(example));
      assertThat(checked.errors()).as(example.toString()).isEmpty();
      assertThat(checked.value().claims()).isNotEmpty();
    }
  }

  @Test
  void answerWrappedInFencesAndProseStillParses() {
    String answer = "Here you go:\n```json\n" + minimal("stated") + "\n```\nHope this helps.";
    assertThat(schema.check(answer).valid()).isTrue();
  }

  @Test
  void offSchemaAnswerListsItsErrors() {
    Check<Analysis> checked = schema.check(minimal("certain"));
    assertThat(checked.valid()).isFalse();
    assertThat(checked.errors()).anyMatch(e -> e.contains("modality"));
  }

  @Test
  void truncatedJsonIsAnErrorNotAnException() {
    String full = minimal("stated");
    Check<Analysis> checked = schema.check(full.substring(0, full.length() / 2));
    assertThat(checked.valid()).isFalse();
    assertThat(checked.errors()).singleElement().asString().startsWith("invalid JSON");
  }

  @Test
  void answerWithoutJsonIsAnError() {
    assertThat(schema.check("I cannot help with that.").errors()).containsExactly("the answer holds no JSON object");
  }

  @Test
  void compactSchemaDropsDescriptionsButKeepsStructure() {
    assertThat(schema.compactText()).doesNotContain("\"description\"").contains("\"modality\"").contains("\"alleged\"");
    assertThat(schema.compactText().length()).isLessThan(schema.text().length() / 2);
  }

  static String minimal(String modality) {
    return """
        {"source_language":"de","headline":"H","summary":"S","key_points":["a","b","c"],
         "claims":[{"claim":"C","attributed_to":"the article","source_type":"article_voice","modality":"%s","quote":"Q"}],
         "entities":[{"name":"Kyiv","original":"Kiew","type":"place"}]}
        """.formatted(modality);
  }

  @Test
  void sharedFolderIsFoundWhenPresent() {
    assumeTrue(Files.isDirectory(Shared.root()), "../shared absent");
    assertThat(Shared.examples()).isNotEmpty();
  }
}
