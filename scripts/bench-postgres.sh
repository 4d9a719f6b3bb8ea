#!/usr/bin/env bash
# Runs `tunelab bench storage` or `tunelab bench dashboard` against a throwaway PostgreSQL server on
# 127.0.0.1 (Debian's postgresql package), so PostgreSQL figures can be reported beside H2's. Extra
# arguments go to the benchmark, e.g.: scripts/bench-postgres.sh storage --repeats 5 --trials 2000
#                                      scripts/bench-postgres.sh dashboard --trials 100000
# BENCH_PG_DIR=DIR keeps the server's data in DIR (created on first use, reused and left in place after), so a
# large data set generated once can be measured again: the benchmarks reuse a database that already has their data.
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
keep="${BENCH_PG_DIR:-}"
if [ -n "$keep" ]; then
  mkdir -p "$keep"
  dir="$(cd "$keep" && pwd)"
else
  dir="$(mktemp -d /tmp/tunelab-pg-bench.XXXXXX)"
fi
port="${PGPORT_BENCH:-55432}"
as_pg=()
if [ "$(id -u)" = 0 ]; then
  chown -R postgres:postgres "$dir"
  as_pg=(runuser -u postgres --)
fi
cleanup() {
  if [ -n "$keep" ]; then
    "${as_pg[@]}" "$bin/pg_ctl" -D "$dir/data" -m fast stop >/dev/null 2>&1 || true
  else
    "${as_pg[@]}" "$bin/pg_ctl" -D "$dir/data" -m immediate stop >/dev/null 2>&1 || true
    rm -rf "$dir"
  fi
}
trap cleanup EXIT
fresh=0
if [ ! -f "$dir/data/PG_VERSION" ]; then
  "${as_pg[@]}" "$bin/initdb" -D "$dir/data" -U postgres -A trust >/dev/null
  fresh=1
fi
"${as_pg[@]}" "$bin/pg_ctl" -D "$dir/data" -l "$dir/log" -w \
  -o "-h 127.0.0.1 -p $port -k $dir" start >/dev/null
if [ "$fresh" = 1 ]; then
  "${as_pg[@]}" "$bin/psql" -h 127.0.0.1 -p "$port" -U postgres -qc "CREATE ROLE sa SUPERUSER LOGIN" >/dev/null
fi
"$here/tunelab" bench "$bench" --storage "jdbc:postgresql://127.0.0.1:$port/postgres" "$@"
