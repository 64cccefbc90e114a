package dev.kurz.digest;

import dev.kurz.llm.Check;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.kurz.Shared;
import dev.kurz.ingest.ArticleReader;
import dev.kurz.ingest.InputException;
import dev.kurz.llm.ContractSchema;
import dev.kurz.model.Analysis;
import dev.kurz.model.Article;
import dev.kurz.model.ArticleResult;
import dev.kurz.model.ModelRef;
import dev.kurz.model.Source;
import dev.kurz.model.Usage;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The labelled grouping set: articles written for kurz's tests (src/test/resources/stories, one file
 * per story, each with its analysis in the contract schema) and the shared seeds with the editor's
 * labels in stories/seeds.labels.json.
 */
record LabelledSet(List<DigestItem> items, List<String> gold, List<String> ids) {
  static final ObjectMapper JSON = new ObjectMapper();
  static final List<String> STORY_FILES = List.of(
      "witkoff-moskau", "umerov-florida", "haushalt-bundestag", "gdl-bahnstreik", "verdi-nahverkehr",
      "hochwasser-bayern", "bundesliga-klassiker", "champions-league-psg", "ezb-zinsen", "inflation-november",
      "drohnen-raffinerie", "raketen-kiew", "museum-hamburg", "unfall-a9");

  static LabelledSet own() {
    ContractSchema schema = ContractSchema.load();
    List<DigestItem> items = new ArrayList<>();
    List<String> gold = new ArrayList<>();
    List<String> ids = new ArrayList<>();
    for (String story : STORY_FILES) {
      JsonNode root = resource("/stories/" + story + ".json");
      for (JsonNode a : root.path("articles")) {
        Check<Analysis> checked = schema.check(a.path("analysis").toString());
        if (!checked.valid()) throw new IllegalStateException(a.path("id").asText() + ": " + checked.errors());
        String id = a.path("id").asText();
        Source source = new Source(id + ".txt", id + ".txt", null, a.path("title").asText(), null,
            a.path("published").asText(), a.path("site").asText(), "de", a.path("text").asText().length());
        items.add(new DigestItem(result(source, checked.value(), id), a.path("text").asText()));
        gold.add(root.path("story").asText());
        ids.add(id);
      }
    }
    return new LabelledSet(items, gold, ids);
  }

  /** The five seeds with their example analyses, read the way kurz reads them; skips when /work/shared is absent. */
  static LabelledSet seeds() {
    ContractSchema schema = ContractSchema.load();
    JsonNode labels = resource("/stories/seeds.labels.json").path("labels");
    List<DigestItem> items = new ArrayList<>();
    List<String> gold = new ArrayList<>();
    List<String> ids = new ArrayList<>();
    ArticleReader reader = new ArticleReader(InputStream.nullInputStream(), ArticleReader.DEFAULT_MAX_BYTES, w -> {});
    for (Path seed : Shared.seeds()) {
      String name = seed.getFileName().toString().replaceFirst("\\.txt$", "");
      try {
        Article article = reader.read(new dev.kurz.ingest.Input.LocalFile(seed.toString(), seed));
        Analysis analysis = schema.check(Files.readString(Shared.exampleFor(seed))).value();
        items.add(new DigestItem(result(article.source(), analysis, name), article.text()));
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      } catch (InputException e) {
        throw new IllegalStateException(seed + ": " + e.getMessage(), e);
      }
      gold.add(labels.path(name).asText(name));
      ids.add(name);
    }
    return new LabelledSet(items, gold, ids);
  }

  static ArticleResult result(Source source, Analysis analysis, String key) {
    return new ArticleResult(source, analysis, new ModelRef("fake", "fake-model"), Usage.NONE, false, List.of(),
        "key-" + key, Instant.parse("2025-12-03T08:00:00Z"), null);
  }

  static JsonNode resource(String name) {
    try (InputStream in = LabelledSet.class.getResourceAsStream(name)) {
      if (in == null) throw new IllegalStateException("missing test resource " + name);
      return JSON.readTree(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  LabelledSet plus(LabelledSet other) {
    List<DigestItem> i = new ArrayList<>(items);
    i.addAll(other.items);
    List<String> g = new ArrayList<>(gold);
    g.addAll(other.gold);
    List<String> d = new ArrayList<>(ids);
    d.addAll(other.ids);
    return new LabelledSet(i, g, d);
  }

  int storyCount() {
    return (int) gold.stream().distinct().count();
  }
}
