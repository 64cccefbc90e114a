package dev.kurz.llm.embedded;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ModelStoreTest {
  static final byte[] CONFIG = "{\"model_type\": \"qwen2\"}".getBytes(StandardCharsets.UTF_8);
  static final byte[] WEIGHTS = new byte[300_000];
  static final byte[] TOKENIZER = "{\"model\": {}}".getBytes(StandardCharsets.UTF_8);

  static {
    new Random(1).nextBytes(WEIGHTS);
  }

  /** Weights with size and checksum announced by the server; the tokenizer pinned in the catalog. */
  static final EmbeddedModel MODEL = new EmbeddedModel("test-model", "someone/Test-Model-JQ4", "abc123", "Apache-2.0",
      1_000_000, List.of(
          new ModelFile("config.json", -1, null),
          new ModelFile("tokenizer.json", TOKENIZER.length, FakeHub.sha256(TOKENIZER)),
          new ModelFile("model.safetensors", -1, null)));

  @TempDir Path cache;
  final FakeHub hub = new FakeHub().file(MODEL, "config.json", CONFIG, false)
      .file(MODEL, "tokenizer.json", TOKENIZER, false).file(MODEL, "model.safetensors", WEIGHTS, true);
  final OkHttpClient http = new OkHttpClient();
  final ByteArrayOutputStream err = new ByteArrayOutputStream();

  ModelStoreTest() throws IOException {}

  @AfterEach
  void stop() {
    hub.close();
  }

  ModelStore store() {
    return new ModelStore(cache, http, hub.url());
  }

  DownloadProgress bar() {
    return DownloadProgress.bar(new PrintStream(err, true, StandardCharsets.UTF_8));
  }

  String err() {
    return err.toString(StandardCharsets.UTF_8);
  }

  @Test
  void pullDownloadsEveryFileIntoTheModelFolderAndShowsTheSizeFirst() throws Exception {
    Path dir = store().pull(MODEL, bar());

    assertThat(dir).isEqualTo(cache.resolve("models/test-model"));
    assertThat(Files.readAllBytes(dir.resolve("model.safetensors"))).isEqualTo(WEIGHTS);
    assertThat(Files.readAllBytes(dir.resolve("config.json"))).isEqualTo(CONFIG);
    assertThat(dir.resolve(ModelStore.MANIFEST)).exists();
    assertThat(ModelStore.manifest(dir).at("/files/model.safetensors/sha256").asText()).isEqualTo(FakeHub.sha256(WEIGHTS));
    String first = err().lines().findFirst().orElseThrow();
    assertThat(first).startsWith("Downloading embedded model test-model (300.0 kB, Apache-2.0").contains(dir.toString());
    assertThat(err()).contains("100.0%").contains("checksums verified");
    assertThat(store().installed(MODEL)).isTrue();
  }

  @Test
  void aSecondPullFindsTheModelAndFetchesNothing() throws Exception {
    store().pull(MODEL, DownloadProgress.NONE);
    int before = hub.requests.size();

    store().pull(MODEL, DownloadProgress.NONE);

    assertThat(hub.requests).hasSize(before);
  }

  @Test
  void anInterruptedDownloadResumesWithARangeRequest() throws Exception {
    hub.cutOnce(MODEL, "model.safetensors", 120_000);

    assertThatThrownBy(() -> store().pull(MODEL, DownloadProgress.NONE))
        .isInstanceOf(IOException.class).hasMessageContaining("interrupted").hasMessageContaining("again to resume");
    Path part = cache.resolve("models/test-model/model.safetensors.part");
    assertThat(part).hasSize(120_000);

    store().pull(MODEL, bar());

    assertThat(hub.requests).contains("GET /someone/Test-Model-JQ4/resolve/abc123/model.safetensors bytes=120000-");
    assertThat(Files.readAllBytes(cache.resolve("models/test-model/model.safetensors"))).isEqualTo(WEIGHTS);
    assertThat(part).doesNotExist();
    assertThat(err()).contains("resuming after 120.0 kB");
  }

  @Test
  void aChecksumMismatchRemovesTheDownloadAndSaysSo() {
    hub.lieAboutChecksum(MODEL, "model.safetensors");

    assertThatThrownBy(() -> store().pull(MODEL, DownloadProgress.NONE))
        .hasMessageContaining("checksum mismatch for test-model/model.safetensors")
        .hasMessageContaining(FakeHub.sha256(WEIGHTS));
    assertThat(cache.resolve("models/test-model/model.safetensors")).doesNotExist();
    assertThat(cache.resolve("models/test-model/model.safetensors.part")).doesNotExist();
    assertThat(store().installed(MODEL)).isFalse();
  }

  @Test
  void aPinnedChecksumIsCheckedEvenWhenTheServerAnnouncesNone() throws Exception {
    hub.file(MODEL, "tokenizer.json", "{\"model\": {\"changed\": 1}}".getBytes(StandardCharsets.UTF_8), false);

    assertThatThrownBy(() -> store().pull(MODEL, DownloadProgress.NONE)).hasMessageContaining("checksum mismatch for test-model/tokenizer.json");
  }

  @Test
  void withoutNetworkThePullSaysWhatToDoInOneLine() throws Exception {
    HttpUrl nowhere = hub.url();
    hub.close();

    assertThatThrownBy(() -> new ModelStore(cache, http, nowhere).pull(MODEL, DownloadProgress.NONE))
        .isInstanceOf(ModelUnavailableException.class)
        .hasMessageContaining("test-model is not installed")
        .hasMessageContaining("API key").hasMessageContaining("ollama serve")
        .hasMessageContaining(cache.resolve("models/test-model").toString())
        .hasMessageNotContaining("\n");
  }

  @Test
  void aFolderCopiedByHandCountsAsInstalled() throws Exception {
    Path dir = Files.createDirectories(cache.resolve("models/test-model"));
    Files.write(dir.resolve("config.json"), CONFIG);
    Files.write(dir.resolve("tokenizer.json"), TOKENIZER);
    Files.write(dir.resolve("model.safetensors"), WEIGHTS);

    assertThat(store().installed(MODEL)).isTrue();
    assertThat(store().list()).singleElement().satisfies(m -> {
      assertThat(m.name()).isEqualTo("test-model");
      assertThat(m.verified()).isFalse();
      assertThat(m.bytes()).isEqualTo(CONFIG.length + TOKENIZER.length + WEIGHTS.length);
    });
  }

  @Test
  void removeDeletesTheFolderAndReportsWhetherThereWasOne() throws Exception {
    store().pull(MODEL, DownloadProgress.NONE);

    assertThat(store().remove("test-model")).isTrue();
    assertThat(store().remove("test-model")).isFalse();
    assertThat(cache.resolve("models/test-model")).doesNotExist();
    assertThatThrownBy(() -> store().remove("../etc")).isInstanceOf(IllegalArgumentException.class);
  }
}
