import GridModel

/// Keeps planners' building locks (locks.csv) after drawing.
///
/// The core draws shapes, not codes, so a lock is kept by renaming: the grid holding a locked building takes the
/// locked code (swapping codes with the grid that had it, inside the same community), and likewise a micro-grid
/// inside its grid. A lock that renaming cannot meet (its building split across grids, a code of another community,
/// two locks wanting one grid under different codes) is stated as a deviation.
struct LockKeeper {
    /// The rule id findings name: a planner's lock is a rule of the planner's own file.
    static let ruleID: RuleID = "locks.csv"

    let locks: [PlanLock]
    let buildings: [Building]

    /// Renames grids and micro-grids in `assignments` so that locks hold; returns the locks still unmet.
    func apply(to assignments: inout [GridAssignment]) -> [Finding] {
        let community = Dictionary(uniqueKeysWithValues: buildings.map { ($0.id, $0.communityID) })
        let pins = locks.compactMap { lock -> (BuildingID, PlanLock)? in
            guard case .building(let id) = lock.subject, lock.gridID != nil || lock.microGridID != nil else {
                return nil
            }
            return (id, lock)
        }.sorted { $0.0 < $1.0 }
        guard !pins.isEmpty else { return [] }
        var fixedGrids = Set<GridID>()
        for (building, lock) in pins {
            guard let wanted = lock.gridID ?? lock.microGridID.flatMap(Self.grid(of:)),
                let home = community[building]
            else { continue }
            let grids = Set(assignments.filter { $0.buildingID == building }.map(\.gridID))
            guard grids.count == 1, let held = grids.first, held != wanted, wanted.rawValue.hasPrefix("\(home)-"),
                !fixedGrids.contains(held), !fixedGrids.contains(wanted)
            else {
                if let held = grids.first, grids.count == 1 { fixedGrids.insert(held) }
                continue
            }
            if assignments.contains(where: { $0.gridID == wanted && $0.communityID != home }) { continue }
            Self.swapGrids(held, wanted, in: &assignments)
            fixedGrids.insert(wanted)
        }
        var fixedMicro = Set<MicroGridID>()
        for (building, lock) in pins {
            guard let wanted = lock.microGridID else { continue }
            let micros = Set(assignments.filter { $0.buildingID == building }.compactMap(\.microGridID))
            guard micros.count == 1, let held = micros.first, held != wanted,
                let grid = Self.grid(of: held), Self.grid(of: wanted) == grid,
                !fixedMicro.contains(held), !fixedMicro.contains(wanted)
            else {
                if let held = micros.first, micros.count == 1 { fixedMicro.insert(held) }
                continue
            }
            for index in assignments.indices {
                if assignments[index].microGridID == held {
                    assignments[index].microGridID = wanted
                } else if assignments[index].microGridID == wanted {
                    assignments[index].microGridID = held
                }
            }
            fixedMicro.insert(wanted)
        }
        var unmet: [Finding] = []
        for (building, lock) in pins {
            let rows = assignments.filter { $0.buildingID == building }
            let households = rows.reduce(0) { $0 + $1.households }
            var missed: [String] = []
            if let grid = lock.gridID, let off = Optional(rows.filter { $0.gridID != grid }), !off.isEmpty {
                let places = Language.current.list(Set(off.map(\.gridID.rawValue)).sorted())
                missed.append(Message.text("planning.lock.grid_missed", ["grid": grid.rawValue, "places": places]))
            }
            if let micro = lock.microGridID, let off = Optional(rows.filter { $0.microGridID != micro }), !off.isEmpty {
                let placed = Set(off.compactMap { $0.microGridID?.rawValue }).sorted()
                let places = placed.isEmpty ? Message.text("planning.lock.nowhere") : Language.current.list(placed)
                missed.append(
                    Message.text("planning.lock.micro_grid_missed", ["micro_grid": micro.rawValue, "places": places]))
            }
            guard !missed.isEmpty else { continue }
            let off = rows.filter { row in
                (lock.gridID.map { row.gridID != $0 } ?? false)
                    || (lock.microGridID.map { row.microGridID != $0 } ?? false)
            }.reduce(0) { $0 + $1.households }
            unmet.append(Finding(
                ruleID: Self.ruleID, level: .hard,
                location: FindingLocation(communityID: community[building], buildingID: building),
                amount: Double(off),
                message: Message.text("planning.lock.finding", [
                    "building": building.rawValue, "missed": Language.current.clauses(missed), "off": "\(off)",
                    "households": "\(households)",
                ])
            ))
        }
        return unmet
    }

    /// The grid a micro-grid id belongs to (`C03-G02-M05` → `C03-G02`).
    static func grid(of micro: MicroGridID) -> GridID? {
        guard let dash = micro.rawValue.lastIndex(of: "-") else { return nil }
        return GridID(String(micro.rawValue[..<dash]))
    }

    /// Exchanges two grid codes, their micro-grids' prefixes included.
    static func swapGrids(_ a: GridID, _ b: GridID, in assignments: inout [GridAssignment]) {
        func rename(_ micro: MicroGridID?, from old: GridID, to new: GridID) -> MicroGridID? {
            guard let micro, micro.rawValue.hasPrefix(old.rawValue + "-") else { return micro }
            return MicroGridID(new.rawValue + micro.rawValue.dropFirst(old.rawValue.count))
        }
        for index in assignments.indices {
            if assignments[index].gridID == a {
                assignments[index].gridID = b
                assignments[index].microGridID = rename(assignments[index].microGridID, from: a, to: b)
            } else if assignments[index].gridID == b {
                assignments[index].gridID = a
                assignments[index].microGridID = rename(assignments[index].microGridID, from: b, to: a)
            }
        }
    }
}
