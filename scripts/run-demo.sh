#!/usr/bin/env bash
# Starts the app on demo data (a demo database of its own, never the user's real one), with a
# local registry on 127.0.0.1 holding the demo data and four demo accounts (inspector.demo,
# officer.demo, supervisor.demo, admin.demo; password demo-password). The registry stops when the
# app closes. The position comes from the recorded NMEA log in ../shared/data unless --nmea is given.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
build=${BUILD_DIR:-$root/build}
"$root/scripts/setup.sh" "$build"

port=${CCN_DEMO_PORT:-8787}
data=${XDG_DATA_HOME:-$HOME/.local/share}/ccn-registry-demo
mkdir -p "$data"
"$build/sync/ccn-registry" serve --data-dir "$data" --bind 127.0.0.1 --port "$port" --demo &
registry=$!
trap 'kill "$registry" 2>/dev/null || true; wait "$registry" 2>/dev/null || true' EXIT

args=(--demo --server "http://127.0.0.1:$port")
nmea="$root/../shared/data/nmea/garmin-drive-2005.nmea"
if [ -f "$nmea" ] && [[ " $* " != *" --nmea "* ]]; then
  args+=(--nmea "$nmea")
fi
"$build/app/ccn-inspect" "${args[@]}" "$@"
