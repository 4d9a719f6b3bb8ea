#!/usr/bin/env bash
# Runs `tunelab bench storage` or `tunelab bench dashboard` against a throwaway PostgreSQL server on
# 127.0.0.1 (Debian's postgresql package), so PostgreSQL figures can be reported beside H2's. Extra
# arguments go to the benchmark, e.g.: scripts/bench-postgres.sh storage --repeats 5 --trials 2000
#                                      scripts/bench-postgres.sh dashboard --trials 100000
set -euo pipefail
bench="${1:-}"
case "$bench" in
  storage|dashboard) shift ;;
  *) echo "usage: scripts/bench-postgres.sh storage|dashboard [benchmark arguments]" >&2; exit 2 ;;
esac
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
bin="$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1)"
if [ -z "$bin" ] || [ ! -x "$bin/pg_ctl" ]; then
  echo "bench-postgres: no PostgreSQL server found under /usr/lib/postgresql (apt-get install postgresql)" >&2
  exit 2
fi
dir="$(mktemp -d /tmp/tunelab-pg-bench.XXXXXX)"
port="${PGPORT_BENCH:-55432}"
as_pg=()
if [ "$(id -u)" = 0 ]; then
  chown -R postgres:postgres "$dir"
  as_pg=(runuser -u postgres --)
fi
cleanup() {
  "${as_pg[@]}" "$bin/pg_ctl" -D "$dir/data" -m immediate stop >/dev/null 2>&1 || true
  rm -rf "$dir"
}
trap cleanup EXIT
"${as_pg[@]}" "$bin/initdb" -D "$dir/data" -U postgres -A trust >/dev/null
"${as_pg[@]}" "$bin/pg_ctl" -D "$dir/data" -l "$dir/log" -w \
  -o "-h 127.0.0.1 -p $port -k $dir" start >/dev/null
"${as_pg[@]}" "$bin/psql" -h 127.0.0.1 -p "$port" -U postgres -qc "CREATE ROLE sa SUPERUSER LOGIN" >/dev/null
"$here/tunelab" bench "$bench" --storage "jdbc:postgresql://127.0.0.1:$port/postgres" "$@"
