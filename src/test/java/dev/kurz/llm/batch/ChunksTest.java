package dev.kurz.llm.batch;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ChunksTest {
  @TempDir Path spool;
  final List<String> bodies = new ArrayList<>();

  Chunks chunks(int maxRequests, long maxBytes, String prefix, String separator, String suffix) {
    return new Chunks(spool, maxRequests, maxBytes, prefix, separator, suffix, file -> {
      try {
        bodies.add(Files.readString(file));
      } catch (java.io.IOException e) {
        throw new java.io.UncheckedIOException(e);
      }
      return "batch-" + bodies.size();
    });
  }

  @Test
  void moreRequestsThanOneBatchHoldsGoInSeveral() throws Exception {
    Chunks c = chunks(2, 1_000_000, "", "\n", "\n");
    for (int i = 1; i <= 5; i++) c.add("id" + i, "{\"n\":" + i + "}");

    List<BatchApi.Submitted> submitted = c.finish();

    assertThat(submitted).containsExactly(new BatchApi.Submitted("batch-1", List.of("id1", "id2")),
        new BatchApi.Submitted("batch-2", List.of("id3", "id4")), new BatchApi.Submitted("batch-3", List.of("id5")));
    assertThat(bodies.get(0)).isEqualTo("{\"n\":1}\n{\"n\":2}\n");
    assertThat(spool).isEmptyDirectory();
  }

  @Test
  void aBatchNeverExceedsTheByteLimit() throws Exception {
    Chunks c = chunks(1_000, 60, "{\"requests\":[", ",", "]}");
    String line = "{\"custom_id\":\"x\",\"pad\":\"" + "ä".repeat(5) + "\"}"; // 36 bytes in UTF-8
    for (int i = 0; i < 3; i++) c.add("id" + i, line);

    List<BatchApi.Submitted> submitted = c.finish();

    assertThat(submitted).hasSize(3);
    assertThat(bodies).allSatisfy(b -> {
      assertThat(b).startsWith("{\"requests\":[").endsWith("]}");
      assertThat(b.getBytes(java.nio.charset.StandardCharsets.UTF_8).length).isLessThanOrEqualTo(60);
    });
  }

  @Test
  void nothingToSubmitSubmitsNothing() throws Exception {
    assertThat(chunks(10, 100, "", "\n", "\n").finish()).isEmpty();
    assertThat(bodies).isEmpty();
  }
}
