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
# The dashboard benchmark measures reads only, so its server runs with synchronous_commit=off: the one-time
# generation of a large data set (millions of short transactions) then waits on no fsync per commit. The
# storage benchmark measures writes and keeps PostgreSQL's default.
if [ "$bench" = dashboard ]; then
  pg_server_opts="-c synchronous_commit=off"
fi
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
. "$here/scripts/throwaway-postgres.sh"
pg_throwaway_start "${BENCH_PG_DIR:-}"
"$here/tunelab" bench "$bench" --storage "$pg_url" "$@"
