#!/usr/bin/env bash
# `npm start` and `npm test` on a fresh machine: provision Node 24, install dependencies (and,
# for tests and benches, Debian's Chromium, Java and lynx; for benches openssl), then run the
# npm script named by "$1" on Node 24.
set -euo pipefail
cd "$(dirname "$0")/.."
. tools/ensure-node.sh
export ASTRO_TELEMETRY_DISABLED=1
bash tools/ensure-deps.sh
case "$1" in
  test:* | bench:*)
    # Playwright drives Debian's Chromium (CHROMIUM_PATH overrides it); vnu-jar needs Java.
    bash tools/ensure-apt.sh "${CHROMIUM_PATH:-/usr/bin/chromium}" chromium
    bash tools/ensure-apt.sh java default-jre-headless
    bash tools/ensure-apt.sh lynx lynx # the text-browser test reads pages as lynx shows them
    ;;
esac
case "$1" in
  bench:*) bash tools/ensure-apt.sh openssl openssl ;; # a throwaway certificate for the bench's HTTPS host
esac
case "$1" in
  test:* | mutation:*)
    # The tests' scratch folders go in a temporary folder of this run's, removed at the end, so
    # the system's is as it was. Each test removes its own: one left behind fails the run.
    scratch="$(mktemp -d)"
    status=0
    TMPDIR="$scratch" npm run --silent "$1" -- "${@:2}" || status=$?
    left="$(cd "$scratch" && ls -d dossier-* 2>/dev/null || true)"
    rm -rf "$scratch"
    if [ -n "$left" ]; then
      echo "run: expected the tests to remove their scratch folders, found: $(echo $left)" >&2
      [ "$status" -ne 0 ] || status=1
    fi
    exit "$status"
    ;;
esac
exec npm run --silent "$1" -- "${@:2}"
