import Foundation
import GridData
import PlanningSupport
import Testing

@testable import Districting

/// The cut-edge bound that `wangge districts` reports: valid (never above a published optimum), present on large
/// graphs, never above the objective, and found within the time limit.
@Suite struct CutEdgeBoundTests {
    /// Two county graphs with published optima (Validi & Buchanan, table 8).
    static let counties = [
        CountyOptimaTests.counties[2],  // ID, 44 nodes, k = 2, optimum 10
        CountyOptimaTests.counties[3],  // WV, 55 nodes, k = 3, optimum 23
    ]

    @Test(arguments: counties)
    func spreadingBoundConvergesAtOrBelowThePublishedOptimum(county: DistrictingPartitionTests.County) throws {
        let (request, _, _) = try CountyOptimaTests.request(county)
        let outcome = CutEdgeSpreadingBound(request: request).solve(target: .max, deadline: Deadline(seconds: 60))
        let (bound, relaxation, converged) = (outcome.bound, outcome.relaxation, outcome.converged)
        #expect(converged)
        #expect(bound <= county.optimum)
        #expect(bound >= county.parts - 1)
        #expect(Double(bound) >= relaxation - 1e-6)
    }

    @Test(arguments: counties)
    func boundStageOnACountyGraphStaysAtOrBelowThePublishedOptimum(county: DistrictingPartitionTests.County) throws {
        let (request, _, _) = try CountyOptimaTests.request(county)
        // A node limit below the graph's size sends it through the bound stage (LP, then MIP), as a large graph is.
        let solver = PartitionSolver(options: .init(timeLimit: 8, starts: 2, exactNodeLimit: 10))
        let result = try solver.solve(request)
        let bound = try #require(result.bound)
        #expect(bound <= Double(county.optimum))
        #expect(bound >= Double(county.parts - 1))
        #expect(bound <= result.objective)
        #expect(result.deviations.isEmpty)
        if result.status == .optimal {
            #expect(result.objective == Double(county.optimum))
        }
    }

    /// A Delaunay-like planar graph: a `side` × `side` lattice with one diagonal per cell, weights 20…60.
    static func triangulatedLattice(side: Int) -> DistrictingGraph {
        var edges: [IndexPair] = []
        for row in 0..<side {
            for column in 0..<side {
                let node = row * side + column
                if column + 1 < side { edges.append(IndexPair(node, node + 1)) }
                if row + 1 < side { edges.append(IndexPair(node, node + side)) }
                if column + 1 < side && row + 1 < side { edges.append(IndexPair(node, node + side + 1)) }
            }
        }
        let weights = (0..<(side * side)).map { 20 + ($0 * 37 + $0 / side * 11) % 41 }
        return DistrictingGraph(weights: weights, edges: edges)
    }

    static func request(side: Int, parts: Int, tolerance: Double) -> DistrictingRequest {
        let graph = triangulatedLattice(side: side)
        let ideal = Double(graph.totalWeight) / Double(parts)
        let bounds = DistrictingBounds(min: Int((ideal * (1 - tolerance)).rounded(.up)),
                                       max: Int((ideal * (1 + tolerance)).rounded(.down)))
        return DistrictingRequest(graph: graph, parts: parts, bounds: bounds, objective: .cutEdges)
    }

    @Test func boundIsPresentAndAboveTheTrivialOneOnA225NodeGraph() throws {
        let request = Self.request(side: 15, parts: 4, tolerance: 0.05)
        let result = try PartitionSolver(options: .init(timeLimit: 30, starts: 2)).solve(request)
        #expect(result.status == .feasible || result.status == .optimal)
        let bound = try #require(result.bound)
        // A 15 × 15 map cut in four needs about two sides' worth of cut edges; k − 1 = 3 would say nothing.
        #expect(bound > Double(request.parts - 1))
        #expect(bound <= result.objective)
        #expect(result.method.hasPrefix("heuristic+") || result.method == "mip", "\(result.method)")
    }

    @Test(arguments: [
        (DistrictingObjective.cutEdges, 2, 0.02), (.cutEdges, 5, 0.10), (.cutEdges, 3, 0.0005), (.inertia, 3, 0.10),
    ])
    func boundNeverExceedsTheObjective(objective: DistrictingObjective, parts: Int, tolerance: Double) throws {
        var request = Self.request(side: 9, parts: parts, tolerance: tolerance)
        request.objective = objective
        for limit in [40, 200] {
            let result = try PartitionSolver(options: .init(timeLimit: 3, exactNodeLimit: limit)).solve(request)
            // Both objectives always carry a bound (inertia: the centre relaxation with squared distances).
            let bound = try #require(result.bound, "\(objective) k = \(parts)")
            #expect(bound <= result.objective + 1e-9)
            if objective == .inertia, request.graph.positions != nil {
                #expect(bound > 0 && result.method.hasSuffix("+centre-relaxation-bound"), "\(result.method)")
            }
        }
    }

    @Test func timeLimitHoldsOnA324NodeGraph() throws {
        let request = Self.request(side: 18, parts: 6, tolerance: 0.05)
        let limit = 2.0
        let started = Date()
        let result = try PartitionSolver(options: .init(timeLimit: limit)).solve(request)
        let wall = Date().timeIntervalSince(started)
        #expect(wall <= limit + 1, "wall \(wall) s for a \(limit) s limit")
        #expect(result.seconds <= limit + 1)
        #expect(result.bound != nil)
    }
}
