#!/usr/bin/env bash
# Starts the app on demo data (a demo database of its own) and a local registry with demo accounts.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
build=${BUILD_DIR:-$root/build}
"$root/scripts/setup.sh" "$build"
exec "$build/app/ccn-inspect" --demo "$@"
