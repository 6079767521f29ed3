#!/usr/bin/env bash
# Installs the missing Debian packages (list: scripts/debian-packages.txt), configures and builds.
# Usage: scripts/setup.sh [build-dir]   (default: build)
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
build=${1:-$root/build}
mapfile -t pkgs < <(grep -vE '^\s*(#|$)' "$root/scripts/debian-packages.txt")
missing=()
for p in "${pkgs[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
  echo "setup: installing ${missing[*]}"
  sudo_cmd=""
  [ "$(id -u)" -ne 0 ] && sudo_cmd="sudo"
  $sudo_cmd apt-get update
  DEBIAN_FRONTEND=noninteractive $sudo_cmd apt-get install -y --no-install-recommends "${missing[@]}"
fi
if ! command -v node >/dev/null 2>&1; then
  echo "setup: node is missing; installing Debian's nodejs and npm (only the sync benchmark needs them)"
  DEBIAN_FRONTEND=noninteractive ${sudo_cmd:-} apt-get install -y --no-install-recommends nodejs npm || true
fi
cmake -S "$root" -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo >/dev/null
cmake --build "$build" -j "$(nproc)"
