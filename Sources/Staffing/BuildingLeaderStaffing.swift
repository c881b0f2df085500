import GridModel
import GridRules

/// Building leaders (楼栋长) of one community, from the people living in each building.
///
/// Candidates of different buildings never overlap (a person lives in one building), so the best eligible resident
/// of each building is chosen directly: a planner's lock first, then the highest score of today's leader, party
/// members, the preferred pools and ability and enthusiasm (staffing.building_leader_preference), ties broken by
/// person id.
struct BuildingLeaderStaffing {
    let context: StaffingContext
    let community: CommunityID

    /// The buildings of the plan in this community that the rule gives a leader, sorted by id.
    static func buildingsNeedingLeader(_ context: StaffingContext, community: CommunityID) -> [BuildingID] {
        let rules = context.rules(for: community)
        let types = rules.buildingLeaderCompoundTypes.value
        let ids = Set(context.grids.filter { $0.communityID == community }.flatMap(\.buildingIDs))
        return ids.filter { id in
            guard let building = context.buildings[id], building.kind.isResidential,
                building.households >= max(rules.buildingLeaderMinHouseholds.value, 1)
            else { return false }
            guard let types else { return true }
            return building.compoundType.map(types.contains) ?? false
        }.sorted()
    }

    func run() -> StaffingPart {
        let rules = context.rules(for: community)
        let post = rules.buildingLeader
        var part = StaffingPart()
        var lockedBuilding: [BuildingID: Int] = [:]
        for lock in context.locks(post: LeaderRole.buildingLeader.rawValue) {
            guard let home = context.personHome[lock.person] else { continue }
            if lockedBuilding[home] == nil {
                lockedBuilding[home] = lock.person
            } else {
                part.warnings.append(
                    .lockConflict(
                        person: context.people[lock.person].id, role: .buildingLeader,
                        place: home.rawValue, rules: [post.ruleID]))
            }
        }
        for building in Self.buildingsNeedingLeader(context, community: community) {
            let grids = context.buildingGrids[building] ?? []
            guard let gridIndex = grids.first else { continue }
            let grid = context.grids[gridIndex].id
            let micro = (context.buildingMicroGrids[building] ?? []).first.map { context.microGrids[$0].id }
            let living = context.peopleByHome[building] ?? []
            let eligible = living.filter { post.eligible.value.isSatisfied(by: context.facts(person: $0, distance: 0)) }
            var chosen: Int?
            var why: [String] = []
            if let locked = lockedBuilding[building] {
                chosen = locked
                why.append(Message.text("staffing.reason.pinned_by_lock"))
            } else {
                chosen = eligible.min { lhs, rhs in
                    let left = score(lhs, building: building, rules: rules)
                    let right = score(rhs, building: building, rules: rules)
                    return left != right ? left > right : context.people[lhs].id < context.people[rhs].id
                }
            }
            guard let chosen else {
                let detail =
                    living.isEmpty
                    ? Message.text("staffing.shortfall.nobody_lives_in_building")
                    : Message.text(
                        "staffing.shortfall.no_resident_eligible",
                        ["count": "\(living.count)", "condition": post.eligible.value.description])
                part.shortfalls.append(
                    Finding.shortfall(
                        ruleID: post.ruleID, communityID: community, gridID: grid, microGridID: micro,
                        buildingID: building, missing: post.perUnit.value,
                        message: Message.text(
                            "staffing.shortfall.building_without_leader",
                            [
                                "building": building.rawValue, "grid": grid.rawValue, "detail": detail,
                                "rule": post.ruleID.rawValue,
                            ])))
                continue
            }
            let person = context.people[chosen]
            why.append(Message.text("staffing.reason.lives_in_building"))
            if let year = person.birthYear {
                why.append(Message.text("staffing.reason.aged", ["age": "\(context.input.referenceYear - year)"]))
            }
            if person.isPartyMember { why.append(Message.text("staffing.reason.party_member")) }
            if context.holdsToday(person: chosen, role: LeaderRole.buildingLeader.rawValue, building: building) {
                why.append(Message.text("staffing.reason.already_leads_it"))
            }
            var ids = [post.ruleID, rules.maxPostsPerPersonPerLevel.ruleID]
            if lockedBuilding[building] == nil { ids.append(rules.buildingLeaderPreference.ruleID) }
            part.leaders.append(
                LeaderAssignment(
                    role: .buildingLeader, gridID: grid, microGridID: micro, buildingID: building,
                    personID: person.id, reason: StaffingReason.text(why, ids), ruleIDs: ids))
        }
        return part
    }

    /// staffing.building_leader_preference, with the preferred pools' bonuses as written.
    private func score(_ person: Int, building: BuildingID, rules: StaffingRules) -> Double {
        let preference = rules.buildingLeaderPreference
        let weight = preference.weight
        var value = 0.0
        if context.holdsToday(person: person, role: LeaderRole.buildingLeader.rawValue, building: building) {
            value += weight * preference.currentHolderBonus
        }
        if context.people[person].isPartyMember { value += weight * preference.partyMemberBonus }
        let facts = context.facts(person: person, distance: 0)
        value += MicroGridLeaderStaffing.pool(facts, rules: rules)?.bonus ?? 0
        value += weight * preference.scoreBonus * (context.normalisedScore[context.people[person].id] ?? 0)
        return value
    }
}
