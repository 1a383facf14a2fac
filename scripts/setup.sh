#!/usr/bin/env bash
# Installs what sigflare needs to build and run on Debian 12 when it is missing:
# PCRE2 (regular expressions), libyaml (rule files), zlib (gzip input) and the Public Suffix List (domain splitting).
set -euo pipefail

packages=(libpcre2-dev libyaml-dev zlib1g-dev publicsuffix)
missing=()
for package in "${packages[@]}"; do
    dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed" || missing+=("$package")
done
if ((${#missing[@]})); then
    echo "setup: installing ${missing[*]}" >&2
    sudo_cmd=()
    [ "$(id -u)" -eq 0 ] || sudo_cmd=(sudo)
    "${sudo_cmd[@]}" apt-get update -qq
    DEBIAN_FRONTEND=noninteractive "${sudo_cmd[@]}" apt-get install -y -qq "${missing[@]}" >/dev/null
fi
command -v swift >/dev/null || export PATH="/opt/swift/usr/bin:$PATH"
