import Foundation
import GridData
import GridModel
import PlanningSupport
import Testing

@testable import Districting

/// Checks a partition against the JSON file itself, not the solver's graph: parts connected over the file's own
/// adjacency lists, weights within bounds, cut edges recounted.
struct NodeLinkChecker {
    let ids: [String]
    let weights: [String: Int]
    let adjacency: [String: Set<String>]

    init(data: Data, weightKey: String) throws {
        let root = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        let nodes = try #require(root["nodes"] as? [[String: Any]])
        let lists = try #require(root["adjacency"] as? [[[String: Any]]])
        var ids: [String] = []
        var weights: [String: Int] = [:]
        var adjacency: [String: Set<String>] = [:]
        for (node, list) in zip(nodes, lists) {
            let id = "\(try #require(node["id"]))"
            ids.append(id)
            weights[id] = try #require((node[weightKey] as? NSNumber)?.intValue)
            for entry in list {
                let other = "\(try #require(entry["id"]))"
                adjacency[id, default: []].insert(other)
                adjacency[other, default: []].insert(id)
            }
        }
        self.ids = ids
        self.weights = weights
        self.adjacency = adjacency
    }

    /// The problems found (empty when the partition is valid), and the recounted cut edges.
    func check(parts: [String: Int], count: Int, min: Int, max: Int) -> (problems: [String], cutEdges: Int) {
        var problems: [String] = []
        if Set(parts.keys) != Set(ids) { problems.append("not every node has a part") }
        for label in 0..<count {
            let members = Set(parts.filter { $0.value == label }.keys)
            guard let start = members.first else {
                problems.append("part \(label) is empty")
                continue
            }
            var seen: Set<String> = [start]
            var stack = [start]
            while let u = stack.popLast() {
                for v in adjacency[u] ?? [] where members.contains(v) && !seen.contains(v) {
                    seen.insert(v)
                    stack.append(v)
                }
            }
            if seen.count != members.count { problems.append("part \(label) is not connected") }
            let weight = members.reduce(0) { $0 + (weights[$1] ?? 0) }
            if weight < min || weight > max { problems.append("part \(label) weighs \(weight)") }
        }
        var cut = 0
        for (u, list) in adjacency {
            for v in list where u < v && parts[u] != parts[v] { cut += 1 }
        }
        return (problems, cut)
    }
}

@Suite struct DistrictingPartitionTests {
    static func fixture(_ name: String) throws -> Data {
        let url = try #require(Bundle.module.url(forResource: "Fixtures/districting/\(name)", withExtension: "json"))
        return try Data(contentsOf: url)
    }

    struct County: Sendable, CustomStringConvertible {
        let file: String, parts: Int, min: Int, max: Int, optimum: Int
        var description: String { file }
    }

    /// The published optima (Validi & Buchanan, table 8) of the small county graphs.
    static let counties = [
        County(file: "county23", parts: 2, min: 660_860, max: 667_501, optimum: 16),
        County(file: "county35", parts: 3, min: 682_962, max: 689_824, optimum: 17),
    ]

    @Test(arguments: counties)
    func countyGraphReachesItsPublishedOptimumAndPassesTheIndependentCheck(county: County) throws {
        let data = try Self.fixture(county.file)
        let file = try NodeLinkGraph(data: data, file: county.file, weightKey: "TOTPOP")
        let request = DistrictingRequest(
            graph: file.graph, parts: county.parts, bounds: DistrictingBounds(min: county.min, max: county.max),
            objective: .cutEdges
        )
        let result = try PartitionSolver(options: .init(timeLimit: 60)).solve(request)
        #expect(result.status == .optimal)
        #expect(result.objective == Double(county.optimum))
        #expect(result.bound == Double(county.optimum))
        let checker = try NodeLinkChecker(data: data, weightKey: "TOTPOP")
        let parts = Dictionary(uniqueKeysWithValues: zip(file.ids, result.parts))
        let (problems, cut) = checker.check(parts: parts, count: county.parts, min: county.min, max: county.max)
        #expect(problems.isEmpty, "\(problems)")
        #expect(cut == county.optimum)
    }

    /// A w × h lattice with unit-spaced positions and the given weight per node.
    static func lattice(width: Int, height: Int, weight: (Int) -> Int) -> DistrictingGraph {
        var edges: [IndexPair] = []
        var positions: [PlanarPoint] = []
        for row in 0..<height {
            for column in 0..<width {
                let node = row * width + column
                positions.append(PlanarPoint(x: Double(column) * 100, y: Double(row) * 100))
                if column + 1 < width { edges.append(IndexPair(node, node + 1)) }
                if row + 1 < height { edges.append(IndexPair(node, node + width)) }
            }
        }
        return DistrictingGraph(weights: (0..<(width * height)).map(weight), positions: positions, edges: edges)
    }

    @Test(arguments: [DistrictingObjective.inertia, .cutEdges])
    func latticeIsCutIntoConnectedPartsWithinBounds(objective: DistrictingObjective) throws {
        let graph = Self.lattice(width: 12, height: 10) { 10 + ($0 * 7) % 23 }
        let total = graph.totalWeight
        let bounds = DistrictingBounds(min: total / 6 - 40, max: total / 6 + 40)
        let request = DistrictingRequest(graph: graph, parts: 6, bounds: bounds, objective: objective)
        let result = try PartitionSolver(options: .init(timeLimit: 20, exactNodeLimit: 0)).solve(request)
        #expect(result.status == .feasible)
        #expect(result.deviations.isEmpty)
        #expect(Set(result.parts) == Set(0..<6))
        for label in 0..<6 {
            #expect(graph.isConnected(part: label, in: result.parts))
            #expect(bounds.contains(result.partWeights[label]))
        }
        if objective == .inertia {
            // Compact parts of a 12 × 10 lattice: far below a split into horizontal strips of 20 nodes.
            let strips = (0..<120).map { $0 / 20 }
            #expect(result.objective < graph.inertia(strips, parts: 6))
        } else {
            #expect(result.objective == Double(graph.cutEdges(result.parts)))
            // Six blocks of 4 × 5 cut 32 edges; six vertical strips cut 50.
            #expect(result.objective <= 40)
        }
    }

    @Test func impossibleBoundsGiveTheNearestConnectedPartitionWithItsDeviations() throws {
        // 520 households under 300–500 in one part: no valid plan; the nearest misses the maximum by 20.
        let graph = Self.lattice(width: 4, height: 13) { _ in 10 }
        let request = DistrictingRequest(graph: graph, parts: 1, bounds: DistrictingBounds(min: 300, max: 500),
                                         objective: .inertia)
        let result = try PartitionSolver().solve(request)
        #expect(result.status == .deviation)
        #expect(result.deviations.count == 1)
        #expect(result.deviations.first?.kind == .aboveMaximum)
        #expect(result.deviations.first?.amount == 20)
        // Two parts: 520 cannot split into two of at least 300; the nearest split misses by 40 in total.
        let two = try PartitionSolver(options: .init(timeLimit: 5)).solve(DistrictingRequest(
            graph: graph, parts: 2, bounds: DistrictingBounds(min: 300, max: 500), objective: .cutEdges
        ))
        #expect(two.status == .infeasible || two.status == .deviation)
        #expect(two.deviations.reduce(0) { $0 + $1.amount } == 80)
        #expect(graph.isConnected(part: 0, in: two.parts) && graph.isConnected(part: 1, in: two.parts))
    }

    @Test func badRequestsAndBadFilesAreReportedNotCrashed() throws {
        let graph = Self.lattice(width: 2, height: 2) { _ in 1 }
        #expect(throws: DistrictingError.self) {
            try PartitionSolver().solve(DistrictingRequest(graph: graph, parts: 0, bounds: .init(min: 0, max: 4),
                                                           objective: .cutEdges))
        }
        let bad = Data(#"{"nodes": [{"id": 1, "POP": 2.5}], "adjacency": [[]]}"#.utf8)
        // The reader's texts are made in the language of the reading, so the reading itself is in English.
        let english = Language.$current.withValue(.english) {
            let error = #expect(throws: GridDataError.self) {
                try NodeLinkGraph(data: bad, file: "g.json", weightKey: "POP")
            }
            return error?.description
        }
        #expect(
            english == "g.json (nodes[0].POP): not usable: found \"2.5\"; expected a whole number ≥ 0 (the node weight)")
        let dangling = Data(#"{"nodes": [{"id": "a"}], "adjacency": [[{"id": "b"}]]}"#.utf8)
        #expect(throws: GridDataError.self) { try NodeLinkGraph(data: dangling, file: "g.json", weightKey: nil) }
    }
}
