# Sourced by scripts that need a PostgreSQL server (Debian's postgresql package) on 127.0.0.1 for a while.
#   pg_throwaway_start [DIR]  starts one and sets pg_url (a JDBC URL for user sa, trust authentication).
#                             With DIR, the server's data lives in DIR (created on first use, reused and left
#                             in place after); without, in a temporary directory removed on exit.
# The server stops when the sourcing script exits (an EXIT trap). PGPORT_BENCH chooses the port (default 55432);
# pg_server_opts, if set before the call, adds server options (e.g. "-c synchronous_commit=off").
pg_throwaway_start() {
  local bin keep="${1:-}"
  bin="$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1)"
  if [ -z "$bin" ] || [ ! -x "$bin/pg_ctl" ]; then
    echo "$(basename "$0"): no PostgreSQL server found under /usr/lib/postgresql (apt-get install postgresql)" >&2
    exit 2
  fi
  if [ -n "$keep" ]; then
    mkdir -p "$keep"
    pg_dir="$(cd "$keep" && pwd)"
  else
    pg_dir="$(mktemp -d /tmp/tunelab-pg.XXXXXX)"
  fi
  pg_keep="$keep"
  pg_bin="$bin"
  local port="${PGPORT_BENCH:-55432}"
  pg_as=()
  if [ "$(id -u)" = 0 ]; then
    chown -R postgres:postgres "$pg_dir"
    pg_as=(runuser -u postgres --)
  fi
  trap pg_throwaway_stop EXIT
  local fresh=0
  if [ ! -f "$pg_dir/data/PG_VERSION" ]; then
    "${pg_as[@]}" "$bin/initdb" -D "$pg_dir/data" -U postgres -A trust >/dev/null
    fresh=1
  fi
  "${pg_as[@]}" "$bin/pg_ctl" -D "$pg_dir/data" -l "$pg_dir/log" -w \
    -o "-h 127.0.0.1 -p $port -k $pg_dir ${pg_server_opts:-}" start >/dev/null
  if [ "$fresh" = 1 ]; then
    "${pg_as[@]}" "$bin/psql" -h 127.0.0.1 -p "$port" -U postgres -qc "CREATE ROLE sa SUPERUSER LOGIN" >/dev/null
  fi
  pg_url="jdbc:postgresql://127.0.0.1:$port/postgres"
}

pg_throwaway_stop() {
  if [ -n "$pg_keep" ]; then
    "${pg_as[@]}" "$pg_bin/pg_ctl" -D "$pg_dir/data" -m fast stop >/dev/null 2>&1 || true
  else
    "${pg_as[@]}" "$pg_bin/pg_ctl" -D "$pg_dir/data" -m immediate stop >/dev/null 2>&1 || true
    rm -rf "$pg_dir"
  fi
}
