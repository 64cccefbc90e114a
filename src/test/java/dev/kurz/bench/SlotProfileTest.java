package dev.kurz.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class SlotProfileTest {
  @Test
  void splitsTheUnusedSlotTimeIntoRampGapsAndTail() {
    // Two slots. A: 0-500, 510-1010, 1150-1650; B: 100-600, 630-1130, then idle to the end.
    List<long[]> served = List.of(new long[] {0, 500}, new long[] {100, 600}, new long[] {510, 1010},
        new long[] {630, 1130}, new long[] {1150, 1650});
    SlotProfile p = SlotProfile.of(served, 2);
    assertEquals(0.1, p.rampSeconds(), 1e-9);
    assertEquals(3, p.gaps());
    assertEquals(0.010 + 0.030 + 0.140, p.gapSeconds(), 1e-9); // 1150 fills the slot free since 1010
    assertEquals(140, p.gapMax());
    assertEquals(30, p.gapP50());
    assertEquals(0.52, p.tailSeconds(), 1e-9); // B stands idle from 1130 to 1650
    // Lost in all = slots x span - busy: 2 x 1.65 - 2.5
    assertEquals(2 * 1.65 - 2.5, p.rampSeconds() + p.gapSeconds() + p.tailSeconds(), 1e-9);
  }
}
