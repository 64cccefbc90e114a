package dev.kurz.model;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The outlet a source names: the site's own name, else the host of its address. */
class SourceOutletTest {
  private static Source of(String url, String site) {
    return new Source(url, null, url, null, null, null, site, null, 0);
  }

  @Test
  void theSiteNameWinsAndTheHostStandsInForIt() {
    assertThat(of("https://www.tagesspiegel.de/berlin/artikel", "Tagesspiegel").outlet()).isEqualTo("Tagesspiegel");
    assertThat(of("https://www.Sueddeutsche.de/muenchen/x", null).outlet()).isEqualTo("sueddeutsche.de");
    assertThat(Source.ofFile("artikel.txt", 10).outlet()).isNull();
  }

  @Test
  void anAddressOrAMachinesOwnNameIsNoOutlet() {
    assertThat(of("http://127.0.0.1:8080/a", null).host()).isNull();
    assertThat(of("http://localhost:8080/a", null).host()).isNull();
    assertThat(of("http://[::1]:8080/a", null).host()).isNull();
    assertThat(of("not a url", null).host()).isNull();
  }
}
