import GridModel
import GridRules

/// The street and plan indexed for staffing: sites, people by community, positions, current posts and locks.
struct StaffingContext {
    let input: StaffingInput
    let ruleSet: RuleSet
    let people: [Person]
    let buildings: [BuildingID: Building]
    let grids: [GridSite]
    let gridIndex: [GridID: Int]
    let microGrids: [MicroGridSite]
    let microGridIndex: [MicroGridID: Int]
    /// Grid and micro-grid indices holding each building (a building cut into units may be in several).
    let buildingGrids: [BuildingID: [Int]]
    let buildingMicroGrids: [BuildingID: [Int]]
    /// Communities with at least one grid, sorted.
    let communities: [CommunityID]
    let personCommunity: [CommunityID?]
    let personPosition: [PlanarPoint?]
    let personHome: [BuildingID?]
    /// Person indices by community (the community fixed in people.csv, else the home building's).
    let peopleByCommunity: [CommunityID: [Int]]
    /// Person indices by home building.
    let peopleByHome: [BuildingID: [Int]]
    let personIndex: [PersonID: Int]
    let currentPosts: [PersonID: [CurrentPost]]
    let locks: [PersonID: [PlanLock]]
    /// Scores normalised to 0…1 by the street's maximum.
    let normalisedScore: [PersonID: Double]

    init(input: StaffingInput, ruleSet: RuleSet) throws(StaffingError) {
        self.input = input
        self.ruleSet = ruleSet
        people = input.street.people
        var buildings: [BuildingID: Building] = [:]
        for building in input.street.buildings { buildings[building.id] = building }
        self.buildings = buildings
        var cared: [BuildingID: Int] = [:]
        for resident in input.street.residents where resident.categories.contains(where: { $0 != .ordinary }) {
            cared[resident.buildingID, default: 0] += 1
        }
        guard !input.plan.isEmpty else {
            throw .invalidPlan(file: "grids.csv", reason: Message.text("staffing.error.plan_without_rows"))
        }
        var gridRows: [GridID: [GridAssignment]] = [:]
        var microRows: [MicroGridID: [GridAssignment]] = [:]
        for row in input.plan {
            guard buildings[row.buildingID] != nil else {
                throw .invalidPlan(
                    file: "grids.csv",
                    reason: Message.text(
                        "staffing.error.building_not_in_street", ["building": row.buildingID.rawValue]))
            }
            gridRows[row.gridID, default: []].append(row)
            if let micro = row.microGridID { microRows[micro, default: []].append(row) }
        }
        var grids: [GridSite] = []
        var gridIndex: [GridID: Int] = [:]
        var buildingGrids: [BuildingID: [Int]] = [:]
        for gridID in gridRows.keys.sorted() {
            let rows = gridRows[gridID] ?? []
            let community = rows[0].communityID
            if let other = rows.first(where: { $0.communityID != community }) {
                throw .invalidPlan(
                    file: "grids.csv",
                    reason: Message.text(
                        "staffing.error.grid_across_communities",
                        [
                            "grid": gridID.rawValue, "community": community.rawValue,
                            "other": other.communityID.rawValue,
                        ]))
            }
            let ids = Array(Set(rows.map(\.buildingID))).sorted()
            let points = ids.compactMap { buildings[$0]?.position }
            let households = rows.reduce(0) { $0 + $1.households }
            var sumX = 0.0
            var sumY = 0.0
            var weight = 0.0
            for id in ids {
                guard let building = buildings[id] else { continue }
                let w = Double(max(building.households, 1))
                sumX += building.position.x * w
                sumY += building.position.y * w
                weight += w
            }
            let index = grids.count
            gridIndex[gridID] = index
            for id in ids { buildingGrids[id, default: []].append(index) }
            grids.append(
                GridSite(
                    id: gridID, communityID: community, households: households, buildingIDs: ids, points: points,
                    centroid: PlanarPoint(x: sumX / max(weight, 1), y: sumY / max(weight, 1)),
                    caredResidents: ids.reduce(0) { $0 + (cared[$1] ?? 0) },
                    isSpecial: rows.allSatisfy { !$0.kind.isResidential }))
        }
        var microGrids: [MicroGridSite] = []
        var microIndex: [MicroGridID: Int] = [:]
        var buildingMicro: [BuildingID: [Int]] = [:]
        for microID in microRows.keys.sorted() {
            let rows = microRows[microID] ?? []
            let grid = rows[0].gridID
            if let other = rows.first(where: { $0.gridID != grid }) {
                throw .invalidPlan(
                    file: "grids.csv",
                    reason: Message.text(
                        "staffing.error.micro_grid_in_two_grids",
                        ["micro_grid": microID.rawValue, "grid": grid.rawValue, "other": other.gridID.rawValue]))
            }
            let ids = Set(rows.map(\.buildingID))
            let index = microGrids.count
            microIndex[microID] = index
            for id in ids { buildingMicro[id, default: []].append(index) }
            microGrids.append(
                MicroGridSite(
                    id: microID, grid: gridIndex[grid] ?? 0, communityID: rows[0].communityID,
                    households: rows.reduce(0) { $0 + $1.households }, buildingIDs: ids,
                    points: ids.sorted().compactMap { buildings[$0]?.position }))
        }
        self.grids = grids
        self.gridIndex = gridIndex
        self.microGrids = microGrids
        microGridIndex = microIndex
        self.buildingGrids = buildingGrids
        buildingMicroGrids = buildingMicro
        communities = Array(Set(grids.map(\.communityID))).sorted()

        var community: [CommunityID?] = []
        var position: [PlanarPoint?] = []
        var home: [BuildingID?] = []
        var byCommunity: [CommunityID: [Int]] = [:]
        var personIndex: [PersonID: Int] = [:]
        for (index, person) in people.enumerated() {
            personIndex[person.id] = index
            var place: PlanarPoint?
            var building: BuildingID?
            switch person.home {
            case .building(let id):
                building = id
                place = buildings[id]?.position
            case .point(let point):
                place = point
            case nil:
                break
            }
            let served = person.communityID ?? building.flatMap { buildings[$0]?.communityID }
            community.append(served)
            position.append(place)
            home.append(building)
            if let served { byCommunity[served, default: []].append(index) }
        }
        personCommunity = community
        personPosition = position
        personHome = home
        peopleByCommunity = byCommunity
        var byHome: [BuildingID: [Int]] = [:]
        for (index, building) in home.enumerated() {
            if let building { byHome[building, default: []].append(index) }
        }
        peopleByHome = byHome
        self.personIndex = personIndex
        currentPosts = Dictionary(grouping: input.currentPosts, by: \.personID)
        var locks: [PersonID: [PlanLock]] = [:]
        for lock in input.locks {
            if case .person(let id) = lock.subject { locks[id, default: []].append(lock) }
        }
        self.locks = locks
        let maxAbility = input.scores.values.compactMap(\.ability).max() ?? 0
        let maxEnthusiasm = input.scores.values.compactMap(\.enthusiasm).max() ?? 0
        var normalised: [PersonID: Double] = [:]
        for (id, score) in input.scores {
            let ability = maxAbility > 0 ? max(score.ability ?? 0, 0) / maxAbility : 0
            let enthusiasm = maxEnthusiasm > 0 ? max(score.enthusiasm ?? 0, 0) / maxEnthusiasm : 0
            normalised[id] = (ability + enthusiasm) / 2
        }
        normalisedScore = normalised
    }

    /// The rules in force in a community (overlays may scope rules to communities).
    func rules(for community: CommunityID) -> StaffingRules { ruleSet.staffing(for: community) }

    /// Metres from a person's home to the nearest of `points`; nil when the home is unknown.
    func distance(person: Int, to points: [PlanarPoint]) -> Double? {
        guard let from = personPosition[person], !points.isEmpty else { return nil }
        var best = Double.infinity
        for point in points { best = min(best, from.distance(to: point)) }
        return best
    }

    /// Metres from a person's home to a micro-grid: 0 when the person lives in it.
    func distance(person: Int, toMicroGrid micro: Int) -> Double? {
        if let home = personHome[person], microGrids[micro].buildingIDs.contains(home) { return 0 }
        return distance(person: person, to: microGrids[micro].points)
    }

    /// Whether the person lives in one of the grid's buildings.
    func livesIn(person: Int, grid: Int) -> Bool {
        guard let home = personHome[person] else { return false }
        return buildingGrids[home]?.contains(grid) ?? false
    }

    /// What the rules' conditions may ask about a person, with the distance to the place served.
    func facts(person: Int, distance: Double?, site: [BuildingID]? = nil) -> ConditionFacts {
        let person = people[person]
        return ConditionFacts(
            age: person.birthYear.map { input.referenceYear - $0 }, isPartyMember: person.isPartyMember,
            roles: person.roles, distanceMetres: distance, skills: Set(person.skills),
            worksInSite: site.map { buildings in person.workBuildingID.map { buildings.contains($0) } ?? false })
    }

    /// The buildings of grid `grid` when it is a special grid (the site `works_in_site` asks about); nil otherwise.
    func specialSite(ofGrid grid: Int) -> [BuildingID]? {
        grids[grid].isSpecial ? grids[grid].buildingIDs : nil
    }

    /// Whether the person holds `role` in the grid (or micro-grid, or building) today.
    func holdsToday(
        person: Int, role: String, grid: GridID? = nil, microGrid: MicroGridID? = nil,
        building: BuildingID? = nil
    ) -> Bool {
        (currentPosts[people[person].id] ?? []).contains {
            $0.role == role && (grid == nil || $0.gridID == grid) && (microGrid == nil || $0.microGridID == microGrid)
                && (building == nil || $0.buildingID == building)
        }
    }

    /// Locks pinning a person to `post`.
    func locks(post: String) -> [(person: Int, lock: PlanLock)] {
        var found: [(person: Int, lock: PlanLock)] = []
        for id in locks.keys.sorted() {
            guard let index = personIndex[id] else { continue }
            for lock in locks[id] ?? [] where lock.post == post { found.append((index, lock)) }
        }
        return found
    }
}
