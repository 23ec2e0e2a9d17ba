#!/usr/bin/env bash
# Install a Debian package when a program the tests drive is missing: Debian's Chromium for the
# browser tests, Java for the Nu Html Checker (vnu-jar), lynx for the text-browser test. Never a
# download from anywhere else.
# usage: ensure-apt.sh PROGRAM PACKAGE   (PROGRAM: a path, or a command looked up on PATH)
set -euo pipefail
program="$1" package="$2"
found() { if [[ "$program" == */* ]]; then [ -x "$program" ]; else command -v "$program" >/dev/null; fi; }
found && exit 0
echo "ensure-apt: $program is missing; installing Debian's $package package" >&2
sudo=""
if [ "$(id -u)" -ne 0 ]; then
  command -v sudo >/dev/null || { echo "ensure-apt: run as root or install it: apt-get install -y $package" >&2; exit 1; }
  sudo="sudo"
fi
export DEBIAN_FRONTEND=noninteractive
$sudo apt-get update -qq
$sudo apt-get install -y -qq "$package" >/dev/null
found || { echo "ensure-apt: still no $program after apt-get install $package" >&2; exit 1; }
