#!/usr/bin/env bash
# Runs every test: installs what is missing, builds, starts a throw-away PostgreSQL, runs ctest.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
build=${BUILD_DIR:-$root/build}
"$root/scripts/setup.sh" "$build"
source "$root/scripts/pg-throwaway.sh"
pg_throwaway_start
trap pg_throwaway_stop EXIT
export CCN_TEST_PG_URL
export QT_QPA_PLATFORM=offscreen
cd "$build"
ctest --output-on-failure -j 2 --timeout 900
