import GridModel

/// A building while the street is being drawn: storeys, its units' capacities and occupied households, and its
/// centre relative to its compound's north-west corner (x east, y south, metres).
struct PlannedBuilding: Sendable {
    var kind: BuildingKind
    var floors: Int
    var unitCapacities: [Int]
    var unitHouseholds: [Int]
    var offsetX = 0.0
    var offsetY = 0.0

    var households: Int { unitHouseholds.reduce(0, +) }
    var capacity: Int { unitCapacities.reduce(0, +) }

    /// Sets the occupied households to `total` (0...capacity), spread evenly with the remainder to the
    /// lowest-numbered units that still have room.
    mutating func setHouseholds(_ total: Int) {
        var left = min(max(total, 0), capacity)
        unitHouseholds = Array(repeating: 0, count: unitCapacities.count)
        while left > 0 {
            let open = unitCapacities.indices.filter { unitHouseholds[$0] < unitCapacities[$0] }
            let share = max(1, left / open.count)
            for index in open where left > 0 {
                let add = min(share, unitCapacities[index] - unitHouseholds[index], left)
                unitHouseholds[index] += add
                left -= add
            }
        }
    }
}
