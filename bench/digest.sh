#!/usr/bin/env bash
# A digest of N cached articles: N articles in STORIES interleaved stories (0: one topic, every
# article alike) are digested once against the fake backend (no latency; this fills the cache with
# the answers and the syntheses), then the same command is timed RUNS times: every answer comes from
# the cache, so this is kurz's own work (grouping, claim merging, rendering; JVM start included).
#   N=10000 STORIES=400 WORDS=400 RUNS=3 bench/digest.sh
source "$(dirname "$0")/lib.sh"
N=${N:-10000}; STORIES=${STORIES:-$((N / 25))}; WORDS=${WORDS:-400}; RUNS=${RUNS:-3}; FORMAT=${FORMAT:-json}
build
work=$(mktemp -d)
"$JAVA" -cp "$CP" dev.kurz.bench.ArticleCorpus "$work/articles" "$N" "$WORDS" "$STORIES"
start_server 0 64 1
export OPENAI_API_KEY=sk-bench-FAKE-0000 XDG_CACHE_HOME="$work/cache"
cmd=(target/kurz digest "$work/articles" --provider openai --base-url "$URL" --model bench --format "$FORMAT" -j 16 -q)
/usr/bin/time -f "first run (fills the cache): %e s wall, %M KB max RSS" "${cmd[@]}" >"$work/digest.out"
for i in $(seq "$RUNS"); do
  /usr/bin/time -f "cached run: %e s wall, %U s user, %M KB max RSS" "${cmd[@]}" 2>&1 >"$work/digest.out" | tail -n 1
done
stop_server
if [ "$FORMAT" = json ]; then
  "$JAVA" -cp "$CP" dev.kurz.digest.DigestShape "$work/digest.out" "$STORIES"
fi
rm -rf "$work"
