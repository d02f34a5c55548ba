#!/usr/bin/env bash
# Start PostgreSQL and Redis from Debian on 127.0.0.1 for CI and benchmarks, creating the role and
# database the project uses; print the DATABASE_URL and REDIS_URL lines to export.
# As root: the Debian cluster (pg_ctlcluster, created with pg_createcluster if missing), run as
# user postgres. Otherwise: a private cluster under var/ci/postgres started with pg_ctl.
# Idempotent: services already running are reused.
set -euo pipefail
cd "$(dirname "$0")/.."

PG_USER=${CI_PG_USER:-ombudsman}
PG_PASSWORD=${CI_PG_PASSWORD:-ombudsman}
PG_DATABASE=${CI_PG_DATABASE:-ombudsman}
REDIS_PORT=${CI_REDIS_PORT:-6379}

log() { echo "[services] $*" >&2; }

bash scripts/install-system-packages.sh postgresql redis-server >&2

pg_version=$(ls /usr/lib/postgresql | sort -V | tail -1)
pg_bin=/usr/lib/postgresql/$pg_version/bin

as_postgres() { runuser -u postgres -- "$@"; }

start_debian_cluster() {
    if ! pg_lsclusters -h | awk '{print $1" "$2}' | grep -qx "$pg_version main"; then
        log "creating PostgreSQL $pg_version cluster 'main'"
        pg_createcluster "$pg_version" main >&2
    fi
    PG_PORT=$(pg_lsclusters -h | awk -v v="$pg_version" '$1==v && $2=="main" {print $3}')
    if ! pg_lsclusters -h | awk -v v="$pg_version" '$1==v && $2=="main" {print $4}' | grep -q online; then
        log "starting PostgreSQL $pg_version on 127.0.0.1:$PG_PORT"
        pg_ctlcluster "$pg_version" main start >&2
    fi
    psql_admin() { as_postgres psql -p "$PG_PORT" -v ON_ERROR_STOP=1 -qtA "$@"; }
}

start_private_cluster() {
    PG_PORT=${CI_PG_PORT:-54329}
    local data=var/ci/postgres
    if [[ ! -f $data/PG_VERSION ]]; then
        log "creating a private PostgreSQL cluster in $data"
        mkdir -p "$data"
        "$pg_bin/initdb" -D "$data" -U postgres --auth=trust >/dev/null
    fi
    if ! "$pg_bin/pg_ctl" -D "$data" status >/dev/null 2>&1; then
        log "starting PostgreSQL $pg_version on 127.0.0.1:$PG_PORT"
        "$pg_bin/pg_ctl" -D "$data" -l var/ci/postgres.log -w start \
            -o "-p $PG_PORT -k $PWD/$data -c listen_addresses=127.0.0.1" >&2
    fi
    psql_admin() { "$pg_bin/psql" -h 127.0.0.1 -p "$PG_PORT" -U postgres -v ON_ERROR_STOP=1 -qtA "$@"; }
}

if [[ $(id -u) -eq 0 ]]; then start_debian_cluster; else start_private_cluster; fi

for _ in $(seq 30); do psql_admin -c "select 1" >/dev/null 2>&1 && break; sleep 1; done
if [[ -z $(psql_admin -c "select 1 from pg_roles where rolname = '$PG_USER'") ]]; then
    log "creating role $PG_USER"
    psql_admin -c "create role $PG_USER login createdb password '$PG_PASSWORD'"
fi
if [[ -z $(psql_admin -c "select 1 from pg_database where datname = '$PG_DATABASE'") ]]; then
    log "creating database $PG_DATABASE"
    psql_admin -c "create database $PG_DATABASE owner $PG_USER"
fi

if ! redis-cli -h 127.0.0.1 -p "$REDIS_PORT" ping >/dev/null 2>&1; then
    log "starting Redis on 127.0.0.1:$REDIS_PORT"
    mkdir -p var/ci
    redis-server --bind 127.0.0.1 --port "$REDIS_PORT" --daemonize yes --save "" \
        --appendonly no --logfile "$PWD/var/ci/redis-$REDIS_PORT.log" >&2
    for _ in $(seq 30); do redis-cli -h 127.0.0.1 -p "$REDIS_PORT" ping >/dev/null 2>&1 && break; sleep 0.2; done
fi

echo "DATABASE_URL=postgres://$PG_USER:$PG_PASSWORD@127.0.0.1:$PG_PORT/$PG_DATABASE"
echo "REDIS_URL=redis://127.0.0.1:$REDIS_PORT/0"
