# Sourced: starts and stops a throw-away PostgreSQL cluster on 127.0.0.1 for tests and benchmarks.
# The port is chosen at random below Linux's ephemeral range (32768 and up, where the kernel picks
# the ports of outgoing connections and of servers bound to port 0: a registry under test); a
# port some other program holds anyway is given up for another, five times at most.
pg_throwaway_start() {
  local bindir as="" try
  bindir=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -n 1)
  [ "$(id -u)" -eq 0 ] && as="runuser -u postgres --"
  PG_DIR=$(mktemp -d /tmp/ccn-pg.XXXXXX)
  chown postgres "$PG_DIR" 2>/dev/null || true
  $as "$bindir/initdb" -D "$PG_DIR/data" -U ccn --auth=trust -E UTF8 --locale=C.UTF-8 >/dev/null || {
    echo "pg: initdb failed in $PG_DIR" >&2
    return 1
  }
  for try in 1 2 3 4 5; do
    PG_PORT=$(( 20000 + RANDOM % 12000 ))
    if $as "$bindir/pg_ctl" -D "$PG_DIR/data" -o "-k $PG_DIR -p $PG_PORT -h 127.0.0.1 -c fsync=off" \
         -l "$PG_DIR/log" -w start >/dev/null; then
      break
    fi
    echo "pg: could not start on port $PG_PORT (try $try of 5): $(tail -n 1 "$PG_DIR/log" 2>/dev/null)" >&2
    PG_PORT=""
  done
  if [ -z "$PG_PORT" ]; then
    echo "pg: no throw-away PostgreSQL: see $PG_DIR/log" >&2
    return 1
  fi
  $as "$bindir/createdb" -h 127.0.0.1 -p "$PG_PORT" -U ccn ccn_test || return 1
  CCN_TEST_PG_URL="postgresql://ccn@127.0.0.1:$PG_PORT/ccn_test"
  PG_BINDIR=$bindir
  export CCN_TEST_PG_URL PG_DIR PG_PORT PG_BINDIR
  echo "pg: throw-away PostgreSQL at $CCN_TEST_PG_URL"
}
pg_throwaway_stop() {
  [ -n "${PG_DIR:-}" ] || return 0
  local as=""
  [ "$(id -u)" -eq 0 ] && as="runuser -u postgres --"
  [ -n "${PG_BINDIR:-}" ] && $as "$PG_BINDIR/pg_ctl" -D "$PG_DIR/data" -m immediate stop >/dev/null 2>&1 || true
  rm -rf "$PG_DIR"
}
