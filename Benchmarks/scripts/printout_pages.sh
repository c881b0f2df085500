#!/bin/sh
# Prints the sample street's visit sheets (roster/sheets.html) and grid rosters (roster/roster.html) to A4 PDFs with
# headless Chromium and reports how many pages each visitor and each grid takes (issue 12's targets: at least 95 %
# of visitors on one page, at most 3 pages per grid).
#
#   sh Benchmarks/scripts/printout_pages.sh [PLAN_DIR]
#
# PLAN_DIR is a folder written by `wangge plan` (default: the sample street planned for 2026-W48 into a temporary
# folder with .build/debug/wangge, built first if missing). Needs chromium, pdftotext (poppler-utils), python3 and,
# for Chinese glyphs, fonts-noto-cjk. Counting: a sheet starts on a page holding "Weekly visit sheet", so a
# visitor's pages run to the next such page; a grid roster starts with a title "name · CODE · week" and ends with a
# line "CODE 完 end", so a grid's pages run from the page of the one to the page of the other.
set -eu
root=$(cd "$(dirname "$0")/../.." && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
if [ $# -ge 1 ]; then
    plan=$(cd "$1" && pwd)
else
    [ -x "$root/.build/debug/wangge" ] || (cd "$root" && swift build --product wangge >/dev/null)
    plan="$work/plan"
    (cd "$root" && .build/debug/wangge plan Scenarios/sample-street --week 2026-W48 --out "$plan" >/dev/null) || true
fi
for name in sheets roster; do
    [ -f "$plan/roster/$name.html" ] || { echo "printout_pages.sh: $plan/roster/$name.html is missing" >&2; exit 2; }
    chromium --headless --no-sandbox --disable-gpu --user-data-dir="$work/profile" --no-pdf-header-footer \
        --print-to-pdf="$work/$name.pdf" "file://$plan/roster/$name.html" >/dev/null 2>&1
    pdftotext -layout "$work/$name.pdf" "$work/$name.txt"
    echo "$name.html: $(pdfinfo "$work/$name.pdf" | awk '/^Pages:/ { print $2 }') A4 pages"
done
python3 - "$work/sheets.txt" "$work/roster.txt" <<'PY'
import re, sys
from collections import Counter
sheets = open(sys.argv[1], encoding="utf-8").read().split("\f")
if sheets and not sheets[-1].strip():
    sheets.pop()
starts = [i for i, page in enumerate(sheets) if "Weekly visit sheet" in page]
lengths = [b - a for a, b in zip(starts, starts[1:] + [len(sheets)])]
one = sum(1 for n in lengths if n <= 1)
share = 100.0 * one / len(lengths) if lengths else 0.0
print(f"sheets: {len(lengths)} visitors, {one} on one page ({share:.1f} %), most pages for a visitor {max(lengths or [0])}")
roster = open(sys.argv[2], encoding="utf-8").read().split("\f")
first, last = {}, {}
for number, page in enumerate(roster):
    for code in re.findall(r"· (\S+) · \d{4}-W\d{2}", page):
        first.setdefault(code, number)
    for code in re.findall(r"(\S+) 完 end", page):
        last[code] = number
pages = Counter({code: last.get(code, len(roster) - 1) - start + 1 for code, start in first.items()})
if set(first) != set(last):
    print(f"roster: grids without an end line: {sorted(set(first) ^ set(last))}")
worst = max(pages.values() or [0])
over = sorted(code for code, n in pages.items() if n > 3)
print(f"roster: {len(pages)} grids, most pages for a grid {worst}" + (f"; over 3: {', '.join(over)}" if over else ""))
ok = lengths and share >= 95.0 and worst <= 3
print("targets (>= 95 % of visitors on one page, <= 3 pages per grid): " + ("met" if ok else "NOT met"))
sys.exit(0 if ok else 1)
PY
