#!/usr/bin/env python3
"""Seeded planar test graphs for `wangge districts`: the Delaunay triangulation of random points.

Why Delaunay: it is planar, connected and map-like (most nodes have 5-7 neighbours, like census units or
residential blocks), so cut-edge optima grow with the boundary length of the parts, as on real maps.

Output: networkx node-link JSON with an `adjacency` list (the county benchmarks' layout), each node carrying
`id`, `x`/`y` (metres, within a square of `--side` metres) and `households` (its weight: a whole number drawn
uniformly from [--min-weight, --max-weight]). Same arguments -> byte-identical file.

Usage:
    python3 Benchmarks/scripts/planar_graph.py --nodes 300 --seed 1 > planar300-s1.json
Needs numpy, scipy and networkx (pip install numpy scipy networkx).
"""

import argparse
import json
import sys

import networkx as nx
import numpy as np
from scipy.spatial import Delaunay


def planar_graph(nodes: int, seed: int, side: float, min_weight: int, max_weight: int) -> nx.Graph:
    """The Delaunay graph of `nodes` seeded uniform points, with seeded integer weights."""
    generator = np.random.default_rng(seed)
    points = generator.uniform(0.0, side, size=(nodes, 2))
    weights = generator.integers(min_weight, max_weight + 1, size=nodes)
    graph = nx.Graph()
    for index, (x, y) in enumerate(points):
        graph.add_node(index, x=round(float(x), 2), y=round(float(y), 2), households=int(weights[index]))
    for simplex in Delaunay(points).simplices:
        a, b, c = (int(v) for v in simplex)
        graph.add_edges_from([(a, b), (b, c), (a, c)])
    return graph


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--nodes", type=int, default=300)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--side", type=float, default=2000.0, help="side of the square, metres")
    parser.add_argument("--min-weight", type=int, default=20)
    parser.add_argument("--max-weight", type=int, default=60)
    arguments = parser.parse_args()
    if arguments.nodes < 3 or arguments.min_weight < 0 or arguments.max_weight < arguments.min_weight:
        parser.error("expected --nodes >= 3 and 0 <= --min-weight <= --max-weight")
    graph = planar_graph(arguments.nodes, arguments.seed, arguments.side, arguments.min_weight,
                         arguments.max_weight)
    document = nx.adjacency_data(graph)
    # networkx's layout, made stable: neighbours in increasing id order.
    document["adjacency"] = [sorted(row, key=lambda entry: entry["id"]) for row in document["adjacency"]]
    json.dump(document, sys.stdout, sort_keys=True, separators=(",", ":"))
    sys.stdout.write("\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
