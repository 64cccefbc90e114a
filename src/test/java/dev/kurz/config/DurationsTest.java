package dev.kurz.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class DurationsTest {
  @Test
  void spansTakeSecondsMinutesHoursDaysAndWeeks() {
    assertThat(Durations.parse("45s")).isEqualTo(Duration.ofSeconds(45));
    assertThat(Durations.parse("90m")).isEqualTo(Duration.ofMinutes(90));
    assertThat(Durations.parse("12h")).isEqualTo(Duration.ofHours(12));
    assertThat(Durations.parse(" 30d ")).isEqualTo(Duration.ofDays(30));
    assertThat(Durations.parse("30D")).isEqualTo(Duration.ofDays(30));
    assertThat(Durations.parse("2w")).isEqualTo(Duration.ofDays(14));
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "30", "d", "-3d", "1.5h", "3y", "99999999999999999999d"})
  void badSpansAreRejectedNamingTheValue(String text) {
    assertThatThrownBy(() -> Durations.parse(text))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("'" + text.strip() + "'");
  }

  @Test
  void aTimeoutIsWholeSecondsWrittenEitherWay() {
    assertThat(Key.TIMEOUT.check("180")).isEqualTo("180");
    assertThat(Key.TIMEOUT.check("3m")).isEqualTo("180");
    assertThat(Key.TIMEOUT.check("90s")).isEqualTo("90");
    assertThatThrownBy(() -> Key.TIMEOUT.check("0s")).hasMessageContaining("'0s'");
    assertThatThrownBy(() -> Key.TIMEOUT.check("soon")).hasMessageContaining("'soon'");
  }
}
