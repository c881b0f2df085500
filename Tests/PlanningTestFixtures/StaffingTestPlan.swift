import GridModel

/// Cuts a street into a plan for tests: per community, residential buildings along a Hilbert curve, cut into grids
/// of about 400 households and micro-grids of about 40 (whole buildings); other buildings form one special grid.
/// Contiguity is not checked: staffing does not need it.
public enum StaffingTestPlan {
    /// The plan of `street`.
    public static func cut(_ street: Street) -> [GridAssignment] {
        let xs = street.buildings.map(\.position.x)
        let ys = street.buildings.map(\.position.y)
        let minX = xs.min() ?? 0
        let minY = ys.min() ?? 0
        let span = max((xs.max() ?? 0) - minX, (ys.max() ?? 0) - minY, 1)
        var rows: [GridAssignment] = []
        for community in Set(street.buildings.map(\.communityID)).sorted() {
            let members = street.buildings.filter { $0.communityID == community }
            let residential = members.filter { $0.kind.isResidential && $0.households > 0 }.sorted {
                let left = hilbert(Int(($0.position.x - minX) / span * 1023), Int(($0.position.y - minY) / span * 1023))
                let right = hilbert(
                    Int(($1.position.x - minX) / span * 1023), Int(($1.position.y - minY) / span * 1023))
                return left != right ? left < right : $0.id < $1.id
            }
            for (gridNumber, grid) in groups(residential, target: 400).enumerated() {
                let gridID = GridID("\(community)-G\(pad(gridNumber + 1))")
                for (microNumber, micro) in groups(grid, target: 40).enumerated() {
                    for building in micro {
                        rows.append(
                            GridAssignment(
                                buildingID: building.id, households: building.households, communityID: community,
                                gridID: gridID, microGridID: MicroGridID("\(gridID)-M\(pad(microNumber + 1))")))
                    }
                }
            }
            for building in members where !(building.kind.isResidential && building.households > 0) {
                rows.append(
                    GridAssignment(
                        buildingID: building.id, households: building.households, communityID: community,
                        gridID: GridID("\(community)-S01"), microGridID: MicroGridID("\(community)-S01-M01"),
                        kind: building.kind))
            }
        }
        return rows
    }

    private static func pad(_ number: Int) -> String { number < 10 ? "0\(number)" : "\(number)" }

    /// Consecutive groups of about `target` households.
    private static func groups(_ buildings: [Building], target: Int) -> [[Building]] {
        let total = buildings.reduce(0) { $0 + $1.households }
        let count = max(1, Int((Double(total) / Double(target)).rounded()))
        let size = Double(total) / Double(count)
        var result: [[Building]] = []
        var current: [Building] = []
        var sum = 0
        for building in buildings {
            current.append(building)
            sum += building.households
            if Double(sum) >= size, result.count < count - 1 {
                result.append(current)
                current = []
                sum = 0
            }
        }
        if !current.isEmpty { result.append(current) }
        return result
    }

    private static func hilbert(_ x: Int, _ y: Int) -> Int {
        var x = x
        var y = y
        var distance = 0
        var side = 512
        while side > 0 {
            let rx = (x & side) > 0 ? 1 : 0
            let ry = (y & side) > 0 ? 1 : 0
            distance += side * side * ((3 * rx) ^ ry)
            if ry == 0 {
                if rx == 1 {
                    x = 1023 - x
                    y = 1023 - y
                }
                swap(&x, &y)
            }
            side /= 2
        }
        return distance
    }
}
