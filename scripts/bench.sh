#!/usr/bin/env bash
# Runs the benchmarks (tests/bench, ccn-bench): builds with scripts/setup.sh, then
# `ccn-bench local` and `ccn-bench sync`, and saves the JSON line each prints last to
# bench-results/<command>-<UTC time>.json (bench-results/ is gitignored). Progress goes to stderr.
# Usage: scripts/bench.sh [local|sync|all] [extra ccn-bench options]   (default: all)
#   e.g. scripts/bench.sh local --scale 0.1 --saves 200     (a quick trial run)
# Environment: CCN_BENCH_BUILD (default build-bench), CCN_BENCH_SKIP_SETUP=1 to skip the build.
# On a 2-core machine run it when nothing else is building: the figures are wall-clock times.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
build=${CCN_BENCH_BUILD:-$root/build-bench}
what=${1:-all}
[ $# -gt 0 ] && shift
case "$what" in local|sync|all) ;; *) echo "usage: $0 [local|sync|all] [options]" >&2; exit 2 ;; esac

if [ "${CCN_BENCH_SKIP_SETUP:-0}" != 1 ]; then
  "$root/scripts/setup.sh" "$build"
fi
cmake --build "$build" --target ccn-bench ccn-registry
# The app is needed only for start_ms; without it the JSON says start_skipped.
cmake --build "$build" --target ccn-inspect || echo "bench: ccn-inspect did not build; start_ms is skipped" >&2

mkdir -p "$root/bench-results"
stamp=$(date -u +%Y%m%dT%H%M%SZ)
run() {
  local cmd=$1; shift
  local out="$root/bench-results/$cmd-$stamp.json"
  echo "bench: ccn-bench $cmd $*" >&2
  local rc=0
  "$build/bench/ccn-bench" "$cmd" --app "$build/app/ccn-inspect" "$@" | tail -n 1 > "$out" || rc=$?
  echo "bench: $out" >&2
  cat "$out"
  return $rc
}
status=0
if [ "$what" = local ] || [ "$what" = all ]; then run local "$@" || status=1; fi
if [ "$what" = sync ] || [ "$what" = all ]; then run sync "$@" || status=1; fi
exit $status
