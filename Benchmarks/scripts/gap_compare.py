#!/usr/bin/env python3
"""GAP baseline: our module (`wangge solve gap`) vs glpsol vs HiGHS on the same exported LP file.

For each instance and each time limit it records the objective and the bound each solver reaches, and prints one
Markdown table (also written to --out). Not a test: it takes about 30 minutes with the default limits (1, 10, 60 s).

Usage (from the repository root, after `swift build -c release --product wangge` and `pip install highspy`):
    python3 Benchmarks/scripts/gap_compare.py [--limits 1 10 60] [--out Benchmarks/results/gap-baseline.md]
"""

import argparse
import csv
import datetime
import json
import os
import platform
import re
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
INSTANCES = ["c05100", "c10200", "d05100", "d10100", "d10200", "e05100", "e10100", "e20200"]
# glpsol gets the same GLPK switches as our module (MIR + cover cuts, pseudocost branching), so the difference between
# the two columns is what the module adds (heuristic incumbents through the callback).
GLPSOL_OPTIONS = ["--mir", "--cover", "--pcost"]


def known_values(data: Path) -> dict:
    values = {}
    with open(data / "known_values.csv", newline="") as handle:
        for row in csv.DictReader(handle):
            if row["sense"] == "min":
                values[row["instance"]] = float(row["value"])
    return values


def run_wangge(binary: Path, instance: Path, limit: float, lp_path: Path = None) -> dict:
    arguments = [str(binary), "solve", "gap", str(instance), "--format", "json", "--time-limit", str(limit)]
    if lp_path is not None:
        arguments += ["--write-lp", str(lp_path)]
    started = time.perf_counter()
    done = subprocess.run(arguments, capture_output=True, text=True, timeout=limit + 120)
    wall = time.perf_counter() - started
    if done.returncode != 0:
        return {"status": f"exit {done.returncode}", "objective": None, "bound": None, "wall": wall}
    result = json.loads(done.stdout)
    return {"status": result["status"], "objective": result["objective"], "bound": result["bound"], "wall": wall}


PROGRESS = re.compile(r"mip =\s+(not found yet|\S+)\s+[<>]=\s+(\S+)")


def run_glpsol(lp_path: Path, limit: float) -> dict:
    with tempfile.TemporaryDirectory() as scratch:
        report = Path(scratch) / "report.txt"
        arguments = ["glpsol", "--lp", str(lp_path), "--tmlim", str(int(limit))] + GLPSOL_OPTIONS
        arguments += ["-o", str(report)]
        started = time.perf_counter()
        done = subprocess.run(arguments, capture_output=True, text=True, timeout=limit + 120)
        wall = time.perf_counter() - started
        text = report.read_text() if report.exists() else ""
    status_line = next((line for line in text.splitlines() if line.startswith("Status:")), "Status: ?")
    status = status_line.split(":", 1)[1].strip()
    objective = None
    if "OPTIMAL" in status:
        line = next(line for line in text.splitlines() if line.startswith("Objective:"))
        objective = float(line.split("=")[1].split()[0])
    bound = None
    for match in PROGRESS.finditer(done.stdout):
        try:
            value = float(match.group(2))
        except ValueError:  # "tree is empty" once the search is complete
            continue
        if abs(value) != float("inf"):
            bound = value
    if status == "INTEGER OPTIMAL":
        bound = objective
    short = {"INTEGER OPTIMAL": "optimal", "INTEGER NON-OPTIMAL": "feasible", "INTEGER UNDEFINED": "no_solution"}
    return {"status": short.get(status, status), "objective": objective, "bound": bound, "wall": wall}


def run_highs(lp_path: Path, limit: float) -> dict:
    import highspy

    highs = highspy.Highs()
    highs.setOptionValue("output_flag", False)
    highs.setOptionValue("threads", 1)
    highs.setOptionValue("mip_rel_gap", 0.0)
    highs.setOptionValue("time_limit", float(limit))
    started = time.perf_counter()
    highs.readModel(str(lp_path))
    highs.run()
    wall = time.perf_counter() - started
    info = highs.getInfo()
    status = highs.modelStatusToString(highs.getModelStatus())
    has_solution = info.primal_solution_status == 2
    objective = info.objective_function_value if has_solution else None
    bound = info.mip_dual_bound
    short = {"Optimal": "optimal", "Time limit reached": "feasible" if has_solution else "no_solution"}
    return {"status": short.get(status, status), "objective": objective, "bound": bound, "wall": wall}


def cell(result: dict, known: float) -> str:
    objective = result["objective"]
    bound = result["bound"]
    if objective is None:
        text = "–"
    else:
        above = (objective - known) / known * 100
        text = f"{objective:.0f}" + (" opt" if result["status"] == "optimal" else f" (+{above:.2f} %)")
    bound_text = "–" if bound is None or abs(bound) == float("inf") else f"{bound:.1f}".rstrip("0").rstrip(".")
    return f"{text} / {bound_text}"


def versions() -> str:
    glpsol = subprocess.run(["glpsol", "--version"], capture_output=True, text=True).stdout.splitlines()[0]
    try:
        import highspy

        highs = highspy.Highs()
        highs_version = f"HiGHS {highs.version()}" if hasattr(highs, "version") else "HiGHS (highspy)"
    except ImportError:
        highs_version = "highspy missing"
    return f"{glpsol}; {highs_version}; Python {platform.python_version()}"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--limits", type=float, nargs="+", default=[1, 10, 60])
    parser.add_argument("--instances", nargs="+", default=INSTANCES)
    parser.add_argument("--wangge", type=Path, default=ROOT / ".build" / "release" / "wangge")
    parser.add_argument("--data", type=Path, default=ROOT / "Benchmarks" / "data" / "gap")
    parser.add_argument("--out", type=Path, default=ROOT / "Benchmarks" / "results" / "gap-baseline.md")
    args = parser.parse_args()
    if not args.wangge.exists():
        print(f"{args.wangge} not found: run `swift build -c release --product wangge` first", file=sys.stderr)
        return 2
    known = known_values(args.data)
    rows = []
    started = datetime.datetime.now()
    with tempfile.TemporaryDirectory() as scratch:
        for name in args.instances:
            instance = args.data / name
            lp_path = Path(scratch) / f"{name}.lp"
            # The export run also solves briefly; only its LP file is used.
            run_wangge(args.wangge, instance, 0, lp_path)
            for limit in args.limits:
                ours = run_wangge(args.wangge, instance, limit)
                glpk = run_glpsol(lp_path, limit)
                highs = run_highs(lp_path, limit)
                rows.append((name, limit, ours, glpk, highs))
                print(f"{name} {limit:g}s: wangge {ours} | glpsol {glpk} | highs {highs}", file=sys.stderr, flush=True)
    lines = [
        "# GAP baseline: wangge vs glpsol vs HiGHS",
        "",
        f"Run {started:%Y-%m-%d %H:%M}, {os.cpu_count()} cores, one solver at a time, single-threaded. {versions()}.",
        f"wangge: `wangge solve gap FILE --format json --time-limit S` (release build; GLPK with MIR + cover cuts, "
        f"pseudocost branching, regret-greedy incumbents through the callback). glpsol: `glpsol --lp FILE --tmlim S "
        f"{' '.join(GLPSOL_OPTIONS)}` on the LP file written by `--write-lp`. HiGHS: highspy on the same LP file, "
        f"threads=1, mip_rel_gap=0, time_limit=S.",
        "",
        "Each cell: objective (\"opt\" when proven optimal, else % above the known optimum) / best bound.",
        "",
        "| instance | known opt | limit | wangge | glpsol | HiGHS |",
        "|---|---|---|---|---|---|",
    ]
    for name, limit, ours, glpk, highs in rows:
        value = known[name]
        lines.append(
            f"| {name} | {value:.0f} | {limit:g} s | {cell(ours, value)} | {cell(glpk, value)} | {cell(highs, value)} |"
        )
    table = "\n".join(lines) + "\n"
    print(table)
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(table)
    return 0


if __name__ == "__main__":
    sys.exit(main())
