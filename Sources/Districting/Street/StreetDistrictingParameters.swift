import GridModel
import PlanningSupport

/// The numbers that steer two-level street districting (the lead fills them from Rules/grid.yaml).
public struct StreetDistrictingParameters: Sendable, Hashable {
    /// Households per grid.
    public var gridBounds: DistrictingBounds
    /// Households per micro-grid.
    public var microBounds: DistrictingBounds
    /// How neighbours are derived from positions when the street gives no adjacency.
    public var adjacency: AdjacencyBuilder
    /// Weight of the stability term: cost per household leaving its current grid, in m² (the compactness unit).
    public var stabilityWeight: Double
    /// Cost of splitting a compound that fits in one grid, in households × metres (the compactness unit of the grid
    /// level's last search); `.infinity` keeps every such compound the tree search keeps whole.
    public var compoundSplitCost: Double
    /// Seed of every random choice.
    public var seed: UInt64
    /// Communities solved at once (one solver state per thread).
    public var threads: Int
    /// Building kinds that form special grids (专属网格) besides every non-residential kind, which the spec always
    /// puts in special grids; nil: the non-residential kinds only.
    public var specialGridKinds: Set<BuildingKind>?
    /// How special grids follow sites.
    public var specialSites: SpecialSiteRule
    /// Compound types whose buildings get micro-grids; nil: every building. Buildings outside the list stay in
    /// their grid without a micro-grid.
    public var microGridCompoundTypes: Set<CompoundType>?

    /// Whether `kind` forms a special grid.
    public func isSpecial(_ kind: BuildingKind) -> Bool {
        kind != .residential || (specialGridKinds?.contains(kind) ?? false)
    }

    /// Whether a building of `compoundType` gets a micro-grid (a building without a type only when every type
    /// does).
    public func microGridsCover(_ compoundType: CompoundType?) -> Bool {
        guard let covered = microGridCompoundTypes else { return true }
        return compoundType.map(covered.contains) ?? false
    }

    /// Parameters with the defaults: grids 300–500, micro-grids 30–50 households.
    public init(
        gridBounds: DistrictingBounds = DistrictingBounds(min: 300, max: 500),
        microBounds: DistrictingBounds = DistrictingBounds(min: 30, max: 50),
        adjacency: AdjacencyBuilder = AdjacencyBuilder(), stabilityWeight: Double = 2_000, seed: UInt64 = 1,
        threads: Int = 2, compoundSplitCost: Double = 2_000, specialGridKinds: Set<BuildingKind>? = nil,
        microGridCompoundTypes: Set<CompoundType>? = nil, specialSites: SpecialSiteRule = SpecialSiteRule()
    ) {
        self.specialSites = specialSites
        self.compoundSplitCost = compoundSplitCost
        self.gridBounds = gridBounds
        self.microBounds = microBounds
        self.adjacency = adjacency
        self.stabilityWeight = stabilityWeight
        self.seed = seed
        self.threads = threads
        self.specialGridKinds = specialGridKinds
        self.microGridCompoundTypes = microGridCompoundTypes
    }
}
