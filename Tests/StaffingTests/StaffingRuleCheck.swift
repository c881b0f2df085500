import GridModel
import Staffing
import GridRules

/// Checks a staffing plan against the hard rules from the street, the plan and the rules alone (independent of the
/// assignment code): returns every violation found, in words.
///
/// A rule counts as held for a place when the place has its holders or a shortfall row for that place and rule
/// covers exactly the missing number.
struct StaffingRuleCheck {
    let street: Street
    let plan: [GridAssignment]
    let rules: StaffingRules
    let year: Int

    func violations(of staffing: StaffingPlan) -> [String] {
        var problems: [String] = []
        var buildings: [BuildingID: Building] = [:]
        for building in street.buildings { buildings[building.id] = building }
        var people: [PersonID: Person] = [:]
        for person in street.people { people[person.id] = person }
        var gridCommunity: [GridID: CommunityID] = [:]
        var gridBuildings: [GridID: Set<BuildingID>] = [:]
        var microGrid: [MicroGridID: GridID] = [:]
        var microBuildings: [MicroGridID: Set<BuildingID>] = [:]
        // A special grid (专属网格): every row of it is a non-residential building (read from the plan's rows).
        var residentialRows: [GridID: Int] = [:]
        for row in plan {
            residentialRows[row.gridID, default: 0] += row.kind.isResidential ? 1 : 0
            gridCommunity[row.gridID] = row.communityID
            gridBuildings[row.gridID, default: []].insert(row.buildingID)
            if let micro = row.microGridID {
                microGrid[micro] = row.gridID
                microBuildings[micro, default: []].insert(row.buildingID)
            }
        }
        var cared: [BuildingID: Int] = [:]
        for resident in street.residents where resident.categories.contains(where: { $0 != .ordinary }) {
            cared[resident.buildingID, default: 0] += 1
        }
        func home(_ person: Person) -> BuildingID? {
            if case .building(let id) = person.home { return id }
            return nil
        }
        func position(_ person: Person) -> PlanarPoint? {
            switch person.home {
            case .building(let id): return buildings[id]?.position
            case .point(let point): return point
            case nil: return nil
            }
        }
        func community(_ person: Person) -> CommunityID? {
            person.communityID ?? home(person).flatMap { buildings[$0]?.communityID }
        }
        func distance(_ person: Person, _ ids: Set<BuildingID>) -> Double? {
            if let home = home(person), ids.contains(home) { return 0 }
            guard let from = position(person) else { return nil }
            return ids.compactMap { buildings[$0]?.position }.map { from.distance(to: $0) }.min()
        }
        func isSpecial(_ grid: GridID) -> Bool { residentialRows[grid] == 0 }
        func facts(_ person: Person, _ distance: Double?, site: Set<BuildingID>? = nil) -> ConditionFacts {
            ConditionFacts(
                age: person.birthYear.map { year - $0 }, isPartyMember: person.isPartyMember, roles: person.roles,
                distanceMetres: distance, skills: Set(person.skills),
                worksInSite: site.map { ids in person.workBuildingID.map(ids.contains) ?? false })
        }
        func missing(
            _ rule: RuleID, grid: GridID? = nil, micro: MicroGridID? = nil, building: BuildingID? = nil,
            person: PersonID? = nil, gridLevel: Bool = false
        ) -> Int {
            staffing.shortfalls.filter {
                $0.ruleID == rule && (grid == nil || $0.gridID == grid) && (micro == nil || $0.microGridID == micro)
                    && (!gridLevel || $0.microGridID == nil)
                    && (building == nil || $0.buildingID == building) && (person == nil || $0.personID == person)
            }.reduce(0) { $0 + $1.missing }
        }

        // Grid leaders and workers.
        var gridPosts: [PersonID: Int] = [:]
        for (role, post) in [(LeaderRole.gridLeader, rules.gridLeader), (.gridWorker, rules.gridWorker)] {
            for grid in gridCommunity.keys.sorted() {
                let special = isSpecial(grid)
                let post = !special ? post : role == .gridLeader ? rules.specialGrid.gridLeader : post
                let expected =
                    special && role == .gridWorker ? rules.specialGrid.gridWorkersPerGrid : post.perUnit.value
                let rule = special && role == .gridWorker ? rules.specialGrid.ruleID : post.ruleID
                let site = special ? gridBuildings[grid] : nil
                let rows = staffing.leaders.filter { $0.role == role && $0.gridID == grid }
                if rows.count + missing(rule, grid: grid, gridLevel: true) != expected {
                    problems.append("grid \(grid): \(rows.count) \(role.rawValue) rows, expected \(expected)")
                }
                for row in rows {
                    gridPosts[row.personID, default: 0] += 1
                    guard let person = people[row.personID] else {
                        problems.append("\(role.rawValue) \(row.personID) is not in people.csv")
                        continue
                    }
                    let ok = post.eligible.value.isSatisfied(
                        by: facts(person, distance(person, gridBuildings[grid] ?? []), site: site))
                    if !ok, !Self.isPinned(row.reason) {
                        problems.append("\(role.rawValue) \(person.id) of \(grid) is not eligible")
                    }
                    if community(person) != gridCommunity[grid] {
                        problems.append("\(role.rawValue) \(person.id) of \(grid) serves another community")
                    }
                }
            }
        }
        for (person, count) in gridPosts where count > rules.maxPostsPerPersonPerLevel.value {
            problems.append("\(person) holds \(count) grid-level posts")
        }

        // Micro-grid leaders.
        let radius = rules.microGridLeaderRadiusMetres?.value ?? .infinity
        var microPosts: [PersonID: Int] = [:]
        for micro in microGrid.keys.sorted() {
            let special = microGrid[micro].map(isSpecial) ?? false
            let post = special ? rules.specialGrid.microGridLeader : rules.microGridLeader
            let site = special ? microGrid[micro].flatMap { gridBuildings[$0] } : nil
            let rows = staffing.leaders.filter { $0.role == .microGridLeader && $0.microGridID == micro }
            if rows.count + missing(post.ruleID, micro: micro) != post.perUnit.value {
                problems.append("micro-grid \(micro): \(rows.count) leaders, expected \(post.perUnit.value)")
            }
            for row in rows {
                microPosts[row.personID, default: 0] += 1
                guard let person = people[row.personID] else { continue }
                if row.gridID != microGrid[micro] {
                    problems.append("micro-grid leader row of \(micro) names grid \(row.gridID)")
                }
                if Self.isPinned(row.reason) { continue }
                let metres = distance(person, microBuildings[micro] ?? []) ?? .infinity
                if post.eligible.value.requiresPartyMember, !person.isPartyMember {
                    problems.append("micro-grid leader \(person.id) of \(micro) is not a party member")
                }
                if !special, metres > radius + 1e-6 {
                    problems.append("micro-grid leader \(person.id) of \(micro) lives \(metres) m away")
                }
                if !post.eligible.value.isSatisfied(by: facts(person, metres, site: site)) {
                    problems.append("micro-grid leader \(person.id) of \(micro) fails \(post.ruleID)")
                }
                if community(person) != gridCommunity[row.gridID] {
                    problems.append("micro-grid leader \(person.id) of \(micro) serves another community")
                }
            }
        }
        for (person, count) in microPosts where count > rules.maxPostsPerPersonPerLevel.value {
            problems.append("\(person) leads \(count) micro-grids")
        }

        // Building leaders.
        let types = rules.buildingLeaderCompoundTypes.value
        let needing = Set(plan.map(\.buildingID)).filter { id in
            guard let building = buildings[id], building.kind.isResidential,
                building.households >= max(1, rules.buildingLeaderMinHouseholds.value)
            else { return false }
            return types.map { list in building.compoundType.map(list.contains) ?? false } ?? true
        }
        let buildingRows = staffing.leaders.filter { $0.role == .buildingLeader }
        var buildingPosts: [PersonID: Int] = [:]
        for id in needing.sorted() {
            let rows = buildingRows.filter { $0.buildingID == id }
            if rows.count + missing(rules.buildingLeader.ruleID, building: id) != rules.buildingLeader.perUnit.value {
                problems.append("building \(id): \(rows.count) leaders")
            }
        }
        for row in buildingRows {
            buildingPosts[row.personID, default: 0] += 1
            guard let id = row.buildingID, needing.contains(id), let person = people[row.personID] else {
                problems.append("building leader row \(row.personID) names no building needing a leader")
                continue
            }
            if Self.isPinned(row.reason) { continue }
            if rules.buildingLeaderFromResidents.value, home(person) != id {
                problems.append("building leader \(person.id) does not live in \(id)")
            }
            if !rules.buildingLeader.eligible.value.isSatisfied(by: facts(person, 0)) {
                problems.append("building leader \(person.id) of \(id) fails \(rules.buildingLeader.ruleID)")
            }
        }
        for (person, count) in buildingPosts where count > rules.maxPostsPerPersonPerLevel.value {
            problems.append("\(person) leads \(count) buildings")
        }

        // Sunk-down cadres.
        let planned = Set(gridCommunity.values)
        let cadres = street.people.filter {
            rules.cadreEligible.value.isSatisfied(by: facts($0, nil)) && community($0).map(planned.contains) ?? false
        }
        let cadreIDs = Set(cadres.map(\.id))
        var hours: [PersonID: Double] = [:]
        var postsOf: [PersonID: Int] = [:]
        for row in staffing.cadrePosts {
            guard let person = people[row.personID], cadreIDs.contains(row.personID) else {
                problems.append("cadres.csv row for \(row.personID), who is not a cadre")
                continue
            }
            if community(person) != gridCommunity[row.gridID] {
                problems.append("cadre \(person.id) posted to \(row.gridID) in another community")
            }
            guard let workload = rules.workload(of: row.post) else {
                problems.append("cadre post \(row.post) is not a rule's post")
                continue
            }
            let caredInGrid = (gridBuildings[row.gridID] ?? []).reduce(0) { $0 + (cared[$1] ?? 0) }
            let expected = workload.hours(caredResidents: caredInGrid)
            if abs(expected - row.hours) > 0.011 {
                problems.append("cadre post \(row.post) in \(row.gridID): \(row.hours) h, expected \(expected)")
            }
            hours[row.personID, default: 0] += expected
            postsOf[row.personID, default: 0] += 1
        }
        for cadre in cadres {
            let week = cadre.hoursPerWeek ?? rules.defaultCadreWeeklyHours.value
            if (hours[cadre.id] ?? 0) > week + 1e-6,
                !staffing.cadrePosts.contains(where: { $0.personID == cadre.id && Self.isPinned($0.reason) })
            {
                problems.append("cadre \(cadre.id): \(hours[cadre.id] ?? 0) h of posts, week \(week) h")
            }
            if (postsOf[cadre.id] ?? 0) + missing(rules.cadreEligible.ruleID, person: cadre.id)
                < rules.minPostsPerCadre.value
            {
                problems.append("cadre \(cadre.id) holds \(postsOf[cadre.id] ?? 0) posts and no shortfall says why")
            }
        }
        for grid in gridCommunity.keys.sorted() {
            let rows = staffing.cadrePosts.filter { $0.gridID == grid }
            let distinct = Set(rows.map(\.personID))
            let departments = Set(distinct.compactMap { people[$0]?.departmentID })
            if isSpecial(grid) {
                // staffing.special_grid: cadres only as many as the rule gives a special grid.
                let wanted = rules.specialGrid.cadresPerGrid
                if wanted == 0 && !rows.isEmpty { problems.append("special grid \(grid) holds cadre posts") }
                if wanted > 0 && distinct.count + missing(rules.minCadresPerGrid.ruleID, grid: grid) < wanted {
                    problems.append("special grid \(grid): \(distinct.count) cadres")
                }
                continue
            }
            if distinct.count + missing(rules.minCadresPerGrid.ruleID, grid: grid) < rules.minCadresPerGrid.value {
                problems.append("grid \(grid): \(distinct.count) cadres")
            }
            if departments.count + missing(rules.minDepartmentsPerGrid.ruleID, grid: grid)
                < rules.minDepartmentsPerGrid.value
            {
                problems.append("grid \(grid): cadres from \(departments.count) departments")
            }
            for workload in rules.postWorkloads where !rows.contains(where: { $0.post == workload.post }) {
                let opening = Self.opening(
                    of: "staffing.warning.post_without_cadre",
                    ["grid": grid.rawValue, "post": Self.postName(workload.post), "rule": workload.ruleID.rawValue])
                let warned = staffing.warnings.contains { $0.message.hasPrefix(opening) }
                if !warned { problems.append("grid \(grid): post \(workload.post) has no cadre and no warning") }
            }
        }

        // Mentoring.
        let mentees = street.people.filter { rules.menteeEligible.value.isSatisfied(by: facts($0, nil)) }
        var mentorLoad: [PersonID: Int] = [:]
        for pairing in staffing.mentoring {
            mentorLoad[pairing.mentorID, default: 0] += 1
            if let mentor = people[pairing.mentorID], !rules.mentorEligible.value.isSatisfied(by: facts(mentor, nil)) {
                problems.append("mentor \(mentor.id) is not eligible")
            }
        }
        for (mentor, load) in mentorLoad where load > rules.mentorCapacity.value {
            problems.append("mentor \(mentor) takes \(load) new workers")
        }
        for mentee in mentees {
            let rows = staffing.mentoring.filter { $0.newWorkerID == mentee.id }
            if rows.count + missing(rules.mentorEligible.ruleID, person: mentee.id) != 1 {
                problems.append("new worker \(mentee.id) has \(rows.count) mentors")
            }
        }

        // Reporting party members.
        var placed: [PersonID: Int] = [:]
        var perCommunity: [CommunityID: Int] = [:]
        for row in staffing.reporting {
            placed[row.personID, default: 0] += 1
            perCommunity[row.communityID, default: 0] += 1
            guard let person = people[row.personID] else { continue }
            if home(person).flatMap({ buildings[$0]?.communityID }) != row.communityID {
                problems.append("reporting member \(person.id) reports to \(row.communityID), not where they live")
            }
            if gridCommunity[row.gridID] != row.communityID {
                problems.append("reporting member \(person.id) placed in \(row.gridID) outside \(row.communityID)")
            }
        }
        for (community, count) in perCommunity where count > rules.reportingCapacityPerCommunity.value {
            problems.append("community \(community) takes \(count) reporting members")
        }
        for person in street.people where rules.reportingEligible.value.isSatisfied(by: facts(person, nil)) {
            let count = placed[person.id] ?? 0
            if count + missing(rules.reportingEligible.ruleID, person: person.id) != 1 {
                problems.append("reporting member \(person.id) placed \(count) times")
            }
        }

        // Every row cites rules; every shortfall names its place and rule.
        let reasons =
            staffing.leaders.map(\.reason) + staffing.cadrePosts.map(\.reason)
            + staffing.mentoring.map(\.reason) + staffing.reporting.map(\.reason)
        for reason in reasons where !(reason.contains("[staffing.") && reason.hasSuffix("]")) {
            problems.append("reason cites no rule: \(reason)")
        }
        for shortfall in staffing.shortfalls {
            if !shortfall.message.contains(shortfall.ruleID.rawValue) {
                problems.append("shortfall does not name its rule: \(shortfall.message)")
            }
            let place =
                shortfall.buildingID?.rawValue ?? shortfall.microGridID?.rawValue ?? shortfall.gridID?.rawValue
                ?? shortfall.personID?.rawValue
            if place.map({ !shortfall.message.contains($0) }) ?? true {
                problems.append("shortfall does not name its place: \(shortfall.message)")
            }
        }
        return problems
    }

    /// Whether a reason says a planner's lock placed the person (such rows may break the eligibility rules), in the
    /// language the plan was made in.
    private static func isPinned(_ reason: String) -> Bool {
        reason.contains(Message.text("staffing.reason.pinned_by_lock"))
    }

    /// The cadre post as the messages name it: its catalogue name where the catalogue has one, else its id.
    private static func postName(_ post: String) -> String {
        let key = "staffing.post." + post
        return MessageCatalogue.standard.entries[key] == nil ? post : MessageCatalogue.standard.text(key, in: .current)
    }

    /// The text of `key` up to its `detail` argument: what every such message begins with whatever the detail.
    private static func opening(of key: String, _ arguments: [String: String]) -> String {
        let marker = "\u{1}"
        let filled = arguments.merging(["detail": marker]) { old, _ in old }
        let text = MessageCatalogue.standard.text(key, filled, in: .current)
        return text.components(separatedBy: marker).first ?? text
    }
}
