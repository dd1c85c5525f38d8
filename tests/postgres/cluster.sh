#!/usr/bin/env bash
# A throwaway PostgreSQL cluster for the suites.
#   cluster.sh start STATE  initialises and starts a cluster on a free loopback port and writes
#                           its URL to STATE/url (and where its data lives to STATE/datadir)
#   cluster.sh stop STATE   stops it and removes its data
# The data goes to a fresh folder under ${TMPDIR:-/tmp}, which the `postgres` user can reach
# wherever the build folder is: PostgreSQL refuses to run as root, so as root the cluster runs
# as `postgres`.
set -euo pipefail
action=${1:-}
state=${2:-}
if [ -z "$state" ]; then
    echo "usage: cluster.sh start|stop STATE-DIR" >&2
    exit 2
fi
bindir=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)
if [ -z "$bindir" ]; then
    echo "cluster.sh: PostgreSQL is not installed (scripts/install-deps.sh installs it)" >&2
    exit 1
fi

as_owner() {
    if [ "$(id -u)" -eq 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

stop_cluster() {
    [ -f "$state/datadir" ] || return 0
    local data
    data=$(cat "$state/datadir")
    if [ -f "$data/pgdata/postmaster.pid" ]; then
        as_owner "$bindir/pg_ctl" -D "$data/pgdata" -m fast -w stop >/dev/null 2>&1 ||
            as_owner "$bindir/pg_ctl" -D "$data/pgdata" -m immediate stop >/dev/null 2>&1 || true
    fi
    rm -rf "$data" "$state"
}

case "$action" in
start)
    stop_cluster # a cluster left by an interrupted run
    mkdir -p "$state"
    data=$(mktemp -d "${TMPDIR:-/tmp}/voucherdesk-pgtest.XXXXXX")
    echo "$data" >"$state/datadir"
    chmod 755 "$data"
    [ "$(id -u)" -eq 0 ] && chown postgres "$data"
    as_owner "$bindir/initdb" -D "$data/pgdata" --auth=trust -U postgres -E UTF8 \
        --locale=C.UTF-8 >"$data/initdb.log" 2>&1 || {
        cat "$data/initdb.log" >&2
        exit 1
    }
    # A random free port: a taken one makes the start fail, and the next try picks another.
    for attempt in 1 2 3 4 5 6 7 8; do
        port=$((20000 + RANDOM % 40000))
        if as_owner "$bindir/pg_ctl" -D "$data/pgdata" -l "$data/server.log" -w -t 60 start \
            -o "-p $port -k $data -c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=200" \
            >/dev/null 2>&1; then
            echo "postgresql://postgres@127.0.0.1:$port/postgres" >"$state/url"
            echo "PostgreSQL test cluster on port $port ($data)"
            exit 0
        fi
    done
    cat "$data/server.log" >&2
    exit 1
    ;;
stop)
    stop_cluster
    ;;
*)
    echo "usage: cluster.sh start|stop STATE-DIR" >&2
    exit 2
    ;;
esac
