import GridModel

/// Cuts a residential building into the atoms of micro-grid drawing.
///
/// A building that fits in a micro-grid is one atom. A larger one is cut into its stairwell units (units.csv, or
/// `unitCount` units with households spread evenly, the remainder to the lowest-numbered; without either the whole
/// building counts as unit `1`). A unit above the micro maximum is cut into bands of whole floors, households spread
/// evenly over floors (remainder to the lowest floors), about `bandTarget` households a band; without a floor count,
/// two households per floor are assumed.
struct AtomMaker {
    let microMaximum: Int
    /// Households a floor band aims at: small bands (a third of the micro minimum) let micro-grids combine a high-rise
    /// unit's floors with neighbouring buildings; bands of one unit that land in one micro-grid are merged again.
    var bandTarget = 15
    /// Cut a building into its known units even when it fits in one micro-grid (used when whole buildings leave no
    /// valid micro-grids).
    var splitKnownUnits = false
    /// Cut a unit above the micro maximum into single floors (the packer chooses the bands).
    var singleFloors = false

    func atoms(of building: Building, index: Int, units given: [StairwellUnit]) -> (
        atoms: [DistrictingAtom], oversized: Int?
    ) {
        let position = building.position
        let knownUnits = !given.isEmpty || (building.unitCount ?? 1) > 1
        guard building.households > microMaximum || (splitKnownUnits && knownUnits) else {
            return ([DistrictingAtom(building: index, households: building.households, position: position)], nil)
        }
        var units: [(name: String, households: Int, floors: Int?)] = given.map { ($0.name, $0.households, $0.floors) }
        if units.isEmpty {
            let count = max(1, building.unitCount ?? 1)
            let base = building.households / count
            let extra = building.households % count
            units = (1...count).map { ("\($0)", base + ($0 <= extra ? 1 : 0), building.floors) }
        }
        var atoms: [DistrictingAtom] = []
        var oversized: Int?
        for unit in units {
            guard unit.households > microMaximum else {
                atoms.append(DistrictingAtom(building: index, unit: unit.name, households: unit.households,
                                             position: position))
                continue
            }
            let floors = max(1, unit.floors ?? building.floors ?? (unit.households + 1) / 2)
            let base = unit.households / floors
            let extra = unit.households % floors
            let perFloor = (1...floors).map { base + ($0 <= extra ? 1 : 0) }
            if singleFloors {
                for floor in 1...floors {
                    if perFloor[floor - 1] > microMaximum { oversized = max(oversized ?? 0, perFloor[floor - 1]) }
                    if let band = FloorBand(lowest: floor, highest: floor) {
                        atoms.append(DistrictingAtom(building: index, unit: unit.name, floors: band,
                                                     households: perFloor[floor - 1], position: position))
                    }
                }
                continue
            }
            let least = (unit.households + microMaximum - 1) / microMaximum
            let bands = max(1, least, min(floors, Int((Double(unit.households) / Double(max(1, bandTarget))).rounded())))
            let target = Double(unit.households) / Double(bands)
            var start = 1
            var sum = 0
            for floor in 1...floors {
                let next = perFloor[floor - 1]
                let closeBefore = sum > 0 && (sum + next > microMaximum || Double(sum) >= target - 1e-9)
                if closeBefore, let band = FloorBand(lowest: start, highest: floor - 1) {
                    atoms.append(DistrictingAtom(building: index, unit: unit.name, floors: band, households: sum,
                                                 position: position))
                    start = floor
                    sum = 0
                }
                sum += next
                if next > microMaximum { oversized = max(oversized ?? 0, next) }
            }
            if let band = FloorBand(lowest: start, highest: floors) {
                atoms.append(DistrictingAtom(building: index, unit: unit.name, floors: band, households: sum,
                                             position: position))
            }
        }
        return (atoms, oversized)
    }
}
