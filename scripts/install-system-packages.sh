#!/usr/bin/env bash
# Make sure Debian packages the project needs are installed: install them with apt when we are
# root on Debian, otherwise stop with a message naming them. Never downloads a browser itself.
set -euo pipefail

declare -A provides=(
    [chromium]=/usr/bin/chromium
    [chromium-driver]=/usr/bin/chromedriver
    [gettext]=/usr/bin/msgfmt
    [nginx]=/usr/sbin/nginx
    [postgresql]=/usr/lib/postgresql
    [redis-server]=/usr/bin/redis-server
    [default-jre-headless]=/usr/bin/java
    [wrk]=/usr/bin/wrk
)

missing=()
for package in "$@"; do
    path="${provides[$package]:-}"
    if [[ -n "$path" && -e "$path" ]]; then
        continue
    fi
    if [[ -z "$path" ]] && dpkg -s "$package" >/dev/null 2>&1; then
        continue
    fi
    missing+=("$package")
done

if [[ ${#missing[@]} -eq 0 ]]; then
    exit 0
fi

if [[ $(id -u) -eq 0 ]] && command -v apt-get >/dev/null; then
    echo "Installing Debian packages: ${missing[*]}"
    DEBIAN_FRONTEND=noninteractive apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
    exit 0
fi

echo "Missing system packages: ${missing[*]}" >&2
echo "Install them as root, for example: sudo apt-get install -y ${missing[*]}" >&2
exit 1
