#!/usr/bin/env bash
# What `npm test` needs on a fresh machine: Redis and PostgreSQL answering on loopback, Debian's
# Chromium for the browser tests, and promtool for the alert rules' tests. Each is started or installed only when it is missing.
set -euo pipefail

log() { printf '[test-prereqs] %s\n' "$*"; }
as_root() { if [ "$(id -u)" = 0 ]; then "$@"; else sudo "$@"; fi; }
apt_updated=0
apt_install() {
  if [ "$apt_updated" = 0 ]; then as_root apt-get update -qq; apt_updated=1; fi
  DEBIAN_FRONTEND=noninteractive as_root apt-get install -y -qq "$@" >/dev/null
}

# Redis on 127.0.0.1:6379
if ! (command -v redis-cli >/dev/null && redis-cli -h 127.0.0.1 -p 6379 ping 2>/dev/null | grep -q PONG); then
  command -v redis-server >/dev/null || { log 'installing redis-server'; apt_install redis-server; }
  log 'starting redis-server'
  mkdir -p /var/lib/redis /var/log/redis 2>/dev/null || true
  redis-server --daemonize yes --bind 127.0.0.1 -::1 --port 6379 --save '' --appendonly no \
    --dir /tmp --logfile /tmp/redis-test.log
  for _ in $(seq 1 50); do redis-cli -h 127.0.0.1 ping 2>/dev/null | grep -q PONG && break; sleep 0.1; done
fi

# PostgreSQL on 127.0.0.1:5432 with trust auth and a database named test
if ! (command -v pg_isready >/dev/null && pg_isready -q -h 127.0.0.1 -p 5432); then
  command -v pg_ctlcluster >/dev/null || { log 'installing postgresql'; apt_install postgresql; }
  version=$(ls /etc/postgresql | sort -V | tail -n 1)
  log "starting postgresql $version"
  as_root pg_ctlcluster --skip-systemctl-redirect "$version" main start || true
  for _ in $(seq 1 100); do pg_isready -q -h 127.0.0.1 -p 5432 && break; sleep 0.1; done
fi
if pg_isready -q -h 127.0.0.1 -p 5432; then
  psql -h 127.0.0.1 -U postgres -d postgres -tAc "SELECT 1 FROM pg_database WHERE datname='test'" 2>/dev/null | grep -q 1 ||
    psql -h 127.0.0.1 -U postgres -d postgres -qc 'CREATE DATABASE test' 2>/dev/null || true
fi

# Debian's Chromium for playwright-core (Playwright's own browser download cannot work offline)
if [ ! -x /usr/bin/chromium ]; then
  log 'installing chromium'
  apt_install chromium
fi
# promtool checks and unit-tests the PrometheusRule (Debian's prometheus package; the server is
# not started)
if ! command -v promtool >/dev/null; then
  log 'installing promtool (prometheus)'
  apt_install --no-install-recommends prometheus
fi
log 'ready'
