import ArgumentParser
import Districting
import Foundation
import GridData
import GridModel
import PlanningSupport

/// `wangge districts`: the generic entry to the districting core, for validation on published graphs.
struct DistrictsCommand: ParsableCommand, LanguageChoosing {
    static let configuration = CommandConfiguration(
        commandName: "districts",
        abstract: "Partitions a node-link graph into connected parts within weight bounds (validation entry).",
        discussion: """
            Reads networkx node-link JSON with an `adjacency` list (or `links`). Every part must be connected and \
            hold a weight in [min, max]. cut-edges minimises the edges between parts; inertia minimises \
            Σ weight × squared distance (m²) to the part's weighted centroid (positions from C_X/C_Y degrees or x/y \
            metres). `bound` is a proven lower bound on the objective of every valid partition (cut-edges: always \
            present, from the exact stage below 128 nodes, else from the spreading-metric LP; inertia: the centre \
            relaxation with squared distances, 0 without positions); `status` is optimal when it equals the objective. Exit 0 when every rule holds, 1 when \
            the nearest partition misses a bound (stated on stderr).
            """
    )

    @Argument(help: "The graph file (networkx node-link JSON).")
    var graph: String

    @Option(help: "The number of parts.")
    var parts: Int

    @Option(help: "The least weight of a part.")
    var min: Int

    @Option(help: "The greatest weight of a part.")
    var max: Int

    @Option(help: "cut-edges or inertia.")
    var objective: DistrictingObjective = .cutEdges

    @Option(help: "The node attribute holding its weight (default: 1 per node).")
    var weight: String?

    @Option(name: .customLong("time-limit"), help: "Seconds for the whole run.")
    var timeLimit: Double = 60

    @Option(help: "The seed of every random choice.")
    var seed: UInt64 = 1

    @Option(help: "text or json.")
    var format: DistrictsOutputFormat = .text

    @OptionGroup var languageOption: LanguageOption

    func validate() throws {
        guard parts >= 1 else { throw ValidationError(Message.text("cli.option.parts", ["value": "\(parts)"])) }
        guard min >= 0, max >= min else {
            throw ValidationError(Message.text("cli.option.min_max", ["min": "\(min)", "max": "\(max)"]))
        }
        guard timeLimit.isFinite, timeLimit > 0 else {
            throw ValidationError(Message.text("cli.option.time_limit_positive", ["value": "\(timeLimit)"]))
        }
    }

    func run() throws {
        let data: Data
        do {
            data = try Data(contentsOf: URL(fileURLWithPath: graph))
        } catch {
            throw CommandFailure.badInput(
                Message.text("cli.districts.unreadable", ["path": graph, "reason": error.localizedDescription]))
        }
        let file: NodeLinkGraph
        do {
            file = try NodeLinkGraph(data: data, file: graph, weightKey: weight)
        } catch {
            throw CommandFailure.badInput(error.description)
        }
        let result: DistrictingResult
        do {
            let request = DistrictingRequest(
                graph: Self.graph(of: file), parts: parts, bounds: DistrictingBounds(min: min, max: max),
                objective: objective)
            result = try PartitionSolver(options: .init(timeLimit: timeLimit, seed: seed)).solve(request)
        } catch {
            throw CommandFailure.badInput(error.description)
        }
        try StandardOutput.write(DistrictsReport(ids: file.ids, result: result).render(format))
        for deviation in result.deviations {
            StandardError.write(Message.text("cli.districts.deviation", ["message": deviation.message]))
        }
        if !result.deviations.isEmpty {
            throw CommandFailure(
                .ruleUnmet, Message.text("cli.districts.unmet", ["status": result.status.rawValue]))
        }
    }
}

extension DistrictsCommand {
    /// The districting graph of a node-link file: its weights, positions and edges.
    static func graph(of file: NodeLinkGraph) -> DistrictingGraph {
        DistrictingGraph(weights: file.weights, positions: file.positions, edges: file.edges.map { IndexPair($0.a, $0.b) })
    }
}

extension DistrictingObjective: ExpressibleByArgument {}
