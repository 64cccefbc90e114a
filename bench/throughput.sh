#!/usr/bin/env bash
# Throughput against a rate-limited fake backend: N distinct articles, a fixed latency per answer
# and a hard concurrency limit (429 + Retry-After beyond it). Reports wall time against capacity
# (N / limit x latency).
#   N=200 LATENCY_MS=500 LIMIT=8 CONCURRENCY=16 bench/throughput.sh
source "$(dirname "$0")/lib.sh"
N=${N:-200}; LATENCY_MS=${LATENCY_MS:-500}; LIMIT=${LIMIT:-8}; CONCURRENCY=${CONCURRENCY:-16}; RETRY_AFTER=${RETRY_AFTER:-1}
build
work=$(mktemp -d)
"$JAVA" -cp "$CP" dev.kurz.bench.ArticleCorpus "$work/articles" "$N" 400
start_server "$LATENCY_MS" "$LIMIT" "$RETRY_AFTER"
start=$(date +%s.%N)
set +e
OPENAI_API_KEY=sk-bench-FAKE-0000 XDG_CACHE_HOME="$work/cache" /usr/bin/time -f "kurz: %e s wall, %U s user, %S s sys, %M KB peak" target/kurz summarize "$work"/articles/*.txt \
  --provider openai --base-url "$URL" --model bench --no-cache --format jsonl -j "$CONCURRENCY" -q >"$work/out.jsonl"
rc=$?
set -e
end=$(date +%s.%N)
stop_server
wall=$(echo "$end - $start" | bc -l)
capacity=$(echo "$N / $LIMIT * $LATENCY_MS / 1000" | bc -l)
printf 'articles %d, latency %d ms, server limit %d, --concurrency %d: exit %d, %d records, wall %.2f s, capacity %.2f s, %.0f %% of capacity\n' \
  "$N" "$LATENCY_MS" "$LIMIT" "$CONCURRENCY" "$rc" "$(wc -l <"$work/out.jsonl")" "$wall" "$capacity" "$(echo "100 * $capacity / $wall" | bc -l)"
rm -rf "$work"
