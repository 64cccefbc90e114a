#!/usr/bin/env bash
# Story grouping scored against a labelled day (the layout of ../shared/benchmarks/grouping-day:
# articles/, stories.tsv), as its README scores it: pairwise and BCubed P/R/F1, next to leaving every
# article alone. Two ways:
#   1. the whole digest: `kurz digest DAY/articles --format json` against the benchmark model server
#      (stand-in answers made from each article's German sentences), sources matched by path;
#   2. the grouper in process, with ANSWERS=DIR (DIR/NAME.analysis.json, real model answers) when given.
#   DAY=../shared/benchmarks/grouping-day ANSWERS=... bench/grouping.sh
source "$(dirname "$0")/lib.sh"
DAY=${DAY:-$root/../shared/benchmarks/grouping-day}
build
work=$(mktemp -d)
start_server 0 64 1
export OPENAI_API_KEY=sk-bench-FAKE-0000 XDG_CACHE_HOME="$work/cache"
target/kurz digest "$DAY/articles" --provider openai --base-url "$URL" --model bench --format json -q >"$work/digest.json"
stop_server 2>/dev/null
"$JAVA" -cp "$CP" dev.kurz.digest.GroupingDay "$DAY" --digest "$work/digest.json"
"$JAVA" -cp "$CP" dev.kurz.digest.GroupingDay "$DAY" ${ANSWERS:+--answers "$ANSWERS"} | sed -n '2p'
rm -rf "$work"
