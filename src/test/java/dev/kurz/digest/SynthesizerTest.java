package dev.kurz.digest;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SynthesizerTest {
  @Test
  void aTitleIsQuotedOnceEvenWhenItIsAQuotation() {
    assertThat(Synthesizer.quoted("Hafen öffnet wieder")).isEqualTo("\"Hafen öffnet wieder\"");
    assertThat(Synthesizer.quoted("\"Wir müssen handeln\"")).isEqualTo("\"Wir müssen handeln\"");
    assertThat(Synthesizer.quoted("„Wir müssen handeln“")).isEqualTo("„Wir müssen handeln“");
  }
}
