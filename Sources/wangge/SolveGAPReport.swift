import GeneralizedAssignment
import GridData
import GridModel
import LinearSolver

/// Text and JSON lines for `wangge solve gap`; fixed key order, so output differs between runs only in `seconds`
/// (and, under a time limit, in how far the search got).
enum GAPReport {
    static func jsonObject(index: Int, problem: GeneralizedAssignmentProblem, result: GeneralizedAssignmentResult)
        -> String
    {
        let fields: [(String, String)] = [
            ("instance", "\(index)"),
            ("name", JSONText.quoted(problem.name)),
            ("sense", JSONText.quoted(result.sense.rawValue)),
            ("agents", "\(problem.agentCount)"),
            ("jobs", "\(problem.jobCount)"),
            ("status", JSONText.quoted(result.status.rawValue)),
            ("objective", number(result.objective)),
            ("bound", number(result.bound)),
            ("gap", number(result.gap)),
            ("seconds", number((result.seconds * 1000).rounded() / 1000)),
            ("nodes", "\(result.nodes)"),
            ("verified", result.check.map { $0.isFeasible ? "true" : "false" } ?? "null"),
        ]
        return "{" + fields.map { "\"\($0.0)\": \($0.1)" }.joined(separator: ", ") + "}"
    }

    static func textLine(index: Int, problem: GeneralizedAssignmentProblem, result: GeneralizedAssignmentResult)
        -> String
    {
        let gap = result.gap.map { String(format: "%.3f %%", $0 * 100) } ?? "-"
        let size = "\(problem.agentCount)x\(problem.jobCount)"
        var verdict = ""
        if let check = result.check {
            verdict =
                check.isFeasible
                ? Message.text("cli.gap.verified")
                : Message.text("cli.gap.not_verified", ["violations": Language.current.clauses(check.violations)])
        }
        let arguments = [
            "name": problem.name, "instance": "\(index)", "size": size, "sense": result.sense.rawValue,
            "status": result.status.rawValue, "objective": number(result.objective, missing: "-"),
            "bound": number(result.bound, missing: "-"), "gap": gap,
            "time": Counted.seconds(String(format: "%.2f", result.seconds)), "nodes": "\(result.nodes)",
            "verdict": verdict,
        ]
        return Message.text("cli.gap.line", arguments)
    }

    private static func number(_ value: Double?, missing: String = "null") -> String {
        guard let value, value.isFinite else { return missing }
        if value == value.rounded(), abs(value) < 1e15 { return String(Int64(value)) }
        return "\(value)"
    }

}
