import GridModel

/// A compound (or a lone non-residential site) while the street is being drawn: its buildings laid out in rows
/// inside a rectangle of `width` × `depth` metres, placed later at (`originX`, `originY`) in its community.
struct PlannedCompound: Sendable {
    /// Nil for a lone building on its own site (school, market, hospital): it has no compound id.
    var type: CompoundType?
    var shape: CompoundShape
    var buildings: [PlannedBuilding]
    var width = 0.0
    var depth = 0.0
    var originX = 0.0
    var originY = 0.0

    var households: Int { buildings.reduce(0) { $0 + $1.households } }
    var isSite: Bool { type == nil }

    /// A compound of `type` with its building count drawn from the type's shape.
    static func drawn(_ type: CompoundType, using random: inout SeededGenerator) -> PlannedCompound {
        let shape = CompoundShape.of(type)
        let count = random.int(in: shape.buildings)
        let buildings = (0..<count).map { _ in shape.building(using: &random) }
        return PlannedCompound(type: type, shape: shape, buildings: buildings)
    }

    /// A lone non-residential building of `kind`.
    static func site(_ kind: BuildingKind, using random: inout SeededGenerator) -> PlannedCompound {
        let shape = CompoundShape.site(kind)
        return PlannedCompound(type: nil, shape: shape, buildings: [shape.building(using: &random)])
    }

    /// Trims or grows the compound until it holds exactly `target` households (target ≥ 1).
    mutating func fit(to target: Int, using random: inout SeededGenerator) {
        while households > target, buildings.count > 1 {
            buildings.removeLast()
        }
        if households > target {
            buildings[0].setHouseholds(target)
        }
        grow(by: target - households, using: &random)
    }

    /// Adds `extra` households: first into vacant dwellings, then in new buildings of the same shape.
    mutating func grow(by extra: Int, using random: inout SeededGenerator) {
        var left = extra
        for index in buildings.indices where left > 0 {
            let room = buildings[index].capacity - buildings[index].households
            if room > 0 {
                let add = min(room, left)
                buildings[index].setHouseholds(buildings[index].households + add)
                left -= add
            }
        }
        while left > 0 {
            var building = shape.building(using: &random)
            if building.capacity == 0 { return }
            building.setHouseholds(min(left, max(building.households, 1)))
            left -= building.households
            buildings.append(building)
        }
    }

    /// Places the buildings in rows (west→east, then north→south) with the shape's spacing and a little jitter,
    /// and sets the compound's size.
    mutating func layOut(using random: inout SeededGenerator) {
        let margin = isSite ? 15.0 : 10.0
        let pitch = shape.pitch(for: buildings)
        let count = buildings.count
        let columns = max(1, Int((Double(count) * pitch.y / pitch.x).squareRoot().rounded()))
        let rows = (count + columns - 1) / columns
        for index in buildings.indices {
            let column = Double(index % columns)
            let row = Double(index / columns)
            // Jitter keeps positions off an exact lattice, where Delaunay edges would be ambiguous.
            buildings[index].offsetX = margin + (column + 0.5) * pitch.x + random.real(in: -1.5...1.5)
            buildings[index].offsetY = margin + (Double(row) + 0.5) * pitch.y + random.real(in: -1.5...1.5)
        }
        width = Double(columns) * pitch.x + 2 * margin
        depth = Double(rows) * pitch.y + 2 * margin
    }
}
