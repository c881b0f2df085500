#!/usr/bin/env python3
"""How many extra micro-grids any plan must have: a bin-packing bound on a street's finest atoms.

usage: micro_grid_bounds.py STREET_DIR PLAN_DIR [--max 50]

Atoms are the finest the rules allow: stairwell units (units.csv, else a building's `units` split evenly, remainder
to the lowest-numbered), and single floors of a unit above the micro-grid maximum (households spread evenly over its
floors, remainder to the lowest floors). A micro-grid holds at most MAX households and never splits an atom, so the
micro-grids of a grid are at least the Martello-Toth L2 bound of its atoms' sizes (bin packing with capacity MAX,
contiguity and the minimum dropped: a relaxation). Per grid of the plan: households, ceil(h / MAX), L2, and the plan's
micro-grids. Per community: the least number of micro-grids ANY plan needs there (L2 over all the community's atoms,
since a micro-grid lies in one community) against the most that ceil(h_g / MAX) over its grids can sum to (with the
plan's grid count G: floor((H + G * (MAX - 1)) / MAX)); the difference is a lower bound on the extra micro-grids of
every plan with G grids, whatever its boundaries. Standard library only.
"""
import csv
import math
import sys
from collections import defaultdict


def l2_bound(sizes, capacity):
    """Martello and Toth's L2 lower bound for bin packing."""
    sizes = sorted((s for s in sizes if s > 0), reverse=True)
    if not sizes:
        return 0
    best = math.ceil(sum(sizes) / capacity)
    for alpha in sorted(set([0] + [s for s in sizes if s <= capacity // 2])):
        j1 = [s for s in sizes if s > capacity - alpha]
        j2 = [s for s in sizes if capacity / 2 < s <= capacity - alpha]
        j3 = [s for s in sizes if alpha <= s <= capacity / 2]
        room = len(j2) * capacity - sum(j2)
        bound = len(j1) + len(j2) + max(0, math.ceil((sum(j3) - room) / capacity))
        best = max(best, bound)
    return best


def spread(total, parts):
    base, extra = divmod(total, parts)
    return [base + (1 if i < extra else 0) for i in range(parts)]


def main():
    args = sys.argv[1:]
    capacity = 50
    if "--max" in args:
        i = args.index("--max")
        capacity = int(args[i + 1])
        del args[i:i + 2]
    street, plan = args
    buildings = {r["building_id"]: r for r in csv.DictReader(open(f"{street}/buildings.csv", encoding="utf-8-sig"))}
    units = defaultdict(list)
    try:
        for r in csv.DictReader(open(f"{street}/units.csv", encoding="utf-8-sig")):
            units[r["building_id"]].append((r["unit"], int(r["households"]), int(r["floors"] or 0)))
    except FileNotFoundError:
        pass

    def unit_households(building_id):
        if units.get(building_id):
            return {name: (h, floors) for name, h, floors in units[building_id]}
        b = buildings[building_id]
        count = max(1, int(b.get("units") or 1))
        floors = int(b.get("floors") or 0)
        return {str(i + 1): (h, floors) for i, h in enumerate(spread(int(b["households"]), count))}

    def atoms(households, floors):
        if households <= capacity or floors <= 1:
            return [households]
        return spread(households, floors)

    rows = list(csv.DictReader(open(f"{plan}/grids.csv", encoding="utf-8-sig")))
    grid_atoms = defaultdict(list)
    grid_micros = defaultdict(set)
    grid_community = {}
    seen = set()
    for r in rows:
        if r["kind"] not in ("", "residential") or not r["micro_grid_id"]:
            continue
        grid = r["grid_id"]
        grid_community[grid] = r["community_id"]
        grid_micros[grid].add(r["micro_grid_id"])
        key = (r["building_id"], r["unit"], r["floors"])
        if key in seen:
            continue
        seen.add(key)
        per_unit = unit_households(r["building_id"])
        if r["unit"]:
            h, floors = per_unit.get(r["unit"], (int(r["households"]), 0))
            if r["floors"]:
                low, high = (int(x) for x in r["floors"].split("-"))
                floor_h = spread(h, floors)
                grid_atoms[grid] += floor_h[low - 1:high]
            else:
                grid_atoms[grid] += atoms(h, floors)
        else:
            for h, floors in per_unit.values():
                grid_atoms[grid] += atoms(h, floors)
    print("| grid | households | ceil(h/max) | L2 | plan micro-grids | extra | L2 proves the extra |")
    print("|---|---:|---:|---:|---:|---:|---|")
    total_extra = proven = 0
    by_community = defaultdict(list)
    for grid in sorted(grid_atoms):
        h = sum(grid_atoms[grid])
        fewest = math.ceil(h / capacity)
        bound = l2_bound(grid_atoms[grid], capacity)
        count = len(grid_micros[grid])
        by_community[grid_community[grid]].append(grid)
        if count > fewest:
            total_extra += count - fewest
            proven += min(count, bound) - fewest if bound > fewest else 0
            print(f"| {grid} | {h} | {fewest} | {bound} | {count} | {count - fewest} | {'yes' if bound >= count else 'no'} |")
    print(f"\nextra micro-grids {total_extra}; of them forced by L2 in their own grid: {proven}\n")
    print("| community | households | grids | least micro-grids any plan needs (L2) | most sum of ceil(h_g/max) | "
          "extra any plan must have | plan's extra |")
    print("|---|---:|---:|---:|---:|---:|---:|")
    unavoidable = 0
    for community, grids in sorted(by_community.items()):
        sizes = [s for g in grids for s in grid_atoms[g]]
        h = sum(sizes)
        g = len(grids)
        least = l2_bound(sizes, capacity)
        most = (h + g * (capacity - 1)) // capacity
        forced = max(0, least - most)
        unavoidable += forced
        plan_extra = sum(max(0, len(grid_micros[x]) - math.ceil(sum(grid_atoms[x]) / capacity)) for x in grids)
        print(f"| {community} | {h} | {g} | {least} | {most} | {forced} | {plan_extra} |")
    print(f"\nextra micro-grids every plan with these grid counts must have: at least {unavoidable}; "
          f"this plan: {total_extra}")


if __name__ == "__main__":
    main()
