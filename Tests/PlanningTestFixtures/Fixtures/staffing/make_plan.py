#!/usr/bin/env python3
"""Cuts a street folder into a test plan (grids.csv) for the staffing tests; run once, output committed.

Each community's residential buildings are sorted along a Hilbert curve and cut into grids of 300-500 households,
each grid into micro-grids of 30-50 households (whole buildings; a building too large for one micro-grid is split
by its stairwell units, a unit too large alone is its own micro-grid). Non-residential buildings form one special
grid per community. Contiguity is not checked: staffing does not need it.

usage: make_plan.py STREET_DIR OUT_DIR
"""
import csv, os, sys

def hilbert(n, x, y):
    d, s = 0, n // 2
    while s > 0:
        rx = 1 if x & s else 0
        ry = 1 if y & s else 0
        d += s * s * ((3 * rx) ^ ry)
        if ry == 0:
            if rx == 1:
                x, y = n - 1 - x, n - 1 - y
            x, y = y, x
        s //= 2
    return d

def cut(items, low, high):
    """Greedy cut of (key, households) items into consecutive groups aiming at the middle of [low, high]."""
    total = sum(h for _, h in items)
    count = max(1, round(total / ((low + high) / 2)))
    target = total / count
    groups, current, acc, done = [], [], 0, 0
    for item in items:
        current.append(item)
        acc += item[1]
        if acc >= target and len(groups) < count - 1:
            groups.append(current)
            done += acc
            current, acc = [], 0
    if current:
        groups.append(current)
    return groups

def main(street, out):
    buildings = list(csv.DictReader(open(os.path.join(street, 'buildings.csv'), encoding='utf-8-sig')))
    units = {}
    upath = os.path.join(street, 'units.csv')
    if os.path.exists(upath):
        for row in csv.DictReader(open(upath, encoding='utf-8-sig')):
            units.setdefault(row['building_id'], []).append((row['unit'], int(row['households'])))
    xs = [float(b['x']) for b in buildings]
    ys = [float(b['y']) for b in buildings]
    span = max(max(xs) - min(xs), max(ys) - min(ys), 1)
    rows = []
    for community in sorted({b['community_id'] for b in buildings}):
        members = [b for b in buildings if b['community_id'] == community]
        residential = [b for b in members if (b.get('kind') or 'residential') == 'residential' and int(b['households']) > 0]
        special = [b for b in members if b not in residential]
        residential.sort(key=lambda b: (hilbert(1024, int((float(b['x']) - min(xs)) / span * 1023),
                                                 int((float(b['y']) - min(ys)) / span * 1023)), b['building_id']))
        grids = cut([(b, int(b['households'])) for b in residential], 300, 500)
        for g, grid in enumerate(grids, 1):
            grid_id = f'{community}-G{g:02d}'
            atoms = []
            for b, h in grid:
                parts = units.get(b['building_id'])
                if h > 50 and parts and len(parts) > 1:
                    atoms += [((b, unit), uh) for unit, uh in parts if uh > 0]
                else:
                    atoms.append(((b, None), h))
            for m, micro in enumerate(cut(atoms, 30, 50), 1):
                for (b, unit), h in micro:
                    rows.append([b['building_id'], unit or '', '', h, community, grid_id, f'{grid_id}-M{m:02d}',
                                 'residential'])
        for b in sorted(special, key=lambda b: b['building_id']):
            rows.append([b['building_id'], '', '', b['households'], community, f'{community}-S01', f'{community}-S01-M01',
                         b.get('kind') or 'residential'])
    os.makedirs(out, exist_ok=True)
    with open(os.path.join(out, 'grids.csv'), 'w', newline='', encoding='utf-8') as f:
        w = csv.writer(f, lineterminator='\n')
        w.writerow(['building_id', 'unit', 'floors', 'households', 'community_id', 'grid_id', 'micro_grid_id', 'kind'])
        w.writerows(rows)

if __name__ == '__main__':
    main(sys.argv[1], sys.argv[2])
