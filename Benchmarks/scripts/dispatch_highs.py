"""Re-solve one community-day's dispatch models with HiGHS (issue 13's optimality note).

Usage: WANGGE_MATCHING_MEASURE=/tmp/measure swift test --filter exportCommunityDay   (prints GLPK's values)
       python3 Benchmarks/scripts/dispatch_highs.py /tmp/measure                      (pip install highspy)

dispatch-priority.lp is the first tier (maximise priority-weighted requests); dispatch-walking-load.lp is the second
solve (priority held at GLPK's value; whole decimetres walked plus the load cost scaled below half a decimetre), so
floor(objective) is the walk in decimetres.
"""
import math
import sys

import highspy


def solve(path):
    h = highspy.Highs()
    h.setOptionValue("output_flag", False)
    h.setOptionValue("mip_rel_gap", 0.0)
    h.readModel(path)
    h.run()
    info = h.getInfo()
    return h.modelStatusToString(h.getModelStatus()), info.objective_function_value, info.mip_dual_bound


folder = sys.argv[1] if len(sys.argv) > 1 else "/tmp/measure"
status, objective, bound = solve(f"{folder}/dispatch-priority.lp")
print(f"priority tier: HiGHS {status}, objective {objective:.6f}, bound {bound:.6f}")
status, objective, bound = solve(f"{folder}/dispatch-walking-load.lp")
print(f"walking and load: HiGHS {status}, objective {objective:.6f}, bound {bound:.6f}, "
      f"walk {math.floor(objective + 1e-9)} dm")
