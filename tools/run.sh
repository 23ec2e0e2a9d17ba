#!/usr/bin/env bash
# `npm start` and `npm test` on a fresh machine: provision Node 24, install dependencies (and,
# for tests and benches, Debian's Chromium, Java and lynx), then run the npm script named by "$1" on Node 24.
set -euo pipefail
cd "$(dirname "$0")/.."
. tools/ensure-node.sh
export ASTRO_TELEMETRY_DISABLED=1
bash tools/ensure-deps.sh
case "$1" in
  test:* | bench:*)
    # playwright-core drives Debian's Chromium (CHROMIUM_PATH overrides it); vnu-jar needs Java.
    bash tools/ensure-apt.sh "${CHROMIUM_PATH:-/usr/bin/chromium}" chromium
    bash tools/ensure-apt.sh java default-jre-headless
    bash tools/ensure-apt.sh lynx lynx # the text-browser test reads pages as lynx shows them
    ;;
esac
exec npm run --silent "$1" -- "${@:2}"
