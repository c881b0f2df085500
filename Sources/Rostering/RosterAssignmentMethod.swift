/// How stage (a) assigns one-visitor visits to visitors.
public enum RosterAssignmentMethod: String, Sendable, CaseIterable, Codable {
    /// Priority order with augmenting paths (exact for the priority objective, greedy for fairness): milliseconds
    /// per community. The default.
    case augmentingPaths = "augmenting_paths"
    /// The assignment LP (``VisitAssignmentModel``) solved by GLPK: exact for priority, pairing and fairness
    /// together, but seconds per community (GLPK's simplex on a transportation problem).
    case linearProgram = "linear_program"
}
