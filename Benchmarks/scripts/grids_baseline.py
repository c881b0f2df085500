#!/usr/bin/env python3
"""Spreadsheet baseline for `wangge grids draw`: Hilbert-order cuts inside each community.

Planners sort buildings by address and cut every ~400 households. The baseline stands in for that with the
Hilbert curve order of the buildings (a space-filling order is kinder to the baseline than address order), cut
into as many grids per community as our plan draws, each cut made where the running household count first reaches
an equal share. It then compares the household-weighted mean distance to the grid's household-weighted centroid.

usage: grids_baseline.py STREET_DIR PLAN_DIR [--table]
prints one line per community and a total line; exit 0 when plan <= 0.7 x baseline, else 1.
Reads only buildings.csv and grids.csv (standard library only).
"""
import csv
import math
import sys
from collections import defaultdict


def hilbert_index(order, x, y):
    """Index of cell (x, y) on a Hilbert curve over a 2^order square (the classic xy2d)."""
    n = 1 << order
    d = 0
    s = n >> 1
    while s > 0:
        rx = 1 if (x & s) > 0 else 0
        ry = 1 if (y & s) > 0 else 0
        d += s * s * ((3 * rx) ^ ry)
        if ry == 0:
            if rx == 1:
                x = s - 1 - x
                y = s - 1 - y
            x, y = y, x
        s >>= 1
    return d


def mean_distance(groups):
    """Household-weighted mean distance to each group's household-weighted centroid: (sum h*d, sum h)."""
    total, weight = 0.0, 0
    for atoms in groups.values():
        h = sum(a[2] for a in atoms)
        if h == 0:
            continue
        cx = sum(a[0] * a[2] for a in atoms) / h
        cy = sum(a[1] * a[2] for a in atoms) / h
        total += sum(a[2] * math.hypot(a[0] - cx, a[1] - cy) for a in atoms)
        weight += h
    return total, weight


def main():
    args = [a for a in sys.argv[1:] if not a.startswith("--")]
    if len(args) != 2:
        print(__doc__, file=sys.stderr)
        return 2
    street, plan = args
    buildings = {}
    with open(f"{street}/buildings.csv", encoding="utf-8-sig") as f:
        for row in csv.DictReader(f):
            kind = row.get("kind") or "residential"
            buildings[row["building_id"]] = (
                float(row["x"]), float(row["y"]), int(row["households"] or 0), row["community_id"], kind)
    plan_groups = defaultdict(list)
    grids_of = defaultdict(set)
    with open(f"{plan}/grids.csv", encoding="utf-8-sig") as f:
        for row in csv.DictReader(f):
            b = buildings[row["building_id"]]
            if b[4] != "residential":
                continue
            plan_groups[row["grid_id"]].append((b[0], b[1], int(row["households"])))
            grids_of[b[3]].add(row["grid_id"])
    xs = [b[0] for b in buildings.values()]
    ys = [b[1] for b in buildings.values()]
    min_x, min_y = min(xs), min(ys)
    span = max(max(xs) - min_x, max(ys) - min_y, 1.0)
    order = 16
    scale = ((1 << order) - 1) / span

    base_groups = {}
    communities = sorted(grids_of)
    lines = []
    for community in communities:
        members = [(bid, b) for bid, b in buildings.items() if b[3] == community and b[4] == "residential"]
        members.sort(key=lambda m: (hilbert_index(order, int((m[1][0] - min_x) * scale),
                                                  int((m[1][1] - min_y) * scale)), m[0]))
        k = len(grids_of[community])
        total = sum(m[1][2] for m in members)
        groups = defaultdict(list)
        running, part = 0, 0
        for _, b in members:
            groups[part].append((b[0], b[1], b[2]))
            running += b[2]
            if part < k - 1 and running >= total * (part + 1) / k:
                part += 1
        for part, atoms in groups.items():
            base_groups[f"{community}/{part}"] = atoms
        pb, wb = mean_distance(groups)
        pp, wp = mean_distance({g: plan_groups[g] for g in grids_of[community]})
        lines.append((community, k, total, pb / max(wb, 1), pp / max(wp, 1)))
    tb, wb = mean_distance(base_groups)
    tp, wp = mean_distance(plan_groups)
    base, ours = tb / max(wb, 1), tp / max(wp, 1)
    print("| community | grids | households | baseline mean m | plan mean m | ratio |")
    print("|---|---:|---:|---:|---:|---:|")
    for community, k, total, b, p in lines:
        print(f"| {community} | {k} | {total} | {b:.1f} | {p:.1f} | {p / b if b else 0:.3f} |")
    print(f"| all | {sum(l[1] for l in lines)} | {sum(l[2] for l in lines)} | {base:.1f} | {ours:.1f} | "
          f"{ours / base if base else 0:.3f} |")
    return 0 if base and ours <= 0.7 * base else 1


if __name__ == "__main__":
    sys.exit(main())
