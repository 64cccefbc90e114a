#!/usr/bin/env bash
# A fully cached batch: N articles summarized once against the fake backend (no latency), then the
# same command timed again: every answer comes from the cache, so this is kurz's own overhead
# (JVM start included).   N=200 RUNS=5 bench/cached.sh   (KURZ=path/to/kurz runs another build)
# With CACHE_URL=postgresql://user@host/db (password in PGPASSWORD) the cache is that server's.
source "$(dirname "$0")/lib.sh"
N=${N:-200}; RUNS=${RUNS:-5}; KURZ=${KURZ:-target/kurz}
build
work=$(mktemp -d)
"$JAVA" -cp "$CP" dev.kurz.bench.ArticleCorpus "$work/articles" "$N" 1000
start_server 0 64 1
export OPENAI_API_KEY=sk-bench-FAKE-0000 XDG_CACHE_HOME="$work/cache"
cmd=("$KURZ" summarize "$work"/articles/*.txt --provider openai --base-url "$URL" --model bench --format jsonl -q ${CACHE_URL:+--cache-url "$CACHE_URL"})
"${cmd[@]}" >/dev/null
for i in $(seq "$RUNS"); do
  /usr/bin/time -f "%e s wall, %M KB max RSS" "${cmd[@]}" 2>&1 >/dev/null | tail -n 1
done
stop_server
rm -rf "$work"
