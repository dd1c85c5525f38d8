#!/usr/bin/env bash
# The AT-SPI walk of the core flow (coreflow.py) in a session of its own: an X server (Xvfb)
# with a window manager, a D-Bus session bus (which starts the AT-SPI bus on demand), a fresh
# demo workspace. Fails, never skips, when a part is missing: install-deps.sh installs them.
# Usage: run.sh VOUCHERDESK VOUCHERDESK_DEMO WORKDIR
set -euo pipefail
app=$1 demo=$2 work=$3
here=$(cd "$(dirname "$0")" && pwd)

if [ -z "${VD_ATSPI_INSIDE:-}" ]; then
    for tool in Xvfb openbox xdotool dbus-run-session /usr/bin/python3; do
        command -v "$tool" >/dev/null || { echo "atspi: $tool is missing (scripts/install-deps.sh)"; exit 1; }
    done
    /usr/bin/python3 -c 'import pyatspi' || { echo "atspi: python3-pyatspi is missing"; exit 1; }
    rm -rf "$work" && mkdir -p "$work"
    export VD_ATSPI_INSIDE=1
    exec dbus-run-session -- "$0" "$@"
fi

# Inside the D-Bus session: a display of our own, chosen by the X server itself.
exec 3>"$work/display"
Xvfb -displayfd 3 -screen 0 1280x1024x24 -nolisten tcp >"$work/xvfb.log" 2>&1 &
xvfb=$!
trap 'kill $(jobs -p) 2>/dev/null || true' EXIT
for _ in $(seq 100); do [ -s "$work/display" ] && break; sleep 0.1; done
export DISPLAY=":$(cat "$work/display")"
openbox >"$work/openbox.log" 2>&1 &
# Settings and the workspace belong to this run only.
export XDG_CONFIG_HOME="$work/config" XDG_DATA_HOME="$work/data" HOME="$work"
"$demo" --workspace "$work/demo.db" --fast-passwords >/dev/null
/usr/bin/python3 "$here/coreflow.py" "$app" "$work/demo.db"
