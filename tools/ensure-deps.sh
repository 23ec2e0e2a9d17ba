#!/usr/bin/env bash
# Install node_modules with `npm ci` when package-lock.json has changed since the last install
# (its SHA-256, kept in node_modules/.dossier-lock.sha256), or node_modules is missing.
# Run it with Node 24 on PATH (tools/ensure-node.sh).
set -euo pipefail
stamp=node_modules/.dossier-lock.sha256
want="$(sha256sum package-lock.json | cut -d' ' -f1)"
if [ "$(cat "$stamp" 2>/dev/null)" != "$want" ]; then
  echo "ensure-deps: installing dependencies (npm ci)" >&2
  npm ci --no-audit --no-fund
  echo "$want" > "$stamp"
fi
