import Foundation
import PlanningSupport

/// The stages after the heuristic for the cut-edge objective: exact on small graphs, bounded on large ones.
extension PartitionSolver {
    /// What a stage after the heuristic found, and which method to name for it.
    struct CutEdgeStage {
        var outcome: CutEdgeModel.Outcome
        /// The method named when the stage's partition is kept (`enumeration`, `mip`).
        var finder: String
        /// The method named when the heuristic's partition is kept (`heuristic+mip-bound`, …).
        var bounding: String
    }

    /// At least k − c cut edges for k parts of a graph of c components: each part is connected, so the parts of one
    /// component are joined by a spanning tree of cut edges. (0 when the graph has more components than parts: no
    /// valid partition exists, and the bound is vacuous.)
    static func trivialCutEdgeBound(_ request: DistrictingRequest) -> Int {
        max(0, request.parts - request.graph.components.count)
    }

    /// The exact stage for cut edges, from `incumbent` (a valid partition, if known): the part enumeration
    /// (`CutEdgeEnumeration`) on graphs under 128 nodes, then, if it ran out of time, the GLPK model
    /// (`CutEdgeModel`) with what is left. Without an incumbent the enumeration gets half the time, because the MIP
    /// may find a first valid partition sooner (the enumeration finds one only when it proves it optimal).
    static func exactCutEdges(_ request: DistrictingRequest, incumbent: [Int]?, deadline: Deadline) -> CutEdgeStage {
        let graph = request.graph
        var bound: Double?
        if let search = CutEdgeEnumeration(request: request) {
            let share = incumbent == nil ? Deadline(seconds: deadline.remaining / 2) : deadline
            let found = search.solve(upper: incumbent.map { graph.cutEdges($0) }, deadline: share)
            if found.finished {
                guard let part = found.part ?? incumbent else {
                    return CutEdgeStage(
                        outcome: .init(part: nil, bound: nil, provenOptimal: false, provenInfeasible: true),
                                        finder: "enumeration", bounding: "heuristic+enumeration")
                }
                let value = Double(graph.cutEdges(part))
                return CutEdgeStage(
                    outcome: .init(part: part, bound: value, provenOptimal: true, provenInfeasible: false),
                                    finder: "enumeration", bounding: "heuristic+enumeration")
            }
            bound = Double(found.bound)
        }
        guard !deadline.passed else {
            return CutEdgeStage(outcome: .init(part: nil, bound: bound, provenOptimal: false, provenInfeasible: false),
                                finder: "enumeration", bounding: "heuristic+enumeration-bound")
        }
        var outcome = CutEdgeModel(request: request).solve(incumbent: incumbent, seconds: max(0.1, deadline.remaining))
        if let known = bound {
            outcome.bound = max(outcome.bound ?? known, known)
        }
        return CutEdgeStage(outcome: outcome, finder: "mip", bounding: "heuristic+mip-bound")
    }

    /// The bound stage for cut edges on graphs above the exact stage's node limit: the spreading-metric LP
    /// (`CutEdgeSpreadingBound`) with all the time left; it proves the incumbent optimal when the two meet.
    ///
    /// The labelling MIP (`CutEdgeModel`) is not run here, although it once was, with the LP's rows added: inside
    /// `glp_intopt` a node's simplex ignored the time limit (a 200-node Delaunay graph, k = 2, `--time-limit 30`:
    /// 93 s and 105 s wall, stack in `glp_simplex` under `glp_intopt`), and in 30 s on 200–400 nodes it raised the
    /// LP's bound in none of the 25 runs of the planar table (see Benchmarks/scripts/districts_bounds.md).
    static func boundedCutEdges(_ request: DistrictingRequest, incumbent: [Int]?, deadline: Deadline) -> CutEdgeStage {
        let target = incumbent.map { request.graph.cutEdges($0) } ?? Int.max
        let relaxation = CutEdgeSpreadingBound(request: request).solve(target: target, deadline: deadline)
        let proven = relaxation.bound >= target
        let outcome = CutEdgeModel.Outcome(part: proven ? incumbent : nil, bound: Double(relaxation.bound),
                                           provenOptimal: proven, provenInfeasible: false)
        return CutEdgeStage(outcome: outcome, finder: "heuristic+spreading-lp-bound",
                            bounding: "heuristic+spreading-lp-bound")
    }
}
