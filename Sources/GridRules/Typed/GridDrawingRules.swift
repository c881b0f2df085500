import GridModel

/// The numbers and choices the grid-drawing job reads (grid.yaml), each with the rule it comes from.
public struct GridDrawingRules: Sendable {
    /// What stays whole, and how firmly.
    public struct WholeAtom: Hashable, Sendable {
        /// The atom kept whole.
        public enum Atom: String, CaseIterable, Hashable, Sendable {
            /// A stairwell unit (单元).
            case unit
            /// A building (楼栋).
            case building
            /// A compound (小区).
            case compound
        }
        /// The atom.
        public var atom: Atom
        /// Hard, or soft with its weight.
        public var kind: RuleKind
        /// The rule.
        public var ruleID: RuleID
    }

    /// How special grids (专属网格) follow sites (grid.special_grid_sites).
    public struct SpecialGridSites: Hashable, Sendable {
        /// A site with more non-residential buildings of one kind than this is cut into contiguous parts.
        public var maxBuildingsPerGrid: Int
        /// Kinds whose every building is a special grid of its own (a school, a hospital).
        public var standaloneKinds: [BuildingKind]
        /// A lone building joins a neighbouring special grid of its kind in its community within this distance.
        public var joinLoneWithinMetres: Double
        /// Floors per micro-grid of a special grid's tower; 0: each building is one micro-grid.
        public var floorsPerMicroGrid: Int
        /// The rule.
        public var ruleID: RuleID
    }

    /// The compound types a street may use.
    public var compoundTypes: Sourced<[CompoundType]>
    /// Households per grid (300–500 by default; 160–255 in a community overlay).
    public var householdsPerGrid: Sourced<ClosedRange<Int>>
    /// Households per micro-grid (30–50 by default).
    public var householdsPerMicroGrid: Sourced<ClosedRange<Int>>
    /// The compound types micro-grids cover; nil means every residential atom.
    public var microGridCompoundTypes: Sourced<[CompoundType]?>
    /// What stays whole (unit always, building and compound where they fit), sorted by atom.
    public var keepWhole: [WholeAtom]
    /// The rule that a grid never crosses a community.
    public var withinCommunity: RuleID
    /// The rule that grids and micro-grids are contiguous.
    public var contiguity: RuleID
    /// Building kinds that form special grids (专属网格).
    public var specialGridKinds: Sourced<[BuildingKind]>
    /// How the non-residential buildings of a site are grouped into special grids.
    public var specialGridSites: SpecialGridSites
    /// Whether special grids are left out of household balancing.
    public var specialGridsExcludedFromBalance: Sourced<Bool>
    /// Derived adjacency: Delaunay edges no longer than this (260 m).
    public var delaunayMaxMetres: Sourced<Double>
    /// Derived adjacency: every pair closer than this (120 m).
    public var nearPairBelowMetres: Sourced<Double>
    /// Whether an edge that crosses a barrier is removed.
    public var barriersCutEdges: Sourced<Bool>
    /// Grid code order inside a community.
    public var numberingOrder: Sourced<String>
    /// Whether a re-draw keeps the code of a grid that keeps most of its households.
    public var keepCodeOnRedraw: Sourced<Bool>
    /// Objective terms of the grid job (balance, compactness, stability).
    public var objective: [ObjectiveTerm]

    /// Whether micro-grids cover atoms of a compound type (an atom with no compound type is covered only when
    /// coverage is not limited).
    public func microGridsCover(_ compoundType: CompoundType?) -> Bool {
        guard let limited = microGridCompoundTypes.value else { return true }
        return compoundType.map(limited.contains) ?? false
    }

    /// The weight of an objective term, 0 when no rule weights it.
    public func weight(of term: String) -> Double {
        objective.first { $0.term == term }?.weight ?? 0
    }

    /// The keep-whole rule for an atom.
    public func keepWhole(_ atom: WholeAtom.Atom) -> WholeAtom? {
        keepWhole.first { $0.atom == atom }
    }

    init?(reading index: RuleIndex) {
        let context = index.context
        let vocabulary = index.one(.compoundTypeVocabulary).flatMap { rule in
            index.parameters(rule, ["compound_types"])?.words("compound_types")
        }
        let gridSize = index.one(.gridSize).flatMap {
            index.parameters($0, ["households"])?.range("households", atLeast: 1)
        }
        let microBounds = index.one(.microGridSize).flatMap {
            index.parameters($0, ["households"])?.bounds("households", atLeast: 1)
        }
        let microSize = microBounds?.range
        if let gridSize, let microBounds, microBounds.range.value.upperBound > gridSize.value.lowerBound {
            let microSize = microBounds.range
            let arguments = [
                "rule": microSize.ruleID.rawValue, "max": "\(microSize.value.upperBound)",
                "min": "\(gridSize.value.lowerBound)", "grid_rule": gridSize.ruleID.rawValue,
                "location": "\(gridSize.location)",
            ]
            context.report(
                .contradiction, at: microBounds.maxLocation, Message.text("rules.grid.micro_above_grid", arguments))
        }
        let coverage = index.one(.microGridCoverage).flatMap {
            index.parameters($0, ["compound_types"])?.compoundTypes("compound_types")
        }
        var whole: [WholeAtom] = []
        for rule in index.all(.keepWhole) {
            guard
                let atom = index.parameters(rule, ["atom"])?.word(
                    "atom", oneOf: WholeAtom.Atom.allCases.map(\.rawValue)),
                let value = WholeAtom.Atom(rawValue: atom.value)
            else { continue }
            whole.append(WholeAtom(atom: value, kind: rule.kind, ruleID: rule.id))
        }
        whole.sort { ($0.atom.rawValue, $0.ruleID) < ($1.atom.rawValue, $1.ruleID) }
        let community = index.one(.withinCommunity)
        _ = community.flatMap { index.parameters($0, ["never_cross"])?.word("never_cross", oneOf: ["community"]) }
        let contiguity = index.one(.contiguity)
        _ = contiguity.flatMap { index.parameters($0, ["levels"])?.words("levels") }
        let special = index.one(.specialGrids).flatMap {
            index.parameters($0, ["kinds", "exclude_from_household_balance"])
        }
        let specialKinds = special?.words("kinds")?.map { $0.map(BuildingKind.init(rawValue:)) }
        let excluded = special?.bool("exclude_from_household_balance")
        let sites = index.one(.specialGridSites).flatMap { rule -> SpecialGridSites? in
            guard
                let map = index.parameters(
                    rule,
                    ["max_buildings_per_grid", "standalone_kinds", "join_lone_within_m", "floors_per_micro_grid"]),
                let most = map.int("max_buildings_per_grid", atLeast: 1), let alone = map.words("standalone_kinds"),
                let join = map.number("join_lone_within_m"), let floors = map.int("floors_per_micro_grid")
            else { return nil }
            return SpecialGridSites(
                maxBuildingsPerGrid: most.value, standaloneKinds: alone.value.map(BuildingKind.init(rawValue:)),
                joinLoneWithinMetres: join.value, floorsPerMicroGrid: floors.value, ruleID: rule.id)
        }
        let adjacency = index.one(.adjacency).flatMap {
            index.parameters($0, ["delaunay_max_m", "near_pair_below_m", "barriers_cut_edges"])
        }
        let delaunay = adjacency?.number("delaunay_max_m")
        let near = adjacency?.number("near_pair_below_m")
        let cut = adjacency?.bool("barriers_cut_edges")
        let numbering = index.one(.numbering).flatMap { index.parameters($0, ["order", "keep_code_on_redraw"]) }
        let order = numbering?.word("order", oneOf: ["west_east_then_north_south"])
        let keepCode = numbering?.bool("keep_code_on_redraw")
        guard let vocabulary, let gridSize, let microSize, let coverage, let community, let contiguity,
            let specialKinds, let sites, let excluded, let delaunay, let near, let cut, let order, let keepCode
        else { return nil }
        compoundTypes = vocabulary.map { $0.map(CompoundType.init(rawValue:)) }
        householdsPerGrid = gridSize
        householdsPerMicroGrid = microSize
        microGridCompoundTypes = coverage
        keepWhole = whole
        withinCommunity = community.id
        self.contiguity = contiguity.id
        specialGridKinds = specialKinds
        specialGridsExcludedFromBalance = excluded
        specialGridSites = sites
        delaunayMaxMetres = delaunay
        nearPairBelowMetres = near
        barriersCutEdges = cut
        numberingOrder = order
        keepCodeOnRedraw = keepCode
        objective = ObjectiveTerm.read(index).filter {
            ["household_balance", "compactness", "stability"].contains($0.term)
        }
    }
}
