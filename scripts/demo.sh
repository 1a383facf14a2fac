#!/usr/bin/env bash
# The main job on the shipped samples: builds sigflare and normalizes every file under Fixtures/cloudflare
# to ECS JSON lines on stdout (summary on stderr).
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/setup.sh
swift build -c release --product sigflare >&2
mapfile -t inputs < <(find Fixtures/cloudflare -type f \( -name '*.ndjson' -o -name '*.ndjson.gz' \) | sort)
exec .build/release/sigflare normalize "${inputs[@]}"
