#!/usr/bin/env python3
"""Roster peer comparison: one community's weekly stage-(a) assignment model solved by our engine and by OR-Tools.

The model (maximise priority-weighted met visits + pairing and skill bonuses - a convex load cost; see
Sources/Rostering/VisitAssignmentModel.swift) is exported by an opt-in test, together with the engine's
own figures: GLPK's LP solve through LinearSolver, and the default method (augmenting paths in priority order)
priced by the same objective. This script then solves the exported MPS with OR-Tools CP-SAT (model_builder, solver
"sat") and, for reference, the LP file with glpsol, and prints one Markdown table (also written to --out).

Usage (from the repository root; `pip install ortools`):
    python3 Benchmarks/scripts/roster_compare.py [--community C01] [--time-limit 60] [--release]
        [--export-dir /tmp/roster-compare] [--skip-export] [--out Benchmarks/scripts/roster-compare.md]

Steps: 1. `WANGGE_ROSTER_EXPORT=DIR WANGGE_ROSTER_COMMUNITY=C01 swift test --filter
RosterModelExportTests/exportSampleStreetCommunity` writes DIR/roster-C01-2026-W48.{lp,mps,json} (the sample street,
week 2026-W48, no history); 2. CP-SAT and glpsol solve it. A missing solver is skipped with a note.
"""

import argparse
import json
import os
import re
import shutil
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def export(directory: Path, community: str, release: bool) -> None:
    environment = dict(os.environ, WANGGE_ROSTER_EXPORT=str(directory), WANGGE_ROSTER_COMMUNITY=community)
    command = ["swift", "test", "--filter", "RosterModelExportTests/exportSampleStreetCommunity"]
    if release:
        command[2:2] = ["-c", "release"]
    subprocess.run(command, cwd=ROOT, env=environment, check=True, stdout=subprocess.DEVNULL)


def solve_cpsat(mps: Path, limit: float) -> dict:
    try:
        from ortools.linear_solver.python import model_builder
    except ImportError:
        return {"solver": "OR-Tools CP-SAT", "note": "ortools not installed (pip install ortools)"}
    model = model_builder.Model()
    if not model.import_from_mps_file(str(mps)):
        return {"solver": "OR-Tools CP-SAT", "note": "could not read the MPS file"}
    # MPS files carry no objective sense; the exporter writes a maximisation as is, so set it again.
    model.maximize(model.objective_expression())
    solver = model_builder.Solver("sat")
    solver.set_time_limit_in_seconds(limit)
    solver.enable_output(False)
    start = time.monotonic()
    status = solver.solve(model)
    seconds = time.monotonic() - start
    found = status in (model_builder.SolveStatus.OPTIMAL, model_builder.SolveStatus.FEASIBLE)
    return {
        "solver": "OR-Tools CP-SAT (model_builder, 'sat')",
        "status": status.name.lower(),
        "objective": solver.objective_value if found else None,
        "bound": solver.best_objective_bound if found else None,
        "seconds": seconds,
    }


def solve_glpsol(lp: Path, limit: float) -> dict:
    if shutil.which("glpsol") is None:
        return {"solver": "glpsol", "note": "glpsol not installed (apt-get install glpk-utils)"}
    start = time.monotonic()
    run = subprocess.run(
        ["glpsol", "--lp", str(lp), "--tmlim", str(int(limit)), "-o", "/dev/stdout"],
        capture_output=True, text=True)
    seconds = time.monotonic() - start
    match = re.search(r"Objective:\s+\S+\s+=\s+([-0-9.eE+]+)", run.stdout)
    status = re.search(r"Status:\s+([^\n]+)", run.stdout)
    return {
        "solver": "glpsol (GLPK 5 CLI, MIP defaults)",
        "status": status.group(1).lower() if status else "unknown",
        "objective": float(match.group(1)) if match else None,
        "bound": None,
        "seconds": seconds,
    }


def number(value, digits=3):
    return "n/a" if value is None else f"{value:,.{digits}f}"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--community", default="C01")
    parser.add_argument("--time-limit", type=float, default=60)
    parser.add_argument("--export-dir", type=Path, default=Path("/tmp/roster-compare"))
    parser.add_argument("--skip-export", action="store_true")
    parser.add_argument("--release", action="store_true", help="export with a release build (engine timings)")
    parser.add_argument("--out", type=Path)
    arguments = parser.parse_args()
    stem = arguments.export_dir / f"roster-{arguments.community}-2026-W48"
    if not arguments.skip_export:
        export(arguments.export_dir, arguments.community, arguments.release)
    engine = json.loads(stem.with_suffix(".json").read_text())
    rows = [
        {
            "solver": "wangge: GLPK LP via LinearSolver (dual simplex)",
            "status": engine["glpk_status"],
            "objective": engine["glpk_objective"],
            "bound": engine["glpk_objective"],
            "seconds": engine["glpk_seconds"],
        },
        {
            "solver": "wangge: augmenting paths (default), priced by the LP objective",
            "status": f"{engine['augmenting_assigned']} assigned",
            "objective": engine["augmenting_objective"],
            "bound": None,
            "seconds": engine["augmenting_seconds"],
        },
        solve_cpsat(stem.with_suffix(".mps"), arguments.time_limit),
        solve_glpsol(stem.with_suffix(".lp"), arguments.time_limit),
    ]
    lines = [
        f"Community {engine['community']}, week {engine['week']}: {engine['visits']} one-visitor visits, "
        f"{engine['variables']} variables, {engine['constraints']} constraints; limit {arguments.time_limit:g} s.",
        "",
        "| solver | status | objective | bound | seconds |",
        "|---|---|---|---|---|",
    ]
    for row in rows:
        if "note" in row:
            lines.append(f"| {row['solver']} | {row['note']} | n/a | n/a | n/a |")
            continue
        lines.append(
            f"| {row['solver']} | {row['status']} | {number(row['objective'])} | {number(row['bound'])} | "
            f"{number(row['seconds'], 2)} |")
    text = "\n".join(lines) + "\n"
    print(text)
    if arguments.out:
        arguments.out.write_text(text)
    return 0


if __name__ == "__main__":
    sys.exit(main())
