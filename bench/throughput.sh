#!/usr/bin/env bash
# Throughput against a rate-limited fake backend that kurz is told nothing about. Two cases:
#   CASE=concurrency (default): N distinct articles, a fixed latency per answer and a hard limit on
#     requests in flight (429 + Retry-After beyond it, no budget headers); capacity = N / limit x latency.
#       N=200 LATENCY_MS=500 LIMIT=8 CONCURRENCY=16 bench/throughput.sh
#   CASE=budget: a token budget per window with OpenAI's rate-limit headers on every answer
#     (TokenBudgetServer); capacity = tokens charged / budget x window.
#       CASE=budget N=100 WORDS=660 BUDGET=40000 WINDOW_MS=4000 LATENCY_MS=500 CONCURRENCY=8 bench/throughput.sh
#     WINDOW=bucket refills continuously instead of fixed windows; HEADERS=answer writes the headers as
#     the answer leaves instead of on arrival.
# The concurrency case prints where slot-time went (ramp, gaps between an answer and the next request,
# tail) and splits the wall into start-up to the first request, first request to last answer, and exit.
# KURZ=path/to/kurz runs another build (an A/B against the current one); the fake servers come from this tree.
source "$(dirname "$0")/lib.sh"
CASE=${CASE:-concurrency}; KURZ=${KURZ:-target/kurz}
N=${N:-200}; LATENCY_MS=${LATENCY_MS:-500}; LIMIT=${LIMIT:-8}; CONCURRENCY=${CONCURRENCY:-16}; RETRY_AFTER=${RETRY_AFTER:-1}
WORDS=${WORDS:-400}; BUDGET=${BUDGET:-40000}; WINDOW_MS=${WINDOW_MS:-4000}; WINDOW=${WINDOW:-window}; HEADERS=${HEADERS:-arrival}
build
work=$(mktemp -d)
"$JAVA" -cp "$CP" dev.kurz.bench.ArticleCorpus "$work/articles" "$N" "$WORDS"
if [ "$CASE" = budget ]; then
  log=$(mktemp)
  "$JAVA" -cp "$CP" dev.kurz.bench.TokenBudgetServer "$LATENCY_MS" "$BUDGET" "$WINDOW_MS" "$WINDOW" "$HEADERS" >"$log" 2>"${log}.err" &
  SERVER_PID=$!
  for _ in $(seq 100); do [ -s "$log" ] && break; sleep 0.1; done
  URL=$(head -n 1 "$log"); SERVER_LOG="${log}.err"
  trap 'kill $SERVER_PID 2>/dev/null || true' EXIT
else
  start_server "$LATENCY_MS" "$LIMIT" "$RETRY_AFTER"
fi
start=$(date +%s.%N)
set +e
OPENAI_API_KEY=sk-bench-FAKE-0000 XDG_CACHE_HOME="$work/cache" /usr/bin/time -f "kurz: %e s wall, %U s user, %S s sys, %M KB peak" "$KURZ" summarize "$work"/articles/*.txt \
  --provider openai --base-url "$URL" --model bench --no-cache --format jsonl -j "$CONCURRENCY" >"$work/out.jsonl" 2>"$work/err"
rc=$?
set -e
end=$(date +%s.%N)
kill "$SERVER_PID" 2>/dev/null || true; wait "$SERVER_PID" 2>/dev/null || true
grep -v '^\[' "$work/err" | tail -n 3 >&2 || true
grep -c '^\[WAIT\]' "$work/err" | sed 's/^/kurz: [WAIT] lines: /' >&2 || true
cat "$SERVER_LOG" >&2
wall=$(echo "$end - $start" | bc -l)
records=$(wc -l <"$work/out.jsonl")
if [ "$CASE" = budget ]; then
  capacity=$(sed -n 's/.*= \([0-9.]*\) s of budget.*/\1/p' "$SERVER_LOG")
  answered=$(sed -n 's/.*answered \([0-9]*\), rejected.*/\1/p' "$SERVER_LOG")
  rejected=$(sed -n 's/.*rejected \([0-9]*\) (429).*/\1/p' "$SERVER_LOG")
  printf 'budget %d tokens per %d ms (%s, headers on %s), %d articles of ~%d words, latency %d ms, --concurrency %d: exit %d, %d records, wall %.2f s, capacity %.2f s, %.0f %% of capacity, %d of %d requests rejected (%.0f %%)\n' \
    "$BUDGET" "$WINDOW_MS" "$WINDOW" "$HEADERS" "$N" "$WORDS" "$LATENCY_MS" "$CONCURRENCY" "$rc" "$records" "$wall" "$capacity" \
    "$(echo "100 * $capacity / $wall" | bc -l)" "$rejected" "$((answered + rejected))" "$(echo "100 * $rejected / ($answered + $rejected)" | bc -l)"
else
  capacity=$(echo "$N / $LIMIT * $LATENCY_MS / 1000" | bc -l)
  first=$(sed -n 's/.*epoch first request \([0-9.]*\),.*/\1/p' "$SERVER_LOG")
  last=$(sed -n 's/.*, last answer \([0-9.]*\)$/\1/p' "$SERVER_LOG")
  printf 'articles %d, latency %d ms, server limit %d, --concurrency %d: exit %d, %d records, wall %.2f s (to the first request %.2f, first request to last answer %.2f, then to exit %.2f), capacity %.2f s, %.0f %% of capacity\n' \
    "$N" "$LATENCY_MS" "$LIMIT" "$CONCURRENCY" "$rc" "$records" "$wall" "$(echo "$first - $start" | bc -l)" "$(echo "$last - $first" | bc -l)" \
    "$(echo "$end - $last" | bc -l)" "$capacity" "$(echo "100 * $capacity / $wall" | bc -l)"
fi
[ -n "${KEEP:-}" ] && echo "kept $work" >&2 || rm -rf "$work"
