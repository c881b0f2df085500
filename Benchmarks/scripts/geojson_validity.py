#!/usr/bin/env python3
"""OGC validity of grids.geojson files, judged by shapely (GEOS), not by Wangge's own code.

Usage: geojson_validity.py GRIDS_GEOJSON [...]

Prints per file: features, grid and micro-grid features, how many of each are invalid (shapely `is_valid`, with
the first reasons), and whether any two grids (or two micro-grids) overlap: pairwise intersection area above
1e-6 of the smaller one's area. Invalid shapes are repaired with `make_valid` before the overlap test, so that an
invalid shape does not hide an overlap. Exits 1 when anything is invalid or overlaps.

Needs shapely 2 (pip install shapely).
"""
import json
import sys
from collections import Counter

from shapely import make_valid
from shapely.geometry import shape
from shapely.strtree import STRtree
from shapely.validation import explain_validity

RELATIVE_OVERLAP = 1e-6


def overlapping_pairs(geometries):
    """Pairs (i, j) whose intersection area exceeds RELATIVE_OVERLAP of the smaller area."""
    repaired = [g if g.is_valid else make_valid(g) for g in geometries]
    tree = STRtree(repaired)
    pairs = []
    for i, g in enumerate(repaired):
        for j in tree.query(g):
            j = int(j)
            if j <= i:
                continue
            smaller = min(g.area, repaired[j].area)
            if smaller > 0 and g.intersection(repaired[j]).area > RELATIVE_OVERLAP * smaller:
                pairs.append((i, j))
    return pairs


def check(path):
    with open(path, encoding="utf-8") as handle:
        features = json.load(handle)["features"]
    by_level = {"grid": [], "micro_grid": []}
    for feature in features:
        by_level.setdefault(feature["properties"]["level"], []).append(feature)
    report = {"file": path, "features": len(features)}
    failed = False
    for level in ("grid", "micro_grid"):
        items = by_level[level]
        geometries = [shape(f["geometry"]) for f in items]
        reasons = Counter()
        invalid = 0
        for geometry in geometries:
            if not geometry.is_valid:
                invalid += 1
                reasons[explain_validity(geometry).split("[")[0].strip()] += 1
        pairs = overlapping_pairs(geometries)
        report[level] = {
            "features": len(items),
            "invalid": invalid,
            "reasons": dict(reasons.most_common(3)),
            "overlapping_pairs": len(pairs),
            "first_overlaps": [(items[i]["id"], items[j]["id"]) for i, j in pairs[:3]],
        }
        failed = failed or invalid > 0 or pairs
    grids, micros = report["grid"], report["micro_grid"]
    print(
        f"{path}: features {report['features']}; grids {grids['features']} (invalid {grids['invalid']}, "
        f"overlapping pairs {grids['overlapping_pairs']}); micro-grids {micros['features']} "
        f"(invalid {micros['invalid']}, overlapping pairs {micros['overlapping_pairs']})"
    )
    for level in ("grid", "micro_grid"):
        if report[level]["reasons"]:
            print(f"  {level} reasons: {report[level]['reasons']}")
        if report[level]["first_overlaps"]:
            print(f"  {level} overlaps: {report[level]['first_overlaps']}")
    return failed


def main(paths):
    if not paths:
        print(__doc__.strip(), file=sys.stderr)
        return 2
    failed = [check(path) for path in paths]
    return 1 if any(failed) else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
