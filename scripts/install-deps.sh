#!/usr/bin/env bash
# Installs every Debian 12 package VoucherDesk needs to build, run and test.
# Safe to run repeatedly: only missing packages are installed.
set -euo pipefail

packages=(
  build-essential cmake ninja-build git pkg-config clang-format
  qt6-base-dev qt6-base-dev-tools libqt6sql6-sqlite libqt6sql6-psql
  qt6-tools-dev qt6-tools-dev-tools qt6-l10n-tools qt6-translations-l10n
  qt6-httpserver-dev qt6-websockets-dev qt6-charts-dev libqt6opengl6-dev
  qt6-svg-dev libqt6svg6 qt6-qpa-plugins libgl-dev libxkbcommon-dev libsodium-dev
  postgresql xvfb xauth fonts-noto-cjk sqlite3 tzdata openssl curl wrk
  # The AT-SPI walk (tests/atspi): a window manager, the accessibility bus and its Python
  # client, a D-Bus session, and xdotool for the keys of a combo box popup.
  openbox at-spi2-core python3-pyatspi dbus-daemon xdotool
)

missing=()
for p in "${packages[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed'; then
    missing+=("$p")
  fi
done

if [ ${#missing[@]} -eq 0 ]; then
  echo "install-deps: all packages present"
  exit 0
fi

echo "install-deps: installing ${missing[*]}"
SUDO=""
if [ "$(id -u)" -ne 0 ]; then SUDO="sudo"; fi
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq
$SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}"
