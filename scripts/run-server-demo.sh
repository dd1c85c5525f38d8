#!/usr/bin/env bash
# Two people on one server: installs what is missing, builds VoucherDesk (release), serves a
# demo store with voucherdesk-server on http://127.0.0.1:8080 (VD_DEMO_PORT to change it) and
# opens two windows on it: the partner manager manager.a and the reviewer rev1 (password
# "voucherdesk"). Each window keeps its own replica and works on while the server is away:
# stop the server with Ctrl+C in this terminal, keep working, and bring it back with
# `scripts/run-server-demo.sh --server-only` (the store and the windows' replicas are kept).
# Extra arguments go to both windows (for example --lang zh_CN).
set -euo pipefail
cd "$(dirname "$0")/.."

./scripts/install-deps.sh
cmake --preset release >/dev/null
cmake --build --preset release --target voucherdesk voucherdesk-demo voucherdesk-server

port="${VD_DEMO_PORT:-8080}"
data="${XDG_DATA_HOME:-$HOME/.local/share}/voucherdesk"
store="$data/demo-server.db"
bin=./build/release
mkdir -p "$data"
if [ ! -f "$store" ]; then
    "$bin/app/voucherdesk-demo" --workspace "$store"
fi

"$bin/server/voucherdesk-server" serve --db "$store" --listen "127.0.0.1:$port" &
server=$!
trap 'kill "$server" 2>/dev/null || true' EXIT
url="http://127.0.0.1:$port"
if [ "${1:-}" = "--server-only" ]; then
    shift
else
    # In their own session, so that Ctrl+C here stops the server but not the windows.
    setsid -f "$bin/app/voucherdesk" --server "$url" --login manager.a "$@"
    setsid -f "$bin/app/voucherdesk" --server "$url" --login rev1 "$@"
fi
echo "Serving $store on $url — Ctrl+C stops the server (the windows stay open)."
wait "$server"
