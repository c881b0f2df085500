import GridModel

/// Keeps micro-grid and special grid codes of a re-drawn community stable against the current plan, as the core
/// keeps grid codes.
///
/// A new micro-grid takes the code of the current micro-grid of the same grid code with which it shares most
/// households (greatest overlap first, ties by id); a special grid takes the current special grid code of its
/// buildings. The rest take fresh codes: the lowest numbers that neither a kept code nor the current plan uses
/// there (so a code never comes to name another place), in the order the drawing gave them (reading order). A grid
/// that shares no households with the current grid of its code is a new grid (the core may give a new grid a code
/// that the current plan used elsewhere) and keeps the drawing's micro-grid codes; likewise a community where no
/// special grid code can be kept.
struct PlanCodeKeeper {
    /// A grid or micro-grid code.
    typealias Code = Comparable & Hashable & RawRepresentable<String>

    let current: [GridAssignment]
    /// Planner locks: a micro-grid holding a building locked to a micro-grid code of its grid takes that code first.
    var locks: [PlanLock] = []

    /// Renames micro-grids and special grids of `rows` (drawn rows) to follow `current`.
    ///
    /// - Complexity: O(r log r) in the rows of both plans, plus the products of the row counts per building.
    func apply(to rows: inout [GridAssignment]) {
        var currentOf: [BuildingID: [GridAssignment]] = [:]
        for row in current { currentOf[row.buildingID, default: []].append(row) }
        keepSpecialCodes(&rows, currentOf: currentOf)
        keepMicroCodes(&rows, currentOf: currentOf)
    }

    /// Special grids (`C03-S01`): the current code of their buildings where free, fresh numbers for the others.
    func keepSpecialCodes(_ rows: inout [GridAssignment], currentOf: [BuildingID: [GridAssignment]]) {
        var votes: [GridID: [GridID: Int]] = [:]
        var specials: [CommunityID: Set<GridID>] = [:]
        var before: [CommunityID: Set<GridID>] = [:]
        for row in current where Self.isSpecial(row.gridID, in: row.communityID) {
            before[row.communityID, default: []].insert(row.gridID)
        }
        for row in rows where Self.isSpecial(row.gridID, in: row.communityID) {
            specials[row.communityID, default: []].insert(row.gridID)
            for old in currentOf[row.buildingID] ?? [] where Self.isSpecial(old.gridID, in: row.communityID) {
                votes[row.gridID, default: [:]][old.gridID, default: 0] += old.households + 1
            }
        }
        var renames: [GridID: GridID] = [:]
        for (community, grids) in specials.sorted(by: { $0.key < $1.key }) {
            let chosen = Self.match(Array(grids), votes: votes)
            guard !chosen.isEmpty else { continue }
            let fresh = Self.fresh(Array(grids), chosen: chosen, avoiding: before[community] ?? []) {
                GridID("\(community)-S\(Self.two($0))")
            }
            for (old, new) in chosen.merging(fresh, uniquingKeysWith: { a, _ in a }) where old != new {
                renames[old] = new
            }
        }
        guard !renames.isEmpty else { return }
        for index in rows.indices {
            guard let new = renames[rows[index].gridID] else { continue }
            let old = rows[index].gridID
            rows[index].gridID = new
            if let micro = rows[index].microGridID, micro.rawValue.hasPrefix(old.rawValue + "-") {
                rows[index].microGridID = MicroGridID(new.rawValue + micro.rawValue.dropFirst(old.rawValue.count))
            }
        }
    }

    /// Micro-grids of residential grids: the current micro-grid of the same grid code sharing most households.
    func keepMicroCodes(_ rows: inout [GridAssignment], currentOf: [BuildingID: [GridAssignment]]) {
        var votes: [MicroGridID: [MicroGridID: Int]] = [:]
        var microsOf: [GridID: Set<MicroGridID>] = [:]
        var before: [GridID: Set<MicroGridID>] = [:]
        for row in current {
            if let micro = row.microGridID { before[row.gridID, default: []].insert(micro) }
        }
        for row in rows {
            guard let micro = row.microGridID, !Self.isSpecial(row.gridID, in: row.communityID) else { continue }
            microsOf[row.gridID, default: []].insert(micro)
            for old in currentOf[row.buildingID] ?? [] where old.gridID == row.gridID {
                guard let oldMicro = old.microGridID else { continue }
                let shared = Self.shared(row, old)
                if shared > 0 { votes[micro, default: [:]][oldMicro, default: 0] += shared }
            }
        }
        var pinned: [MicroGridID: MicroGridID] = [:]
        for lock in locks {
            guard case .building(let id) = lock.subject, let wanted = lock.microGridID else { continue }
            let held = Set(rows.filter { $0.buildingID == id }.compactMap(\.microGridID))
            guard held.count == 1, let micro = held.first, LockKeeper.grid(of: micro) == LockKeeper.grid(of: wanted),
                pinned[micro] == nil, !pinned.values.contains(wanted)
            else { continue }
            pinned[micro] = wanted
        }
        var renames: [MicroGridID: MicroGridID] = [:]
        for (grid, micros) in microsOf.sorted(by: { $0.key < $1.key }) {
            let chosen = Self.match(Array(micros), votes: votes, fixed: pinned.filter { micros.contains($0.key) })
            guard !chosen.isEmpty else { continue }
            let fresh = Self.fresh(Array(micros), chosen: chosen, avoiding: before[grid] ?? []) {
                MicroGridID("\(grid)-M\(Self.two($0))")
            }
            for (old, new) in chosen.merging(fresh, uniquingKeysWith: { a, _ in a }) where old != new {
                renames[old] = new
            }
        }
        guard !renames.isEmpty else { return }
        for index in rows.indices {
            if let micro = rows[index].microGridID, let new = renames[micro] { rows[index].microGridID = new }
        }
    }

    /// Greedy matching of new ids to current ids by votes, greatest first, ties by new then current id, after the
    /// `fixed` pairs.
    static func match<ID: Code>(_ ids: [ID], votes: [ID: [ID: Int]], fixed: [ID: ID] = [:]) -> [ID: ID] {
        var entries: [(votes: Int, new: ID, old: ID)] = []
        for id in ids {
            for (old, count) in votes[id] ?? [:] { entries.append((count, id, old)) }
        }
        entries.sort { a, b in
            if a.votes != b.votes { return a.votes > b.votes }
            if a.new != b.new { return a.new < b.new }
            return a.old < b.old
        }
        var chosen = fixed
        var taken = Set(fixed.values)
        for entry in entries where chosen[entry.new] == nil && !taken.contains(entry.old) {
            chosen[entry.new] = entry.old
            taken.insert(entry.old)
        }
        return chosen
    }

    /// The lowest numbers for the ids not chosen that no chosen id and nothing in `avoiding` uses, in their drawn
    /// order (the drawing's reading order).
    static func fresh<ID: Code>(_ ids: [ID], chosen: [ID: ID], avoiding: Set<ID>, code: (Int) -> ID) -> [ID: ID] {
        let taken = Set(chosen.values).union(avoiding)
        var result: [ID: ID] = [:]
        var next = 1
        for id in ids.sorted(by: Self.numbered) where chosen[id] == nil {
            while taken.contains(code(next)) { next += 1 }
            result[id] = code(next)
            next += 1
        }
        return result
    }

    /// Drawn order of codes: shorter first, so that `M100` follows `M99`.
    static func numbered<ID: Code>(_ a: ID, _ b: ID) -> Bool {
        a.rawValue.count != b.rawValue.count ? a.rawValue.count < b.rawValue.count : a < b
    }

    /// Households that a new row and a current row of one building share: none for different units; for bands of
    /// one unit, the households of their common floors (the smaller estimate); else the smaller row.
    static func shared(_ new: GridAssignment, _ old: GridAssignment) -> Int {
        if let a = new.unit, let b = old.unit, a != b { return 0 }
        guard new.unit != nil, new.unit == old.unit, let x = new.floors, let y = old.floors else {
            return min(new.households, old.households)
        }
        let common = min(x.highest, y.highest) - max(x.lowest, y.lowest) + 1
        guard common > 0 else { return 0 }
        return min(new.households * common / x.floorCount, old.households * common / y.floorCount)
    }

    /// Whether `grid` is a special grid code of `community` (`C03-S01`).
    static func isSpecial(_ grid: GridID, in community: CommunityID) -> Bool {
        grid.rawValue.hasPrefix("\(community)-S")
    }

    static func two(_ number: Int) -> String { number < 10 ? "0\(number)" : "\(number)" }
}
