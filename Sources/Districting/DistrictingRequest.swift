import GridModel

/// What to partition and how: a graph, the number of parts, the weight bounds and the objective.
public struct DistrictingRequest: Sendable, Hashable {
    /// The graph of atoms.
    public var graph: DistrictingGraph
    /// The number of parts.
    public var parts: Int
    /// The weight every part must hold.
    public var bounds: DistrictingBounds
    /// What to minimise.
    public var objective: DistrictingObjective

    /// A request for `parts` connected parts of `graph` within `bounds`, minimising `objective`.
    public init(graph: DistrictingGraph, parts: Int, bounds: DistrictingBounds, objective: DistrictingObjective) {
        self.graph = graph
        self.parts = parts
        self.bounds = bounds
        self.objective = objective
    }

    /// Checks the request's numbers (not its feasibility).
    public func validate() throws(DistrictingError) {
        guard parts >= 1 else {
            throw .invalidRequest(parameter: "parts", value: "\(parts)", expected: Message.text("planning.expected.integer_at_least_one"))
        }
        guard bounds.min >= 0, bounds.max >= bounds.min else {
            throw .invalidRequest(parameter: "bounds", value: "\(bounds.min)…\(bounds.max)",
                                  expected: "0 ≤ min ≤ max")
        }
        if let bad = graph.weights.firstIndex(where: { $0 < 0 }) {
            throw .invalidRequest(
                parameter: Message.text("planning.districting.node_weight", ["node": "\(bad)"]),
                value: "\(graph.weights[bad])", expected: Message.text("planning.expected.whole_number"))
        }
    }
}
