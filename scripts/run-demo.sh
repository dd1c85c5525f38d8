#!/usr/bin/env bash
# Quick start: installs what is missing, builds VoucherDesk (release) and opens it on the local
# demo workspace, creating the workspace on first use. Extra arguments go to voucherdesk
# (for example --lang zh_CN).
set -euo pipefail
cd "$(dirname "$0")/.."

./scripts/install-deps.sh
cmake --preset release >/dev/null
cmake --build --preset release --target voucherdesk voucherdesk-demo
exec ./build/release/app/voucherdesk --demo "$@"
