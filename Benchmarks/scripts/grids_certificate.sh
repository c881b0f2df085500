#!/usr/bin/env bash
# Issue 11's measures of `grids draw` on the sample street and generated seeds 1-5 (20,000 households each):
# wall time, exit code, the quality certificate (plan, bound, gap), extra micro-grids (proven or not), special
# grids, clock events, and whether a second run writes the same bytes.
#   bash Benchmarks/scripts/grids_certificate.sh [WORK_DIR]   (after: swift build -c release --product wangge)
set -euo pipefail
cd "$(dirname "$0")/../.."
bin=.build/release/wangge
work=${1:-/tmp/grids-certificate}
mkdir -p "$work"
printf '| street | exit | wall s | grids | special | mean m | bound m | gap | extra micro (proven) | clock events | same bytes |\n'
printf '|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|\n'
for street in sample 1 2 3 4 5; do
    if [ "$street" = sample ]; then dir=Scenarios/sample-street; else
        dir=$work/seed$street
        [ -d "$dir" ] || "$bin" generate street --seed "$street" --out "$dir" >/dev/null
    fi
    rm -rf "$work/plan-$street" "$work/again-$street"
    start=$(date +%s.%N)
    set +e
    "$bin" grids draw "$dir" --out "$work/plan-$street" >/dev/null 2>&1
    code=$?
    set -e
    wall=$(echo "$(date +%s.%N) - $start" | bc)
    "$bin" grids draw "$dir" --out "$work/again-$street" >/dev/null 2>&1 || true
    same=yes
    for f in grids.csv grids.geojson kpis.json map.svg; do
        cmp -s "$work/plan-$street/$f" "$work/again-$street/$f" || same="no ($f)"
    done
    python3 - "$work/plan-$street" "$street" "$code" "$wall" "$same" <<'PY'
import json, sys
folder, street, code, wall, same = sys.argv[1:]
k = json.load(open(folder + "/kpis.json"))
r = json.load(open(folder + "/run.json"))
q, c = k["quality"], k["counts"]
extra = [e for c in k["details"]["per_community"] for e in c.get("extra_grids", []) if e.get("level") == "micro_grid"]
proven = sum(e["count"] - e["fewest"] for e in extra if e.get("proven"))
extra_count = sum(e["count"] - e["fewest"] for e in extra)
gap = q.get("mean_distance_gap")
print(f"| {street} | {code} | {float(wall):.1f} | {c['grids']} | {c['special_grids']} | "
      f"{q.get('mean_distance_to_grid_centroid_m')} | {q.get('mean_distance_lower_bound_m')} | "
      f"{'' if gap is None else f'{100 * gap:.2f} %'} | {extra_count} ({proven}) | {len(r['clock_events'])} | {same} |")
PY
done
