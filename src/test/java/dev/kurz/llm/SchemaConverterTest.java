package dev.kurz.llm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.langchain4j.model.chat.request.json.JsonArraySchema;
import dev.langchain4j.model.chat.request.json.JsonEnumSchema;
import dev.langchain4j.model.chat.request.json.JsonObjectSchema;
import dev.langchain4j.model.chat.request.json.JsonSchema;
import dev.langchain4j.model.chat.request.json.JsonStringSchema;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class SchemaConverterTest {

  @Test
  void convertsObjectsArraysEnumsRequiredAndDescriptions() {
    JsonSchema schema = SchemaConverter.convert(ProviderCase.SCHEMA, "digest");

    assertThat(schema.name()).isEqualTo("digest");
    JsonObjectSchema root = (JsonObjectSchema) schema.rootElement();
    assertThat(root.required()).containsExactly("headline", "tone", "points");
    assertThat(root.additionalProperties()).isFalse();
    assertThat(((JsonStringSchema) root.properties().get("headline")).description()).isEqualTo("A neutral headline.");
    assertThat(((JsonEnumSchema) root.properties().get("tone")).enumValues()).containsExactly("neutral", "alarmed", "upbeat");
    JsonObjectSchema item = (JsonObjectSchema) ((JsonArraySchema) root.properties().get("points")).items();
    assertThat(item.required()).containsExactly("text", "weight");
  }

  @Test
  void convertsTheRealContractSchema() throws Exception {
    Path contract = Path.of(System.getProperty("kurz.shared", "../shared"), "contract", "analysis.schema.json");
    assumeTrue(Files.isRegularFile(contract), "contract schema not found at " + contract + "; skipped");

    JsonSchema schema = SchemaConverter.convert(Files.readString(contract), "ArticleAnalysis");

    JsonObjectSchema root = (JsonObjectSchema) schema.rootElement();
    assertThat(root.required()).contains("headline", "summary", "claims", "entities");
    JsonObjectSchema claim = (JsonObjectSchema) ((JsonArraySchema) root.properties().get("claims")).items();
    assertThat(claim.additionalProperties()).isFalse();
    assertThat(((JsonEnumSchema) claim.properties().get("modality")).enumValues()).contains("alleged", "denied");
  }

  @Test
  void nullableTypeListKeepsTheRealType() {
    JsonSchema schema = SchemaConverter.convert(
        "{\"type\":\"object\",\"properties\":{\"ort\":{\"type\":[\"string\",\"null\"]}}}", null);

    assertThat(schema.name()).isEqualTo("answer");
    assertThat(((JsonObjectSchema) schema.rootElement()).properties().get("ort")).isInstanceOf(JsonStringSchema.class);
  }

  @Test
  void namesAreMadeSafeForOpenAi() {
    assertThat(SchemaConverter.safeName("Artikel Analyse/1")).isEqualTo("Artikel_Analyse_1");
  }

  @Test
  void refusesConstructsItCannotRepresent() {
    assertThatThrownBy(() -> SchemaConverter.convert(
        "{\"type\":\"object\",\"properties\":{\"x\":{\"$ref\":\"#/$defs/x\"}}}", "s"))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("$ref").hasMessageContaining("$.x");
    assertThatThrownBy(() -> SchemaConverter.convert("nicht json", "s"))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
