package dev.kurz.faithfulness;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kurz.model.Analysis;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class ProvenanceTest {

  @Test
  void keyPointsPointToTheClaimsTheyRestOn() throws IOException {
    String article = resource("klinikstreik.txt");
    Analysis a = Answers.read(resource("klinikstreik.analysis.json"), article);
    List<List<Integer>> sources = Provenance.keyPointClaims(a);
    assertThat(sources).hasSize(5);
    assertThat(sources.get(0)).containsExactly(1);
    assertThat(sources.get(1)).contains(3);
    assertThat(sources.get(2)).contains(4);
    assertThat(sources.get(3)).containsExactly(8);
    assertThat(sources.get(4)).contains(9, 10);
  }

  @Test
  void aKeyPointSharingNothingPointsNowhere() throws IOException {
    String article = resource("klinikstreik.txt");
    Analysis a = Answers.read(resource("klinikstreik.analysis.json"), article);
    Analysis other = new Analysis("de", a.headline(), a.summary(), List.of("The weather stays mild."), a.claims(), a.entities());
    assertThat(Provenance.keyPointClaims(other)).containsExactly(List.of());
  }

  private static String resource(String name) throws IOException {
    try (InputStream in = ProvenanceTest.class.getResourceAsStream("/faithfulness/" + name)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }
}
