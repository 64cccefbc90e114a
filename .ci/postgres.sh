#!/usr/bin/env bash
# Starts a throw-away PostgreSQL on 127.0.0.1 (a free port, a temp folder) for the shared-cache
# tests and prints the KURZ_TEST_POSTGRES_URL to use. Installs Debian's package when missing.
# Usage: eval "$(.ci/postgres.sh start)"  ...  .ci/postgres.sh stop "$KURZ_TEST_POSTGRES_DIR"
set -euo pipefail
bin_dir() {
  local d
  d=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1 || true)
  if [ -z "$d" ]; then
    local sudo=""
    if [ "$(id -u)" -ne 0 ] && command -v sudo >/dev/null 2>&1; then sudo="sudo"; fi
    $sudo apt-get update >&2 && $sudo apt-get install -y --no-install-recommends postgresql >&2
    d=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1)
  fi
  echo "$d"
}
# initdb refuses to run as root: the server then runs as the postgres user.
as_owner() {
  if [ "$(id -u)" -eq 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}
case "${1:-start}" in
  start)
    bin=$(bin_dir)
    dir=$(mktemp -d /tmp/kurz-pg.XXXXXX)
    chmod 755 "$dir"
    [ "$(id -u)" -eq 0 ] && chown postgres "$dir"
    port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])' 2>/dev/null || echo $((20000 + RANDOM % 20000)))
    echo kurz-test-password > "$dir/pw"
    as_owner "$bin/initdb" -D "$dir/data" -U kurz --pwfile="$dir/pw" -A scram-sha-256 >"$dir/initdb.log" 2>&1
    as_owner "$bin/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w \
      -o "-h 127.0.0.1 -p $port -k $dir -c fsync=off -c max_connections=200" start >&2
    echo "export KURZ_TEST_POSTGRES_URL=postgresql://kurz@127.0.0.1:$port/postgres"
    echo "export KURZ_TEST_POSTGRES_PASSWORD=kurz-test-password"
    echo "export KURZ_TEST_POSTGRES_DIR=$dir"
    ;;
  stop)
    dir="$2"
    as_owner "$(bin_dir)/pg_ctl" -D "$dir/data" -m fast -w stop >&2 || true
    rm -rf "$dir"
    ;;
esac
