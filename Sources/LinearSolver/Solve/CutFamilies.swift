/// Which of GLPK's cutting-plane families the branch-and-cut uses.
public struct CutFamilies: OptionSet, Sendable, Hashable, Codable {
    /// The bits.
    public let rawValue: Int

    /// Wraps bits.
    public init(rawValue: Int) { self.rawValue = rawValue }

    /// Gomory mixed-integer cuts: slow nodes, little gain on assignment models.
    public static let gomory = CutFamilies(rawValue: 1 << 0)
    /// Mixed-integer rounding cuts: decisive on knapsack (capacity) rows.
    public static let mixedIntegerRounding = CutFamilies(rawValue: 1 << 1)
    /// Mixed cover cuts.
    public static let cover = CutFamilies(rawValue: 1 << 2)
    /// Clique cuts.
    public static let clique = CutFamilies(rawValue: 1 << 3)

    /// MIR and cover: the measured best setting for capacity-constrained assignment (solver-glpk.md).
    public static let recommended: CutFamilies = [.mixedIntegerRounding, .cover]
    /// All four families.
    public static let all: CutFamilies = [.gomory, .mixedIntegerRounding, .cover, .clique]
}
