# Sourced: starts and stops a throw-away PostgreSQL cluster on 127.0.0.1 for tests and benchmarks.
pg_throwaway_start() {
  local bindir
  bindir=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -n 1)
  PG_DIR=$(mktemp -d /tmp/ccn-pg.XXXXXX)
  chown postgres "$PG_DIR" 2>/dev/null || true
  PG_PORT=$(( 20000 + RANDOM % 20000 ))
  local as=""
  [ "$(id -u)" -eq 0 ] && as="runuser -u postgres --"
  $as "$bindir/initdb" -D "$PG_DIR/data" -U ccn --auth=trust -E UTF8 --locale=C.UTF-8 >/dev/null
  $as "$bindir/pg_ctl" -D "$PG_DIR/data" -o "-k $PG_DIR -p $PG_PORT -h 127.0.0.1 -c fsync=off" -l "$PG_DIR/log" -w start >/dev/null
  $as "$bindir/createdb" -h 127.0.0.1 -p "$PG_PORT" -U ccn ccn_test
  CCN_TEST_PG_URL="postgresql://ccn@127.0.0.1:$PG_PORT/ccn_test"
  PG_BINDIR=$bindir
  export CCN_TEST_PG_URL PG_DIR PG_PORT PG_BINDIR
  echo "pg: throw-away PostgreSQL at $CCN_TEST_PG_URL"
}
pg_throwaway_stop() {
  [ -n "${PG_DIR:-}" ] || return 0
  local as=""
  [ "$(id -u)" -eq 0 ] && as="runuser -u postgres --"
  $as "$PG_BINDIR/pg_ctl" -D "$PG_DIR/data" -m immediate stop >/dev/null 2>&1 || true
  rm -rf "$PG_DIR"
}
