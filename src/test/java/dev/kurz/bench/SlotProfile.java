package dev.kurz.bench;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.PriorityQueue;

/**
 * Where a concurrency-limited server's slot-time went unused, from the spans of the requests it
 * served ({@code [arrived, ended]} in ms). Each arrival fills the slot that has been free longest;
 * the time it stood free is a gap. Three parts: the ramp (slots not yet used once, from the first
 * arrival to their first request), gaps between an answer and the next request on that slot, and
 * the tail (slots freed after the last arrival, to the last answer). Their sum is the slot-time
 * lost between the first arrival and the last answer.
 */
record SlotProfile(double rampSeconds, int gaps, double gapSeconds, long gapP50, long gapP90, long gapMax, double tailSeconds) {

  static SlotProfile of(List<long[]> served, int limit) {
    List<long[]> events = new ArrayList<>(); // {time, +1 arrival / -1 end}
    long first = Long.MAX_VALUE;
    long last = Long.MIN_VALUE;
    for (long[] s : served) {
      events.add(new long[] {s[0], 1});
      events.add(new long[] {s[1], -1});
      first = Math.min(first, s[0]);
      last = Math.max(last, s[1]);
    }
    if (served.isEmpty()) return new SlotProfile(0, 0, 0, 0, 0, 0, 0);
    // Ends before arrivals at the same millisecond: the server freed the slot first.
    events.sort((a, b) -> a[0] != b[0] ? Long.compare(a[0], b[0]) : Long.compare(a[1], b[1]));
    PriorityQueue<Long> free = new PriorityQueue<>();
    int unused = limit; // slots never used yet
    long ramp = 0;
    List<Long> gaps = new ArrayList<>();
    for (long[] e : events) {
      if (e[1] < 0) {
        free.add(e[0]);
      } else if (unused > 0) {
        unused--;
        ramp += e[0] - first;
      } else {
        gaps.add(e[0] - (free.isEmpty() ? e[0] : free.poll()));
      }
    }
    long tail = 0;
    for (long f : free) tail += last - f;
    ramp += unused * (last - first);
    long[] sorted = gaps.stream().mapToLong(Long::longValue).sorted().toArray();
    long sum = Arrays.stream(sorted).sum();
    return new SlotProfile(ramp / 1000.0, sorted.length, sum / 1000.0,
        percentile(sorted, 50), percentile(sorted, 90), sorted.length == 0 ? 0 : sorted[sorted.length - 1], tail / 1000.0);
  }

  private static long percentile(long[] sorted, int p) {
    if (sorted.length == 0) return 0;
    return sorted[Math.min(sorted.length - 1, (int) Math.ceil(p / 100.0 * sorted.length) - 1)];
  }

  String line(int limit) {
    return String.format(Locale.ROOT, "slot-seconds lost (of %d slots): ramp %.2f, between an answer and the next request %.2f"
        + " (%d gaps, median %d ms, p90 %d ms, max %d ms), tail %.2f", limit, rampSeconds, gapSeconds, gaps, gapP50, gapP90, gapMax, tailSeconds);
  }
}
