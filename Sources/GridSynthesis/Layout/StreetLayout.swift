import GridModel

/// Draws a street's physical layer: community sizes, compounds and sites, building rows inside compounds,
/// compounds packed into blocks, communities as contiguous rectangles in a grid, and arterial roads in the gaps.
///
/// Roads run only through the gaps between community cells (arterials, full length) or between two shelves of
/// compounds inside a community (a block road), so no barrier ever crosses a compound.
struct StreetLayout {
    /// Width of an arterial road corridor between community cells, metres.
    static let arterialGap = 60.0
    /// Clear lane between neighbouring compounds, metres.
    static let laneGap = 16.0
    /// Corridor of a block road between two shelves of compounds, metres.
    static let blockRoadGap = 40.0

    let configuration: StreetGenerator.Configuration
    let communityHouseholds: [Int]

    /// One community while it is drawn.
    private struct Draft {
        var index: Int
        var households: Int
        var compounds: [PlannedCompound]
        var width = 0.0
        var depth = 0.0
        /// Offsets (south-positive) of block roads inside the community.
        var blockRoads: [Double] = []
    }

    func draw() -> DrawnStreet {
        var random = SeededGenerator(seed: configuration.seed, label: 1)
        let commercialBuildings = random.stochasticRound(
            Double(configuration.households) * SyntheticShares.commercialBuildingsPerHousehold
        )
        let commercialShares = Apportionment.split(commercialBuildings, communityHouseholds)
        var hospitalCommunity: Int?
        var drafts: [Draft] = []
        for (index, households) in communityHouseholds.enumerated() {
            var local = SeededGenerator(seed: configuration.seed, label: 1_000 + UInt64(index))
            var compounds = residentialCompounds(households: households, using: &local)
            compounds += commercialSites(buildings: commercialShares[index], using: &local)
            if local.chance(0.7) { compounds.append(.site(.school, using: &local)) }
            if local.chance(0.5) { compounds.append(.site(.market, using: &local)) }
            if local.chance(0.25) {
                compounds.append(.site(.hospital, using: &local))
                hospitalCommunity = hospitalCommunity ?? index
            }
            drafts.append(Draft(index: index, households: households, compounds: compounds))
        }
        if let towers = configuration.businessDistrictBuildings, towers > 0,
            let largest = communityHouseholds.indices.max(by: {
                (communityHouseholds[$0], $1) < (communityHouseholds[$1], $0)
            })
        {
            var local = SeededGenerator(seed: configuration.seed, label: 3_000)
            var district = PlannedCompound.drawn(.commercial, using: &local)
            district.buildings = (0..<towers).map { _ in district.shape.building(using: &local) }
            drafts[largest].compounds.append(district)
        }
        if hospitalCommunity == nil,
            let largest = communityHouseholds.indices.max(by: {
                (communityHouseholds[$0], $1) < (communityHouseholds[$1], $0)
            })
        {
            // Every street has at least its community health service centre.
            drafts[largest].compounds.append(.site(.hospital, using: &random))
        }
        for index in drafts.indices {
            var local = SeededGenerator(seed: configuration.seed, label: 2_000 + UInt64(index))
            pack(&drafts[index], using: &local)
        }
        return assemble(drafts)
    }

    /// Compounds of drawn types until exactly `households` households.
    private func residentialCompounds(households: Int, using random: inout SeededGenerator) -> [PlannedCompound] {
        let types = SyntheticShares.compoundTypeShares.map(\.0)
        let weights = SyntheticShares.compoundTypeShares.map(\.1)
        var compounds: [PlannedCompound] = []
        var remaining = households
        while remaining > 0 {
            if remaining < 60, let last = compounds.indices.last {
                // A sliver this small is not a compound of its own: the last compound takes it.
                compounds[last].grow(by: remaining, using: &random)
                break
            }
            var compound = PlannedCompound.drawn(types[random.index(weightedBy: weights)], using: &random)
            if compound.households > remaining {
                compound.fit(to: remaining, using: &random)
            }
            remaining -= compound.households
            compounds.append(compound)
        }
        return compounds
    }

    /// `buildings` commercial towers grouped in sites of one to four.
    private func commercialSites(buildings: Int, using random: inout SeededGenerator) -> [PlannedCompound] {
        var sites: [PlannedCompound] = []
        var left = buildings
        while left > 0 {
            var site = PlannedCompound.drawn(.commercial, using: &random)
            if site.buildings.count > left { site.buildings.removeLast(site.buildings.count - left) }
            left -= site.buildings.count
            sites.append(site)
        }
        return sites
    }

    /// Shelf packing of the community's compounds into a roughly square block, tallest first; a block road runs
    /// between the middle shelves of a community with four shelves or more.
    private func pack(_ draft: inout Draft, using random: inout SeededGenerator) {
        for index in draft.compounds.indices {
            draft.compounds[index].layOut(using: &random)
        }
        let area = draft.compounds.reduce(0.0) { $0 + ($1.width + Self.laneGap) * ($1.depth + Self.laneGap) }
        let widest = draft.compounds.map(\.width).max() ?? 0
        let targetWidth = max(widest, (area * 1.2).squareRoot())
        let order = draft.compounds.indices.sorted {
            (draft.compounds[$0].depth, $1) > (draft.compounds[$1].depth, $0)
        }
        var shelves: [[Int]] = [[]]
        var shelfWidth = 0.0
        for index in order {
            let width = draft.compounds[index].width
            if !shelves[shelves.count - 1].isEmpty, shelfWidth + Self.laneGap + width > targetWidth {
                shelves.append([])
                shelfWidth = 0
            }
            shelfWidth += (shelves[shelves.count - 1].isEmpty ? 0 : Self.laneGap) + width
            shelves[shelves.count - 1].append(index)
        }
        let roadAfter = shelves.count >= 4 ? shelves.count / 2 - 1 : -1
        var y = 0.0
        var placed: [PlannedCompound] = []
        for (shelfIndex, shelf) in shelves.enumerated() {
            var x = 0.0
            var shelfDepth = 0.0
            for index in shelf {
                var compound = draft.compounds[index]
                compound.originX = x
                compound.originY = y
                x += compound.width + Self.laneGap
                shelfDepth = max(shelfDepth, compound.depth)
                placed.append(compound)
                draft.width = max(draft.width, x - Self.laneGap)
            }
            y += shelfDepth
            if shelfIndex == roadAfter {
                draft.blockRoads.append(y + Self.blockRoadGap / 2)
                y += Self.blockRoadGap
            } else if shelfIndex < shelves.count - 1 {
                y += Self.laneGap
            }
        }
        draft.depth = y
        draft.compounds = placed
    }

    /// Places community cells in a grid, draws the roads, and turns planned compounds into model values.
    private func assemble(_ drafts: [Draft]) -> DrawnStreet {
        let count = drafts.count
        let columns = min(count, max(1, Int((Double(count) * 1.5).squareRoot().rounded(.up))))
        let rows = (count + columns - 1) / columns
        var columnWidths = Array(repeating: 0.0, count: columns)
        var rowDepths = Array(repeating: 0.0, count: rows)
        for draft in drafts {
            columnWidths[draft.index % columns] = max(columnWidths[draft.index % columns], draft.width)
            rowDepths[draft.index / columns] = max(rowDepths[draft.index / columns], draft.depth)
        }
        let gap = Self.arterialGap
        var columnX: [Double] = []
        var x = 0.0
        for width in columnWidths {
            columnX.append(x)
            x += width + gap
        }
        var rowY: [Double] = []
        var y = 0.0
        for depth in rowDepths {
            rowY.append(y)
            y += depth + gap
        }
        let totalWidth = x - gap
        let totalDepth = y - gap
        let origin = configuration.origin
        // Drawn south-positive from the north-west corner; the model's y grows northwards.
        func point(_ px: Double, _ py: Double) -> PlanarPoint {
            PlanarPoint(x: origin.x + px, y: origin.y + totalDepth - py)
        }

        var barriers: [Segment] = []
        for column in 1..<max(columns, 1) {
            let roadX = columnX[column] - gap / 2
            for row in 0..<rows {
                barriers.append(
                    Segment(
                        start: point(roadX, rowY[row] - gap / 2),
                        end: point(roadX, rowY[row] + rowDepths[row] + gap / 2))
                )
            }
        }
        for row in 1..<max(rows, 1) {
            let roadY = rowY[row] - gap / 2
            for column in 0..<columns {
                barriers.append(
                    Segment(
                        start: point(columnX[column] - gap / 2, roadY),
                        end: point(columnX[column] + columnWidths[column] + gap / 2, roadY)
                    )
                )
            }
        }

        var buildings: [Building] = []
        var unitLists: [[StairwellUnit]] = []
        var areas: [DrawnStreet.Area] = []
        let prefix = configuration.idPrefix
        for draft in drafts {
            let column = draft.index % columns
            let cellX = columnX[column]
            let cellY = rowY[draft.index / columns]
            for roadY in draft.blockRoads {
                barriers.append(
                    Segment(
                        start: point(cellX - gap / 2, cellY + roadY),
                        end: point(cellX + columnWidths[column] + gap / 2, cellY + roadY)
                    )
                )
            }
            let communityID = CommunityID(prefix + "C" + padded(draft.index + 1, width: idWidth(count)))
            var area = DrawnStreet.Area(
                community: Community(id: communityID), households: draft.households, residentialIndices: [],
                nonResidentialIndices: [], compounds: []
            )
            let compoundCount = draft.compounds.filter { !$0.isSite }.count
            let siteCount = draft.compounds.count - compoundCount
            var compoundNumber = 0
            var siteNumber = 0
            for compound in draft.compounds {
                let compoundID: CompoundID?
                var buildingPrefix: String
                if compound.isSite {
                    siteNumber += 1
                    compoundID = nil
                    buildingPrefix = communityID.rawValue + "-B" + padded(siteNumber, width: max(3, idWidth(siteCount)))
                } else {
                    compoundNumber += 1
                    compoundID = CompoundID(
                        communityID.rawValue + "-Q" + padded(compoundNumber, width: idWidth(compoundCount)))
                    buildingPrefix = (compoundID?.rawValue ?? "") + "-B"
                }
                var record = DrawnStreet.CompoundRecord(
                    id: compoundID ?? CompoundID(""), type: compound.type ?? .commercial,
                    households: compound.households,
                    buildingIndices: []
                )
                for (number, planned) in compound.buildings.enumerated() {
                    let id = BuildingID(
                        compound.isSite ? buildingPrefix : buildingPrefix + padded(number + 1, width: 3)
                    )
                    let building = Building(
                        id: id, communityID: communityID, compoundID: compoundID, households: planned.households,
                        position: point(
                            cellX + compound.originX + planned.offsetX, cellY + compound.originY + planned.offsetY
                        ),
                        kind: planned.kind, compoundType: compound.type, floors: planned.floors,
                        unitCount: planned.unitCapacities.count, streetID: configuration.streetID
                    )
                    let index = buildings.count
                    buildings.append(building)
                    unitLists.append(
                        planned.unitHouseholds.enumerated().map { unit, households in
                            StairwellUnit(
                                buildingID: id, name: String(unit + 1), households: households, floors: planned.floors
                            )
                        }
                    )
                    if building.households > 0 {
                        area.residentialIndices.append(index)
                    } else {
                        area.nonResidentialIndices.append(index)
                    }
                    record.buildingIndices.append(index)
                }
                if !compound.isSite { area.compounds.append(record) }
            }
            areas.append(area)
        }
        return sorted(
            areas: areas, buildings: buildings, unitLists: unitLists, barriers: barriers,
            bounds: (
                origin.x - gap / 2, origin.y - gap / 2, origin.x + totalWidth + gap / 2, origin.y + totalDepth + gap / 2
            )
        )
    }

    /// Re-orders buildings by id (their creation order is spatial) and re-maps every index.
    private func sorted(
        areas: [DrawnStreet.Area], buildings: [Building], unitLists: [[StairwellUnit]], barriers: [Segment],
        bounds: (Double, Double, Double, Double)
    ) -> DrawnStreet {
        let order = buildings.indices.sorted { buildings[$0].id < buildings[$1].id }
        var newIndex = Array(repeating: 0, count: buildings.count)
        for (position, old) in order.enumerated() { newIndex[old] = position }
        var units: [StairwellUnit] = []
        var ranges: [Range<Int>] = []
        for old in order {
            let start = units.count
            units += unitLists[old]
            ranges.append(start..<units.count)
        }
        let remapped = areas.map { area -> DrawnStreet.Area in
            var area = area
            area.residentialIndices = area.residentialIndices.map { newIndex[$0] }.sorted()
            area.nonResidentialIndices = area.nonResidentialIndices.map { newIndex[$0] }.sorted()
            area.compounds = area.compounds.map { compound in
                var compound = compound
                compound.buildingIndices = compound.buildingIndices.map { newIndex[$0] }.sorted()
                return compound
            }
            return area
        }
        return DrawnStreet(
            areas: remapped, buildings: order.map { buildings[$0] }, units: units, unitRanges: ranges,
            barriers: barriers, minX: bounds.0, minY: bounds.1, maxX: bounds.2, maxY: bounds.3
        )
    }
}
