import GridModel

/// The building stock of one compound type: storeys, stairwell units, households per floor, buildings per
/// compound, footprint and spacing. Values are [M] unless noted; §10 of the rules catalogue gives old
/// walk-ups (5–6 floors, 2–3 units, 2 a floor; the brief widens this to 5–7 floors and 2–4 units) and high-rise
/// towers (11–33 floors here, 1–2 units, 2–4 a floor).
struct CompoundShape: Sendable {
    var kind: BuildingKind
    var floors: ClosedRange<Int>
    var units: ClosedRange<Int>
    var householdsPerFloorPerUnit: ClosedRange<Int>
    var buildings: ClosedRange<Int>
    /// Occupied share of the dwellings (vacancy makes building totals irregular, as in real data).
    var occupancy: ClosedRange<Double>
    /// Frontage of one stairwell unit and depth of the building, in metres.
    var unitWidth: Double
    var depth: Double
    /// Clear distance between buildings side by side.
    var sideGap: Double
    /// Clear distance between rows, per storey (sunlight spacing grows with height), within `rowGapBounds`.
    var rowGapPerFloor: Double
    var rowGapBounds: ClosedRange<Double>

    static func of(_ type: CompoundType) -> CompoundShape {
        switch type {
        case .old:
            return CompoundShape(
                kind: .residential, floors: 5...7, units: 2...4, householdsPerFloorPerUnit: 2...2, buildings: 2...10,
                occupancy: 0.88...1.0, unitWidth: 13, depth: 11, sideGap: 8, rowGapPerFloor: 3.3, rowGapBounds: 14...26
            )
        case .workUnit:
            return CompoundShape(
                kind: .residential, floors: 5...7, units: 2...4, householdsPerFloorPerUnit: 2...2, buildings: 3...8,
                occupancy: 0.9...1.0, unitWidth: 13, depth: 11, sideGap: 9, rowGapPerFloor: 3.3, rowGapBounds: 14...26
            )
        case .residential:
            return CompoundShape(
                kind: .residential, floors: 11...33, units: 1...2, householdsPerFloorPerUnit: 2...4, buildings: 3...10,
                occupancy: 0.85...1.0, unitWidth: 20, depth: 18, sideGap: 22, rowGapPerFloor: 1.6, rowGapBounds: 28...60
            )
        case .transitional:
            return CompoundShape(
                kind: .residential, floors: 2...4, units: 1...1, householdsPerFloorPerUnit: 1...3, buildings: 15...40,
                occupancy: 0.8...1.0, unitWidth: 11, depth: 10, sideGap: 4, rowGapPerFloor: 1.5, rowGapBounds: 5...8
            )
        case .village:
            return CompoundShape(
                kind: .residential, floors: 2...4, units: 1...1, householdsPerFloorPerUnit: 1...2, buildings: 20...50,
                occupancy: 0.8...1.0, unitWidth: 10, depth: 10, sideGap: 3, rowGapPerFloor: 1.2, rowGapBounds: 4...6
            )
        case .commercial:
            return CompoundShape(
                kind: .commercial, floors: 15...40, units: 1...2, householdsPerFloorPerUnit: 0...0, buildings: 1...4,
                occupancy: 0...0, unitWidth: 35, depth: 35, sideGap: 30, rowGapPerFloor: 1, rowGapBounds: 30...40
            )
        default:
            return of(.residential)
        }
    }

    /// A single non-residential building on its own site (school, market, hospital).
    static func site(_ kind: BuildingKind) -> CompoundShape {
        let size: (Double, Double, ClosedRange<Int>) =
            switch kind {
            case .school: (70, 50, 3...5)
            case .hospital: (60, 45, 5...12)
            case .market: (55, 40, 1...3)
            default: (40, 30, 3...8)
            }
        return CompoundShape(
            kind: kind, floors: size.2, units: 1...1, householdsPerFloorPerUnit: 0...0, buildings: 1...1,
            occupancy: 0...0, unitWidth: size.0, depth: size.1, sideGap: 0, rowGapPerFloor: 0, rowGapBounds: 0...0
        )
    }

    /// A new building of this shape with its occupied households drawn unit by unit.
    func building(using random: inout SeededGenerator) -> PlannedBuilding {
        let floorCount = random.int(in: floors)
        let unitCount = random.int(in: units)
        let perFloor = random.int(in: householdsPerFloorPerUnit)
        let capacity = floorCount * perFloor
        var households: [Int] = []
        for _ in 0..<unitCount {
            let occupied = Int((Double(capacity) * random.real(in: occupancy)).rounded())
            households.append(min(capacity, occupied))
        }
        if kind.isResidential, households.reduce(0, +) == 0 { households[0] = min(1, capacity) }
        return PlannedBuilding(
            kind: kind, floors: floorCount, unitCapacities: Array(repeating: capacity, count: unitCount),
            unitHouseholds: households
        )
    }

    /// Centre-to-centre distances of a building grid with the widest of `buildings`.
    func pitch(for buildings: [PlannedBuilding]) -> (x: Double, y: Double) {
        let widest = Double(buildings.map(\.unitCapacities.count).max() ?? 1) * unitWidth
        let tallest = Double(buildings.map(\.floors).max() ?? 1)
        let rowGap = min(max(rowGapPerFloor * tallest, rowGapBounds.lowerBound), rowGapBounds.upperBound)
        return (widest + sideGap, depth + rowGap)
    }
}
