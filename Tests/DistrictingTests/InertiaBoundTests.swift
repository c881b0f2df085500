import Districting
import GridModel
import PlanningSupport
import Testing

/// `--objective inertia` always reports a bound: the centre relaxation with squared distances.
@Suite struct InertiaBoundTests {
    /// A 12 × 12 triangulated lattice 100 m apart (144 nodes) cut in `parts` within ±5 %.
    private func request(parts: Int) -> DistrictingRequest {
        let lattice = CutEdgeBoundTests.triangulatedLattice(side: 12)
        let positions = (0..<lattice.nodeCount).map { PlanarPoint(x: Double($0 % 12) * 100, y: Double($0 / 12) * 100) }
        let graph = DistrictingGraph(weights: lattice.weights, positions: positions, edges: lattice.edges)
        let ideal = Double(graph.totalWeight) / Double(parts)
        return DistrictingRequest(
            graph: graph, parts: parts,
            bounds: DistrictingBounds(min: Int((ideal * 0.95).rounded(.up)), max: Int((ideal * 1.05).rounded(.down))),
            objective: .inertia)
    }

    @Test(arguments: [2, 4, 6])
    func theBoundIsPositiveAndBelowTheObjective(parts: Int) throws {
        let result = try PartitionSolver(options: .init(timeLimit: 60, starts: 2)).solve(request(parts: parts))
        let bound = try #require(result.bound)
        #expect(result.status == .feasible || result.status == .optimal)
        #expect(bound > 0.5 * result.objective, "bound \(bound), objective \(result.objective)")
        #expect(bound <= result.objective)
        #expect(result.method.hasSuffix("+centre-relaxation-bound"))
    }

    @Test func theSameRequestGivesTheSameBound() throws {
        let solver = PartitionSolver(options: .init(timeLimit: 60, starts: 2))
        #expect(try solver.solve(request(parts: 4)).bound == solver.solve(request(parts: 4)).bound)
    }
}
