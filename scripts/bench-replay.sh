#!/usr/bin/env bash
# Replay benchmark: `sigflare replay` on the shared peer workload, one core (taskset -c 0) and both cores,
# against the peer engines measured in the same run.
#
#   scripts/bench-replay.sh [--quick | --scale] [RUNS]      default: 5 runs
#
# Workload and rules: ../shared/bench next to the repository (override with BENCH_DIR); without it the
# script says so and exits 0. Everything it writes lives in bench-work/ (git-ignored):
#   venv/ (orjson, pyyaml from PyPI; plain python3 if that fails), events.jsonl (gen_events.py
#   --count 200000 --seed 1), events-1000000.jsonl (the 5x file: gen_events.py --count 1000000 --seed 1,
#   whose first 200,000 lines are events.jsonl), events-10000.jsonl (first 10,000 lines), replay/ (alerts,
#   logs, times per run), peers/ (run_peers.sh: its venvs, data and output), and with --scale
#   rules_sigmahq_web/ and rules_scale/. Delete a file to regenerate it.
#
# Full mode:
#   1. builds sigflare release (scratch path .build-bench, override with SCRATCH);
#   2. bash BENCH/run_peers.sh bench-work/peers (Tenzir 1 core / 2 cores, DuckDB 1 / 2 threads; its
#      first run installs their venvs from PyPI), before sigflare's runs, for the ratios below;
#   3. runs `sigflare replay --rules BENCH/rules --pipeline Rules/pipelines/cloudflare-ecs.yml` RUNS times
#      on events.jsonl pinned to core 0, wall seconds of the whole process (bash's EPOCHREALTIME, to the
#      millisecond) and its peak RSS from /usr/bin/time -f "%M" (the log lines add the CPU seconds: a wall
#      time well above them on one core means another process shared the core); every run's per-rule alert counts
#      (scripts/bench_alert_counts.py: by rule.id, else rule.name, mapped to the rule files) must equal
#      expected_counts.json, else the script fails. If `sigflare replay` has a --threads option, the
#      one-core runs pass --threads 1 (its default is the processors online, whatever the pinning), each
#      followed by a run with --threads 2 on cores 0,1 checked the same way (in turn, so that both series see
#      the same drifts of the machine's speed; the two-core speedup is the median of the per-pair ratios),
#      and the machine's own two-core ceiling is measured for each rule set: RUNS times one one-core run alone, then two at
#      once on cores 0 and 1 (2 x alone / slower of the two); if not, a notice says the two-core lines are
#      skipped;
#   4. one run on the 5x file: peak RSS and its ratio to the 200k run; its counts are checked against
#      those of the shared bench's hand-coded reference (floors.py, see counts5x below);
#   5. correlation: `sigflare replay --rules BENCH/rules_corr` once on events.jsonl (one core, wall and peak
#      RSS as above); its correlation alerts must name exactly the source IPs expected_counts.json gives for
#      c1_scanner_burst.yml (distinct_source_ips: 5), else the script fails. sigflare alerts once each time a
#      group's condition becomes true (9 alerts on this workload), not at each of the 471 "threshold
#      crossings" (docs/correlation.md).
# --scale: the full mode, plus the 147-rule set:
#   - builds bench-work/rules_sigmahq_web (BENCH/map_sigmahq_web.py on the SigmaHQ corpus ../sigma-corpus
#     next to BENCH, override with SIGMA_CORPUS: 142 proxy/webserver rules renamed to ECS) and
#     bench-work/rules_scale (those + BENCH/rules: 147 rules); `sigflare validate` on it names the rules
#     sigflare does not run;
#   - run_peers.sh runs with --scale (Tenzir 147 rules on 2 cores, DuckDB 147 rules with 2 and 1 threads);
#   - RUNS runs of sigflare on rules_scale on one core and (with --threads) on both cores, in turn; every run's
#     alerts are compared per rule with DuckDB's 1-thread matches (bench_alert_counts.py duckdb: the same
#     events for every rule DuckDB ran); a rule where they differ fails the script unless
#     scripts/bench-duckdb-differences.tsv explains it with exactly the counts seen (docs/performance.md,
#     "Comparison with DuckDB"). Without DuckDB's output the comparison is skipped with a warning.
# --quick: the first 10,000 lines, counts from expected_counts.json "first_10000_lines", no 5x run, no peers,
#   no two-core run; the correlation run is reported without a check (the file has no distinct-IP count for
#   10,000 lines).
#
# Output: the per-run lines, then a table
#   run  median_wall_s  events/s  MB/s  peak_rss_MB  matches  check
# (median wall of the runs; peak RSS is the largest %M (KiB) / 1000 of the runs), the peers' lines, sigflare's
# ratios to them (one core against 1 core / 1 thread, two cores against 2 cores / 2 threads) and the targets:
# >= 500,000 events/s on one core with the 5 rules, >= 250,000 with the 147 (--scale), peak RSS < 100 MB
# (every sigflare run) and flat on the 5x file ("flat": the 5x peak at most 1.25x the 200k peak), two cores
# >= 1.8x one core (printed with the machine's ceiling measured in the run and the per-pair ratios). Targets are
# reported, not enforced.
# Exit status: 1 if a sigflare run fails, a count differs from the expected counts or an unexplained
# difference from DuckDB is found; a failing peer run is only reported.
#
# Timings are disturbed by anything else running on the machine (builds): the load average is printed.
# Environment overrides: BENCH_DIR, SIGMA_CORPUS, SCRATCH (.build-bench), PYTHON (python3), SIGFLARE (a
# sigflare executable to measure instead of building one).
set -euo pipefail
cd "$(dirname "$0")/.."

usage() { echo "usage: $0 [--quick | --scale] [RUNS]" >&2; exit 2; }
quick=0
scale=0
runs=5
for arg in "$@"; do
    case "$arg" in
        --quick) quick=1 ;;
        --scale) scale=1 ;;
        '' | *[!0-9]*) usage ;;
        *) runs=$arg ;;
    esac
done
((runs >= 1)) || usage
((!(quick && scale))) || usage

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
scale_rules=$work/rules_scale
pipeline=Rules/pipelines/cloudflare-ecs.yml
counter=scripts/bench_alert_counts.py
differences=scripts/bench-duckdb-differences.tsv
duckdb_scale_out=$work/peers/out/duckdb-sigma147-1thread
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
# gen_events.py only needs orjson for speed (identical output without it); map_sigmahq_web.py needs pyyaml.
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

if ((scale)); then
    corpus=${SIGMA_CORPUS:-$bench/../sigma-corpus}
    [ -d "$corpus" ] || { log "--scale: no SigmaHQ corpus at $corpus (set SIGMA_CORPUS)"; exit 1; }
    rm -rf "$work/rules_sigmahq_web" "$scale_rules"
    mkdir -p "$scale_rules"
    "$work/venv/bin/python" "$bench/map_sigmahq_web.py" "$corpus" "$work/rules_sigmahq_web" >&2
    cp "$work/rules_sigmahq_web"/*.yml "$rules"/*.yml "$scale_rules/"
    log "scale set: $(find "$scale_rules" -name '*.yml' | wc -l) rules in $scale_rules"
fi

# --- build ---------------------------------------------------------------------------------------------
if [ -n "${SIGFLARE:-}" ]; then
    bin=$SIGFLARE
    log "using $bin (SIGFLARE), not building"
else
    swift build -c release --static-swift-stdlib --scratch-path "$scratch" --product sigflare >&2
    bin=$scratch/release/sigflare
fi
threads=0
if "$bin" replay --help 2>/dev/null | grep -q -- '--threads'; then
    threads=1
elif ((!quick)); then
    log "NOTICE: this sigflare replay has no --threads option: the two-core runs are skipped"
fi

scale_validate=
if ((scale)); then
    "$bin" validate "$scale_rules" --pipeline "$pipeline" >"$out/validate-scale.log" 2>&1 || true
    scale_validate=$(tail -n 1 "$out/validate-scale.log")
    log "sigflare validate $scale_rules: $scale_validate (details: $out/validate-scale.log)"
fi

# Per-rule counts on the 5x file, from the hand-coded reference in the shared bench:
#   floors.py bench-work/events-1000000.jsonl BENCH orjson_plus_python_rules   -> [5511, 20190, 984, 2117, 529]
counts5x='{"r1_ua_hacktool.yml": 5511, "r2_ua_regex.yml": 20190, "r3_long_domain.yml": 984,
  "r4_path_probe.yml": 2117, "r5_php_cmd.yml": 529}'

# --- peers ---------------------------------------------------------------------------------------------
# Run first, so that DuckDB's per-rule matches on the 147-rule set are there to check sigflare's runs.
peer_rows=
if ((!quick)); then
    peer_args=("$work/peers")
    ((scale)) && peer_args+=(--scale)
    mkdir -p "$work/peers"
    log "peers: bash $bench/run_peers.sh ${peer_args[*]} (output in $work/peers/run.out, run.err); load: $(uptime)"
    rm -rf "$duckdb_scale_out"
    if ! bash "$bench/run_peers.sh" "${peer_args[@]}" >"$work/peers/run.out" 2>"$work/peers/run.err"; then
        log "WARNING: run_peers.sh failed or a peer count differs; see $work/peers/run.err:"
        tail -n 5 "$work/peers/run.err" >&2
    fi
    peer_rows=$(grep -E '^(tenzir|duckdb)-' "$work/peers/run.out" || true)
    if ((scale)) && ! diff -rq "$work/peers/rules_scale" "$scale_rules" >/dev/null 2>&1; then
        log "WARNING: run_peers.sh's rules_scale differs from $scale_rules: the per-rule comparison may be off"
    fi
fi

# --- sigflare runs -------------------------------------------------------------------------------------
median() { sort -g | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
# seconds_since EPOCHREALTIME_VALUE: wall seconds since then, to the millisecond (/usr/bin/time's %e has
# only hundredths, 3 % of a 0.3 s run).
# EPOCHREALTIME's decimal separator follows the locale: a comma is read as a point.
seconds_since() { local now=$EPOCHREALTIME; awk -v s="${1/,/.}" -v e="${now/,/.}" 'BEGIN { printf "%.3f", e - s }'; }
# timed_wall FILE COMMAND...: runs COMMAND (output discarded) and writes its wall seconds to FILE.
timed_wall() {
    local file=$1 started=$EPOCHREALTIME
    shift
    "$@" >/dev/null 2>&1
    seconds_since "$started" >"$file"
}
maximum() { sort -g | tail -n 1; }

# check_alerts ALERTS CHECK: the per-rule check of one run's alerts; prints "TOTAL CHECK" on stdout.
#   CHECK: "expected:SECTION" (expected_counts.json), "5x" (counts5x) or "duckdb" (DuckDB's 147-rule matches;
#   the per-rule comparison is also kept next to the alerts, NAME.duckdb.txt).
check_alerts() {
    case "$2" in
        expected:*) "$python" "$counter" expected "$1" "$rules" "$bench/expected_counts.json" "${2#expected:}" ;;
        5x) "$python" "$counter" expected "$1" "$rules" "$bench/expected_counts.json" "" "$counts5x" ;;
        duckdb)
            if [ -d "$duckdb_scale_out" ]; then
                local comparison=${1%.alerts.jsonl}.duckdb.txt verdict=0
                "$python" "$counter" duckdb "$1" "$scale_rules" "$duckdb_scale_out" "$differences" \
                    2>"$comparison" || verdict=$?
                cat "$comparison" >&2
                return "$verdict"
            else
                log "WARNING: no DuckDB output in $duckdb_scale_out: per-rule comparison skipped"
                echo "$(wc -l < "$1") no-duckdb"
            fi ;;
    esac
}

# replay_run NAME EVENTS RULES CPUS CHECK: one run pinned to CPUS ("0" or "0,1"), with as many --threads
# when replay has the option (its default, the processors online, ignores the pinning); prints
# "WALL RSS_KIB MATCHES CHECK".
replay_run() {
    local name=$1 file=$2 rule_dir=$3 cpus=$4 check=$5
    local alerts="$out/$name.alerts.jsonl" timefile="$out/$name.time" logfile="$out/$name.log"
    local thread_args=()
    if ((threads)); then
        thread_args=(--threads 1)
        [ "$cpus" = 0 ] || thread_args=(--threads 2)
    fi
    rm -f "$alerts"
    local started=$EPOCHREALTIME
    if ! /usr/bin/time -f "%M %U %S" -o "$timefile" taskset -c "$cpus" "$bin" replay "${thread_args[@]}" \
        --rules "$rule_dir" --pipeline "$pipeline" --alerts "$alerts" "$file" >"$logfile" 2>&1; then
        log "$name FAILED (see $logfile):"
        tail -n 5 "$logfile" >&2
        echo "- - - FAILED"
        return 0
    fi
    local wall rss user sys result
    wall=$(seconds_since "$started")
    read -r rss user sys < <(tail -n 1 "$timefile")
    log "$name: wall $wall s, cpu $user s user + $sys s sys, peak RSS $(((rss + 500) / 1000)) MB; alerts per rule:"
    result=$(check_alerts "$alerts" "$check") || true
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
        'BEGIN { s = (w > 0) ? w : 0.01; printf f, n, sprintf("%.3f", w), sprintf("%.0f", e / s),
                 sprintf("%.1f", b / 1e6 / s), sprintf("%.0f", r / 1000), m, c }'
}

nev=$(wc -l < "$events")
bytes=$(stat -c %s "$events")
table=
declare -A rate_of rss_of speedup_of  # run label -> events/s of its median wall, largest peak RSS (KiB),
                                     # median of its paired one-core/two-core wall ratios (two-core runs)
declare -A ceiling_of  # two-core run label -> host_ceiling's result for its rule set
declare -A pairs_of    # two-core run label -> its per-pair ratios, in run order (printed with the target)

# series LABEL RULES CPUS CHECK [LABEL2 CPUS2]: RUNS runs; appends the row (median wall, largest peak RSS) to
# the table. With LABEL2, each run on CPUS is followed by one on CPUS2 (the same rules and check), so that the
# two series see the same drifts of the machine's speed; the median of the per-pair ratios (CPUS wall / CPUS2
# wall) goes to speedup_of[LABEL2].
series() {
    local label=$1 rule_dir=$2 cpus=$3 check=$4 label2=${5:-} cpus2=${6:-}
    local -A walls rsses matches verdict
    local ratios=() i name run_wall run_rss run_matches run_check
    local labels=("$label")
    [ -z "$label2" ] || labels+=("$label2")
    for name in "${labels[@]}"; do walls[$name]= rsses[$name]= matches[$name]=- verdict[$name]=ok; done
    log "$label${label2:+ and $label2, in turn}: $runs runs of $rule_dir on $events ($nev events, $bytes bytes); load: $(uptime)"
    for i in $(seq "$runs"); do
        local pair=()
        for name in "${labels[@]}"; do
            local run_cpus=$cpus
            [ "$name" = "$label" ] || run_cpus=$cpus2
            read -r run_wall run_rss run_matches run_check \
                < <(replay_run "$name-run$i" "$events" "$rule_dir" "$run_cpus" "$check")
            if [ "$run_check" = FAILED ]; then
                verdict[$name]=FAILED
                continue
            fi
            walls[$name]+="$run_wall " rsses[$name]+="$run_rss "
            matches[$name]=$run_matches
            pair+=("$run_wall")
            [ "$run_check" = ok ] || [ "${verdict[$name]}" = FAILED ] || verdict[$name]=$run_check
        done
        ((${#pair[@]} == 2)) && ratios+=("$(awk -v a="${pair[0]}" -v b="${pair[1]}" 'BEGIN { print a / ((b > 0) ? b : 0.01) }')")
    done
    for name in "${labels[@]}"; do
        case "${verdict[$name]}" in ok | no-duckdb) ;; *) status=1 ;; esac
        local wall=- rss=-
        if [ -n "${walls[$name]}" ]; then
            wall=$(printf '%s\n' ${walls[$name]} | median)
            rss=$(printf '%s\n' ${rsses[$name]} | maximum)
            rate_of[$name]=$(awk -v n="$nev" -v w="$wall" 'BEGIN { printf "%.0f", n / ((w > 0) ? w : 0.01) }')
            rss_of[$name]=$rss
        fi
        table+=$(row "$name" "$wall" "$nev" "$bytes" "$rss" "${matches[$name]}" "${verdict[$name]}")$'\n'
    done
    if [ -n "$label2" ] && ((${#ratios[@]})); then
        speedup_of[$label2]=$(printf '%s\n' "${ratios[@]}" | median)
        pairs_of[$label2]=$(printf '%.2f ' "${ratios[@]}")
    fi
}

# host_ceiling RULES LABEL: what this machine gives two cores right now, whatever the program: RUNS times in turn,
# one one-core replay alone on core 0, then two at once (cores 0 and 1, independent processes, the same
# work). Twice the lone run's wall over the slower of the pair's is the speedup two perfectly independent
# threads would get (2.0 on an idle machine whose cores share nothing); its median goes to ceiling_of[LABEL].
host_ceiling() {
    local rule_dir=$1 label=$2 i alone together ratios=()
    local args=(replay --rules "$rule_dir" --pipeline "$pipeline" --alerts /dev/null "$events")
    ((threads)) && args=(replay --threads 1 "${args[@]:1}")
    log "host ceiling for $label: $runs times one run alone, then two at once; load: $(uptime)"
    local first=$out/ceiling-first.wall second=$out/ceiling-second.wall
    for i in $(seq "$runs"); do
        timed_wall "$first" taskset -c 0 "$bin" "${args[@]}"
        alone=$(cat "$first")
        timed_wall "$first" taskset -c 0 "$bin" "${args[@]}" &
        timed_wall "$second" taskset -c 1 "$bin" "${args[@]}"
        wait
        together=$(printf '%s\n' "$(cat "$first")" "$(cat "$second")" | maximum)
        log "host ceiling run $i: alone $alone s, two at once $together s"
        ratios+=("$(awk -v a="$alone" -v t="$together" 'BEGIN { print 2 * a / ((t > 0) ? t : 0.01) }')")
    done
    ceiling_of[$label]=$(printf '%s\n' "${ratios[@]}" | median)
}

if ((quick)); then
    series sigflare-replay-1core-10k "$rules" 0 "expected:$section"
else
    if ((threads)); then
        series sigflare-replay-1core "$rules" 0 "expected:$section" sigflare-replay-2cores 0,1
        host_ceiling "$rules" sigflare-replay-2cores
    else
        series sigflare-replay-1core "$rules" 0 "expected:$section"
    fi
    if ((scale)); then
        if ((threads)); then
            series sigflare-sigma147-1core "$scale_rules" 0 duckdb sigflare-sigma147-2cores 0,1
            host_ceiling "$scale_rules" sigflare-sigma147-2cores
        else
            series sigflare-sigma147-1core "$scale_rules" 0 duckdb
        fi
    fi

    nev5=$(wc -l < "$events5x")
    bytes5=$(stat -c %s "$events5x")
    log "5x file: $events5x, $nev5 events, $bytes5 bytes; load: $(uptime)"
    read -r wall5 rss5 total5 check5 < <(replay_run run5x "$events5x" "$rules" 0 5x)
    [ "$check5" = ok ] || status=1
    table+=$(row sigflare-replay-1core-5x "$wall5" "$nev5" "$bytes5" "$rss5" "$total5" "$check5")$'\n'
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
corr_thread_args=()
if ((threads)); then corr_thread_args=(--threads 1); fi
if /usr/bin/time -f "%e %M" -o "$corr_time" taskset -c 0 "$bin" replay "${corr_thread_args[@]}" \
    --rules "$bench/rules_corr" --pipeline "$pipeline" --alerts "$corr_alerts" "$events" >"$corr_log" 2>&1; then
    read -r corr_wall corr_rss < <(tail -n 1 "$corr_time")
    read -r corr_total corr_check < <(check_correlation "$corr_alerts" "$quick") || true
    log "correlation: wall $corr_wall s; $(grep -E 'correlation alerts$' "$corr_log" || true)"
    [ "$corr_check" = ok ] || [ "$corr_check" = - ] || status=1
    table+=$(row sigflare-correlate-1core "$corr_wall" "$nev" "$bytes" "$corr_rss" "$corr_total" "$corr_check")
else
    log "correlation run FAILED (see $corr_log):"
    tail -n 5 "$corr_log" >&2
    status=1
    table+=$(row sigflare-correlate-1core - - - - - FAILED)
fi

# --- report --------------------------------------------------------------------------------------------
echo
echo "load: $(uptime)"
printf "$row_format" "# run" "median_wall_s" "events/s" "MB/s" "peak_rss_MB" "matches" "check"
echo "$table"
if ((quick)); then
    echo "(--quick: a correctness check; timings over 10,000 lines say little, targets not evaluated)"
elif [ -z "${rate_of[sigflare-replay-1core]:-}" ]; then
    echo "(no successful sigflare run: no ratios, targets not evaluated)"
else
    [ -z "$peer_rows" ] || awk -v f="$row_format" '{ printf f, $1, $2, $3, $4, $5, $6, $7 }' <<<"$peer_rows"
    echo "(sigflare: median of $runs runs on 200k, one run on 5x; peers: one run each, by run_peers.sh;" \
        "DuckDB MB/s is on the flat file, the same events)"
    ((threads)) || echo "(no two-core sigflare lines: this sigflare replay has no --threads option)"
    if ((scale)); then
        echo "(sigflare validate on the 147 rules: $scale_validate)"
        comparison=$out/sigflare-sigma147-1core-run$runs.duckdb.txt
        echo
        echo "per rule, sigflare (147 rules, one core, run $runs) against DuckDB (1 thread):"
        if [ -s "$comparison" ]; then
            sed 's/^#   /  /' "$comparison"
        else
            echo "  no comparison (no DuckDB output or the run failed)"
        fi
    fi
    ratio() { # ratio SIGFLARE_RUN PEER_RUN
        local ours=${rate_of[$1]:-} theirs
        theirs=$(awk -v p="$2" '$1 == p { print $3 }' <<<"$peer_rows")
        if [ -z "$ours" ] || [ -z "$theirs" ]; then
            printf '  %-26s vs %-26s no result\n' "$1" "$2"
        else
            awk -v s="$1" -v p="$2" -v a="$ours" -v b="$theirs" \
                'BEGIN { printf "  %-26s vs %-26s %9d vs %8d events/s: %6.1fx\n", s, p, a, b, a / b }'
        fi
    }
    echo
    echo "ratios of sigflare's events/s to the peers' (same run):"
    ratio sigflare-replay-1core duckdb-1thread
    ratio sigflare-replay-1core tenzir-sigma-1core
    if ((threads)); then
        ratio sigflare-replay-2cores duckdb-2threads
        ratio sigflare-replay-2cores tenzir-sigma-2cores
    fi
    if ((scale)); then
        ratio sigflare-sigma147-1core duckdb-sigma147-1thread
        ratio sigflare-sigma147-1core tenzir-sigma147-2cores
        if ((threads)); then
            ratio sigflare-sigma147-2cores duckdb-sigma147-2threads
            ratio sigflare-sigma147-2cores tenzir-sigma147-2cores
        fi
    fi
    echo
    echo "targets (reported, not enforced):"
    target_rate() { # target_rate RUN MINIMUM DESCRIPTION
        local r=${rate_of[$1]:-}
        if [ -z "$r" ]; then
            echo "  $3: no result"
        else
            awk -v r="$r" -v m="$2" -v d="$3" \
                'BEGIN { printf "  %s >= %d: %d  %s\n", d, m, r, (r >= m) ? "met" : "NOT met" }'
        fi
    }
    target_speedup() { # target_speedup TWO_CORE_RUN DESCRIPTION
        local q=${speedup_of[$1]:-}
        if [ -z "$q" ]; then
            echo "  $2: no result"
        else
            awk -v q="$q" -v d="$2" -v c="${ceiling_of[$1]:-0}" -v p="${pairs_of[$1]% }" 'BEGIN {
                printf "  %s >= 1.8x one core (median of paired runs): %.2fx  %s", d, q, (q >= 1.8) ? "met" : "NOT met"
                if (c > 0) printf "  (this machine now: %.2fx for two independent one-core runs)", c
                printf "\n    pairs, in run order: %s\n", p }'
        fi
    }
    target_rate sigflare-replay-1core 500000 "events/s on one core, 5 rules"
    ((scale)) && target_rate sigflare-sigma147-1core 250000 "events/s on one core, 147 rules"
    peak=$(printf '%s\n' "${rss_of[@]}" "${rss5/-/0}" | maximum)
    awk -v m="$peak" 'BEGIN { printf "  peak RSS < 100 MB (largest of the sigflare replay runs): %.0f MB  %s\n",
        m / 1000, (m / 1000 < 100) ? "met" : "NOT met" }'
    if [ "$rss5" = - ]; then
        echo "  flat on the 5x file: no result (the 5x run failed)"
    else
        awk -v a="${rss_of[sigflare-replay-1core]}" -v b="$rss5" 'BEGIN { q = b / a;
            printf "  flat on the 5x file (peak at most 1.25x and < 100 MB): %.0f MB vs %.0f MB = %.2fx  %s\n",
                b / 1000, a / 1000, q, (q <= 1.25 && b / 1000 < 100) ? "met" : "NOT met" }'
    fi
    if ((threads)); then
        target_speedup sigflare-replay-2cores "two cores, 5 rules"
        ((scale)) && target_speedup sigflare-sigma147-2cores "two cores, 147 rules"
    else
        echo "  two cores >= 1.8x one core: not measured (no --threads option)"
    fi
fi
if ((status)); then
    echo "FAILED: a sigflare run failed, its alert counts (or correlation source IPs) differ from" \
        "$bench/expected_counts.json, or it differs from DuckDB on a rule $differences does not explain" >&2
fi
exit "$status"
