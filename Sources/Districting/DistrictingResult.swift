/// A partition of a graph's nodes into parts, with its quality and how sure we are of it.
public struct DistrictingResult: Sendable, Hashable {
    /// How good the partition is known to be.
    public enum Status: String, Sendable, Hashable, Codable {
        /// Every rule holds and the objective is proven optimal (objective = bound).
        case optimal
        /// Every rule holds; optimality is not proven (see `bound`).
        case feasible
        /// No valid partition exists (proven); the nearest one found is returned with its deviations.
        case infeasible
        /// No valid partition was found (none proven impossible); the nearest one is returned with its deviations.
        case deviation
    }

    /// How good the partition is known to be.
    public var status: Status
    /// The part of each node, numbered from 0 in order of each part's smallest node.
    public var parts: [Int]
    /// The number of parts.
    public var partCount: Int
    /// The objective value of `parts`.
    public var objective: Double
    /// A proven lower bound on the objective of any valid partition, never above `objective`: always set for cut
    /// edges (at least k − connected components), nil for inertia until its bound module is wired in.
    public var bound: Double?
    /// Wall-clock seconds spent.
    public var seconds: Double
    /// The weight of each part.
    public var partWeights: [Int]
    /// The rules missed (empty unless status is `infeasible` or `deviation`).
    public var deviations: [DistrictingDeviation]
    /// Which method found the partition and, after `+`, which proved the bound: `heuristic`, `heuristic-cut-short`
    /// (the clock stopped the heuristic), `enumeration`, `mip`, `heuristic+enumeration`, `heuristic+mip-bound`,
    /// `heuristic+spreading-lp-bound`, ….
    public var method: String
}
