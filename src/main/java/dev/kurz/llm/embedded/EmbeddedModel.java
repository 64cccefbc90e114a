package dev.kurz.llm.embedded;

import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * A model kurz can run in-process: its short name (the folder under {@code <cacheDir>/models}),
 * where it is published (a Hugging Face repository at a fixed revision), its licence, and its files.
 *
 * @param approxBytes the download size to announce when the files do not pin theirs
 */
public record EmbeddedModel(String name, String repo, String revision, String licence, long approxBytes,
    List<ModelFile> files) {

  /**
   * Qwen2.5 0.5B Instruct, quantized to Jlama's Q4 by Jlama's author. Apache-2.0; reads German,
   * trained for JSON output; the smallest instruct model Jlama has a pre-quantized build of.
   */
  public static final EmbeddedModel QWEN25_05B = new EmbeddedModel(
      "qwen2.5-0.5b-instruct", "tjake/Qwen2.5-0.5B-Instruct-JQ4", "main", "Apache-2.0", 317_000_000L,
      List.of(
          new ModelFile("config.json", -1, null),
          new ModelFile("tokenizer.json", -1, null),
          new ModelFile("tokenizer_config.json", -1, null),
          new ModelFile("model.safetensors", -1, null)));

  /** The model used when none is named. */
  public static final EmbeddedModel DEFAULT = QWEN25_05B;

  /** The models {@code kurz models pull} knows by name. */
  public static final List<EmbeddedModel> CATALOG = List.of(QWEN25_05B);

  public EmbeddedModel {
    files = List.copyOf(files);
    if (files.isEmpty()) throw new IllegalArgumentException("a model needs files");
  }

  /**
   * The catalog entry by name (case-insensitive).
   *
   * @throws IllegalArgumentException naming the known models
   */
  public static EmbeddedModel byName(String name) {
    for (EmbeddedModel m : CATALOG) {
      if (m.name().equals(name.trim().toLowerCase(Locale.ROOT))) return m;
    }
    throw new IllegalArgumentException("unknown embedded model '" + name + "'; known: "
        + CATALOG.stream().map(EmbeddedModel::name).collect(Collectors.joining(", ")));
  }

  /** The bytes the files pin, or {@link #approxBytes} when any of them does not. */
  public long expectedBytes() {
    long sum = 0;
    for (ModelFile f : files) {
      if (f.size() < 0) return approxBytes;
      sum += f.size();
    }
    return sum;
  }
}
