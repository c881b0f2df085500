import Foundation
import GridModel

/// Reads OR-Library GAP files: multi-problem files (`gap1.txt`: first line `P`, then P problems) and single-instance
/// files (Yagiura's `d10200`: first line `m n`). A problem is `m n`, m rows of n costs, m rows of n resource uses and
/// m capacities; line breaks inside the numbers do not matter.
///
/// The two kinds are told apart by the first non-empty line: one number means a multi-problem file, two mean a
/// single instance. Every error names the file, line and column.
public enum GeneralizedAssignmentFileReader {
    /// The largest agents × jobs accepted (a guard against a corrupt size line asking for terabytes).
    static let maximumVariables = 50_000_000

    /// Reads every problem in the file at `url`.
    /// - Throws: ``GridDataError`` naming file, line and column of the first defect.
    public static func read(contentsOf url: URL) throws(GridDataError) -> [GeneralizedAssignmentInstance] {
        let data: Data
        do {
            data = try Data(contentsOf: url)
        } catch {
            throw GridDataError(
                DataIssue(
                    file: url.path,
                    problem: Message.text("data.gap.cannot_read", ["error": error.localizedDescription])))
        }
        let base = url.deletingPathExtension().lastPathComponent
        return try parse(data, file: url.path, baseName: base)
    }

    /// Reads every problem in `data`; `file` is used in messages, `baseName` to name problems (`base-k` in a
    /// multi-problem file, `base` in a single-instance file).
    /// - Throws: ``GridDataError`` naming file, line and column of the first defect.
    public static func parse(_ data: Data, file: String, baseName: String) throws(GridDataError)
        -> [GeneralizedAssignmentInstance]
    {
        var scanner = NumberScanner(bytes: Array(data), file: file)
        let header = try scanner.firstLineTokenCount()
        switch header {
        case 1:
            let count = try scanner.nextInteger(expecting: Message.text("data.gap.problem_count"), minimum: 1)
            var problems: [GeneralizedAssignmentInstance] = []
            for index in 0..<count {
                let label = Message.text("data.gap.problem_label", ["index": "\(index)"])
                problems.append(try readProblem(&scanner, name: "\(baseName)-\(index)", label: label))
            }
            try scanner.expectEnd()
            return problems
        case 2:
            let problem = try readProblem(&scanner, name: baseName, label: Message.text("data.gap.the_problem"))
            try scanner.expectEnd()
            return [problem]
        default:
            throw scanner.error(
                at: scanner.firstLinePosition,
                Message.text("data.gap.first_line", ["count": "\(header)"]))
        }
    }

    private static func readProblem(_ scanner: inout NumberScanner, name: String, label: String)
        throws(GridDataError) -> GeneralizedAssignmentInstance
    {
        let start = scanner.position
        let agents = try scanner.nextInteger(
            expecting: Message.text("data.gap.agent_count", ["label": label]), minimum: 1)
        let jobs = try scanner.nextInteger(
            expecting: Message.text("data.gap.job_count", ["label": label]), minimum: 1)
        guard agents.multipliedReportingOverflow(by: jobs).partialValue <= maximumVariables,
            !agents.multipliedReportingOverflow(by: jobs).overflow
        else {
            throw scanner.error(
                at: start,
                Message.text(
                    "data.gap.too_large", ["agents": "\(agents)", "jobs": "\(jobs)", "limit": "\(maximumVariables)"]))
        }
        var cost = Array(repeating: Array(repeating: 0.0, count: jobs), count: agents)
        var resource = cost
        for agent in 0..<agents {
            for job in 0..<jobs {
                cost[agent][job] = try scanner.nextNumber(
                    expecting: Message.text("data.gap.cost", ["label": label, "agent": "\(agent)", "job": "\(job)"]))
            }
        }
        for agent in 0..<agents {
            for job in 0..<jobs {
                resource[agent][job] = try scanner.nextNumber(
                    expecting: Message.text(
                        "data.gap.resource", ["label": label, "agent": "\(agent)", "job": "\(job)"]),
                    minimum: 0
                )
            }
        }
        var capacity = Array(repeating: 0.0, count: agents)
        for agent in 0..<agents {
            capacity[agent] = try scanner.nextNumber(
                expecting: Message.text("data.gap.capacity", ["label": label, "agent": "\(agent)"]), minimum: 0)
        }
        return GeneralizedAssignmentInstance(name: name, cost: cost, resource: resource, capacity: capacity)
    }
}
