import LinearSolver

/// How one tier of the lexicographic objective ended in one part.
public struct DispatchTierOutcome: Hashable, Sendable {
    /// The tiers, solved in this order, each holding the values of those before.
    public enum Tier: String, Hashable, Sendable, CaseIterable {
        /// Maximise the priority-weighted requests dispatched.
        case priority
        /// Minimise the metres walked from home to each request.
        case walking
        /// Minimise the convex cost of jobs per volunteer (`matching.load_balance`).
        case load
    }

    /// Which tier.
    public var tier: Tier
    /// GLPK's status (`optimal` when proven).
    public var status: SolveStatus
    /// The tier's value.
    public var objective: Double
    /// GLPK's best bound.
    public var bound: Double
    /// |objective − bound| / max(|objective|, ε); 0 when proven.
    public var gap: Double
    /// Seconds of the solve (a measurement, not part of the result's identity).
    public var seconds: Double
}
