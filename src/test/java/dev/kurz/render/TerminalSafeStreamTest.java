package dev.kurz.render;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class TerminalSafeStreamTest {

  @Test
  void textUmlautsQuotesTabsAndNewlinesPass() {
    String text = "„Wir erwarten“, sagte Müller.\tÄÖÜß — €\n日本語 🙂\n";
    assertThat(TerminalSafeStream.clean(text)).isEqualTo(text);
  }

  @Test
  void escapeSequencesC1ControlsAndBidiOverridesAreRemoved() {
    assertThat(TerminalSafeStream.clean("a\u001b[2Jb\u001b]52;c;ZXZpbA==\u0007c\u001bPq#0\u001b\\d\u009b1;31me\u009d0;t\u009cf"))
        .isEqualTo("abcdef");
    assertThat(TerminalSafeStream.clean("x\u202ey\u2066z\u2069\u202c")).isEqualTo("xyz");
    assertThat(TerminalSafeStream.clean("a\u0000b\u0008c\u007fd\re\u001b(Bf")).isEqualTo("abcdef");
    // Characters that share a lead byte with the removed ones stay.
    assertThat(TerminalSafeStream.clean("\u00a0\u00e9\u2014\u2026\u2070")).isEqualTo("\u00a0\u00e9\u2014\u2026\u2070");
  }

  @Test
  void theProgressRedrawPassesAndStatePersistsAcrossWrites() {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    PrintStream safe = TerminalSafeStream.wrap(new PrintStream(bytes, true, StandardCharsets.UTF_8));
    safe.print("\r\u001b[K[##  ] 2/4");
    safe.print("a\u001b]0;ti");
    safe.print("tle\u0007b\u00c2");
    safe.write(new byte[] {(byte) 0xc2}, 0, 1);
    safe.write(new byte[] {(byte) 0x9b, '2', 'J', 'c'}, 0, 4);
    safe.flush();
    assertThat(bytes.toString(StandardCharsets.UTF_8)).isEqualTo("\r\u001b[K[##  ] 2/4ab\u00c2c");
    assertThat(TerminalSafeStream.wrap(safe)).isSameAs(safe);
  }
}
