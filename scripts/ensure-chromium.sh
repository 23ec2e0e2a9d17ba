#!/usr/bin/env bash
# Install Debian's Chromium for the browser tests when it is missing. Never a browser download:
# playwright-core drives /usr/bin/chromium (override with CHROMIUM_PATH).
set -euo pipefail
chromium="${CHROMIUM_PATH:-/usr/bin/chromium}"
[ -x "$chromium" ] && exit 0
echo "ensure-chromium: $chromium is missing; installing Debian's chromium package" >&2
sudo=""
if [ "$(id -u)" -ne 0 ]; then
  command -v sudo >/dev/null || { echo "ensure-chromium: run as root or install chromium: apt-get install -y chromium" >&2; exit 1; }
  sudo="sudo"
fi
export DEBIAN_FRONTEND=noninteractive
$sudo apt-get update -qq
$sudo apt-get install -y -qq chromium >/dev/null
[ -x "$chromium" ] || { echo "ensure-chromium: still no $chromium after apt-get" >&2; exit 1; }
