#!/usr/bin/env bash
# A local Apache ActiveMQ Artemis broker: the external JMS broker of the multi-server setup.
#
#   scripts/artemis.sh install   fetch the distribution (Maven Central, through mvn) and create the instance
#   scripts/artemis.sh start     install if needed, start in the background, wait until the port accepts connections
#   scripts/artemis.sh stop      stop gracefully (SIGTERM, the broker's shutdown hook), wait until it is gone
#   scripts/artemis.sh kill      SIGKILL (failover tests)
#   scripts/artemis.sh status    running or not (exit 0 / 3)
#   scripts/artemis.sh clean     stop and delete the instance's data (journal, bindings, paging) so a test starts empty
#
# Everything lives under <repo>/.cluster: artemis-<version>/ (the distribution), broker/ (the instance:
# etc/broker.xml, data/ = the journal, log/artemis.log and log/console.log), broker.pid.
# Environment: ARTEMIS_PORT (default 61616, the one acceptor, on 127.0.0.1), ARTEMIS_START_TIMEOUT (default 60 s).
# The broker's configuration is made once by install; to re-create it (e.g. after this script changed it),
# stop the broker and delete .cluster/broker.
#
# Broker layout (what the application's JMS resources expect):
#   orderflow.events      multicast address (JMS topic); the durable shared subscriptions of the consumers
#                         (orderflow-notifications, orderflow-webhook) are auto-created as queues on it, named
#                         <clientId>.<subscription> (orderflow.orderflow-webhook with clientId orderflow) or
#                         just <subscription> (orderflow-webhook) when the connection has no clientId
#   orderflow.events.dlq  anycast address + queue: where a message goes after 6 failed deliveries
#                         (1 delivery + 5 redeliveries, no redelivery delay)
#   clients may connect without credentials (anonymous = user orderflow), or as orderflow/orderflow
set -euo pipefail

ARTEMIS_VERSION=2.40.0
PORT="${ARTEMIS_PORT:-61616}"
START_TIMEOUT="${ARTEMIS_START_TIMEOUT:-60}"

SCRIPT_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
REPO="$(git -C "$SCRIPT_DIR" rev-parse --show-toplevel 2>/dev/null || (cd "$SCRIPT_DIR/.." && pwd))"
CLUSTER="$REPO/.cluster"
ARTEMIS_HOME="$CLUSTER/artemis-$ARTEMIS_VERSION"
INSTANCE="$CLUSTER/broker"
PIDFILE="$CLUSTER/broker.pid"
CONSOLE_LOG="$INSTANCE/log/console.log"
MARKER="orderflow address settings"   # in broker.xml once configure has run

say() { echo "[artemis] $*"; }
die() { echo "[artemis] ERROR: $*" >&2; exit 1; }

# ---------------------------------------------------------------------------------------------------
# install

installed() {
    [[ -x "$INSTANCE/bin/artemis" ]] && grep -q "$MARKER" "$INSTANCE/etc/broker.xml" 2>/dev/null
}

# mvn dependency:copy of the distribution as $1 (tar.gz or zip) into .cluster/download, run in a folder
# without pom.xml so that Maven does not run the goal for the project's modules; -q still prints
# colour resets, which sed drops.
fetch() {
    (cd "$CLUSTER/download" && mvn -B -q -Dstyle.color=never dependency:copy \
        "-Dartifact=org.apache.activemq:apache-artemis:$ARTEMIS_VERSION:$1:bin" "-DoutputDirectory=$CLUSTER/download" \
        2>&1 | sed 's/\x1b\[[0-9;]*m//g')
}

# The distribution, through Maven so that the mirror settings of ~/.m2/settings.xml apply.
download() {
    [[ -x "$ARTEMIS_HOME/bin/artemis" ]] && return 0
    local dl="$CLUSTER/download" unpack="$CLUSTER/unpack.tmp" archive
    mkdir -p "$dl"
    rm -rf "$unpack"
    mkdir -p "$unpack"
    say "downloading org.apache.activemq:apache-artemis:$ARTEMIS_VERSION:bin (mvn dependency:copy)"
    if fetch tar.gz; then
        archive="$dl/apache-artemis-$ARTEMIS_VERSION-bin.tar.gz"
        say "unpacking $(basename "$archive")"
        tar -xzf "$archive" -C "$unpack"
    else
        say "tar.gz not served, trying the zip"
        fetch zip || die "could not fetch apache-artemis $ARTEMIS_VERSION from the Maven repository"
        archive="$dl/apache-artemis-$ARTEMIS_VERSION-bin.zip"
        say "unpacking $(basename "$archive")"
        unzip -q "$archive" -d "$unpack"
        chmod +x "$unpack/apache-artemis-$ARTEMIS_VERSION/bin/"*
    fi
    mv "$unpack/apache-artemis-$ARTEMIS_VERSION" "$ARTEMIS_HOME"
    rm -rf "$unpack" "$dl"   # the archive stays in the local Maven repository
    say "distribution in ${ARTEMIS_HOME#"$REPO"/}"
}

# The broker instance: one acceptor (all protocols, CORE among them) on 127.0.0.1:$PORT, no web console,
# NIO journal under the instance (persistence on), heap 512 MB, the application's addresses.
create_instance() {
    rm -rf "$INSTANCE"   # a half-made instance from an interrupted install
    say "creating the broker instance in ${INSTANCE#"$REPO"/} (port $PORT)"
    "$ARTEMIS_HOME/bin/artemis" create "$INSTANCE" \
        --silent --name orderflow \
        --user orderflow --password orderflow --role amq --allow-anonymous \
        --host 127.0.0.1 --default-port "$PORT" \
        --no-amqp-acceptor --no-stomp-acceptor --no-hornetq-acceptor --no-mqtt-acceptor \
        --no-web --nio --java-memory 512M \
        --addresses orderflow.events:multicast \
        --queues orderflow.events.dlq:anycast \
        | sed 's/^/    /'
}

# Dead-lettering of the topic's subscription queues. Queue settings are looked up by the queue's address,
# so the auto-created subscription queues on orderflow.events get these; the more specific match wins
# over the default '#' setting, and what it leaves out (paging, auto-create) comes from '#'.
configure() {
    say "configuring address settings for orderflow.events in etc/broker.xml"
    local xml="$INSTANCE/etc/broker.xml" fragment
    fragment="$(cat <<'EOF'
         <!-- orderflow address settings: the topic's subscription queues dead-letter to orderflow.events.dlq
              after 6 deliveries (1 + 5 redeliveries), redelivered at once; the subscription queues are
              auto-created and kept (durable subscriptions) -->
         <address-setting match="orderflow.events">
            <dead-letter-address>orderflow.events.dlq</dead-letter-address>
            <auto-create-dead-letter-resources>false</auto-create-dead-letter-resources>
            <max-delivery-attempts>6</max-delivery-attempts>
            <redelivery-delay>0</redelivery-delay>
            <auto-create-queues>true</auto-create-queues>
            <auto-create-addresses>true</auto-create-addresses>
            <auto-delete-queues>false</auto-delete-queues>
            <auto-delete-addresses>false</auto-delete-addresses>
         </address-setting>
EOF
)"
    awk -v fragment="$fragment" '/<\/address-settings>/ { print fragment } { print }' "$xml" > "$xml.tmp"
    mv "$xml.tmp" "$xml"
    grep -q "$MARKER" "$xml" || die "could not edit $xml"
}

install() {
    if installed; then
        say "already installed (${INSTANCE#"$REPO"/})"
        return 0
    fi
    command -v java >/dev/null || die "java not found (Artemis $ARTEMIS_VERSION needs Java 17+)"
    mkdir -p "$CLUSTER"
    download
    create_instance
    configure
    say "installed: broker instance ${INSTANCE#"$REPO"/}, acceptor tcp://127.0.0.1:$PORT"
}

# ---------------------------------------------------------------------------------------------------
# process control

# The pid of our running broker, if any (the pid file's process, checked to be this instance's JVM).
broker_pid() {
    [[ -f "$PIDFILE" ]] || return 1
    local pid
    pid="$(cat "$PIDFILE")"
    [[ -n "$pid" ]] && kill -0 "$pid" 2>/dev/null \
        && tr '\0' ' ' < "/proc/$pid/cmdline" 2>/dev/null | grep -qF "$INSTANCE" \
        && echo "$pid"
}

port_open() { (exec 3<>"/dev/tcp/127.0.0.1/$PORT") 2>/dev/null; }

# The acceptor port follows ARTEMIS_PORT at every start (install wrote the port of its time).
sync_port() {
    local xml="$INSTANCE/etc/broker.xml"
    if ! grep -q "tcp://127.0.0.1:$PORT?" "$xml"; then
        say "setting the acceptor port to $PORT"
        sed -i -E "s#tcp://127\.0\.0\.1:[0-9]+\?#tcp://127.0.0.1:$PORT?#" "$xml"
    fi
}

start() {
    local pid
    if pid="$(broker_pid)"; then
        say "already running (pid $pid, port $PORT)"
        return 0
    fi
    rm -f "$PIDFILE"
    install
    sync_port
    port_open && die "port $PORT is already in use by another process"
    mkdir -p "$(dirname "$CONSOLE_LOG")"
    say "starting the broker (log ${CONSOLE_LOG#"$REPO"/})"
    echo "=== $(date '+%F %T') start" >> "$CONSOLE_LOG"
    local t0
    t0="$(date +%s%N)"
    nohup "$INSTANCE/bin/artemis" run >> "$CONSOLE_LOG" 2>&1 < /dev/null &
    pid=$!
    echo "$pid" > "$PIDFILE"
    local waited=0
    until port_open; do
        if ! kill -0 "$pid" 2>/dev/null; then
            rm -f "$PIDFILE"
            tail -n 30 "$CONSOLE_LOG" >&2
            die "the broker exited during start (log above)"
        fi
        if (( waited >= START_TIMEOUT * 10 )); then
            tail -n 30 "$CONSOLE_LOG" >&2
            die "port $PORT not open after ${START_TIMEOUT}s (broker pid $pid left running; scripts/artemis.sh stop)"
        fi
        if (( waited % 10 == 0 && waited > 0 )); then say "waiting for port $PORT ... $((waited / 10))s"; fi
        sleep 0.1
        waited=$((waited + 1))
    done
    local ms=$(( ($(date +%s%N) - t0) / 1000000 ))
    say "started (pid $pid): tcp://127.0.0.1:$PORT accepts connections after $((ms / 1000)).$(printf '%03d' $((ms % 1000)))s"
}

# Waits up to $2 seconds for process $1 to be gone.
wait_gone() {
    local pid="$1" limit="$2" waited=0
    while kill -0 "$pid" 2>/dev/null; do
        if (( waited >= limit * 10 )); then return 1; fi
        if (( waited % 50 == 0 && waited > 0 )); then say "waiting for pid $pid to exit ... $((waited / 10))s"; fi
        sleep 0.1
        waited=$((waited + 1))
    done
}

stop() {
    local pid
    if ! pid="$(broker_pid)"; then
        say "not running"
        rm -f "$PIDFILE"
        return 0
    fi
    say "stopping the broker (SIGTERM to pid $pid)"
    kill -TERM "$pid"
    if ! wait_gone "$pid" 60; then
        say "still running after 60s: SIGKILL"
        kill -KILL "$pid" 2>/dev/null || true
        wait_gone "$pid" 10 || die "pid $pid does not exit"
    fi
    rm -f "$PIDFILE"
    say "stopped"
}

kill_broker() {
    local pid
    if ! pid="$(broker_pid)"; then
        say "not running"
        rm -f "$PIDFILE"
        return 0
    fi
    say "killing the broker (SIGKILL to pid $pid)"
    kill -KILL "$pid"
    wait_gone "$pid" 10 || die "pid $pid does not exit"
    rm -f "$PIDFILE"
    say "killed"
}

status() {
    local pid
    if pid="$(broker_pid)"; then
        if port_open; then
            say "running (pid $pid), tcp://127.0.0.1:$PORT open"
        else
            say "running (pid $pid), port $PORT not open (starting or stopping)"
        fi
        return 0
    fi
    if installed; then say "not running (installed in ${INSTANCE#"$REPO"/})"; else say "not running (not installed)"; fi
    return 3
}

clean() {
    stop
    if [[ -d "$INSTANCE" ]]; then
        say "deleting the broker's data (${INSTANCE#"$REPO"/}/data: journal, bindings, paging, large messages)"
        rm -rf "$INSTANCE/data" "$INSTANCE/tmp"
    fi
    say "clean"
}

case "${1:-}" in
    install) install ;;
    start) start ;;
    stop) stop ;;
    kill) kill_broker ;;
    status) status ;;
    clean) clean ;;
    *) echo "usage: $0 install|start|stop|kill|status|clean" >&2; exit 2 ;;
esac
