#!/usr/bin/env bash
# `npm start` and `npm test` on a fresh machine: provision Node 24, install dependencies (and,
# for browser work, Debian's Chromium), then run the npm script named by "$1" on Node 24.
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/ensure-node.sh
export ASTRO_TELEMETRY_DISABLED=1
bash scripts/ensure-deps.sh
case "$1" in
  test:* | bench:*) bash scripts/ensure-chromium.sh ;;
esac
exec npm run --silent "$1" -- "${@:2}"
