import GridModel
import Districting
import GridRules

/// Checks one community's rows of a plan (the current plan on a re-draw) against the street as it is now and the
/// rules in force, so that the job can keep a community's current plan verbatim when nothing about it changed and
/// it still meets every hard rule.
///
/// This is the job's own check, apart from the drawing core: it reads only the rows, the street's buildings, units
/// and locks, the job's neighbour pairs and the rules. Two lists come out: how the community's atoms differ from the
/// rows (buildings added, removed or changed; units or floors that no longer match), and which hard rules the rows
/// miss (household bounds, one community per grid, nesting, connectedness, units whole or whole-floor bands,
/// special grids, micro-grid coverage, locks). Either list non-empty means the community is drawn again.
struct CommunityPlanCheck {
    let community: CommunityID
    let rules: GridDrawingRules
    /// The community's buildings, sorted by id.
    let buildings: [Building]
    let units: [BuildingID: [StairwellUnit]]
    let locks: [PlanLock]

    /// Warnings about the community's adjacency (islands joined, barrier pieces), worded as the drawing's.
    private(set) var warnings: [PlanWarning] = []
    private let index: [BuildingID: Int]
    /// Neighbours (local indices) over the job's pairs among residential buildings, islands joined as when drawing.
    private let neighbours: [[Int]]
    /// Neighbours (local indices) over the job's pairs among every building, for the special grids' sites.
    private let allNeighbours: [[Int]]

    /// A check of `community` with the job's neighbour pairs `pairs` (pairs naming buildings outside the community
    /// are ignored).
    ///
    /// - Complexity: O(n + m) for the community's n buildings and m pairs, plus O(n²) per island joined.
    init(community: CommunityID, rules: GridDrawingRules, buildings: [Building], units: [BuildingID: [StairwellUnit]],
         pairs: [BuildingPair], locks: [PlanLock]) {
        self.community = community
        self.rules = rules
        self.buildings = buildings.sorted { $0.id < $1.id }
        self.units = units
        self.locks = locks
        var index: [BuildingID: Int] = [:]
        for (i, building) in self.buildings.enumerated() { index[building.id] = i }
        self.index = index
        var neighbours = Array(repeating: [Int](), count: self.buildings.count)
        var allNeighbours = neighbours
        for pair in pairs {
            guard let a = index[pair.first], let b = index[pair.second], a != b else { continue }
            allNeighbours[a].append(b)
            allNeighbours[b].append(a)
            guard self.buildings[a].kind.isResidential, self.buildings[b].kind.isResidential else { continue }
            neighbours[a].append(b)
            neighbours[b].append(a)
        }
        self.allNeighbours = allNeighbours
        var warnings: [PlanWarning] = []
        Self.joinIslands(&neighbours, buildings: self.buildings, community: community,
                         gridBounds: rules.householdsPerGrid.value, warnings: &warnings)
        self.neighbours = neighbours
        self.warnings = warnings
    }

    /// Why `rows` cannot be kept: atom changes first, then hard rules missed; empty when they can.
    ///
    /// - Complexity: O(r log r + n + m) for r rows.
    func reasons(_ rows: [GridAssignment]) -> [String] {
        let changes = atomChanges(rows)
        return changes.isEmpty ? violations(rows) : changes
    }

    // MARK: - Atoms

    /// How the community's buildings, units and floors differ from `rows`.
    func atomChanges(_ rows: [GridAssignment]) -> [String] {
        var changes: [String] = []
        var rowsOf: [BuildingID: [GridAssignment]] = [:]
        for row in rows {
            guard index[row.buildingID] != nil else {
                changes.append(Message.text("planning.redraw.building_gone", ["building": row.buildingID.rawValue]))
                continue
            }
            rowsOf[row.buildingID, default: []].append(row)
        }
        for building in buildings {
            guard let placed = rowsOf[building.id] else {
                changes.append(Message.text("planning.redraw.building_new", ["building": building.id.rawValue]))
                continue
            }
            let households = placed.reduce(0) { $0 + $1.households }
            if households != building.households {
                changes.append(Message.text("planning.redraw.households_changed", [
                    "building": building.id.rawValue, "households": "\(building.households)", "planned": "\(households)",
                ]))
            }
            if placed.contains(where: { $0.kind != building.kind }) {
                changes.append(Message.text(
                    "planning.redraw.kind_changed", ["building": building.id.rawValue, "kind": building.kind.rawValue]))
            }
            if placed.contains(where: { $0.communityID != community }) {
                changes.append(Message.text("planning.redraw.community_changed", ["building": building.id.rawValue]))
            }
            guard building.kind.isResidential, households == building.households else { continue }
            let named = placed.filter { $0.unit != nil }
            guard !named.isEmpty else { continue }
            let expected = expectedUnits(of: building)
            var byUnit: [String: Int] = [:]
            for row in named { byUnit[row.unit ?? "", default: 0] += row.households }
            let wanted = Dictionary(expected.map { ($0.name, $0.households) }, uniquingKeysWith: { a, _ in a })
            if byUnit != wanted, named.count == placed.count {
                changes.append(Message.text("planning.redraw.units_changed", ["building": building.id.rawValue]))
            }
        }
        return Self.capped(changes)
    }

    /// The stairwell units of a building as the drawing cuts them: units.csv, else `units` units with households
    /// spread evenly (remainder to the lowest-numbered), else the whole building as unit `1`.
    func expectedUnits(of building: Building) -> [StairwellUnit] {
        if let given = units[building.id], !given.isEmpty { return given }
        let count = max(1, building.unitCount ?? 1)
        let base = building.households / count, extra = building.households % count
        return (1...count).map {
            StairwellUnit(buildingID: building.id, name: "\($0)", households: base + ($0 <= extra ? 1 : 0),
                          floors: building.floors)
        }
    }

    // MARK: - Hard rules

    /// The hard rules `rows` miss, one sentence each.
    func violations(_ rows: [GridAssignment]) -> [String] {
        var problems: [String] = []
        let gridRange = rules.householdsPerGrid.value, microRange = rules.householdsPerMicroGrid.value
        var gridMembers: [GridID: Set<Int>] = [:], microMembers: [MicroGridID: Set<Int>] = [:]
        var gridHouseholds: [GridID: Int] = [:], microHouseholds: [MicroGridID: Int] = [:]
        var specialGrid: [GridID: Bool] = [:]
        var rowsOf: [Int: [GridAssignment]] = [:]
        for row in rows {
            guard let i = index[row.buildingID] else { continue }
            let building = buildings[i]
            rowsOf[i, default: []].append(row)
            let special = isSpecial(building)
            let prefix = "\(community)-\(special ? "S" : "G")"
            if row.communityID != community || !row.gridID.rawValue.hasPrefix(prefix) {
                problems.append(Message.text("planning.redraw.wrong_grid", [
                    "building": building.id.rawValue, "grid": row.gridID.rawValue, "prefix": prefix,
                ]))
            }
            if let seen = specialGrid[row.gridID], seen != special {
                problems.append(Message.text("planning.redraw.mixed_grid", ["grid": row.gridID.rawValue]))
            }
            specialGrid[row.gridID] = special
            gridMembers[row.gridID, default: []].insert(i)
            if !special { gridHouseholds[row.gridID, default: 0] += row.households }
            if let micro = row.microGridID {
                if !micro.rawValue.hasPrefix(row.gridID.rawValue + "-M") {
                    problems.append(Message.text(
                        "planning.redraw.not_nested", ["micro_grid": micro.rawValue, "grid": row.gridID.rawValue]))
                }
                microMembers[micro, default: []].insert(i)
                if !special { microHouseholds[micro, default: 0] += row.households }
            } else if !special, row.households > 0, rules.microGridsCover(building.compoundType) {
                problems.append(Message.text("planning.redraw.outside_micro_grids", ["building": building.id.rawValue]))
            }
        }
        for (grid, households) in gridHouseholds.sorted(by: { $0.key < $1.key }) where !gridRange.contains(households) {
            problems.append(Message.text("planning.redraw.grid_households", [
                "grid": grid.rawValue, "households": "\(households)", "min": "\(gridRange.lowerBound)",
                "max": "\(gridRange.upperBound)",
            ]))
        }
        for (micro, households) in microHouseholds.sorted(by: { $0.key < $1.key })
        where !microRange.contains(households) {
            problems.append(Message.text("planning.redraw.micro_grid_households", [
                "micro_grid": micro.rawValue, "households": "\(households)", "min": "\(microRange.lowerBound)",
                "max": "\(microRange.upperBound)",
            ]))
        }
        for (grid, members) in gridMembers.sorted(by: { $0.key < $1.key }) where specialGrid[grid] == false {
            if !connected(members) {
                problems.append(Message.text("planning.redraw.grid_disconnected", ["grid": grid.rawValue]))
            }
        }
        for (micro, members) in microMembers.sorted(by: { $0.key < $1.key }) {
            let grid = LockKeeper.grid(of: micro)
            if grid.flatMap({ specialGrid[$0] }) == false, !connected(members) {
                problems.append(Message.text("planning.redraw.micro_grid_disconnected", ["micro_grid": micro.rawValue]))
            }
        }
        for (i, placed) in rowsOf.sorted(by: { $0.key < $1.key }) where buildings[i].kind.isResidential {
            problems += unitProblems(buildings[i], placed)
        }
        problems += siteProblems(gridMembers.filter { specialGrid[$0.key] == true })
        problems += lockProblems(rowsOf)
        return Self.capped(problems)
    }

    /// Whether `building` belongs in a special grid: every non-residential kind, and the kinds the rules add.
    private func isSpecial(_ building: Building) -> Bool {
        !building.kind.isResidential || rules.specialGridKinds.value.contains(building.kind)
    }

    /// Special grids that do not follow the sites (grid.special_grid_sites): each must lie in one site group of its
    /// kind, hold at most the rule's buildings, and a group must be cut into no more grids than the cap requires.
    func siteProblems(_ special: [GridID: Set<Int>]) -> [String] {
        let rule = rules.specialGridSites
        let specialBuildings = buildings.indices.filter { isSpecial(buildings[$0]) }
        let grouping = SpecialGridGrouping(rule: SpecialSiteRule(rule))
        let groups = grouping.groups(special: specialBuildings, buildings: buildings, neighbours: allNeighbours,
                                     seed: 0, splitting: false)
        var groupOf: [Int: Int] = [:]
        for (number, group) in groups.enumerated() {
            for building in group { groupOf[building] = number }
        }
        var problems: [String] = []
        var gridsPerGroup: [Int: Int] = [:]
        for (grid, members) in special.sorted(by: { $0.key < $1.key }) {
            let owners = Set(members.compactMap { groupOf[$0] })
            if owners.count != 1 {
                problems.append(Message.text("planning.redraw.special_sites", [
                    "grid": grid.rawValue, "count": "\(owners.count)", "rule": rule.ruleID.rawValue,
                ]))
            }
            if members.count > rule.maxBuildingsPerGrid {
                problems.append(Message.text("planning.redraw.special_size", [
                    "grid": grid.rawValue, "count": "\(members.count)", "max": "\(rule.maxBuildingsPerGrid)",
                    "rule": rule.ruleID.rawValue,
                ]))
            }
            for owner in owners { gridsPerGroup[owner, default: 0] += 1 }
        }
        for (number, count) in gridsPerGroup.sorted(by: { $0.key < $1.key }) {
            let needed = (groups[number].count + rule.maxBuildingsPerGrid - 1) / rule.maxBuildingsPerGrid
            if count > needed {
                problems.append(Message.text("planning.redraw.site_split", [
                    "building": buildings[groups[number][0]].id.rawValue, "count": "\(count)", "needed": "\(needed)",
                    "rule": rule.ruleID.rawValue,
                ]))
            }
        }
        return problems
    }

    /// Units whole in one micro-grid unless a unit alone exceeds the micro maximum; then bands of whole floors, each
    /// holding its floors' households (spread evenly, remainder to the lowest floors), covering every floor once.
    func unitProblems(_ building: Building, _ placed: [GridAssignment]) -> [String] {
        let whole = placed.filter { $0.unit == nil }
        if !whole.isEmpty {
            if whole.count < placed.count || whole.count > 1 || whole.contains(where: { $0.floors != nil }) {
                return [Message.text("planning.redraw.split_unnamed", ["building": building.id.rawValue])]
            }
            return []
        }
        var problems: [String] = []
        let expected = Dictionary(expectedUnits(of: building).map { ($0.name, $0) }, uniquingKeysWith: { a, _ in a })
        var byUnit: [String: [GridAssignment]] = [:]
        for row in placed { byUnit[row.unit ?? "", default: []].append(row) }
        let maximum = rules.householdsPerMicroGrid.value.upperBound
        for (name, rows) in byUnit.sorted(by: { $0.key < $1.key }) {
            guard let unit = expected[name] else {
                problems.append(Message.text("planning.redraw.unknown_unit", ["building": building.id.rawValue, "unit": name]))
                continue
            }
            let micros = Set(rows.map { $0.microGridID?.rawValue ?? "" })
            if micros.count > 1, unit.households <= maximum {
                problems.append(Message.text("planning.redraw.unit_split", [
                    "building": building.id.rawValue, "unit": name, "households": "\(unit.households)",
                ]))
            }
            let bands = rows.compactMap(\.floors)
            guard !bands.isEmpty else {
                if rows.count > 1 {
                    problems.append(
                        Message.text("planning.redraw.unit_no_bands", ["building": building.id.rawValue, "unit": name]))
                }
                continue
            }
            guard bands.count == rows.count else {
                problems.append(
                    Message.text("planning.redraw.unit_mixed_rows", ["building": building.id.rawValue, "unit": name]))
                continue
            }
            let floors = max(1, unit.floors ?? building.floors ?? (unit.households + 1) / 2)
            let base = unit.households / floors, extra = unit.households % floors
            var covered = Array(repeating: 0, count: floors + 1)
            for row in rows {
                guard let band = row.floors, band.highest <= floors else {
                    problems.append(Message.text("planning.redraw.floors_beyond", [
                        "building": building.id.rawValue, "unit": name, "band": row.floors?.description ?? "",
                        "floors": "\(floors)",
                    ]))
                    continue
                }
                var households = 0
                for floor in band.lowest...band.highest {
                    covered[floor] += 1
                    households += base + (floor <= extra ? 1 : 0)
                }
                if households != row.households {
                    problems.append(Message.text("planning.redraw.band_households", [
                        "building": building.id.rawValue, "unit": name, "band": "\(band)",
                        "households": "\(row.households)", "expected": "\(households)",
                    ]))
                }
            }
            if covered.dropFirst().contains(where: { $0 != 1 }) {
                problems.append(
                    Message.text("planning.redraw.bands_cover", ["building": building.id.rawValue, "unit": name]))
            }
        }
        return problems
    }

    /// Building locks of the community that `rows` do not hold.
    func lockProblems(_ rowsOf: [Int: [GridAssignment]]) -> [String] {
        var problems: [String] = []
        for lock in locks {
            guard case .building(let id) = lock.subject, let i = index[id] else { continue }
            let placed = rowsOf[i] ?? []
            if let grid = lock.gridID, placed.contains(where: { $0.gridID != grid }) {
                problems.append(
                    Message.text("planning.redraw.locked_grid", ["building": id.rawValue, "grid": grid.rawValue]))
            }
            if let micro = lock.microGridID, placed.contains(where: { $0.microGridID != micro }) {
                problems.append(Message.text(
                    "planning.redraw.locked_micro_grid", ["building": id.rawValue, "micro_grid": micro.rawValue]))
            }
        }
        return problems.sorted()
    }

    /// Whether `members` (local indices) are connected over the community's neighbours.
    func connected(_ members: Set<Int>) -> Bool {
        guard let start = members.min() else { return true }
        var seen: Set<Int> = [start]
        var stack = [start]
        while let node = stack.popLast() {
            for next in neighbours[node] where members.contains(next) && seen.insert(next).inserted {
                stack.append(next)
            }
        }
        return seen.count == members.count
    }

    /// At most 8 reasons, then how many more, so that kpis.json stays readable on a changed city.
    static func capped(_ reasons: [String]) -> [String] {
        guard reasons.count > 8 else { return reasons }
        return Array(reasons.prefix(8)) + [Message.text("planning.redraw.more", ["count": "\(reasons.count - 8)"])]
    }

    // MARK: - Islands

    /// Joins every piece of the community's residential graph that holds no valid number of grids to its nearest
    /// building, as the drawing does, so that a current plan drawn over those joins is judged over them too.
    static func joinIslands(_ neighbours: inout [[Int]], buildings: [Building], community: CommunityID,
                            gridBounds: ClosedRange<Int>, warnings: inout [PlanWarning]) {
        let residential = buildings.indices.filter { buildings[$0].kind.isResidential }
        while true {
            let pieces = components(residential, neighbours)
            guard pieces.count > 1 else { return }
            let small = pieces.filter { piece in
                !admitsGrids(piece.reduce(0) { $0 + buildings[$1].households }, bounds: gridBounds)
            }
            guard let piece = small.min(by: { $0.count != $1.count ? $0.count < $1.count : $0[0] < $1[0] }) else {
                warnings.append(.cut(community, into: pieces.map(\.count)))
                return
            }
            let inside = Set(piece)
            var best: (distance: Double, a: Int, b: Int)?
            for a in piece {
                for b in residential where !inside.contains(b) {
                    let distance = buildings[a].position.distance(to: buildings[b].position)
                    if best == nil || distance < (best?.distance ?? 0) { best = (distance, a, b) }
                }
            }
            guard let best else { return }
            neighbours[best.a].append(best.b)
            neighbours[best.b].append(best.a)
            warnings.append(
                .joined(
                    piece: piece.map { buildings[$0].id }, in: community, to: buildings[best.b].id,
                    metres: best.distance))
        }
    }

    /// Whether some number of grids holds `households` within `bounds`.
    static func admitsGrids(_ households: Int, bounds: ClosedRange<Int>) -> Bool {
        guard bounds.upperBound > 0 else { return false }
        let fewest = max(1, (households + bounds.upperBound - 1) / bounds.upperBound)
        return bounds.lowerBound <= 0 || fewest * bounds.lowerBound <= households
    }

    /// Connected pieces of `members` over `neighbours`, each sorted, ordered by their smallest member.
    static func components(_ members: [Int], _ neighbours: [[Int]]) -> [[Int]] {
        let inside = Set(members)
        var seen = Set<Int>()
        var pieces: [[Int]] = []
        for start in members.sorted() where seen.insert(start).inserted {
            var piece = [start]
            var head = 0
            while head < piece.count {
                let node = piece[head]
                head += 1
                for next in neighbours[node] where inside.contains(next) && seen.insert(next).inserted {
                    piece.append(next)
                }
            }
            pieces.append(piece.sorted())
        }
        return pieces
    }
}
