import GridModel

/// The physical street once drawn: communities, buildings, units, barriers, and per-community indexes the
/// population phase needs.
struct DrawnStreet: Sendable {
    /// A compound as the population phase sees it.
    struct CompoundRecord: Sendable {
        var id: CompoundID
        var type: CompoundType
        var households: Int
        /// Indices into `buildings`.
        var buildingIndices: [Int]
    }

    /// A community as the population phase sees it.
    struct Area: Sendable {
        var community: Community
        var households: Int
        /// Indices into `buildings` of its buildings with households, in id order.
        var residentialIndices: [Int]
        /// Indices into `buildings` of its non-residential buildings (commercial, school, market, hospital).
        var nonResidentialIndices: [Int]
        var compounds: [CompoundRecord]
    }

    var areas: [Area]
    /// Sorted by id.
    var buildings: [Building]
    /// Sorted by building id, then unit number.
    var units: [StairwellUnit]
    /// For each building (same index), the range of its units in `units`.
    var unitRanges: [Range<Int>]
    var barriers: [Segment]
    /// The street's extent in metres (buildings and roads).
    var minX: Double
    var minY: Double
    var maxX: Double
    var maxY: Double

    var households: Int { areas.reduce(0) { $0 + $1.households } }
}
