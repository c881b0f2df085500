/// What a districting minimises.
public enum DistrictingObjective: String, Sendable, Hashable, Codable, CaseIterable {
    /// The number of neighbour pairs whose ends lie in different parts.
    case cutEdges = "cut-edges"
    /// The moment of inertia: Σ weight × squared distance to the weighted centroid of the part (m² × weight).
    case inertia
}
