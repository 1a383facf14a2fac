#!/usr/bin/env bash
# Normalize throughput on one core (taskset -c 0) over full-field http_requests records.
#
#   scripts/bench-normalize.sh [COUNT] [RUNS]      defaults: 200000 records, 5 runs
#
# SCRATCH_PATH names the build directory (default .build), so a run need not share another build's.
#
# Prints the median of RUNS for: JSON parse only and parse + normalize without output (in process,
# sigflare-bench), `sigflare normalize FILE > /dev/null` end to end (whole process), and Python's
# json.loads over the same lines as a reference measured in the same run.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/setup.sh
count=${1:-200000}
runs=${2:-5}
work=bench-work
mkdir -p "$work"
file="$work/http_requests-$count.ndjson"
[ -s "$file" ] || python3 scripts/gen_http_requests.py --count "$count" --seed 1 --out "$file"
bytes=$(stat -c %s "$file")
scratch=${SCRATCH_PATH:-.build}
swift build -c release --static-swift-stdlib --scratch-path "$scratch" --product sigflare >&2
swift build -c release --static-swift-stdlib --scratch-path "$scratch" --product sigflare-bench >&2
bin=$scratch/release

median() { sort -g | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
rate() { awk -v n="$count" -v b="$bytes" -v s="$1" 'BEGIN {printf "%9.0f records/s %7.1f MB/s %7.3f s", n/s, b/s/1e6, s}'; }
seconds_of() {  # wall seconds of a whole command
    local start end
    start=$(date +%s.%N); "$@" >/dev/null; end=$(date +%s.%N)
    awk -v a="$start" -v b="$end" 'BEGIN {print b-a}'
}
in_process() {  # seconds reported by sigflare-bench for a stage
    taskset -c 0 "$bin/sigflare-bench" "$1" "$file" | sed -E 's/.* ([0-9.]+) s,.*/\1/'
}

echo "file: $file ($count records, $bytes bytes); median of $runs runs, one core; load average: $(cut -d' ' -f1-3 /proc/loadavg)"
parse=$(for _ in $(seq "$runs"); do in_process parse; done | median)
normalize=$(for _ in $(seq "$runs"); do in_process normalize; done | median)
endtoend=$(for _ in $(seq "$runs"); do seconds_of taskset -c 0 "$bin/sigflare" normalize "$file"; done | median)
python=$(for _ in $(seq "$runs"); do
    seconds_of taskset -c 0 python3 -c 'import json,sys
for line in open(sys.argv[1], "rb"): json.loads(line)' "$file"; done | median)
printf "%-40s %s\n" "parse only (in process)" "$(rate "$parse")"
printf "%-40s %s   target >= 250000 records/s\n" "parse + normalize, no output" "$(rate "$normalize")"
printf "%-40s %s   target >= 120000 records/s\n" "sigflare normalize > /dev/null" "$(rate "$endtoend")"
printf "%-40s %s\n" "reference: python3 json.loads per line" "$(rate "$python")"
awk -v p="$python" -v n="$normalize" -v e="$endtoend" 'BEGIN {printf "ratios vs python json.loads: normalize %.1fx, end to end %.1fx\n", p/n, p/e}'
