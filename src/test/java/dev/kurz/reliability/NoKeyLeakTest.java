package dev.kurz.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

/**
 * Runs after every other test class (junit-platform.properties orders classes by {@link Order}) and
 * greps everything the fault suite captured for the fake keys it used.
 */
@Order(Integer.MAX_VALUE)
class NoKeyLeakTest {
  @Test
  void noFakeKeyAppearsInAnythingTheSuiteCaptured() {
    var seen = Outputs.seen();
    assumeTrue(!seen.isEmpty(), "no fault test ran before this one (run the whole suite)");
    for (Outputs.Captured c : seen) {
      for (String key : Outputs.FAKE_KEYS) {
        assertThat(c.text()).as("output of %s", c.origin()).doesNotContain(key);
        // a key cut in half still leaks most of itself
        assertThat(c.text()).as("output of %s", c.origin()).doesNotContain(key.substring(0, key.length() * 2 / 3));
      }
    }
  }
}
