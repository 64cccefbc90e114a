# Shared helpers for the benchmark scripts: a Java 21+ to run the fake server, the test classpath.
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$root"

find_java() {
  for j in "${KURZ_JAVA:-}" "${JAVA_HOME:+$JAVA_HOME/bin/java}" /usr/lib/jvm/*/bin/java; do
    [ -n "$j" ] && [ -x "$j" ] || continue
    v=$("$j" -XshowSettings:properties -version 2>&1 | sed -n 's/ *java.specification.version = //p')
    [ "${v%%.*}" -ge 21 ] 2>/dev/null && { echo "$j"; return; }
  done
  echo "no Java 21+ found; set KURZ_JAVA" >&2; exit 3
}
JAVA=$(find_java)

build() {
  if [ ! -f target/kurz.jar ] || [ ! -f target/bench.cp ] || [ -n "${REBUILD:-}" ]; then
    mvn -B -q package -DskipTests >&2
    mvn -B -q dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=target/bench.cp >&2
  fi
  CP="target/test-classes:target/classes:$(cat target/bench.cp)"
}

# Starts the fake model server: LATENCY_MS LIMIT RETRY_AFTER; sets URL and SERVER_PID.
start_server() {
  local log; log=$(mktemp)
  "$JAVA" -cp "$CP" dev.kurz.bench.FakeModelServer "$1" "$2" "$3" >"$log" 2>"${log}.err" &
  SERVER_PID=$!
  for _ in $(seq 100); do [ -s "$log" ] && break; sleep 0.1; done
  URL=$(head -n 1 "$log")
  SERVER_LOG="${log}.err"
  trap 'kill $SERVER_PID 2>/dev/null || true' EXIT
}

stop_server() {
  kill "$SERVER_PID" 2>/dev/null || true
  wait "$SERVER_PID" 2>/dev/null || true
  cat "$SERVER_LOG" >&2
}
