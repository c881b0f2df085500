#!/usr/bin/env bash
# Checks that every job workbook of a plan folder says what its CSVs say, as LibreOffice reads it: each sheet is
# converted to CSV by `libreoffice --headless --convert-to csv` and compared cell by cell with the CSV it came from
# (column titles mapped back to column names through Sources/GridModel/Messages/Tables/common.tsv).
#   bash Benchmarks/scripts/xlsx_roundtrip.sh PLAN_DIR   (needs apt-get install libreoffice-calc-nogui)
set -euo pipefail
cd "$(dirname "$0")/../.."
plan=${1:?usage: xlsx_roundtrip.sh PLAN_DIR}
command -v soffice >/dev/null || { echo "soffice is needed: apt-get install libreoffice-calc-nogui" >&2; exit 2; }
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
status=0
for book in "$plan"/*.xlsx "$plan"/*/*.xlsx; do
    [ -f "$book" ] || continue
    out="$work/$(basename "$(dirname "$book")")"
    mkdir -p "$out"
    # 44,34,76: comma, double quote, UTF-8; the final -1 writes every sheet to BOOK-SHEET.csv.
    soffice --headless --convert-to 'csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,-1' \
        "$book" --outdir "$out" >/dev/null 2>&1
    python3 - "$book" "$out" Sources/GridModel/Messages/Tables/common.tsv <<'PY' || status=1
import csv, glob, os, sys
book, out, catalogue = sys.argv[1:]
title, sheets = {}, {}
for line in open(catalogue, encoding="utf-8").read().splitlines()[1:]:
    key, zh, _ = line.split("\t")
    if key.startswith("column."): title[key[7:]] = zh
    if key.startswith("file."): sheets[zh] = key[5:]
folder, stem = os.path.dirname(book), os.path.splitext(os.path.basename(book))[0]
checked, problems = 0, []
for converted in sorted(glob.glob(os.path.join(out, stem + "-*.csv"))):
    sheet = os.path.basename(converted)[len(stem) + 1:-4]
    source = os.path.join(folder, sheets.get(sheet, sheet) + ".csv")
    if not os.path.exists(source):
        problems.append(f"sheet {sheet}: no CSV {source}")
        continue
    original = list(csv.reader(open(source, encoding="utf-8-sig", newline="")))
    back = list(csv.reader(open(converted, encoding="utf-8-sig", newline="")))
    header = original[0]
    if not back or back[0] != [title.get(column, column) for column in header]:
        problems.append(f"sheet {sheet}: header {back[:1]} for {header}")
        continue
    width = len(header)
    pad = lambda row: row + [""] * (width - len(row))
    rows_back, rows_csv = [pad(r) for r in back[1:]], [pad(r) for r in original[1:]]
    if rows_back != rows_csv:
        pairs = enumerate(zip(rows_back, rows_csv))
        first = next((i for i, (a, b) in pairs if a != b), min(len(rows_back), len(rows_csv)))
        problems.append(f"sheet {sheet}: {len(rows_back)} rows for {len(rows_csv)}; differs at line {first + 2}")
    checked += 1
print(f"{book}: {checked} sheets, {'same as the CSVs' if not problems else 'DIFFERENT'}")
for problem in problems: print("  " + problem)
sys.exit(1 if problems else 0)
PY
done
exit $status
