#!/usr/bin/env python3
"""Per-rule alert counts of a `sigflare replay` run, checked against expected counts or against DuckDB.

    bench_alert_counts.py expected ALERTS RULES_DIR EXPECTED_JSON SECTION [COUNTS_JSON]
    bench_alert_counts.py duckdb ALERTS RULES_DIR DUCKDB_OUT_DIR DIFFERENCES_TSV

Alerts are told apart by rule.id, else rule.name, matched to the top-level `id:` / `title:` lines of the
rule files in RULES_DIR; every count is keyed by rule file name.

expected: the counts must equal EXPECTED_JSON (the shared bench's expected_counts.json; SECTION "" is its top
  level, the 200k workload, else the named section such as first_10000_lines) or, when COUNTS_JSON is
  given, that JSON object instead.
duckdb: for every rule file DuckDB ran (bench_duckdb.py wrote DUCKDB_OUT_DIR/<file>.jsonl), sigflare must
  alert on the same events (the multiset of event.id) as DuckDB matched. A rule where they differ passes
  only when DIFFERENCES_TSV explains it: a line `FILE<TAB>SIGFLARE_COUNT<TAB>DUCKDB_COUNT<TAB>REASON`
  (# starts a comment) whose two counts are the ones seen. Rules DuckDB did not run are listed, not
  compared.

Prints "TOTAL CHECK" on stdout (alerts in ALERTS; ok or MISMATCH), the per-rule lines on stderr; exits 1 on
any unexplained difference or alert for no rule file.
"""
import collections
import json
import os
import re
import sys


def rule_files(rules_dir):
    """The rule file names and a map (id|title, value) -> file name."""
    files = sorted(f for f in os.listdir(rules_dir) if f.endswith((".yml", ".yaml")))
    by_key = {}
    for name in files:
        with open(os.path.join(rules_dir, name), encoding="utf-8") as f:
            for line in f:
                m = re.match(r"(id|title):\s*['\"]?(.*?)['\"]?\s*$", line)
                if m:
                    by_key[(m.group(1), m.group(2))] = name
    return files, by_key


def field(document, dotted):
    """A dotted field of a nested or flat JSON document."""
    if dotted in document:
        return document[dotted]
    value = document
    for part in dotted.split("."):
        value = value.get(part) if isinstance(value, dict) else None
    return value


def alert_event_ids(alerts, files, by_key):
    """event.id of every alert per rule file, the total, and the alerts that name no rule file."""
    ids = {f: [] for f in files}
    unknown = collections.Counter()
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
                ids[name].append(field(alert, "event.id"))
            else:
                unknown[f"id={rule_id} name={title}"] += 1
    return ids, total, unknown


def report_unknown(unknown):
    for key, n in unknown.items():
        print(f"#   alerts for no rule file: {key}: {n}  MISMATCH", file=sys.stderr)


def check_expected(alerts, rules_dir, expected_file, section, counts_json=None):
    files, by_key = rule_files(rules_dir)
    ids, total, unknown = alert_event_ids(alerts, files, by_key)
    if counts_json:
        table = json.loads(counts_json)
    else:
        table = json.load(open(expected_file, encoding="utf-8"))
        table = table[section] if section else table
    ok = not unknown
    for name in files:
        want = table.get(name)
        count = len(ids[name])
        verdict = "-" if want is None else ("ok" if count == want else f"MISMATCH (expected {want})")
        ok = ok and verdict in ("ok", "-")
        print(f"#   {name:<22} {count:>7}  {verdict}", file=sys.stderr)
    report_unknown(unknown)
    return total, ok


def read_differences(path):
    """FILE -> (sigflare count, DuckDB count, reason) from the explained-differences table."""
    table = {}
    with open(path, encoding="utf-8") as f:
        for number, line in enumerate(f, 1):
            if not line.strip() or line.startswith("#"):
                continue
            parts = line.rstrip("\n").split("\t")
            if len(parts) != 4:
                sys.exit(f"{path}:{number}: expected FILE<TAB>SIGFLARE<TAB>DUCKDB<TAB>REASON")
            table[parts[0]] = (int(parts[1]), int(parts[2]), parts[3])
    return table


def check_duckdb(alerts, rules_dir, duckdb_dir, differences_file):
    files, by_key = rule_files(rules_dir)
    ids, total, unknown = alert_event_ids(alerts, files, by_key)
    explained = read_differences(differences_file)
    same, accepted, unexplained, not_run = [], [], [], []
    for name in files:
        duck_file = os.path.join(duckdb_dir, name + ".jsonl")
        if not os.path.exists(duck_file):
            not_run.append(name)
            continue
        with open(duck_file, encoding="utf-8") as f:
            duck_ids = [field(json.loads(line), "event.id") for line in f if line.strip()]
        ours, theirs = collections.Counter(ids[name]), collections.Counter(duck_ids)
        if ours == theirs:
            same.append(name)
            if ours:
                print(f"#   same events: {name}: sigflare {len(ids[name])}, DuckDB {len(duck_ids)}", file=sys.stderr)
            continue
        only_ours, only_theirs = sum((ours - theirs).values()), sum((theirs - ours).values())
        line = (f"{name}: sigflare {len(ids[name])}, DuckDB {len(duck_ids)} "
                f"({only_ours} events only sigflare alerts on, {only_theirs} only DuckDB matches)")
        entry = explained.get(name)
        if entry and entry[:2] == (len(ids[name]), len(duck_ids)):
            accepted.append(name)
            print(f"#   differs, explained: {line}: {entry[2]}", file=sys.stderr)
        else:
            unexplained.append(name)
            hint = f" (the table expects {entry[0]} / {entry[1]})" if entry else ""
            print(f"#   differs, NOT explained{hint}: {line}  MISMATCH", file=sys.stderr)
    for name in sorted(set(explained) - set(accepted) - set(unexplained)):
        print(f"#   note: {differences_file} explains {name}, which no longer differs (or DuckDB did not run it)",
              file=sys.stderr)
    fired = sum(1 for name in same if ids[name])
    print(f"#   {len(same) + len(accepted) + len(unexplained)} rules run by both: {len(same)} identical "
          f"({fired} of them alert, {sum(len(ids[n]) for n in same)} alerts), {len(accepted)} explained "
          f"differences, {len(unexplained)} unexplained", file=sys.stderr)
    print(f"#   {len(not_run)} rules DuckDB did not run (not compared): {', '.join(not_run) or '-'}; "
          "sigflare's alerts on them: " + (", ".join(f"{n} {len(ids[n])}" for n in not_run if ids[n]) or "none"),
          file=sys.stderr)
    report_unknown(unknown)
    return total, not unexplained and not unknown


def main(argv):
    if len(argv) >= 5 and argv[0] == "expected":
        total, ok = check_expected(*argv[1:])
    elif len(argv) == 5 and argv[0] == "duckdb":
        total, ok = check_duckdb(*argv[1:])
    else:
        sys.exit(__doc__)
    print(total, "ok" if ok else "MISMATCH")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
