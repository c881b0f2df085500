import ArgumentParser
import Foundation
import GeneralizedAssignment
import GridData
import GridModel
import LinearSolver

/// `wangge solve gap FILE`: reads an OR-Library generalized assignment file and solves its problems.
struct SolveGAPCommand: ParsableCommand, LanguageChoosing {
    static let configuration = CommandConfiguration(
        commandName: "gap",
        abstract: "Solves OR-Library generalized assignment problems (multi-problem or single-instance files).",
        discussion: """
            A multi-problem file (first line: the number of problems P) holds problems 0..P-1; a single-instance \
            file (first line: m n) holds problem 0. JSON output prints one object per problem, and an array when a \
            multi-problem file is solved without --instance. With several problems, --write-lp PATH writes one file \
            per problem, named PATH with -K before the extension. The Lagrangian heuristic (subgradient, repair, \
            tabu search, exact sub-solves over agent subsets) runs first on --heuristic-share of --time-limit and \
            hands its assignment to GLPK's branch-and-cut, which gets the rest; the whole run stays within \
            --time-limit. The bound printed is the better of the Lagrangian and GLPK bounds.
            """
    )

    enum Sense: String, ExpressibleByArgument, CaseIterable {
        case min, max
    }

    enum Format: String, ExpressibleByArgument, CaseIterable {
        case text, json
    }

    @Argument(help: "The GAP file.")
    var file: String

    @Option(help: "Solve only problem K of the file (counting from 0).")
    var instance: Int?

    @Option(help: "Minimise cost or maximise profit.")
    var sense: Sense = .min

    @Option(name: .customLong("time-limit"), help: "Seconds per problem (default: no limit).")
    var timeLimit: Double?

    @Option(help: "Stop once the plan is proven within this relative gap of the optimum (0.005 = 0.5 %; default 0).")
    var gap: Double = 0

    @Option(
        name: .customLong("heuristic-share"),
        help: "Share of --time-limit the Lagrangian heuristic may use before GLPK starts (0…1)."
    )
    var heuristicShare: Double = 0.9

    @Option(name: .customLong("write-lp"), help: "Also write the model as a CPLEX LP file to PATH.")
    var writeLP: String?

    @Option(name: .customLong("write-mps"), help: "Also write the model as a free MPS file to PATH.")
    var writeMPS: String?

    @Option(help: "Output format.")
    var format: Format = .text

    @OptionGroup var languageOption: LanguageOption

    func run() throws {
        if let timeLimit, !(timeLimit.isFinite && timeLimit >= 0) {
            throw CommandFailure.badInput(
                Message.text("cli.option.time_limit_nonnegative", ["value": "\(timeLimit)"]))
        }
        guard gap.isFinite, gap >= 0, gap < 1 else {
            throw CommandFailure.badInput(Message.text("cli.option.gap", ["value": "\(gap)"]))
        }
        guard heuristicShare.isFinite, (0...1).contains(heuristicShare) else {
            throw CommandFailure.badInput(Message.text("cli.option.heuristic_share", ["value": "\(heuristicShare)"]))
        }
        let solver = GeneralizedAssignmentSolver(heuristicShare: heuristicShare)
        let problems: [GeneralizedAssignmentProblem]
        do {
            problems = try GeneralizedAssignmentFileReader.read(contentsOf: URL(fileURLWithPath: file)).map {
                try GeneralizedAssignmentProblem(
                    name: $0.name, cost: $0.cost, resource: $0.resource, capacity: $0.capacity)
            }
        } catch let error as GridDataError {
            throw CommandFailure.badInput(error.description)
        } catch {
            throw CommandFailure.badInput("\(file): \(error)")
        }
        let selected: [(Int, GeneralizedAssignmentProblem)]
        if let instance {
            guard problems.indices.contains(instance) else {
                let arguments = [
                    "file": file, "instance": "\(instance)", "last": "\(problems.count - 1)",
                    "problems": Counted.instances(problems.count),
                ]
                throw CommandFailure.badInput(Message.text("cli.gap.instance_out_of_range", arguments))
            }
            selected = [(instance, problems[instance])]
        } else {
            selected = Array(problems.enumerated())
        }
        let objectiveSense: ObjectiveSense = sense == .min ? .minimize : .maximize
        var results: [(Int, GeneralizedAssignmentProblem, GeneralizedAssignmentResult)] = []
        for (index, problem) in selected {
            try export(problem, index: index, sense: objectiveSense, several: selected.count > 1)
            let result: GeneralizedAssignmentResult
            do {
                result = try solver.solve(problem, sense: objectiveSense, timeLimit: timeLimit, relativeGap: gap)
            } catch {
                throw CommandFailure(
                    .internalError,
                    Message.text("cli.gap.solve_failed", ["file": file, "index": "\(index)", "error": error.description]))
            }
            results.append((index, problem, result))
            if format == .text {
                try StandardOutput.write(GAPReport.textLine(index: index, problem: problem, result: result))
            }
        }
        if format == .json {
            let objects = results.map { GAPReport.jsonObject(index: $0.0, problem: $0.1, result: $0.2) }
            if instance == nil, problems.count > 1 {
                try StandardOutput.write("[\n  " + objects.joined(separator: ",\n  ") + "\n]")
            } else {
                for object in objects { try StandardOutput.write(object) }
            }
        }
        // The spec's exit codes: an instance without a feasible assignment is a rule unmet (1), not an error.
        let infeasible = results.filter { $0.2.status == .infeasible }.map(\.0)
        if !infeasible.isEmpty {
            let arguments = ["file": file, "instances": Language.current.list(infeasible.map(String.init))]
            throw CommandFailure(
                .ruleUnmet,
                infeasible.count == 1
                    ? Message.text("cli.gap.infeasible_one", arguments)
                    : Message.text("cli.gap.infeasible_many", arguments))
        }
    }

    private func export(_ problem: GeneralizedAssignmentProblem, index: Int, sense: ObjectiveSense, several: Bool)
        throws
    {
        let model = problem.linearModel(sense: sense)
        // Written through SafeFile: a FIFO, device or link at the path is refused and left as it is.
        do {
            if let writeLP {
                let url = URL(fileURLWithPath: Self.path(writeLP, index: index, several: several))
                try SafeFile.write(try model.cplexLPText(), to: url, privacy: .shareable)
            }
            if let writeMPS {
                let url = URL(fileURLWithPath: Self.path(writeMPS, index: index, several: several))
                try SafeFile.write(try model.mpsText(), to: url, privacy: .shareable)
            }
        } catch let error as OutputError {
            throw CommandFailure.unwritable(error)
        } catch {
            throw CommandFailure.badInput("\(error)")
        }
    }

    /// `out.lp` → `out-3.lp` when several problems are written.
    static func path(_ path: String, index: Int, several: Bool) -> String {
        guard several else { return path }
        let url = URL(fileURLWithPath: path)
        let stem = url.deletingPathExtension().lastPathComponent
        let named = url.pathExtension.isEmpty ? "\(stem)-\(index)" : "\(stem)-\(index).\(url.pathExtension)"
        return url.deletingLastPathComponent().appendingPathComponent(named).path
    }
}
