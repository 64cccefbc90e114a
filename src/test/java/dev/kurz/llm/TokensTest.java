package dev.kurz.llm;

import static org.assertj.core.api.Assertions.assertThat;

import com.knuddels.jtokkit.Encodings;
import com.knuddels.jtokkit.api.Encoding;
import com.knuddels.jtokkit.api.EncodingType;
import org.junit.jupiter.api.Test;

class TokensTest {
  private static final Encoding CL100K = Encodings.newLazyEncodingRegistry().getEncoding(EncodingType.CL100K_BASE);

  private static final String GERMAN = "Der Stadtrat von Musterhausen hat am Dienstagabend beschlossen, die Gebühren für"
      + " die Müllabfuhr im kommenden Jahr um acht Prozent zu erhöhen. Die Kämmerin begründete den Schritt mit"
      + " gestiegenen Energiekosten und höheren Löhnen. „Wir haben lange gezögert“, sagte sie. Die Opposition"
      + " kritisierte, die Verwaltung habe Einsparmöglichkeiten nicht geprüft; ein Gutachten soll bis März vorliegen.";

  private static final String ENGLISH = "The town council of Musterhausen decided on Tuesday evening to raise waste"
      + " collection fees by eight percent next year. The treasurer cited rising energy costs and higher wages."
      + " \"We hesitated for a long time,\" she said. The opposition said savings had not been examined.";

  @Test
  void estimateIsWithinAQuarterOfTheCl100kCountForGermanProse() {
    int counted = CL100K.countTokensOrdinary(GERMAN);
    assertThat(Tokens.estimate(GERMAN)).isBetween((int) (counted * 0.75), (int) Math.ceil(counted * 1.25));
  }

  @Test
  void englishProseIsNeverUnderestimated() {
    assertThat(Tokens.estimate(ENGLISH)).isGreaterThanOrEqualTo(CL100K.countTokensOrdinary(ENGLISH));
  }

  @Test
  void charactersAndTextCountAlike() {
    assertThat(Tokens.estimate(GERMAN)).isEqualTo((int) Tokens.estimate((long) GERMAN.length()));
    assertThat(Tokens.estimate("")).isZero();
    assertThat(Tokens.estimate("a")).isEqualTo(1);
  }
}
