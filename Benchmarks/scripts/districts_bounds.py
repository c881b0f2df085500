#!/usr/bin/env python3
"""Runs `wangge districts` (cut edges) over graphs and part counts and prints a markdown table of objective, bound,
known optimum, gap, status, method and wall seconds.

Bounds per graph and k follow Validi & Buchanan's convention: L = ceil((1 - t) * P / k), U = floor((1 + t) * P / k)
with P the total weight and t the tolerance (0.005 for the county graphs, as in their table 8).

Usage (from the repository root, after `swift build -c release --product wangge`):
    python3 Benchmarks/scripts/districts_bounds.py --weight TOTPOP --tolerance 0.005 --time-limit 20 \
        /work/shared/benchmarks/districting/county/*.json --parts 2 3 4 5 6
    python3 Benchmarks/scripts/districts_bounds.py --weight households --tolerance 0.05 --time-limit 30 \
        planar300-s1.json planar300-s2.json planar300-s3.json --parts 2 3 4 5 6
"""

import argparse
import json
import math
import os
import subprocess
import sys
import time

# Published optima (Validi & Buchanan, table 8): file stem -> (k, optimal cut edges).
KNOWN_OPTIMA = {
    "county23": (2, 16), "county35": (3, 17), "county16": (2, 10), "county54": (3, 23), "county22": (6, 49),
    "county01": (7, 55), "county05": (4, 33), "county40": (5, 40), "county28": (4, 34), "county31": (3, 19),
    "county19": (4, 33), "county20": (4, 32),
}


def total_weight(path: str, key: str) -> int:
    with open(path) as handle:
        document = json.load(handle)
    return sum(int(node[key]) for node in document["nodes"])


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("graphs", nargs="+")
    parser.add_argument("--parts", type=int, nargs="+", default=[2, 3, 4, 5, 6])
    parser.add_argument("--weight", default="TOTPOP")
    parser.add_argument("--tolerance", type=float, default=0.005)
    parser.add_argument("--time-limit", type=float, default=20)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--wangge", default=".build/release/wangge")
    arguments = parser.parse_args()
    print("| graph | n | k | L | U | objective | bound | known optimum | gap | status | method | wall s |")
    print("|---|---|---|---|---|---|---|---|---|---|---|---|")
    for path in arguments.graphs:
        stem = os.path.splitext(os.path.basename(path))[0]
        with open(path) as handle:
            nodes = len(json.load(handle)["nodes"])
        total = total_weight(path, arguments.weight)
        for parts in arguments.parts:
            low = math.ceil((1 - arguments.tolerance) * total / parts)
            high = math.floor((1 + arguments.tolerance) * total / parts)
            command = [arguments.wangge, "districts", path, "--parts", str(parts), "--min", str(low),
                       "--max", str(high), "--weight", arguments.weight, "--time-limit", str(arguments.time_limit),
                       "--seed", str(arguments.seed), "--format", "json"]
            started = time.monotonic()
            run = subprocess.run(command, capture_output=True, text=True)
            wall = time.monotonic() - started
            try:
                result = json.loads(run.stdout)
            except json.JSONDecodeError:
                print(f"| {stem} | {nodes} | {parts} | {low} | {high} | error (exit {run.returncode}) |"
                      " | | | | | |")
                continue
            objective, bound = result["objective"], result["bound"]
            known = KNOWN_OPTIMA.get(stem)
            optimum = str(known[1]) if known and known[0] == parts else ""
            valid = result["status"] in ("optimal", "feasible")
            gap = f"{(objective - bound) / objective:.1%}" if valid and bound is not None and objective > 0 else ""
            print(f"| {stem} | {nodes} | {parts} | {low} | {high} | {objective} | {bound} | {optimum} | {gap} | "
                  f"{result['status']} | {result['method']} | {wall:.1f} |", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
