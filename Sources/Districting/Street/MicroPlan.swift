import GridModel

/// The micro-grids of one grid before they get codes: atoms, the micro-grid label of each, and what was missed.
struct MicroPlan {
    var atoms: [DistrictingAtom]
    /// The micro-grid of each atom, numbered from 0.
    var labels: [Int]
    /// Where each atom is drawn (units of a building a metre apart), for reading-order codes.
    var positions: [PlanarPoint]
    /// Households outside the micro bounds, summed over micro-grids (0 when every micro-grid holds).
    var violation: Int
    /// Buildings with a single floor above the micro maximum, and that floor's households.
    var oversized: [(BuildingID, Int)]
    /// The fewest micro-grids the households allow, ⌈households / max⌉.
    var fewest: Int
    /// Buildings (indices into the street's buildings) whose compound type gets no micro-grid.
    var uncovered: [Int] = []
    /// Whether an exact check proved that no packing into `fewest` micro-grids exists (see ``MicroGridCountCheck``);
    /// false when the plan uses the fewest or when the check could not decide.
    var fewestProvenImpossible = false

    /// The number of micro-grids.
    var count: Int { (labels.max() ?? -1) + 1 }
}
