import Foundation

/// Recomputes every hard rule of a grid plan from grids.csv and the street's files alone: its own CSV reading, its
/// own adjacency (Delaunay edges found by an empty-circle test on each pair, plus near pairs, minus barrier
/// crossings), its own counts. It shares no code with the drawing.
struct GridsPlanChecker {
    struct Building {
        let id: String
        let community: String
        let compound: String
        let households: Int
        let x: Double
        let y: Double
        let kind: String
        let units: Int?
        let compoundType: String
    }

    struct Row {
        let building: String
        let unit: String
        let floors: String
        let households: Int
        let community: String
        let grid: String
        let micro: String
        let kind: String
    }

    var gridBounds: (Int, Int) = (300, 500)
    var microBounds: (Int, Int) = (30, 50)
    /// Per-community grid bounds (an overlay's).
    var gridBoundsByCommunity: [String: (Int, Int)] = [:]
    var delaunayMax = 260.0
    var nearBelow = 120.0
    /// Building kinds the rules list for special grids (grid.special_grids). The spec puts every non-residential
    /// building in a special grid, so a listed kind adds nothing for the checker; kept to mirror the rules.
    var specialKinds: Set<String> = ["commercial", "school", "hospital", "market", "enterprise", "site"]
    /// Compound types whose buildings get micro-grids (grid.micro_grid_coverage); nil: every building.
    var microCompoundTypes: Set<String>?
    /// Per community, the reason kpis.json states for more grids than ⌈households / max⌉.
    var extraGridReasons: [String: String] = [:]

    var buildings: [Building] = []
    var unitHouseholds: [String: [String: Int]] = [:]
    var barriers: [(Double, Double, Double, Double)] = []
    var rows: [Row] = []

    init(street: URL, plan: URL) throws {
        guard let table = try GridsTable.read(street, "buildings.csv") else { throw CheckerError.missing("buildings") }
        for row in table.rows {
            guard let id = row["building_id"], let x = Double(row["x"] ?? ""), let y = Double(row["y"] ?? "")
            else { throw CheckerError.missing("building position") }
            buildings.append(Building(
                id: id, community: row["community_id"] ?? "", compound: row["compound_id"] ?? "",
                households: Int(row["households"] ?? "") ?? 0, x: x, y: y,
                kind: (row["kind"] ?? "").isEmpty ? "residential" : row["kind"] ?? "", units: Int(row["units"] ?? ""),
                compoundType: row["compound_type"] ?? ""
            ))
        }
        buildings.sort { $0.id < $1.id }
        if let units = try GridsTable.read(street, "units.csv") {
            for row in units.rows {
                unitHouseholds[row["building_id"] ?? "", default: [:]][row["unit"] ?? ""] = Int(row["households"] ?? "")
            }
        }
        if let table = try GridsTable.read(street, "barriers.csv") {
            for row in table.rows {
                let values = ["x1", "y1", "x2", "y2"].compactMap { Double(row[$0] ?? "") }
                if values.count == 4 { barriers.append((values[0], values[1], values[2], values[3])) }
            }
        }
        if let data = try? Data(contentsOf: plan.appendingPathComponent("kpis.json")),
            let kpis = try? JSONSerialization.jsonObject(with: data) as? [String: Any]
        {
            for community in (kpis["details"] as? [String: Any])?["per_community"] as? [[String: Any]] ?? [] {
                let notes = community["extra_grids"] as? [[String: Any]] ?? []
                for note in notes where note["level"] as? String == "grid" {
                    extraGridReasons[community["community_id"] as? String ?? ""] = note["reason"] as? String
                }
            }
        }
        guard let grids = try GridsTable.read(plan, "grids.csv") else { throw CheckerError.missing("grids.csv") }
        rows = grids.rows.map { row in
            Row(
                building: row["building_id"] ?? "", unit: row["unit"] ?? "", floors: row["floors"] ?? "",
                households: Int(row["households"] ?? "") ?? -1, community: row["community_id"] ?? "",
                grid: row["grid_id"] ?? "", micro: row["micro_grid_id"] ?? "", kind: row["kind"] ?? "")
        }
    }

    enum CheckerError: Error { case missing(String) }

    // MARK: - Adjacency

    /// Whether segment p–q crosses segment a–b (touching counts).
    static func crosses(_ p: (Double, Double), _ q: (Double, Double), _ a: (Double, Double), _ b: (Double, Double))
        -> Bool
    {
        func side(_ o: (Double, Double), _ s: (Double, Double), _ t: (Double, Double)) -> Double {
            (s.0 - o.0) * (t.1 - o.1) - (s.1 - o.1) * (t.0 - o.0)
        }
        let d1 = side(a, b, p), d2 = side(a, b, q), d3 = side(p, q, a), d4 = side(p, q, b)
        return ((d1 > 0 && d2 < 0) || (d1 < 0 && d2 > 0) || d1 == 0 || d2 == 0)
            && ((d3 > 0 && d4 < 0) || (d3 < 0 && d4 > 0) || d3 == 0 || d4 == 0)
            && !(d1 == 0 && d2 == 0 && d3 == 0 && d4 == 0 && !Self.overlapCollinear(p, q, a, b))
    }

    static func overlapCollinear(_ p: (Double, Double), _ q: (Double, Double), _ a: (Double, Double),
                                 _ b: (Double, Double)) -> Bool {
        max(min(p.0, q.0), min(a.0, b.0)) <= min(max(p.0, q.0), max(a.0, b.0))
            && max(min(p.1, q.1), min(a.1, b.1)) <= min(max(p.1, q.1), max(a.1, b.1))
    }

    /// Whether a and b are a Delaunay edge of all buildings: some circle through both holds no building inside.
    ///
    /// Circles through a and b have centres m + t·u on the bisector; each other point p bounds t from one side
    /// (it lies outside the circle for t on one side of a threshold), so the edge exists iff the bounds leave room.
    func isDelaunayEdge(_ a: Int, _ b: Int) -> Bool {
        let pa = buildings[a], pb = buildings[b]
        let mx = (pa.x + pb.x) / 2, my = (pa.y + pb.y) / 2
        let dx = pb.x - pa.x, dy = pb.y - pa.y
        let length = (dx * dx + dy * dy).squareRoot()
        guard length > 0 else { return false }
        let ux = -dy / length, uy = dx / length
        let half = length * length / 4
        var lower = -Double.infinity, upper = Double.infinity
        let tolerance = 1e-9 * max(1, length * length)
        for (index, p) in buildings.enumerated() where index != a && index != b {
            let px = p.x - mx, py = p.y - my
            let s = px * ux + py * uy
            let d = px * px + py * py - half
            if abs(s) < 1e-12 {
                if d < -tolerance { return false }
                continue
            }
            let threshold = d / (2 * s)
            if s > 0 { upper = min(upper, threshold) } else { lower = max(lower, threshold) }
            if lower > upper + tolerance { return false }
        }
        return true
    }

    /// Whether a building is districted into ordinary grids: residential only (the spec's special grids).
    func districted(_ building: Building) -> Bool { building.kind == "residential" }

    /// Neighbours among districted buildings of one community, islands joined to their nearest other component.
    func neighbours() -> [[Int]] {
        var result = barrierCutNeighbours()
        // The rule for an island compound: joined to the nearest building outside it (with a warning).
        let communities = Set(buildings.map(\.community))
        for community in communities {
            let members = buildings.indices.filter { buildings[$0].community == community && districted(buildings[$0]) }
            let components = Self.components(of: members, neighbours: result)
            guard components.count > 1 else { continue }
            for component in components {
                let inside = Set(component)
                var best: (Double, Int, Int)?
                for a in component {
                    for b in members where !inside.contains(b) {
                        let d = hypot(buildings[a].x - buildings[b].x, buildings[a].y - buildings[b].y)
                        if best == nil || d < best!.0 { best = (d, a, b) }
                    }
                }
                if let best {
                    result[best.1].append(best.2)
                    result[best.2].append(best.1)
                }
            }
        }
        return result
    }

    /// Delaunay edges up to `delaunayMax` and pairs closer than `nearBelow` inside a community, minus barrier
    /// crossings (no island joined).
    func barrierCutNeighbours() -> [[Int]] {
        var result = Array(repeating: [Int](), count: buildings.count)
        let reach = max(delaunayMax, nearBelow)
        let order = buildings.indices.sorted { buildings[$0].x < buildings[$1].x }
        for (position, a) in order.enumerated() {
            for b in order[(position + 1)...] {
                let pa = buildings[a], pb = buildings[b]
                if pb.x - pa.x > reach { break }
                guard pa.community == pb.community, districted(pa), districted(pb) else { continue }
                let distance = ((pa.x - pb.x) * (pa.x - pb.x) + (pa.y - pb.y) * (pa.y - pb.y)).squareRoot()
                guard distance < nearBelow || (distance <= delaunayMax && isDelaunayEdge(a, b)) else { continue }
                if barriers.contains(where: { Self.crosses((pa.x, pa.y), (pb.x, pb.y), ($0.0, $0.1), ($0.2, $0.3)) }) {
                    continue
                }
                result[a].append(b)
                result[b].append(a)
            }
        }
        return result
    }

    static func components(of members: [Int], neighbours: [[Int]]) -> [[Int]] {
        let inside = Set(members)
        var seen = Set<Int>()
        var result: [[Int]] = []
        for start in members where !seen.contains(start) {
            var stack = [start], component: [Int] = []
            seen.insert(start)
            while let node = stack.popLast() {
                component.append(node)
                for next in neighbours[node] where inside.contains(next) && !seen.contains(next) {
                    seen.insert(next)
                    stack.append(next)
                }
            }
            result.append(component)
        }
        return result
    }

    // MARK: - Rules

    /// Every hard-rule violation found, one sentence each (empty for a valid plan).
    func violations() -> [String] {
        var problems: [String] = []
        let index = Dictionary(uniqueKeysWithValues: buildings.enumerated().map { ($1.id, $0) })
        var rowsOf: [String: [Row]] = [:]
        for row in rows { rowsOf[row.building, default: []].append(row) }
        // Every building placed, households adding up, special buildings in their own grids.
        for building in buildings {
            let placed = rowsOf[building.id] ?? []
            if placed.isEmpty {
                problems.append("building \(building.id) is not placed")
                continue
            }
            let total = placed.reduce(0) { $0 + $1.households }
            if total != building.households {
                problems.append("building \(building.id): rows add up to \(total), not \(building.households)")
            }
            for row in placed {
                if row.community != building.community || !row.grid.hasPrefix(building.community + "-") {
                    problems.append("building \(building.id) placed in \(row.grid) of \(row.community)")
                }
                let covered = !districted(building) || microCompoundTypes?.contains(building.compoundType) ?? true
                if covered && !row.micro.hasPrefix(row.grid + "-") {
                    problems.append("micro-grid \(row.micro) is not nested in grid \(row.grid)")
                }
                if !covered && !row.micro.isEmpty {
                    problems.append("building \(building.id) (compound type \(building.compoundType)) is in micro-grid "
                        + "\(row.micro), but micro-grids cover only \(microCompoundTypes?.sorted() ?? [])")
                }
                if !districted(building) && (row.kind != building.kind || !row.grid.contains("-S")) {
                    problems.append(
                        "non-residential \(building.id) (\(building.kind)) is in \(row.grid) as \(row.kind)")
                }
                if districted(building) && row.grid.contains("-S") {
                    problems.append("\(building.kind) \(building.id) is in special grid \(row.grid)")
                }
            }
            problems += unitProblems(building, placed)
        }
        // Household bounds and one community per grid; micro-grids inside one grid.
        var gridHouseholds: [String: Int] = [:], microHouseholds: [String: Int] = [:]
        var gridCommunities: [String: Set<String>] = [:], microGrids: [String: Set<String>] = [:]
        var gridMembers: [String: Set<Int>] = [:], microMembers: [String: Set<Int>] = [:]
        for row in rows {
            guard let i = index[row.building] else {
                problems.append("grids.csv names unknown building \(row.building)")
                continue
            }
            gridCommunities[row.grid, default: []].insert(buildings[i].community)
            if !row.micro.isEmpty { microGrids[row.micro, default: []].insert(row.grid) }
            guard districted(buildings[i]) else { continue }
            gridHouseholds[row.grid, default: 0] += row.households
            gridMembers[row.grid, default: []].insert(i)
            guard !row.micro.isEmpty else { continue }
            microHouseholds[row.micro, default: 0] += row.households
            microMembers[row.micro, default: []].insert(i)
        }
        for (grid, communities) in gridCommunities where communities.count > 1 {
            problems.append("grid \(grid) spans communities \(communities.sorted())")
        }
        for (micro, grids) in microGrids where grids.count > 1 {
            problems.append("micro-grid \(micro) spans grids \(grids.sorted())")
        }
        for (grid, households) in gridHouseholds {
            let community = gridCommunities[grid]?.first ?? ""
            let bounds = gridBoundsByCommunity[community] ?? gridBounds
            if households < bounds.0 || households > bounds.1 {
                problems.append("grid \(grid) holds \(households) households, outside \(bounds.0)–\(bounds.1)")
            }
        }
        for (micro, households) in microHouseholds where households < microBounds.0 || households > microBounds.1 {
            problems.append(
                "micro-grid \(micro) holds \(households) households, outside \(microBounds.0)–\(microBounds.1)")
        }
        // Fewest grids the bounds allow, per community: ⌈households / max⌉, or more when the plan says why and an
        // independent lower bound (barrier pieces, whole buildings) confirms the count.
        var communityHouseholds: [String: Int] = [:], communityGrids: [String: Int] = [:]
        var cut: [[Int]]?
        for building in buildings where districted(building) {
            communityHouseholds[building.community, default: 0] += building.households
        }
        for (grid, communities) in gridCommunities where gridHouseholds[grid] != nil {
            communityGrids[communities.first ?? "", default: 0] += 1
        }
        for (community, households) in communityHouseholds where households > 0 {
            let bounds = gridBoundsByCommunity[community] ?? gridBounds
            let fewest = (households + bounds.1 - 1) / bounds.1
            guard let count = communityGrids[community], count > fewest, households >= fewest * bounds.0 else {
                continue
            }
            if cut == nil { cut = barrierCutNeighbours() }
            let least = leastGrids(community, bounds: bounds, neighbours: cut ?? [])
            if extraGridReasons[community] == nil || count > least {
                problems.append("community \(community) has \(count) grids where \(max(fewest, least)) would do"
                    + (extraGridReasons[community].map { " (the plan says: \($0))" } ?? " (the plan gives no reason)"))
            }
        }
        // Contiguity over the checker's own adjacency.
        let adjacent = neighbours()
        for (name, members) in gridMembers.map({ ($0.key, $0.value) }) + microMembers.map({ ($0.key, $0.value) }) {
            let parts = Self.components(of: members.sorted(), neighbours: adjacent)
            if parts.count > 1 {
                problems.append("\(name) is in \(parts.count) pieces: "
                    + parts.map { $0.map { buildings[$0].id }.sorted().prefix(3).joined(separator: ",") }
                        .joined(separator: " | "))
            }
        }
        return problems.sorted()
    }

    /// A lower bound on a community's grids: every grid holds a connected set of whole buildings, so the pieces that
    /// barriers cut apart (each big enough for a grid of its own) each need their own grids, and no grid holds more
    /// than the largest sum of whole buildings not above the maximum.
    func leastGrids(_ community: String, bounds: (Int, Int), neighbours: [[Int]]) -> Int {
        let members = buildings.indices.filter { buildings[$0].community == community && districted(buildings[$0]) }
        func least(_ nodes: [Int]) -> Int? {
            let households = nodes.reduce(0) { $0 + buildings[$1].households }
            var count = max(1, (households + bounds.1 - 1) / bounds.1)
            guard count * bounds.0 <= households else { return nil }
            var reachable = Set([0])
            for node in nodes {
                let h = buildings[node].households
                for sum in reachable where sum + h <= bounds.1 { reachable.insert(sum + h) }
            }
            let fullest = reachable.max() ?? 0
            while fullest > 0 && count * fullest < households && (count + 1) * bounds.0 <= households { count += 1 }
            return count
        }
        let whole = least(members) ?? 0
        let pieces = Self.components(of: members, neighbours: neighbours).compactMap(least)
        return max(whole, pieces.reduce(0, +))
    }

    /// Units never split across micro-grids unless above the micro maximum, then only into whole-floor bands.
    func unitProblems(_ building: Building, _ placed: [Row]) -> [String] {
        var problems: [String] = []
        let whole = placed.filter { $0.unit.isEmpty }
        if !whole.isEmpty && whole.count != placed.count {
            problems.append("building \(building.id) has whole-building and unit rows")
        }
        if whole.count > 1 { problems.append("building \(building.id) has \(whole.count) whole-building rows") }
        var byUnit: [String: [Row]] = [:]
        for row in placed where !row.unit.isEmpty { byUnit[row.unit, default: []].append(row) }
        let expected = unitHouseholds[building.id] ?? derivedUnits(building)
        for (unit, unitRows) in byUnit {
            let households = unitRows.reduce(0) { $0 + $1.households }
            if let want = expected[unit], want != households {
                problems.append("building \(building.id) unit \(unit): \(households) households, not \(want)")
            }
            if unitRows.count > 1 {
                if households <= microBounds.1 {
                    problems.append("unit \(building.id)/\(unit) of \(households) households is split")
                }
                var floorsSeen = Set<Int>()
                for row in unitRows {
                    let parts = row.floors.split(separator: "-").compactMap { Int($0) }
                    guard parts.count == 2 || parts.count == 1, let low = parts.first, let high = parts.last,
                        low >= 1, high >= low
                    else {
                        problems.append("unit \(building.id)/\(unit) split without a floor band (\(row.floors))")
                        continue
                    }
                    for floor in low...high where !floorsSeen.insert(floor).inserted {
                        problems.append("unit \(building.id)/\(unit): floor \(floor) in two bands")
                    }
                }
            }
        }
        return problems
    }

    func derivedUnits(_ building: Building) -> [String: Int] {
        guard let count = building.units, count >= 1 else { return [:] }
        var result: [String: Int] = [:]
        for unit in 1...count {
            result[String(unit)] = building.households / count + (unit <= building.households % count ? 1 : 0)
        }
        return result
    }
}
