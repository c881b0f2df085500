import Foundation
import GridData
import GridModel
import PlanningSupport
import Testing

@testable import Districting

@Suite struct CutEdgeEnumerationTests {
    /// The least cut over every labelling of a small graph into `parts` connected parts within `bounds` (nil when
    /// there is none), by trying all parts^n labellings.
    static func bruteForceOptimum(_ graph: DistrictingGraph, parts: Int, bounds: DistrictingBounds) -> Int? {
        let n = graph.nodeCount
        var label = Array(repeating: 0, count: n)
        var best: Int?
        var total = 1
        for _ in 0..<n { total *= parts }
        for code in 0..<total {
            var rest = code
            for node in 0..<n {
                label[node] = rest % parts
                rest /= parts
            }
            var weight = Array(repeating: 0, count: parts)
            for node in 0..<n { weight[label[node]] += graph.weights[node] }
            guard weight.allSatisfy({ bounds.contains($0) }) else { continue }
            guard (0..<parts).allSatisfy({ graph.isConnected(part: $0, in: label) }) else { continue }
            let cut = graph.cutEdges(label)
            if best.map({ cut < $0 }) ?? true { best = cut }
        }
        return best
    }

    /// A seeded random graph: a w × h lattice with some diagonals, some lattice edges dropped, weights 1–9.
    static func randomGraph(seed: UInt64, width: Int, height: Int) -> DistrictingGraph {
        var random = SplitMix64(seed: seed)
        var edges: [IndexPair] = []
        for row in 0..<height {
            for column in 0..<width {
                let node = row * width + column
                if column + 1 < width, random.next() % 6 != 0 { edges.append(IndexPair(node, node + 1)) }
                if row + 1 < height, random.next() % 6 != 0 { edges.append(IndexPair(node, node + width)) }
                if column + 1 < width, row + 1 < height, random.next() % 3 == 0 {
                    edges.append(IndexPair(node, node + width + 1))
                }
            }
        }
        let weights = (0..<(width * height)).map { _ in Int(random.next() % 9) + 1 }
        return DistrictingGraph(weights: weights, edges: edges)
    }

    @Test(arguments: 1...24)
    func agreesWithBruteForceOnSmallGraphs(seed: Int) throws {
        let parts = seed % 3 == 0 ? 3 : 2
        let graph = Self.randomGraph(seed: UInt64(seed), width: parts == 3 ? 3 : 4, height: 3)
        let total = graph.totalWeight
        // Tight bounds around the mean on some seeds (often infeasible), wide ones on others.
        let slack = seed % 4 == 0 ? 1 : 2 + total / (3 * parts)
        let bounds = DistrictingBounds(min: max(0, total / parts - slack), max: total / parts + slack)
        let request = DistrictingRequest(graph: graph, parts: parts, bounds: bounds, objective: .cutEdges)
        let search = try #require(CutEdgeEnumeration(request: request))
        let answer = search.solve(upper: nil, deadline: Deadline(seconds: 30))
        #expect(answer.finished)
        let expected = Self.bruteForceOptimum(graph, parts: parts, bounds: bounds)
        if let expected {
            let part = try #require(answer.part)
            #expect(graph.cutEdges(part) == expected)
            #expect(answer.bound == expected)
            for label in 0..<parts {
                #expect(graph.isConnected(part: label, in: part))
                #expect(bounds.contains(zip(part, graph.weights).reduce(0) { $0 + ($1.0 == label ? $1.1 : 0) }))
            }
        } else {
            #expect(answer.part == nil)
        }
    }

    @Test func anUpperBoundStopsTheSearchBelowIt() throws {
        // A 4 × 3 lattice of unit weights cut into two parts of 6: the best cut is 3 (two columns of three).
        let graph = DistrictingPartitionTests.lattice(width: 4, height: 3) { _ in 1 }
        let request = DistrictingRequest(graph: graph, parts: 2, bounds: .init(min: 6, max: 6), objective: .cutEdges)
        let search = try #require(CutEdgeEnumeration(request: request))
        // Told a partition of cut 3 is known, the search proves nothing better exists and returns none.
        let proven = search.solve(upper: 3, deadline: Deadline(seconds: 30))
        #expect(proven.part == nil && proven.bound == 3 && proven.finished)
        #expect(search.decide(target: 2, deadline: Deadline(seconds: 30)) == .none)
        guard case .found(let part) = search.decide(target: 3, deadline: Deadline(seconds: 30)) else {
            Issue.record("no partition with 3 cut edges")
            return
        }
        #expect(graph.cutEdges(part) == 3)
    }

    @Test func aPassedDeadlineReportsTheBoundProvenSoFar() throws {
        let data = try DistrictingPartitionTests.fixture("county54")
        let file = try NodeLinkGraph(data: data, file: "county54", weightKey: "TOTPOP")
        let request = DistrictingRequest(graph: file.graph, parts: 3, bounds: .init(min: 614_577, max: 620_752),
                                         objective: .cutEdges)
        let search = try #require(CutEdgeEnumeration(request: request))
        let answer = search.solve(upper: nil, deadline: Deadline(seconds: 0))
        #expect(!answer.finished)
        #expect(answer.part == nil)
        #expect(answer.bound == 0)
    }

    @Test func theSolverReportsAProvenImpossibleRequestAsInfeasible() throws {
        // A star of four unit nodes in two parts of exactly 2: the centre's part takes one leaf, and the other two
        // leaves are not connected, so no valid partition exists although the weights would fit.
        let graph = DistrictingGraph(weights: [1, 1, 1, 1], edges: [IndexPair(0, 1), IndexPair(0, 2), IndexPair(0, 3)])
        let request = DistrictingRequest(graph: graph, parts: 2, bounds: .init(min: 2, max: 2), objective: .cutEdges)
        let search = try #require(CutEdgeEnumeration(request: request))
        let answer = search.solve(upper: nil, deadline: Deadline(seconds: 30))
        #expect(answer.finished && answer.part == nil)
        let result = try PartitionSolver(options: .init(timeLimit: 5, starts: 1)).solve(request)
        #expect(result.status == .infeasible)
        // `wangge districts` always reports a bound; with no valid partition any bound holds, and the trivial one
        // (k − 1 for a connected graph) is what is left.
        #expect(result.bound == 1)
        #expect(!result.deviations.isEmpty)
    }

    @Test func graphsOf128NodesOrMoreAreLeftToTheModel() {
        let graph = DistrictingGraph(weights: Array(repeating: 1, count: 128),
                                     edges: (0..<127).map { IndexPair($0, $0 + 1) })
        let request = DistrictingRequest(graph: graph, parts: 2, bounds: .init(min: 64, max: 64), objective: .cutEdges)
        #expect(CutEdgeEnumeration(request: request) == nil)
    }
}
