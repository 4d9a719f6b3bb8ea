#!/usr/bin/env bash
# Regenerates cli/src/main/cds/postgresql.classlist, which the tunelab launcher adds to the class lists its
# class-data archive (CDS) is dumped from. The launcher records the classes `tunelab studies` and `best` load on a
# scratch H2 tracker holding a study of one trial; against PostgreSQL the same commands also load the JDBC driver's classes and the JDK's network
# and management classes, which then come from the jar, parsed and verified at every start. This script runs both
# commands against a throwaway PostgreSQL server holding a small study (examples/synthetic-forest.yaml) and writes
# the classes they load that the H2 training does not. Run it after upgrading the PostgreSQL driver (a cli test
# fails when the list names a class the class path no longer has).
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
. "$here/scripts/throwaway-postgres.sh"
out="$here/cli/src/main/cds/postgresql.classlist"
jar="$here/cli/target/tunelab.jar"
"$here/tunelab" --version >/dev/null
work="$(mktemp -d)"
export PGPORT_BENCH="${PGPORT_BENCH:-55439}"
pg_throwaway_start
cleanup() { pg_throwaway_stop; rm -rf "$work"; }
trap cleanup EXIT
"$here/tunelab" run "$here/examples/synthetic-forest.yaml" --storage "$pg_url" >/dev/null
"$here/tunelab" run "$here/examples/synthetic-forest.yaml" --storage "$work/h2" >/dev/null
list() { java -XX:DumpLoadedClassList="$work/$1.classlist" -Dai.djl.offline=true -jar "$jar" "${@:2}" >/dev/null; }
list h2-studies studies --storage "$work/h2"
list h2-best best synthetic-forest --storage "$work/h2"
list pg-studies studies --storage "$pg_url"
list pg-best best synthetic-forest --storage "$pg_url"
names() { cat "$@" | grep -v -E '^[@#]' | sed -E 's/ id: [0-9]+$//' | grep -v -E '^(jdk/proxy|com/sun/proxy/)' | sort -u; }
names "$work"/h2-*.classlist > "$work/h2.names"
{
  echo "# Classes \`tunelab studies\` and \`tunelab best\` load against a PostgreSQL tracker holding a study with trials that"
  echo "# the launcher's own training (on a scratch H2 tracker) does not: the PostgreSQL driver's, the JDK's network and"
  echo "# management classes, and those of trials and distributions. Written by scripts/cds-postgresql-classlist.sh; read by"
  echo "# the tunelab launcher. Do not edit by hand."
  names "$work"/pg-*.classlist | comm -23 - "$work/h2.names"
} > "$out"
echo "wrote $(grep -vc '^#' "$out") class names to $out"
