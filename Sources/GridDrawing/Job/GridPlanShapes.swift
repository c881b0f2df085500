import GridModel

/// Polygons and boundaries of a plan: each building's Voronoi cell goes to the grid and micro-grid holding most of
/// its households (ties to the lower id), so that grid polygons never overlap and each contains its buildings. A
/// building in several micro-grids has its cell cut into strips, one per micro-grid (``CellStrips``), so that every
/// micro-grid has a polygon. Cells and strips are snapped together onto the centimetre lattice (``CellMesh``) and a
/// grid's or micro-grid's polygons are the outline of its pieces (``CellOutline``): valid simple-features polygons
/// that tile their community, and micro-grids tile their grid where every building has a micro-grid.
public struct GridPlanShapes: Sendable {
    /// One grid or micro-grid: its outline and figures.
    public typealias Shape = PlanFeature

    /// The street's buildings, sorted by id.
    public let buildings: [Building]
    /// The grid of each building (most households), nil when it has no row.
    public let gridOf: [GridID?]
    /// The micro-grid of each building (most households).
    public let microGridOf: [MicroGridID?]
    /// The cells.
    public let cells: VoronoiCells
    /// Grids then micro-grids, each sorted by id.
    public let shapes: [Shape]
    /// Buildings whose rows lie in more than one grid (placed by most households).
    public let buildingsPlacedByMajority: [BuildingID]

    /// The shapes of `assignments` on `street`, cells clipped to `radius` metres around each building.
    ///
    /// - Complexity: O(n × k) for k buildings within 2 × `radius`, plus the outlines' O(e × d) for e cell edges
    ///   and d edges a cell.
    public init(street: Street, assignments: [GridAssignment], radius: Double = 150) {
        let buildings = street.buildings.sorted { $0.id < $1.id }
        var index: [BuildingID: Int] = [:]
        for (i, building) in buildings.enumerated() { index[building.id] = i }
        var gridVotes = Array(repeating: [GridID: Int](), count: buildings.count)
        var microVotes = Array(repeating: [MicroGridID: Int](), count: buildings.count)
        var kindOf: [GridID: BuildingKind] = [:]
        var community: [GridID: CommunityID] = [:]
        var gridHouseholds: [GridID: Int] = [:]
        var microHouseholds: [MicroGridID: Int] = [:]
        var microGrid: [MicroGridID: GridID] = [:]
        // Rows in a fixed order, so that the shapes do not depend on the order of the plan's rows: a special grid of
        // buildings of several kinds takes the kind of its first building.
        func precedes(_ a: GridAssignment, _ b: GridAssignment) -> Bool {
            if a.buildingID != b.buildingID { return a.buildingID < b.buildingID }
            if (a.unit ?? "") != (b.unit ?? "") { return (a.unit ?? "") < (b.unit ?? "") }
            if a.gridID != b.gridID { return a.gridID < b.gridID }
            return (a.microGridID?.rawValue ?? "") < (b.microGridID?.rawValue ?? "")
        }
        for row in assignments.sorted(by: precedes) {
            guard let i = index[row.buildingID] else { continue }
            // Weight 1 extra so that a building of 0 households still votes.
            gridVotes[i][row.gridID, default: 0] += row.households * 2 + 1
            if let micro = row.microGridID {
                microVotes[i][micro, default: 0] += row.households * 2 + 1
                microHouseholds[micro, default: 0] += row.households
                if microGrid[micro] == nil { microGrid[micro] = row.gridID }
            }
            if kindOf[row.gridID] == nil { kindOf[row.gridID] = row.kind }
            if community[row.gridID] == nil { community[row.gridID] = row.communityID }
            gridHouseholds[row.gridID, default: 0] += row.households
        }
        func winner<ID: Comparable>(_ votes: [ID: Int]) -> ID? {
            votes.max { $0.value != $1.value ? $0.value < $1.value : $0.key > $1.key }?.key
        }
        let gridOf = gridVotes.map { winner($0) }
        let microOf = microVotes.map { winner($0) }
        let cells = VoronoiCells(points: buildings.map(\.position), radius: radius)
        var gridMembers: [GridID: [Int]] = [:]
        for i in buildings.indices {
            if let grid = gridOf[i] { gridMembers[grid, default: []].append(i) }
        }
        func centre(_ members: [Int]) -> PlanarPoint {
            var x = 0.0, y = 0.0, w = 0.0
            for i in members {
                let weight = Double(buildings[i].households) + 0.001
                x += weight * buildings[i].position.x
                y += weight * buildings[i].position.y
                w += weight
            }
            return PlanarPoint(x: x / w, y: y / w)
        }
        // The map's pieces: each building's cell, or its strips when it lies in several micro-grids (the strip of
        // the micro-grid holding most contains the building), so that a micro-grid of units or floor bands only
        // still has ground. Snapped together, pieces share edges exactly and outlines come out valid.
        var pieces: [[PlanarPoint]] = []
        var gridPieces: [GridID: [Int]] = [:]
        var microPieces: [MicroGridID: [Int]] = [:]
        var holders: [MicroGridID: [Int]] = [:]
        for i in buildings.indices {
            for micro in microVotes[i].keys { holders[micro, default: []].append(i) }
            guard !cells.polygons[i].isEmpty else { continue }
            let order = microOf[i].map { main in [main] + microVotes[i].keys.filter { $0 != main }.sorted() } ?? []
            let cut = order.count > 1
                ? CellStrips.strips(
                    of: cells.polygons[i], site: buildings[i].position, weights: order.map { microVotes[i][$0] ?? 1 })
                : [cells.polygons[i]]
            for (k, piece) in cut.enumerated() where !piece.isEmpty {
                if let grid = gridOf[i] { gridPieces[grid, default: []].append(pieces.count) }
                if k < order.count { microPieces[order[k], default: []].append(pieces.count) }
                pieces.append(piece)
            }
        }
        let mesh = CellMesh(pieces: pieces)
        var shapes: [Shape] = []
        for (grid, members) in gridMembers.sorted(by: { $0.key < $1.key }) {
            shapes.append(Shape(
                level: "grid", id: grid.rawValue, communityID: community[grid] ?? "", gridID: grid,
                kind: kindOf[grid] ?? .residential, households: gridHouseholds[grid] ?? 0, buildings: members.count,
                polygons: CellOutline.polygons(of: gridPieces[grid] ?? [], in: mesh), centre: centre(members)
            ))
        }
        for (micro, members) in holders.sorted(by: { $0.key < $1.key }) {
            let grid = microGrid[micro] ?? ""
            shapes.append(Shape(
                level: "micro_grid", id: micro.rawValue, communityID: community[grid] ?? "", gridID: grid,
                kind: kindOf[grid] ?? .residential, households: microHouseholds[micro] ?? 0,
                buildings: members.count, polygons: CellOutline.polygons(of: microPieces[micro] ?? [], in: mesh),
                centre: centre(members)
            ))
        }
        self.buildings = buildings
        self.gridOf = gridOf
        microGridOf = microOf
        self.cells = cells
        self.shapes = shapes
        buildingsPlacedByMajority = buildings.indices.filter { gridVotes[$0].count > 1 }.map { buildings[$0].id }
    }

    /// Cell edges between different grids (or on a grid's outer edge), and between micro-grids of one grid.
    public func boundaries() -> (grid: [Segment], microGrid: [Segment]) {
        var grid: [Segment] = [], micro: [Segment] = []
        for (i, polygon) in cells.polygons.enumerated() where !polygon.isEmpty {
            for (k, other) in cells.edgeNeighbours[i].enumerated() {
                let segment = Segment(start: polygon[k], end: polygon[(k + 1) % polygon.count])
                if other < 0 {
                    grid.append(segment)
                } else if other > i {
                    if gridOf[i] != gridOf[other] {
                        grid.append(segment)
                    } else if microGridOf[i] != microGridOf[other] {
                        micro.append(segment)
                    }
                }
            }
        }
        return (grid, micro)
    }
}
