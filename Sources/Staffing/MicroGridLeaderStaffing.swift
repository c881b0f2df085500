import GridModel
import GridRules

/// Micro-grid leaders (微网格长) of one community: one model, one slot per micro-grid.
///
/// Hard: the rule's condition (party member living within the radius; living in the micro-grid is distance 0) and at
/// most one micro-grid post per person. Soft: the preferred pools (staffing.micro_grid_leader_pools), and
/// nearness, ability and enthusiasm scores and keeping today's leader (staffing.micro_grid_leader_preference).
struct MicroGridLeaderStaffing {
    let context: StaffingContext
    let community: CommunityID

    /// The pools rule's weight at which a pool's bonus counts as written: the unit of that weight, not a preference
    /// (a planner changes the weight or the bonuses).
    static let poolWeightUnit = 5.0

    /// The best pool a person belongs to, if any.
    static func pool(_ facts: ConditionFacts, rules: StaffingRules) -> StaffingRules.Pool? {
        rules.microGridLeaderPools.filter { $0.condition.isSatisfied(by: facts) }.max {
            ($0.bonus, $1.name) < ($1.bonus, $0.name)
        }
    }

    func run() throws(StaffingError) -> StaffingPart {
        let rules = context.rules(for: community)
        let post = rules.microGridLeader
        let micro = context.microGrids.indices.filter { context.microGrids[$0].communityID == community }
        let people = context.peopleByCommunity[community] ?? []
        let radius = rules.microGridLeaderRadiusMetres?.value ?? 300
        let levelLimit = rules.maxPostsPerPersonPerLevel.value
        var part = StaffingPart()
        var lockedPairs: Set<[Int]> = []
        var resolution = LockResolution()
        let slotOf = Dictionary(uniqueKeysWithValues: micro.enumerated().map { ($1, $0) })
        for lock in context.locks(post: LeaderRole.microGridLeader.rawValue) {
            guard let id = lock.lock.microGridID, let index = context.microGridIndex[id], let slot = slotOf[index]
            else { continue }
            if resolution.accept(
                slot: slot, person: lock.person, slotDemand: post.perUnit.value, personLimit: levelLimit)
            {
                lockedPairs.insert([slot, lock.person])
            } else {
                part.warnings.append(
                    .lockConflict(
                        person: context.people[lock.person].id, role: .microGridLeader,
                        place: id.rawValue, rules: [post.ruleID, rules.maxPostsPerPersonPerLevel.ruleID]))
            }
        }
        // staffing.special_grid: a special grid's micro-grids (its buildings) are led by the site's own people first.
        func isSpecial(_ slot: Int) -> Bool { context.grids[context.microGrids[micro[slot]].grid].isSpecial }
        func postOf(_ slot: Int) -> StaffingRules.Post { isSpecial(slot) ? rules.specialGrid.microGridLeader : post }
        func specialSite(_ slot: Int) -> [BuildingID]? {
            context.specialSite(ofGrid: context.microGrids[micro[slot]].grid)
        }
        var pairs: [SlotAssignment.Pair] = []
        var distances: [[Int: Double]] = Array(repeating: [:], count: micro.count)
        let preference = rules.microGridLeaderPreference
        let weight = preference.weight
        for (slot, index) in micro.enumerated() {
            let site = context.microGrids[index]
            for person in people {
                let distance = context.distance(person: person, toMicroGrid: index)
                if let distance { distances[slot][person] = distance }
                let facts = context.facts(person: person, distance: distance, site: specialSite(slot))
                let isLocked = lockedPairs.contains([slot, person])
                guard isLocked || postOf(slot).eligible.value.isSatisfied(by: facts) else { continue }
                // staffing.micro_grid_leader_preference: a leader nearby, able and already known to the residents
                // serves the micro-grid best (an unknown distance counts as at the radius's edge).
                var cost =
                    SlotAssignment.pairBaseCost + weight
                    * (preference.costPerRadius * min(distance ?? radius, radius * preference.distanceCapRadii)
                        / max(radius, 1))
                if let pool = Self.pool(facts, rules: rules) {
                    cost -= pool.bonus * rules.microGridLeaderPoolsWeight / Self.poolWeightUnit
                }
                cost -= weight * preference.scoreBonus * (context.normalisedScore[context.people[person].id] ?? 0)
                if facts.worksInSite == true { cost -= weight * rules.specialGrid.sitePeopleBonus }
                if context.holdsToday(person: person, role: LeaderRole.microGridLeader.rawValue, microGrid: site.id) {
                    cost -= weight * preference.currentHolderBonus
                }
                pairs.append(SlotAssignment.Pair(slot: slot, person: person, cost: cost, locked: isLocked))
            }
        }
        let assignment = SlotAssignment(
            name: "micro-grid-leaders-\(community)", demand: micro.indices.map { postOf($0).perUnit.value },
            pairs: pairs,
            defaultLimit: levelLimit)
        let outcome = try part.solve(assignment, as: "micro_grid_leaders", context: context)
        for pair in outcome.chosen {
            let site = context.microGrids[micro[pair.slot]]
            let person = context.people[pair.person]
            let distance = distances[pair.slot][pair.person]
            let facts = context.facts(person: pair.person, distance: distance, site: specialSite(pair.slot))
            var why: [String] = []
            if facts.worksInSite == true { why.append(Message.text("staffing.reason.works_in_site")) }
            if pair.locked { why.append(Message.text("staffing.reason.pinned_by_lock")) }
            if person.isPartyMember { why.append(Message.text("staffing.reason.party_member")) }
            if distance == 0 {
                why.append(Message.text("staffing.reason.lives_in_micro_grid"))
            } else if let distance {
                why.append(
                    Message.text(
                        "staffing.reason.lives_nearby",
                        ["distance": "\(Int(distance.rounded()))", "radius": "\(Int(radius))"]))
            }
            var ids = [postOf(pair.slot).ruleID, rules.maxPostsPerPersonPerLevel.ruleID]
            if !pair.locked { ids.append(preference.ruleID) }
            if let pool = Self.pool(facts, rules: rules) {
                why.append(Message.text("staffing.reason.preferred_pool", ["pool": pool.spokenName]))
                ids.append(rules.microGridLeaderPoolsRule)
            }
            if let score = context.normalisedScore[person.id], score > 0 {
                why.append(Message.text("staffing.reason.score", ["percent": "\(Int((score * 100).rounded()))"]))
            }
            if context.holdsToday(person: pair.person, role: LeaderRole.microGridLeader.rawValue, microGrid: site.id) {
                why.append(Message.text("staffing.reason.already_leads_it"))
            }
            part.leaders.append(
                LeaderAssignment(
                    role: .microGridLeader, gridID: context.grids[site.grid].id, microGridID: site.id, buildingID: nil,
                    personID: person.id, reason: StaffingReason.text(why, ids), ruleIDs: ids))
        }
        for (slot, missing) in outcome.missing.enumerated() where missing > 0 {
            let slotSite = specialSite(slot)
            let post = postOf(slot)
            let site = context.microGrids[micro[slot]]
            let needsParty = post.eligible.value.requiresPartyMember
            let withinRadius = people.filter { person in
                guard let distance = distances[slot][person] else { return false }
                return post.eligible.value.isSatisfied(
                    by: context.facts(person: person, distance: distance, site: slotSite))
            }
            let detail: String
            if withinRadius.isEmpty {
                let candidates = people.filter { !needsParty || context.people[$0].isPartyMember }
                let nearest = candidates.compactMap { distances[slot][$0] }.min()
                let radiusText = ["radius": "\(Int(radius))"]
                let nobody =
                    needsParty
                    ? Message.text("staffing.shortfall.no_party_member_within", radiusText)
                    : Message.text("staffing.shortfall.no_eligible_person_within", radiusText)
                let nearestText =
                    nearest.map {
                        Message.text("staffing.shortfall.nearest_candidate", ["distance": "\(Int($0.rounded()))"])
                    } ?? Message.text("staffing.shortfall.no_candidate_in_community")
                detail = Language.current.clauses([nobody, nearestText])
            } else {
                detail = Self.allLeadOthers(count: withinRadius.count, radius: radius, partyMembers: needsParty)
            }
            let message = Message.text(
                "staffing.shortfall.micro_grid",
                ["micro_grid": site.id.rawValue, "detail": detail, "rule": post.ruleID.rawValue])
            part.shortfalls.append(
                Finding.shortfall(
                    ruleID: post.ruleID, communityID: community, gridID: context.grids[site.grid].id,
                    microGridID: site.id, missing: missing, message: message))
        }
        return part
    }

    /// "all 3 party members within 300 m lead other micro-grids": one row per kind and number, so that the English
    /// keeps its plural and the Chinese its own word order.
    private static func allLeadOthers(count: Int, radius: Double, partyMembers: Bool) -> String {
        let arguments = ["count": "\(count)", "radius": "\(Int(radius))"]
        switch (partyMembers, count == 1) {
        case (true, true): return Message.text("staffing.shortfall.party_member_within_leads_other", arguments)
        case (true, false): return Message.text("staffing.shortfall.party_members_within_lead_others", arguments)
        case (false, true): return Message.text("staffing.shortfall.eligible_person_within_leads_other", arguments)
        case (false, false): return Message.text("staffing.shortfall.eligible_persons_within_lead_others", arguments)
        }
    }
}
