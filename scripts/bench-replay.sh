#!/usr/bin/env bash
# Replay benchmark: `sigflare replay` on the shared peer workload, one core (taskset -c 0), against the
# peer engines measured in the same run.
#
#   scripts/bench-replay.sh [--quick] [RUNS]      default: 5 runs
#
# Workload and rules: ../shared/bench next to the repository (override with BENCH_DIR); without it the
# script says so and exits 0. Everything it writes lives in bench-work/ (git-ignored):
#   venv/ (orjson, pyyaml from PyPI; plain python3 if that fails), events.jsonl (gen_events.py
#   --count 200000 --seed 1), events-1000000.jsonl (the 5x file: gen_events.py --count 1000000 --seed 1,
#   whose first 200,000 lines are events.jsonl), events-10000.jsonl (first 10,000 lines), replay/ (alerts,
#   logs, times per run), peers/ (run_peers.sh: its venvs, data and output). Delete a file to regenerate it.
#
# Full mode:
#   1. builds sigflare release (scratch path .build-bench, override with SCRATCH);
#   2. runs `sigflare replay --rules BENCH/rules --pipeline Rules/pipelines/cloudflare-ecs.yml` RUNS times
#      on events.jsonl, wall seconds and peak RSS of the whole process from /usr/bin/time -f "%e %M";
#      every run's per-rule alert counts (by rule.id, else rule.name, mapped to the rule files) must equal
#      expected_counts.json, else the script fails;
#   3. one run on the 5x file: peak RSS and its ratio to the 200k run; its counts are checked against
#      those of the shared bench's hand-coded reference (floors.py, see counts5x below);
#   4. bash BENCH/run_peers.sh bench-work/peers (Tenzir 1 core / 2 cores, DuckDB 1 / 2 threads; its
#      first run installs their venvs from PyPI) and the ratios of sigflare's events/s to theirs.
#   5. correlation: `sigflare replay --rules BENCH/rules_corr` once on events.jsonl (one core, wall and peak
#      RSS as above); its correlation alerts must name exactly the source IPs expected_counts.json gives for
#      c1_scanner_burst.yml (distinct_source_ips: 5), else the script fails. sigflare alerts once each time a
#      group's condition becomes true (9 alerts on this workload), not at each of the 471 "threshold
#      crossings" (docs/correlation.md).
# --quick: the first 10,000 lines, counts from expected_counts.json "first_10000_lines", no 5x run, no peers;
#   the correlation run is reported without a check (the file has no distinct-IP count for 10,000 lines).
#
# Output: the per-run lines, then a table
#   run  median_wall_s  events/s  MB/s  peak_rss_MB  matches  check
# (median wall of the runs; peak RSS is the largest %M (KiB) / 1000 of the runs), the peer ratios and the
# targets: >= 300,000 events/s on one core (aiming at 500,000), peak RSS < 100 MB and flat on the 5x file
# ("flat": the 5x peak at most 1.25x the 200k peak). Targets are reported, not enforced.
# Exit status: 1 if a sigflare run fails or a count differs; a failing peer run is only reported.
#
# Timings are disturbed by anything else running on the machine (builds): the load average is printed.
# Environment overrides: BENCH_DIR, SCRATCH (.build-bench), PYTHON (python3), SIGFLARE (a sigflare
# executable to measure instead of building one).
set -euo pipefail
cd "$(dirname "$0")/.."

usage() { echo "usage: $0 [--quick] [RUNS]" >&2; exit 2; }
quick=0
runs=5
for arg in "$@"; do
    case "$arg" in
        --quick) quick=1 ;;
        '' | *[!0-9]*) usage ;;
        *) runs=$arg ;;
    esac
done
((runs >= 1)) || usage

bench=${BENCH_DIR:-../shared/bench}
if [ ! -f "$bench/expected_counts.json" ] || [ ! -d "$bench/rules" ]; then
    echo "bench-replay: no shared benchmark at $bench (set BENCH_DIR); nothing to do." >&2
    exit 0
fi
bench=$(cd "$bench" && pwd)
source scripts/setup.sh
scratch=${SCRATCH:-.build-bench}
python=${PYTHON:-python3}
work="bench-work"
out=$work/replay
rules=$bench/rules
pipeline=Rules/pipelines/cloudflare-ecs.yml
status=0

log() { echo "# $*" >&2; }

# --- tools ---------------------------------------------------------------------------------------------
if [ ! -x /usr/bin/time ]; then
    log "installing the Debian package 'time' (for /usr/bin/time)"
    sudo_cmd=()
    [ "$(id -u)" -eq 0 ] || sudo_cmd=(sudo)
    "${sudo_cmd[@]}" apt-get update -qq
    DEBIAN_FRONTEND=noninteractive "${sudo_cmd[@]}" apt-get install -y -qq time >/dev/null
fi
command -v taskset >/dev/null || { log "taskset (Debian package util-linux) is required"; exit 1; }
mkdir -p "$work" "$out"

# --- workload ------------------------------------------------------------------------------------------
# gen_events.py only needs orjson for speed (identical output without it).
if ! "$work/venv/bin/python" -c "import orjson, yaml" 2>/dev/null; then
    log "setting up $work/venv: pip install orjson pyyaml"
    if ! { "$python" -m venv "$work/venv" && "$work/venv/bin/python" -m pip install -q \
        --disable-pip-version-check orjson pyyaml >&2; }; then
        log "no venv with orjson: generating with plain $python (slower, same output)"
    fi
fi
genpy=$work/venv/bin/python
"$genpy" -c "import orjson" 2>/dev/null || genpy=$python

generate() { # generate OUTFILE COUNT
    [ -s "$1" ] && return 0
    log "generating $1 ($2 events, seed 1)"
    "$genpy" "$bench/gen_events.py" --count "$2" --seed 1 --out "$1.tmp"
    mv "$1.tmp" "$1"
}
generate "$work/events.jsonl" 200000
if ((quick)); then
    events=$work/events-10000.jsonl
    [ -s "$events" ] || head -n 10000 "$work/events.jsonl" > "$events"
    section=first_10000_lines
else
    events=$work/events.jsonl
    events5x=$work/events-1000000.jsonl
    generate "$events5x" 1000000
    section=
fi

# --- build ---------------------------------------------------------------------------------------------
if [ -n "${SIGFLARE:-}" ]; then
    bin=$SIGFLARE
    log "using $bin (SIGFLARE), not building"
else
    swift build -c release --scratch-path "$scratch" --product sigflare >&2
    bin=$scratch/release/sigflare
fi

# Per-rule counts on the 5x file, from the hand-coded reference in the shared bench:
#   floors.py bench-work/events-1000000.jsonl BENCH orjson_plus_python_rules   -> [5511, 20190, 984, 2117, 529]
counts5x='{"r1_ua_hacktool.yml": 5511, "r2_ua_regex.yml": 20190, "r3_long_domain.yml": 984,
  "r4_path_probe.yml": 2117, "r5_php_cmd.yml": 529}'

# --- alert counts --------------------------------------------------------------------------------------
# check_counts ALERTS SECTION: per-rule alert counts against expected_counts.json (SECTION "" = the top
# level, the 200k workload) or, for SECTION "5x", against counts5x. Rules are told apart by rule.id, else
# rule.name, matched to the `id:` / `title:` lines of the rule files; the expected counts are keyed by
# file name. Prints "TOTAL CHECK" on stdout, the per-rule lines on stderr; returns 1 on any difference.
check_counts() {
    "$python" - "$1" "$2" "$bench/expected_counts.json" "$rules" "$counts5x" <<'EOF'
import json, os, re, sys
alerts, section, expected_file, rules_dir, counts5x = sys.argv[1:6]
files = sorted(f for f in os.listdir(rules_dir) if f.endswith((".yml", ".yaml")))
by_key = {}
for name in files:
    with open(os.path.join(rules_dir, name), encoding="utf-8") as f:
        for line in f:
            m = re.match(r"(id|title):\s*['\"]?(.*?)['\"]?\s*$", line)
            if m:
                by_key[(m.group(1), m.group(2))] = name
if section == "5x":
    table = json.loads(counts5x)
else:
    table = json.load(open(expected_file))
    table = table[section] if section else table
expected = {f: table.get(f) for f in files}

def field(alert, dotted):
    if dotted in alert:
        return alert[dotted]
    value = alert
    for part in dotted.split("."):
        value = value.get(part) if isinstance(value, dict) else None
    return value

counts = {f: 0 for f in files}
unknown = {}
total = 0
with open(alerts, encoding="utf-8") as f:
    for line in f:
        if not line.strip():
            continue
        alert = json.loads(line)
        total += 1
        rule_id, title = field(alert, "rule.id"), field(alert, "rule.name")
        name = by_key.get(("id", rule_id)) or by_key.get(("title", title))
        if name:
            counts[name] += 1
        else:
            key = f"id={rule_id} name={title}"
            unknown[key] = unknown.get(key, 0) + 1

ok = not unknown
for name in files:
    want = expected[name]
    verdict = "-" if want is None else ("ok" if counts[name] == want else f"MISMATCH (expected {want})")
    ok = ok and verdict in ("ok", "-")
    print(f"#   {name:<22} {counts[name]:>7}  {verdict}", file=sys.stderr)
for key, n in unknown.items():
    print(f"#   alerts for no rule file: {key}: {n}  MISMATCH", file=sys.stderr)
check = "ok" if ok else "MISMATCH"
print(total, check)
sys.exit(0 if check != "MISMATCH" else 1)
EOF
}

# --- sigflare runs -------------------------------------------------------------------------------------
median() { sort -g | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
maximum() { sort -g | tail -n 1; }

# replay_run NAME EVENTS SECTION: one pinned run; prints "WALL RSS_KIB MATCHES CHECK".
replay_run() {
    local name=$1 file=$2 section=$3
    local alerts="$out/$name.alerts.jsonl" timefile="$out/$name.time" logfile="$out/$name.log"
    rm -f "$alerts"
    if ! /usr/bin/time -f "%e %M" -o "$timefile" taskset -c 0 "$bin" replay --rules "$rules" \
        --pipeline "$pipeline" --alerts "$alerts" "$file" >"$logfile" 2>&1; then
        log "$name FAILED (see $logfile):"
        tail -n 5 "$logfile" >&2
        echo "- - - FAILED"
        return 0
    fi
    local wall rss result
    read -r wall rss < <(tail -n 1 "$timefile")
    log "$name: wall $wall s, peak RSS $(((rss + 500) / 1000)) MB; alerts per rule:"
    result=$(check_counts "$alerts" "$section") || true
    log "$name: alerts and check: $result"
    echo "$wall $rss $result"
}

row_format='%-28s %13s %10s %8s %11s %8s  %s\n'
row() { # row NAME WALL EVENTS BYTES RSS_KIB MATCHES CHECK  (WALL "-": the run failed)
    if [ "$2" = - ]; then
        printf "$row_format" "$1" - - - - - "$7"
        return 0
    fi
    awk -v f="$row_format" -v n="$1" -v w="$2" -v e="$3" -v b="$4" -v r="$5" -v m="$6" -v c="$7" \
        'BEGIN { s = (w > 0) ? w : 0.01; printf f, n, sprintf("%.2f", w), sprintf("%.0f", e / s),
                 sprintf("%.1f", b / 1e6 / s), sprintf("%.0f", r / 1000), m, c }'
}

nev=$(wc -l < "$events")
bytes=$(stat -c %s "$events")
log "workload: $events, $nev events, $bytes bytes; $runs runs on core 0; load: $(uptime)"
walls=() rsses=() matches=- check=ok
for i in $(seq "$runs"); do
    read -r run_wall run_rss run_matches run_check < <(replay_run "run$i" "$events" "$section")
    if [ "$run_check" = FAILED ]; then
        check=FAILED
        continue
    fi
    walls+=("$run_wall") rsses+=("$run_rss")
    matches=$run_matches
    [ "$run_check" = ok ] || [ "$check" = FAILED ] || check=$run_check
done
[ "$check" = ok ] || status=1
wall=- rss=-
if ((${#walls[@]})); then
    wall=$(printf '%s\n' "${walls[@]}" | median)
    rss=$(printf '%s\n' "${rsses[@]}" | maximum)
fi
label=sigflare-replay-1core
((quick)) && label=sigflare-replay-1core-10k
table=$(row "$label" "$wall" "$nev" "$bytes" "$rss" "$matches" "$check")

if ((!quick)); then
    nev5=$(wc -l < "$events5x")
    bytes5=$(stat -c %s "$events5x")
    log "5x file: $events5x, $nev5 events, $bytes5 bytes; load: $(uptime)"
    read -r wall5 rss5 total5 check5 < <(replay_run run5x "$events5x" 5x)
    [ "$check5" = ok ] || status=1
    table+=$'\n'$(row sigflare-replay-1core-5x "$wall5" "$nev5" "$bytes5" "$rss5" "$total5" "$check5")

    # --- peers -----------------------------------------------------------------------------------------
    log "peers: bash $bench/run_peers.sh $work/peers (output in $work/peers/run.out, run.err)"
    log "load before the peers: $(uptime)"
    peers_ok=1
    bash "$bench/run_peers.sh" "$work/peers" >"$work/peers/run.out" 2>"$work/peers/run.err" || peers_ok=0
    if ((!peers_ok)); then
        log "WARNING: run_peers.sh failed or a peer count differs; see $work/peers/run.err:"
        tail -n 5 "$work/peers/run.err" >&2
    fi
    peer_rows=$(grep -E '^(tenzir|duckdb)-' "$work/peers/run.out" || true)
fi

# --- correlation ---------------------------------------------------------------------------------------
# check_correlation ALERTS QUICK: the distinct source.ip of the alerts (every line is a correlation alert of
# rules_corr, whose base rule has generate: false) against expected_counts.json c1_scanner_burst.yml
# distinct_source_ips; prints "ALERTS CHECK" on stdout and the per-IP counts on stderr.
check_correlation() {
    "$python" - "$1" "$2" "$bench/expected_counts.json" <<'EOF'
import collections, json, sys
alerts, quick, expected_file = sys.argv[1], sys.argv[2] == "1", sys.argv[3]
want = json.load(open(expected_file))["c1_scanner_burst.yml"]["distinct_source_ips"]
per_ip = collections.Counter()
with open(alerts, encoding="utf-8") as f:
    for line in f:
        if line.strip():
            per_ip[(json.loads(line).get("source") or {}).get("ip")] += 1
for ip, n in sorted(per_ip.items(), key=lambda item: str(item[0])):
    print(f"#   {ip}: {n} alerts", file=sys.stderr)
check = "-" if quick else ("ok" if len(per_ip) == want and None not in per_ip else f"MISMATCH({len(per_ip)}/{want}IPs)")
print(sum(per_ip.values()), check)
sys.exit(1 if check.startswith("MISMATCH") else 0)
EOF
}

corr_alerts="$out/correlation.alerts.jsonl"
corr_time="$out/correlation.time"
corr_log="$out/correlation.log"
log "correlation: $bin replay --rules $bench/rules_corr on $events; load: $(uptime)"
rm -f "$corr_alerts"
if /usr/bin/time -f "%e %M" -o "$corr_time" taskset -c 0 "$bin" replay --rules "$bench/rules_corr" \
    --pipeline "$pipeline" --alerts "$corr_alerts" "$events" >"$corr_log" 2>&1; then
    read -r corr_wall corr_rss < <(tail -n 1 "$corr_time")
    read -r corr_total corr_check < <(check_correlation "$corr_alerts" "$quick") || true
    log "correlation: wall $corr_wall s; $(grep -E 'correlation alerts$' "$corr_log" || true)"
    [ "$corr_check" = ok ] || [ "$corr_check" = - ] || status=1
    table+=$'\n'$(row sigflare-correlate-1core "$corr_wall" "$nev" "$bytes" "$corr_rss" "$corr_total" "$corr_check")
else
    log "correlation run FAILED (see $corr_log):"
    tail -n 5 "$corr_log" >&2
    status=1
    table+=$'\n'$(row sigflare-correlate-1core - - - - - FAILED)
fi

# --- report --------------------------------------------------------------------------------------------
echo
echo "load: $(uptime)"
printf "$row_format" "# run" "median_wall_s" "events/s" "MB/s" "peak_rss_MB" "matches" "check"
echo "$table"
if ((quick)); then
    echo "(--quick: a correctness check; timings over 10,000 lines say little, targets not evaluated)"
elif [ "$wall" = - ]; then
    echo "(no successful sigflare run: no ratios, targets not evaluated)"
else
    [ -z "$peer_rows" ] || awk -v f="$row_format" '{ printf f, $1, $2, $3, $4, $5, $6, $7 }' <<<"$peer_rows"
    echo "(sigflare: median of $runs runs on 200k, one run on 5x; peers: one run each, by run_peers.sh)"
    rate=$(awk -v n="$nev" -v w="$wall" 'BEGIN { printf "%.0f", n / ((w > 0) ? w : 0.01) }')
    echo
    echo "sigflare replay, one core: $rate events/s"
    ratio() { # ratio PEER [NOTE]
        local peer_rate
        peer_rate=$(awk -v p="$1" '$1 == p { print $3 }' <<<"$peer_rows")
        if [ -z "$peer_rate" ]; then
            echo "  vs $1: no result"
        else
            awk -v p="$1" -v a="$rate" -v b="$peer_rate" -v note="${2:-}" \
                'BEGIN { printf "  vs %-24s %8d events/s: %5.1fx%s\n", p, b, a / b, note }'
        fi
    }
    ratio duckdb-1thread
    ratio tenzir-sigma-1core
    ratio duckdb-2threads "  (2 threads, for reference)"
    ratio tenzir-sigma-2cores "  (2 cores, for reference)"
    echo
    echo "targets (reported, not enforced):"
    awk -v r="$rate" 'BEGIN { printf "  events/s on one core >= 300,000 (aim 500,000): %d  %s\n", r,
        (r >= 500000) ? "met, aim reached" : (r >= 300000) ? "met" : "NOT met" }'
    awk -v r="$rss" 'BEGIN { printf "  peak RSS < 100 MB: %.0f MB  %s\n", r / 1000, (r / 1000 < 100) ? "met" : "NOT met" }'
    if [ "$rss5" = - ]; then
        echo "  flat on the 5x file: no result (the 5x run failed)"
    else
        awk -v a="$rss" -v b="$rss5" 'BEGIN { q = b / a;
            printf "  flat on the 5x file (peak at most 1.25x and < 100 MB): %.0f MB vs %.0f MB = %.2fx  %s\n",
                b / 1000, a / 1000, q, (q <= 1.25 && b / 1000 < 100) ? "met" : "NOT met" }'
    fi
fi
if ((status)); then
    echo "FAILED: a sigflare run failed or its alert counts (or correlation source IPs) differ from $bench/expected_counts.json" >&2
fi
exit "$status"
