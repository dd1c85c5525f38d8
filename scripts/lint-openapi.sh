#!/usr/bin/env bash
# Lints the REST API contract (server/openapi.yaml) with the npm package @redocly/cli, pinned.
# Installs Node.js and npm from Debian when npx is missing.
set -euo pipefail
cd "$(dirname "$0")/.."

if ! command -v npx >/dev/null 2>&1; then
  SUDO=""
  if [ "$(id -u)" -ne 0 ]; then SUDO="sudo"; fi
  export DEBIAN_FRONTEND=noninteractive
  $SUDO apt-get update -qq
  $SUDO apt-get install -y -qq --no-install-recommends nodejs npm
fi

npx --yes @redocly/cli@1.34.3 lint --config server/redocly.yaml server/openapi.yaml
