#!/usr/bin/env bash
# Quick start: installs what is missing, builds the dev preset (Debug, AddressSanitizer and
# UndefinedBehaviorSanitizer, warnings as errors), checks the formatting and the REST API
# contract (server/openapi.yaml), and runs the whole suite headless.
set -euo pipefail
cd "$(dirname "$0")/.."

./scripts/install-deps.sh
cmake --preset dev >/dev/null
cmake --build --preset dev
cmake --build --preset dev --target format-check
./scripts/lint-openapi.sh
ctest --preset dev
