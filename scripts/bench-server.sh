#!/usr/bin/env bash
# Server load (DESIGN.md section 5): voucherdesk-server (release build) on a copy of a SQLite
# benchmark workspace, driven by wrk at 32 connections — voucher page reads, then approvals of
# distinct pending applications — printing requests/s, p99 latency and refused requests of each;
# between them, the desktop client's sync of one partner (voucherdesk-bench --only sync).
#
#   scripts/bench-server.sh [--workspace PATH] [--duration 20s] [--connections 32] [--threads 2]
#                           [--repeat 3] [--approvals-duration 5s] [--build DIR]
#                           [--server BINARY] [--warmup 3s]
#
# Before the page loads, one untimed run of --warmup (0 for none) per session: the first
# request of each filter counts its rows across the store (50-65 ms for every partner's million
# rows), which a server answers from its count cache from then on; without it the first timed
# run's p99 is mostly those counts.
#
# --build DIR uses the binaries of an already built release tree (voucherdesk-server,
# voucherdesk-bench, and voucherdesk-demo if the workspace is missing) instead of configuring and
# building the release preset; --server BINARY runs that server binary instead of DIR's (a build
# kept aside, to compare two versions of the server on the same workspace).
#
# Each load runs --repeat times; every run is printed, then the run with the median requests/s.
#
# The workspace (default /tmp/bench1m.db, made with voucherdesk-demo --vouchers 1000000
# --fast-passwords when missing) is copied first: the approvals change it.
set -euo pipefail
cd "$(dirname "$0")/.."

workspace=/tmp/bench1m.db
duration=20s
connections=32
threads=2
repeat=3
# Each approvals run needs applications still pending: the 1M store has ~13,700, so three runs
# of 5 s at up to ~900 approvals/s fit; an exhausted list would measure refusals instead.
approvals_duration=5s
warmup=3s
build=""
server_bin=""
while [ $# -gt 0 ]; do
    case "$1" in
        --workspace) workspace="$2"; shift 2 ;;
        --duration) duration="$2"; shift 2 ;;
        --connections) connections="$2"; shift 2 ;;
        --threads) threads="$2"; shift 2 ;;
        --repeat) repeat="$2"; shift 2 ;;
        --approvals-duration) approvals_duration="$2"; shift 2 ;;
        --build) build="$2"; shift 2 ;;
        --server) server_bin="$2"; shift 2 ;;
        --warmup) warmup="$2"; shift 2 ;;
        *) echo "unknown argument: $1" >&2; exit 2 ;;
    esac
done

if [ -n "$build" ]; then
    bin=$build
else
    ./scripts/install-deps.sh >/dev/null
    cmake --preset release >/dev/null
    cmake --build --preset release --target voucherdesk-server voucherdesk-demo voucherdesk-bench \
        >/dev/null
    bin=./build/release
fi
server_bin=${server_bin:-$bin/server/voucherdesk-server}
if [ ! -f "$workspace" ]; then
    "$bin/app/voucherdesk-demo" --workspace "$workspace" --vouchers 1000000 --fast-passwords
fi

work=$(mktemp -d)
server=""
cleanup() {
    # The killed server's wait fails; under set -e that ended the trap before the rm, leaving
    # a 3 GB copy behind after every run.
    if [ -n "$server" ]; then
        kill "$server" 2>/dev/null || true
        wait "$server" 2>/dev/null || true
    fi
    rm -rf "$work"
}
trap cleanup EXIT
echo "copying $workspace …" >&2
cp "$workspace" "$work/load.db"

"$server_bin" serve --db "$work/load.db" --listen 127.0.0.1:0 \
    >"$work/server.out" 2>"$work/server.log" &
server=$!
for _ in $(seq 1 600); do
    url=$(sed -n 's/^listening on //p' "$work/server.out")
    [ -n "$url" ] && break
    sleep 0.1
done
[ -n "$url" ] || { echo "the server did not start:" >&2; cat "$work/server.log" >&2; exit 1; }

login() {
    curl -sf -X POST "$url/api/v1/auth/login" -H 'Content-Type: application/json' \
        -d "{\"login\":\"$1\",\"password\":\"voucherdesk\"}" |
        sed -n 's/.*"token":"\([^"]*\)".*/\1/p'
}
export VD_TOKEN
export VD_THREADS="$threads"

summary() { # wrk output -> "R requests/s, p99 P, refused N"
    local rps p99 refused
    rps=$(sed -n 's/^Requests\/sec: *//p' <<<"$1")
    p99=$(sed -n 's/^ *99% *//p' <<<"$1")
    refused=$(sed -n 's/^ *Non-2xx or 3xx responses: *//p' <<<"$1")
    echo "${rps} requests/s, p99 ${p99}, refused ${refused:-0}"
}

load() { # name, lua script[, a command run before each run]
    local runs=() i line
    for i in $(seq 1 "$repeat"); do
        [ -n "${3:-}" ] && $3
        line=$(summary "$(wrk -t"$threads" -c"$connections" -d"$duration" --latency -s "$2" "$url")")
        echo "  $1, run $i: $line"
        runs+=("$line")
    done
    line=$(printf '%s\n' "${runs[@]}" | sort -n | sed -n "$(( (repeat + 1) / 2 ))p")
    echo "$1 (median of $repeat): $line"
}

warm() { # lua script
    if [ "$warmup" != 0 ] && [ "$warmup" != 0s ]; then
        wrk -t"$threads" -c"$connections" -d"$warmup" -s "$1" "$url" >/dev/null
    fi
}

VD_TOKEN=$(login rev1)
warm tests/bench/wrk/pages.lua
load "voucher pages (rev1, every partner)" tests/bench/wrk/pages.lua

VD_TOKEN=$(login manager.a)
warm tests/bench/wrk/pages.lua
load "voucher pages (manager.a, one partner)" tests/bench/wrk/pages.lua

# The desktop client's sync of manager.a's share: first pull into a fresh replica, then an
# empty incremental pull (medians of 3).
"$bin/tests/bench/voucherdesk-bench" --workspace "$work/load.db" --only sync --server "$url" \
    --runs 3 --output "$work/sync.json" 2>/dev/null
echo "sync (manager.a):"
sed -n '/"sync\//,/}/p' "$work/sync.json"

# Each run approves applications still pending (wrk's threads split the list between them).
pending() {
    sleep 1 # the approvals still queued when the last run stopped are decided first
    sqlite3 "$work/load.db" \
        "SELECT id FROM applications WHERE status = 'pending_review' ORDER BY review_due_at" \
        >"$work/pending.txt"
    echo "  $(wc -l <"$work/pending.txt") pending"
}
export VD_IDS="$work/pending.txt"
VD_TOKEN=$(login rev1)
duration="$approvals_duration" load "approvals" tests/bench/wrk/approvals.lua pending
