import GridModel

/// The smallest piece placed by street districting: a whole building, one stairwell unit, or a band of whole floors
/// of a unit that alone exceeds the micro-grid maximum.
struct DistrictingAtom: Hashable, Sendable {
    /// Index of the building in the street's sorted building list.
    var building: Int
    var unit: String?
    var floors: FloorBand?
    var households: Int
    var position: PlanarPoint
}
