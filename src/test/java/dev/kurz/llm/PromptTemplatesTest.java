package dev.kurz.llm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PromptTemplatesTest {
  @TempDir Path dir;

  @Test
  void builtInTemplatesAreTheRepositoryPrompts() throws IOException {
    PromptTemplates p = PromptTemplates.load(null);
    for (String name : PromptTemplates.NAMES) {
      Path repo = Path.of("prompts", name);
      if (Files.exists(repo)) assertThat(p.template(name)).isEqualTo(Files.readString(repo));
      assertThat(p.origins().get(name)).isEqualTo("built-in");
    }
  }

  @Test
  void editedTemplateInUserFolderWinsAndChangesTheHash() throws IOException {
    String before = PromptTemplates.load(dir).hash();
    Files.writeString(dir.resolve("repair.txt"), "Fix: {{errors}}");
    PromptTemplates edited = PromptTemplates.load(dir);
    assertThat(edited.hash()).isNotEqualTo(before);
    assertThat(edited.origins().get("repair.txt")).isEqualTo(dir.resolve("repair.txt").toString());
    assertThat(edited.origins().get("analyze.user.txt")).isEqualTo("built-in");
    assertThat(edited.render("repair.txt", Map.of("errors", "x"))).isEqualTo("Fix: x");
  }

  @Test
  void unknownPlaceholderIsNamedInTheError() throws IOException {
    Files.writeString(dir.resolve("repair.txt"), "Fix: {{erors}}");
    PromptTemplates edited = PromptTemplates.load(dir);
    assertThatThrownBy(() -> edited.render("repair.txt", Map.of("errors", "x")))
        .hasMessageContaining("{{erors}}").hasMessageContaining("errors");
  }

  @Test
  void replacementTextWithDollarSignsIsKeptLiterally() {
    PromptTemplates p = PromptTemplates.load(null);
    assertThat(p.render("repair.txt", Map.of("errors", "$1 costs \\ 5"))).contains("$1 costs \\ 5");
  }

  @Test
  void theAnalysisPromptCarriesNoSchemaOfItsOwn() {
    PromptTemplates p = PromptTemplates.load(null);
    String system = p.render("analyze.system.txt", Map.of("target_language", "English", "length_instructions", "x",
        "glossary", "", "schema", ""));
    assertThat(system).doesNotContain("\"$schema\"", "\"properties\"").contains("ISO 639-1", "anonymous_source",
        "the more specific one wins", "Weißes Haus");
  }

  @Test
  void everyPlaceholderOfTheBuiltInPromptsIsFilledBySummarize() {
    PromptTemplates p = PromptTemplates.load(null);
    String system = p.render("analyze.system.txt", Map.of("target_language", "English", "length_instructions", "x",
        "glossary", "", "schema", "{}"));
    assertThat(system).doesNotContain("{{");
  }
}
