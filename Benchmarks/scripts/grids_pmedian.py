#!/usr/bin/env python3
"""Compactness of a `wangge grids draw` plan against the capacitated p-median optimum (HiGHS) and the Hilbert baseline.

For every community of STREET_DIR that PLAN_DIR/grids.csv draws grids in:

- atoms: the community's residential buildings with households > 0, whole (special buildings are left out);
- p: the number of grids our plan draws there; bounds: the community's grid bounds from PLAN_DIR/kpis.json
  (`details.per_community[].grid_bounds`), else --min/--max (default 300-500, as Rules/grid.yaml);
- the capacitated p-median (CPMP) over those atoms, solved by HiGHS as a MIP:
      min  sum_ij h_i d_ij x_ij
      s.t. sum_j x_ij = 1 (each building in one grid),  x_ij <= y_j,  x_jj = y_j (a median lies in its own grid),
           L y_j <= sum_i h_i x_ij <= U y_j,  sum_j y_j = p,  x, y binary,
  with medians at building positions and d = Euclidean metres. When the MIP's root LP does not finish in the time
  limit, the LP relaxation alone (interior point, twice the limit) gives the bound ("…, LP bound"). It drops contiguity only, so its optimum is a lower
  bound on the best-median figure of any plan with these counts and bounds (ours included). Our plan's own
  best-median solution is handed to HiGHS as the starting incumbent.
- our plan, measured twice: the *centroid* figure (household-weighted mean distance to the grid's household-weighted
  centroid, the issue's KPI and kpis.json's `mean_distance_to_grid_centroid_m`), and the *best-median* figure (each
  grid measured from its own building that minimises the household-weighted distance), which is like for like with
  the p-median;
- the p-median solution's own centroid figure (its grids measured like ours);
- the spreadsheet baseline (Hilbert-order cuts, same grid count; grids_baseline.py's method), centroid figure.

All figures are household-weighted means in metres (total weighted distance / households).

usage: grids_pmedian.py STREET_DIR PLAN_DIR [--time-limit S] [--min L --max U] [--communities C01,C02]
                        [--json FILE] [--reuse FILE] [--quiet]
--reuse FILE takes the p-median result of a community from an earlier --json FILE when its buildings, p and bounds
are the same (the p-median does not depend on the plan otherwise), so that plans of one street are compared with
one solve.
Prints a markdown table per community and a street total; exits 0 when plan best-median <= 1.05 x the p-median
bound and plan centroid <= 0.7 x baseline, else 1. Positions: buildings.csv x, y, or lat, lon projected about the
mean of all buildings (equirectangular, as GridData does). Needs highspy and numpy.
"""
import csv
import json
import math
import sys
import time
from collections import defaultdict

import numpy as np

try:
    import highspy
except ImportError:  # pragma: no cover - reported to the user
    print("grids_pmedian.py needs highspy: pip install highspy", file=sys.stderr)
    sys.exit(2)

from grids_baseline import hilbert_index

EARTH_RADIUS = 6_371_008.8


def read_buildings(street):
    """Building id -> (x, y, households, community, kind), positions in metres."""
    rows = []
    with open(f"{street}/buildings.csv", encoding="utf-8-sig") as f:
        for row in csv.DictReader(f):
            rows.append(row)
    geodetic = rows and not (rows[0].get("x") or "").strip() and (rows[0].get("lat") or "").strip()
    if geodetic:
        lat0 = sum(float(r["lat"]) for r in rows) / len(rows)
        lon0 = sum(float(r["lon"]) for r in rows) / len(rows)
        rad = math.pi / 180
    buildings = {}
    for row in rows:
        if geodetic:
            x = (float(row["lon"]) - lon0) * rad * EARTH_RADIUS * math.cos(lat0 * rad)
            y = (float(row["lat"]) - lat0) * rad * EARTH_RADIUS
        else:
            x, y = float(row["x"]), float(row["y"])
        kind = (row.get("kind") or "residential").strip() or "residential"
        buildings[row["building_id"]] = (x, y, int(row.get("households") or 0), row["community_id"], kind)
    return buildings


def read_plan(plan, buildings):
    """(grid of each residential building (majority of households), grids per community)."""
    tally = defaultdict(lambda: defaultdict(int))
    grids_of = defaultdict(set)
    with open(f"{plan}/grids.csv", encoding="utf-8-sig") as f:
        for row in csv.DictReader(f):
            b = buildings.get(row["building_id"])
            if b is None or b[4] != "residential":
                continue
            tally[row["building_id"]][row["grid_id"]] += int(row["households"] or 0)
            grids_of[b[3]].add(row["grid_id"])
    grid_of = {bid: max(sorted(g), key=lambda k: g[k]) for bid, g in tally.items()}
    return grid_of, grids_of


def read_bounds(plan):
    """Community -> (min, max) from kpis.json, if present."""
    try:
        with open(f"{plan}/kpis.json", encoding="utf-8") as f:
            kpis = json.load(f)
    except (OSError, ValueError):
        return {}
    result = {}
    # kpis.json keeps the per-community figures under details (the output contract of Sources/GridData/Schemas).
    for entry in kpis.get("details", {}).get("per_community", []):
        bounds = entry.get("grid_bounds")
        if bounds and len(bounds) == 2:
            result[entry["community_id"]] = (int(bounds[0]), int(bounds[1]))
    return result


def centroid_cost(xy, h, labels):
    """Sum of h x distance to each label's household-weighted centroid."""
    total = 0.0
    for label in set(labels):
        idx = [i for i, l in enumerate(labels) if l == label]
        w = h[idx]
        if w.sum() == 0:
            continue
        c = (xy[idx] * w[:, None]).sum(axis=0) / w.sum()
        total += float((w * np.hypot(xy[idx, 0] - c[0], xy[idx, 1] - c[1])).sum())
    return total


def median_cost(dist, h, labels):
    """Sum of h x distance to each label's best median building (inside the label), and the medians."""
    total = 0.0
    medians = {}
    for label in sorted(set(labels)):
        idx = np.array([i for i, l in enumerate(labels) if l == label])
        sub = dist[np.ix_(idx, idx)]
        costs = (h[idx][:, None] * sub).sum(axis=0)
        best = int(np.argmin(costs))
        medians[label] = int(idx[best])
        total += float(costs[best])
    return total, medians


def hilbert_labels(xy, h, ids, k, frame):
    """Baseline: Hilbert order (over the street's bounding square), cut at equal household shares."""
    min_x, min_y, scale, order = frame
    keys = [(hilbert_index(order, int((xy[i, 0] - min_x) * scale), int((xy[i, 1] - min_y) * scale)), ids[i])
            for i in range(len(ids))]
    order_idx = sorted(range(len(ids)), key=lambda i: keys[i])
    total = float(h.sum())
    labels = [0] * len(ids)
    running, part = 0.0, 0
    for i in order_idx:
        labels[i] = part
        running += h[i]
        if part < k - 1 and running >= total * (part + 1) / k:
            part += 1
    return labels


def solve_pmedian(dist, h, p, low, high, time_limit, start_labels, start_medians):
    """CPMP by HiGHS: (status, objective or None, bound, seconds, labels or None)."""
    n = len(h)
    nx = n * n
    ncol = nx + n
    cost = np.concatenate([(h[:, None] * dist).ravel(), np.zeros(n)])
    # Column-wise sparse matrix. Rows: assign i (n) | link i,j (n*n) | capacity high j (n) | low j (n) | count (1).
    r_assign = 0
    r_link = n
    r_high = n + nx
    r_low = n + nx + n
    r_count = n + nx + 2 * n
    nrow = r_count + 1
    starts, index, value = [], [], []
    for i in range(n):
        for j in range(n):
            starts.append(len(index))
            index += [r_assign + i, r_link + i * n + j, r_high + j, r_low + j]
            value += [1.0, 1.0, float(h[i]), float(h[i])]
    for j in range(n):
        starts.append(len(index))
        link_rows = [r_link + i * n + j for i in range(n)]
        index += link_rows + [r_high + j, r_low + j, r_count]
        value += [-1.0] * n + [-float(high), -float(low), 1.0]
    starts.append(len(index))
    row_lower = np.concatenate([np.ones(n), np.full(nx, -highspy.kHighsInf), np.full(n, -highspy.kHighsInf),
                                np.zeros(n), [p]])
    row_upper = np.concatenate([np.ones(n), np.zeros(nx), np.zeros(n), np.full(n, highspy.kHighsInf), [p]])
    # A median serves itself: x_jj = y_j (link row j,j as an equality).
    for j in range(n):
        row_lower[r_link + j * n + j] = 0.0

    lp = highspy.HighsLp()
    lp.num_col_ = ncol
    lp.num_row_ = nrow
    lp.col_cost_ = cost
    lp.col_lower_ = np.zeros(ncol)
    lp.col_upper_ = np.ones(ncol)
    lp.row_lower_ = row_lower
    lp.row_upper_ = row_upper
    lp.a_matrix_.format_ = highspy.MatrixFormat.kColwise
    lp.a_matrix_.start_ = np.array(starts, dtype=np.int32)
    lp.a_matrix_.index_ = np.array(index, dtype=np.int32)
    lp.a_matrix_.value_ = np.array(value)
    lp.integrality_ = [highspy.HighsVarType.kInteger] * ncol
    solver = highspy.Highs()
    solver.setOptionValue("output_flag", False)
    solver.setOptionValue("time_limit", float(time_limit))
    solver.setOptionValue("threads", 1)
    solver.setOptionValue("random_seed", 1)
    solver.setOptionValue("mip_rel_gap", 1e-6)
    solver.passModel(lp)
    if start_labels is not None:
        start = np.zeros(ncol)
        for i, label in enumerate(start_labels):
            start[i * n + start_medians[label]] = 1.0
        for label, j in start_medians.items():
            start[nx + j] = 1.0
        sol = highspy.HighsSolution()
        sol.col_value = list(start)
        sol.value_valid = True
        solver.setSolution(sol)
    began = time.time()
    solver.run()
    seconds = time.time() - began
    status = solver.modelStatusToString(solver.getModelStatus())
    info = solver.getInfo()
    bound = float(info.mip_dual_bound)
    objective = float(info.objective_function_value) if info.primal_solution_status == 2 else None
    if not bound > 0:
        # The MIP's root LP did not finish (communities of 150+ buildings): the LP relaxation alone, by interior
        # point, is still a valid (weaker) bound.
        lp.integrality_ = []
        relaxation = highspy.Highs()
        relaxation.setOptionValue("output_flag", False)
        relaxation.setOptionValue("time_limit", 2 * float(time_limit))
        relaxation.setOptionValue("threads", 1)
        relaxation.setOptionValue("solver", "ipm")
        relaxation.passModel(lp)
        relaxation.run()
        seconds = time.time() - began
        if relaxation.getModelStatus() == highspy.HighsModelStatus.kOptimal:
            bound = float(relaxation.getInfo().objective_function_value)
            status += ", LP bound"
    labels = None
    if objective is not None:
        x = np.array(solver.getSolution().col_value[:nx]).reshape(n, n)
        labels = [int(np.argmax(x[i])) for i in range(n)]
    return status, objective, bound, seconds, labels


def main():
    argv = sys.argv[1:]
    options = {"--time-limit": "60", "--reuse": "", "--min": "300", "--max": "500", "--communities": "", "--json": ""}
    args, quiet = [], False
    i = 0
    while i < len(argv):
        if argv[i] in options and i + 1 < len(argv):
            options[argv[i]] = argv[i + 1]
            i += 2
        elif argv[i] == "--quiet":
            quiet = True
            i += 1
        elif argv[i].startswith("--"):
            print(f"unknown option {argv[i]}\n{__doc__}", file=sys.stderr)
            return 2
        else:
            args.append(argv[i])
            i += 1
    if len(args) != 2:
        print(__doc__, file=sys.stderr)
        return 2
    street, plan = args
    buildings = read_buildings(street)
    grid_of, grids_of = read_plan(plan, buildings)
    bounds = read_bounds(plan)
    default_bounds = (int(options["--min"]), int(options["--max"]))
    only = set(filter(None, options["--communities"].split(",")))
    reuse = {}
    if options["--reuse"]:
        with open(options["--reuse"], encoding="utf-8") as f:
            reuse = {r["community"]: r for r in json.load(f)}
    xs = [b[0] for b in buildings.values()]
    ys = [b[1] for b in buildings.values()]
    span = max(max(xs) - min(xs), max(ys) - min(ys), 1.0)
    order = 16
    frame = (min(xs), min(ys), ((1 << order) - 1) / span, order)

    rows = []
    for community in sorted(grids_of):
        if only and community not in only:
            continue
        ids = sorted(bid for bid, b in buildings.items()
                     if b[3] == community and b[4] == "residential" and b[2] > 0 and bid in grid_of)
        xy = np.array([[buildings[b][0], buildings[b][1]] for b in ids])
        h = np.array([float(buildings[b][2]) for b in ids])
        dist = np.hypot(xy[:, None, 0] - xy[None, :, 0], xy[:, None, 1] - xy[None, :, 1])
        plan_labels = [grid_of[b] for b in ids]
        p = len(set(plan_labels))
        low, high = bounds.get(community, default_bounds)
        households = float(h.sum())
        plan_centroid = centroid_cost(xy, h, plan_labels)
        plan_median, medians = median_cost(dist, h, plan_labels)
        base = centroid_cost(xy, h, hilbert_labels(xy, h, ids, p, frame))
        sizes = defaultdict(float)
        for label, weight in zip(plan_labels, h):
            sizes[label] += weight
        plan_valid = all(low <= s <= high for s in sizes.values())
        idx = {label: n for n, label in enumerate(sorted(set(plan_labels)))}
        earlier = reuse.get(community)
        if (earlier and earlier["grids"] == p and earlier["bounds"] == [low, high]
                and sorted(earlier.get("pmedian_median_of") or {}) == ids):
            status, objective, bound, seconds = (earlier["pmedian_status"], earlier["pmedian_objective"],
                                                 earlier["pmedian_bound"], earlier["pmedian_seconds"])
            position = {b: n for n, b in enumerate(ids)}
            pm_labels = [position[earlier["pmedian_median_of"][b]] for b in ids]
        else:
            status, objective, bound, seconds, pm_labels = solve_pmedian(
                dist, h, p, low, high, float(options["--time-limit"]),
                [idx[l] for l in plan_labels] if plan_valid else None,
                {idx[l]: m for l, m in medians.items()} if plan_valid else None)
        pm_centroid = centroid_cost(xy, h, pm_labels) if pm_labels is not None else None
        rows.append({
            "community": community, "buildings": len(ids), "households": int(households), "grids": p,
            "bounds": [low, high], "baseline_centroid": base, "plan_centroid": plan_centroid,
            "plan_median": plan_median, "pmedian_status": status, "pmedian_objective": objective,
            "pmedian_bound": bound, "pmedian_seconds": seconds, "pmedian_centroid": pm_centroid,
            "pmedian_median_of": {ids[i]: ids[m] for i, m in enumerate(pm_labels)} if pm_labels else None,
        })
        if not quiet:
            print(f"{community}: {len(ids)} buildings, p={p}, {status} in {seconds:.1f} s", file=sys.stderr)

    def mean(key, subset):
        total = sum(r["households"] for r in subset)
        if any(r[key] is None for r in subset) or total == 0:
            return None
        return sum(r[key] for r in subset) / total

    def fmt(value, digits=1):
        return "—" if value is None else f"{value:.{digits}f}"

    print("| community | buildings | households | grids | baseline centroid m | plan centroid m | plan / baseline "
          "| plan best-median m | p-median optimum m (bound) | status | s | plan median / p-median bound "
          "| plan centroid / p-median bound | p-median plan centroid m |")
    print("|---|---:|---:|---:|---:|---:|---:|---:|---:|---|---:|---:|---:|---:|")
    for r in rows + [dict(community="all")]:
        subset = rows if r["community"] == "all" else [r]
        hh = sum(x["households"] for x in subset)
        base = mean("baseline_centroid", subset)
        ours = mean("plan_centroid", subset)
        ours_median = mean("plan_median", subset)
        objective = mean("pmedian_objective", subset)
        bound = mean("pmedian_bound", subset)
        pm_centroid = mean("pmedian_centroid", subset)
        proven = all(x["pmedian_status"] == "Optimal" for x in subset)
        status = "optimal" if proven else "/".join(sorted({x["pmedian_status"] for x in subset}))
        optimum = fmt(objective) if proven else f"{fmt(objective)} ({fmt(bound)})"
        print(f"| {r['community']} | {sum(x['buildings'] for x in subset)} | {hh} | "
              f"{sum(x['grids'] for x in subset)} | {fmt(base)} | {fmt(ours)} | {fmt(ours / base, 3)} | "
              f"{fmt(ours_median)} | {optimum} | {status} | {sum(x['pmedian_seconds'] for x in subset):.1f} | "
              f"{fmt(ours_median / bound if bound else None, 3)} | {fmt(ours / bound if bound else None, 3)} | "
              f"{fmt(pm_centroid)} |")
    if options["--json"]:
        with open(options["--json"], "w", encoding="utf-8") as f:
            json.dump(rows, f, indent=1, sort_keys=True)
    base, ours = mean("baseline_centroid", rows), mean("plan_centroid", rows)
    ours_median, bound = mean("plan_median", rows), mean("pmedian_bound", rows)
    met = base and ours <= 0.7 * base and bound and ours_median <= 1.05 * bound
    return 0 if met else 1


if __name__ == "__main__":
    sys.exit(main())
