#!/usr/bin/env bash
# Shows that a refactor leaves plans as they were: runs the baseline revision's binary and the working tree's on the
# sample street and generated streets of seeds 1–5 (grids, staffing, one roster week), then compares grids.csv, the
# staffing CSVs and roster.csv byte for byte. Where only `reason` cells differ, the distinct before → after reasons are
# listed (a reason that now cites a new rule id); any other difference fails.
#
#   bash Benchmarks/scripts/plan_identity.sh [BASELINE_REV] [WORK_DIR]
#
# BASELINE_REV defaults to 521f514 (main before issue 10). The baseline is built from a git worktree with its own
# scratch folder, so the working tree's .build is untouched. Exit 0 when every file matches (reasons aside), 1 if not.
set -euo pipefail
cd "$(dirname "$0")/../.."
root="$PWD"
baseline="${1:-521f514}"
work="${2:-$(mktemp -d /tmp/wangge-identity.XXXXXX)}"
week="2026-W48"
mkdir -p "$work"

bash .ci/ensure-glpk
swift build -c release --product wangge >&2
after_bin="$root/.build/release/wangge"

if [ ! -x "$work/baseline/.build/release/wangge" ]; then
    rm -rf "$work/baseline"
    git worktree add --detach --force "$work/baseline" "$baseline" >&2
    (cd "$work/baseline" && swift build -c release --product wangge >&2)
fi
before_bin="$work/baseline/.build/release/wangge"

streets=("sample:$root/Scenarios/sample-street")
for seed in 1 2 3 4 5; do
    if [ ! -f "$work/streets/seed$seed/buildings.csv" ]; then
        "$before_bin" generate street --seed "$seed" --out "$work/streets/seed$seed" >/dev/null
    fi
    streets+=("seed$seed:$work/streets/seed$seed")
done

# Exit 1 is a plan written with stated shortfalls: compared like any other.
tolerate() { "$@" >/dev/null 2>&1 || [ $? -eq 1 ]; }

run_before() {
    # The baseline's pipeline with the baseline's own rules (the working tree's may hold keys it does not know):
    # three commands, grids.csv copied beside the staffing for the roster.
    local street="$1" out="$2" rules="$work/baseline/Rules"
    rm -rf "$out"
    tolerate "$before_bin" grids draw "$street" --rules "$rules" --out "$out/grids"
    tolerate "$before_bin" staff assign "$street" --rules "$rules" --plan "$out/grids" --out "$out/staff"
    cp "$out/grids/grids.csv" "$out/staff/grids.csv"
    tolerate "$before_bin" roster "$street" --rules "$rules" --plan "$out/staff" --week "$week" --out "$out/roster"
}

run_after() {
    local street="$1" out="$2"
    rm -rf "$out"
    if "$after_bin" --help 2>/dev/null | grep -Eq "^ +plan "; then
        tolerate "$after_bin" plan "$street" --week "$week" --out "$out"
    else
        tolerate "$after_bin" grids draw "$street" --out "$out/grids"
        tolerate "$after_bin" staff assign "$street" --plan "$out/grids" --out "$out/staff"
        cp "$out/grids/grids.csv" "$out/staff/grids.csv"
        tolerate "$after_bin" roster "$street" --plan "$out/staff" --week "$week" --out "$out/roster"
    fi
}

files=(grids/grids.csv staff/leaders.csv staff/cadres.csv staff/mentoring.csv staff/reporting.csv
    staff/shortfalls.csv roster/roster.csv roster/unmet.csv)
failed=0
reasons="$work/reason-changes.txt"
: > "$reasons"
for entry in "${streets[@]}"; do
    name="${entry%%:*}"
    street="${entry#*:}"
    if [ "${REUSE_BEFORE:-0}" != 1 ] || [ ! -d "$work/before/$name" ]; then
        run_before "$street" "$work/before/$name"
    fi
    run_after "$street" "$work/after/$name"
    for file in "${files[@]}"; do
        before="$work/before/$name/$file"
        after="$work/after/$name/$file"
        if [ ! -f "$before" ] && [ ! -f "$after" ]; then continue; fi
        if cmp -s "$before" "$after"; then
            printf '%-6s %-22s identical (%s lines)\n' "$name" "$file" "$(wc -l < "$after")"
            continue
        fi
        if python3 - "$before" "$after" "$reasons" <<'PY'
import csv, sys
before_path, after_path, reasons_path = sys.argv[1:4]
def rows(path):
    with open(path, encoding="utf-8-sig", newline="") as handle:
        return list(csv.reader(handle))
try:
    before, after = rows(before_path), rows(after_path)
except FileNotFoundError as missing:
    print(f"  missing: {missing.filename}"); sys.exit(1)
# Columns added after the baseline's (names after the ids, issue 12) are not the plan: compare the baseline's.
width = len(before[0]) if before else 0
if len(before) != len(after) or before[0] != after[0][:width] or "reason" not in before[0]:
    print(f"  {len(before)} rows before, {len(after)} after; header {before[0]} / {after[0]}"); sys.exit(1)
if len(after[0]) > width:
    print(f"  columns added after the baseline's: {', '.join(after[0][width:])}")
reason = before[0].index("reason")
changes = set()
for b, a in zip(before[1:], (row[:width] for row in after[1:])):
    if b[:reason] + b[reason + 1:] != a[:reason] + a[reason + 1:]:
        print(f"  row differs beyond its reason:\n    {b}\n    {a}"); sys.exit(1)
    if b[reason] != a[reason]:
        changes.add((b[reason], a[reason]))
with open(reasons_path, "a", encoding="utf-8") as out:
    for b, a in sorted(changes):
        out.write(f"{after_path}\n  before: {b}\n  after:  {a}\n")
print(f"  {len(changes)} distinct reason changes")
PY
        then
            printf '%-6s %-22s identical but for reasons\n' "$name" "$file"
        else
            printf '%-6s %-22s DIFFERS\n' "$name" "$file"
            failed=1
        fi
    done
done
if [ -s "$reasons" ]; then
    echo "== reasons that changed (the full list, before → after per file: $reasons)"
    python3 - "$reasons" <<'PY'
import re, sys
text = open(sys.argv[1], encoding="utf-8").read().splitlines()
pairs = [(text[i + 1][len("  before: "):], text[i + 2][len("  after:  "):]) for i in range(0, len(text) - 2, 3)]
rule = re.compile(r"[a-z_]+\.[a-z_]+")
added = {}
for before, after in pairs:
    new = sorted(set(rule.findall(after)) - set(rule.findall(before)))
    removed = set(rule.findall(before)) - set(rule.findall(after))
    added.setdefault((tuple(new), tuple(sorted(removed))), 0)
    added[(tuple(new), tuple(sorted(removed)))] += 1
print(f"{len(pairs)} distinct reason changes")
for (new, removed), count in sorted(added.items()):
    print(f"  {count:5d} cite newly {', '.join(new) or '(no new rule id)'}"
          + (f"; no longer {', '.join(removed)}" if removed else ""))
PY
fi
exit "$failed"
