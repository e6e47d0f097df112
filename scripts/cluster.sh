#!/usr/bin/env bash
# A local cluster: N orderflow servers (default 3) on one PostgreSQL database and one Apache ActiveMQ
# Artemis broker (scripts/artemis.sh), the same WAR and server.xml everywhere, only ports and names differ.
#
#   scripts/cluster.sh start [N]    build what is missing, start the broker and N servers, wait until each is ready
#   scripts/cluster.sh stop         stop the servers and the broker
#   scripts/cluster.sh status       which servers answer /health/ready; the broker
#   scripts/cluster.sh kill I       SIGKILL server I (failover by hand); `start` brings it back
#   scripts/cluster.sh rebuild      rebuild the WAR and copy it to the servers (then stop + start)
#
# Server I (1..N) answers http://localhost:908I (HTTPS 944(3+I)) and is named nodeI (orderflow.node.name).
# Server 1 runs the development token issuer; every server trusts it (JWT_JWKS_URI), so one token
# works on all. The read models are split into ORDERFLOW_PROJECTIONS_SEGMENTS (default 4) segments that
# the servers apply in parallel; the checkout process stays in one. Database: the servers' defaults
# (jdbc:postgresql://127.0.0.1:5432/orderflow), or DB_URL/DB_USER/DB_PASSWORD from the environment.
# Files: .cluster/usr/servers/nodeI (WLP_USER_DIR=.cluster/usr); the runtime is the one liberty-maven-plugin
# installs for the web module (web/target/liberty/wlp).
set -euo pipefail

SCRIPT_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
REPO="$(git -C "$SCRIPT_DIR" rev-parse --show-toplevel 2>/dev/null || (cd "$SCRIPT_DIR/.." && pwd))"
CLUSTER="$REPO/.cluster"
WLP="$REPO/web/target/liberty/wlp"
TEMPLATE="$WLP/usr/servers/orderflow"       # the server liberty:create made: lib/jdbc
CONFIG="$REPO/web/src/main/liberty/config"
WAR="$REPO/web/target/orderflow.war"
RAR="$REPO/infrastructure-artemis-rar/target/orderflow-artemis-rar.rar"
export WLP_USER_DIR="$CLUSTER/usr"
SEGMENTS="${ORDERFLOW_PROJECTIONS_SEGMENTS:-4}"
READY_TIMEOUT="${CLUSTER_READY_TIMEOUT:-240}"

say() { echo "[cluster] $*"; }
die() { echo "[cluster] ERROR: $*" >&2; exit 1; }

http_port() { echo $((9080 + $1)); }
https_port() { echo $((9443 + $1)); }

# The WAR, the adapter and a Liberty runtime, built with the project's own Maven build where missing.
build() {
    if [[ ! -f "$WAR" || ! -f "$RAR" || ! -x "$WLP/bin/server" || ! -f "$TEMPLATE/lib/jdbc/postgresql.jar" ]]; then
        say "building the WAR and the Artemis adapter (mvn -pl web -am install -DskipTests)"
        (cd "$REPO" && mvn -B -q -pl web -am -DskipTests install)
        say "installing the Liberty runtime (mvn -pl web liberty:create)"
        (cd "$REPO" && mvn -B -q -pl web liberty:create)
    fi
}

# One server's directory: the production configuration, the WAR as a configured application, its environment.
create() {
    local i=$1 dir="$WLP_USER_DIR/servers/node$1"
    mkdir -p "$dir/apps" "$dir/lib/jdbc" "$dir/lib/artemis" "$dir/configDropins/overrides"
    cp "$CONFIG/server.xml" "$CONFIG/jvm.options" "$CONFIG"/messaging-*.xml "$dir/"
    cp "$CONFIG"/configDropins/overrides/*.xml "$dir/configDropins/overrides/"
    cp "$TEMPLATE/lib/jdbc/postgresql.jar" "$dir/lib/jdbc/"
    cp "$RAR" "$dir/lib/artemis/"
    cp "$WAR" "$dir/apps/orderflow.war"
    local issuer=false
    [[ $i == 1 ]] && issuer=true
    # keystore_password: the self-signed certificate Liberty makes on first start (server.xml, HTTPS)
    local keystore_password
    keystore_password=$(grep -s '^keystore_password=' "$dir/server.env" | cut -d= -f2- || true)
    [[ -n "$keystore_password" ]] || keystore_password=$(head -c 18 /dev/urandom | base64 | tr -d '/+=')
    cat > "$dir/server.env" <<EOF
keystore_password=$keystore_password
HTTP_PORT=$(http_port "$i")
HTTPS_PORT=$(https_port "$i")
JMS_PROVIDER=artemis
ARTEMIS_PORT=${ARTEMIS_PORT:-61616}
ORDERFLOW_NODE_NAME=node$i
ORDERFLOW_PROJECTIONS_SEGMENTS=$SEGMENTS
ORDERFLOW_PROJECTIONS_FULFILMENT_SEGMENTS=1
ORDERFLOW_DEV_ISSUER_ENABLED=$issuer
JWT_JWKS_URI=http://localhost:$(http_port 1)/orderflow/dev/jwks
EOF
}

ready() {
    curl -s -o /dev/null -w '%{http_code}' --max-time 3 "http://localhost:$(http_port "$1")/health/ready" 2>/dev/null | grep -q 200
}

wait_ready() {
    local i=$1 waited=0
    until ready "$i"; do
        sleep 2
        waited=$((waited + 2))
        if ((waited % 10 == 0)); then say "node$i: waiting for /health/ready ... ${waited}s"; fi
        if ((waited >= READY_TIMEOUT)); then
            tail -20 "$WLP_USER_DIR/servers/node$i/logs/messages.log" >&2 || true
            die "node$i did not become ready within ${READY_TIMEOUT}s"
        fi
    done
    say "node$i ready: http://localhost:$(http_port "$i")/orderflow/api (${waited}s)"
}

servers() {
    ls -d "$WLP_USER_DIR"/servers/node* 2>/dev/null | sed 's#.*/node##' | sort -n
}

start() {
    local n=${1:-3}
    build
    "$SCRIPT_DIR/artemis.sh" start
    for i in $(seq 1 "$n"); do
        if ready "$i"; then
            say "node$i already running"
            continue
        fi
        [[ -f "$WLP_USER_DIR/servers/node$i/apps/orderflow.war" ]] || say "creating node$i"
        create "$i"
        say "starting node$i"
        "$WLP/bin/server" start "node$i" >/dev/null
        # one after the other: the first creates the database and migrates its schema
        wait_ready "$i"
    done
    say "a token (from node1's development issuer, valid on every node):"
    say "  TOKEN=\$(curl -s http://localhost:$(http_port 1)/orderflow/dev/token)"
}

stop() {
    for i in $(servers); do
        say "stopping node$i"
        "$WLP/bin/server" stop "node$i" >/dev/null || true
    done
    "$SCRIPT_DIR/artemis.sh" stop
}

status() {
    for i in $(servers); do
        if ready "$i"; then say "node$i: ready on $(http_port "$i")"; else say "node$i: not ready"; fi
    done
    "$SCRIPT_DIR/artemis.sh" status || true
}

kill_server() {
    local i=${1:?which server}
    local pidfile="$WLP_USER_DIR/servers/.pid/node$i.pid"
    [[ -f "$pidfile" ]] || die "node$i is not running"
    kill -9 "$(cat "$pidfile")" && say "node$i killed (SIGKILL)"
}

rebuild() {
    (cd "$REPO" && mvn -B -q -pl web -am -DskipTests install)
    for i in $(servers); do cp "$WAR" "$WLP_USER_DIR/servers/node$i/apps/orderflow.war"; done
    say "WAR copied to every server; restart them (stop, start) to run it"
}

case "${1:-}" in
    start) start "${2:-3}" ;;
    stop) stop ;;
    status) status ;;
    kill) kill_server "${2:-}" ;;
    rebuild) rebuild ;;
    *) sed -n '2,9p' "$0"; exit 2 ;;
esac
