#!/usr/bin/env bash
# The main job on the shipped samples: builds sigflare and replays one day of Cloudflare logs
# (Fixtures/replay: NDJSON files and gzip Logpush batches) through the shipped rule pack in Rules/, with the
# demo feed values of Fixtures/iocs on top of Rules/iocs. Alerts go to stdout as JSON lines; the summary
# (events, alerts per rule) to stderr. Expected alerts: Fixtures/replay/EXPECTED.md.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/setup.sh
swift build -c release --static-swift-stdlib --product sigflare >&2
mapfile -t inputs < <(find Fixtures/replay -type f \( -name '*.ndjson' -o -name '*.ndjson.gz' \) | sort)
exec .build/release/sigflare replay --rules Rules --ioc Rules/iocs --ioc Fixtures/iocs "${inputs[@]}"
