package dev.kurz.cache;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CacheUnitsTest {

  @Test
  void sizesAcceptPlainBytesAndBinaryUnits() {
    assertThat(CacheUnits.parseSize("1024")).isEqualTo(1024);
    assertThat(CacheUnits.parseSize("1024B")).isEqualTo(1024);
    assertThat(CacheUnits.parseSize("64k")).isEqualTo(64 * 1024);
    assertThat(CacheUnits.parseSize("500MB")).isEqualTo(500L << 20);
    assertThat(CacheUnits.parseSize("500 mb")).isEqualTo(500L << 20);
    assertThat(CacheUnits.parseSize("2GB")).isEqualTo(2L << 30);
    assertThat(CacheUnits.parseSize("2GiB")).isEqualTo(2L << 30);
    assertThat(CacheUnits.parseSize("1.5G")).isEqualTo(3L << 29);
    assertThat(CacheUnits.parseSize(" 1TB ")).isEqualTo(1L << 40);
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "MB", "-5MB", "5XB", "five", "1.5", "5 M B", "99999999999TB"})
  void badSizesAreRejectedWithTheValueInTheMessage(String text) {
    assertThatThrownBy(() -> CacheUnits.parseSize(text))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("invalid size \"" + text.strip() + "\"");
  }

  @Test
  void sizesAreFormattedForPeople() {
    assertThat(CacheUnits.formatSize(0)).isEqualTo("0 B");
    assertThat(CacheUnits.formatSize(1023)).isEqualTo("1023 B");
    assertThat(CacheUnits.formatSize(1536)).isEqualTo("1.5 KB");
    assertThat(CacheUnits.formatSize(500L << 20)).isEqualTo("500.0 MB");
    assertThat(CacheUnits.formatSize(Long.MAX_VALUE)).isEqualTo("8.0 EB");
  }
}
