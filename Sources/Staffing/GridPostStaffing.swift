import GridModel
import GridRules
import LinearSolver

/// Grid leaders (网格长) and grid workers (专职网格员) of one community: one model, one slot per grid and post.
///
/// A person holds at most one grid-level post (staffing.one_post_per_level) and leads one grid, or two small grids
/// whose households add up to the rule's limit when the rules allow it. Among the eligible, the nearer cost less,
/// and people who live in the grid or hold the post there today less still (staffing.grid_post_preference).
struct GridPostStaffing {
    let context: StaffingContext
    let community: CommunityID

    func run() throws(StaffingError) -> StaffingPart {
        let rules = context.rules(for: community)
        let grids = context.grids.indices.filter { context.grids[$0].communityID == community }
        let people = context.peopleByCommunity[community] ?? []
        let roles: [(LeaderRole, StaffingRules.Post)] = [
            (.gridLeader, rules.gridLeader), (.gridWorker, rules.gridWorker),
        ]
        var slots: [(grid: Int, role: LeaderRole, post: StaffingRules.Post)] = []
        let special = rules.specialGrid
        for grid in grids {
            guard context.grids[grid].isSpecial else {
                for (role, post) in roles { slots.append((grid, role, post)) }
                continue
            }
            // staffing.special_grid: the site's own people lead it; a grid worker only where the rule asks for one.
            slots.append((grid, .gridLeader, special.gridLeader))
            if special.gridWorkersPerGrid > 0 {
                let count = Sourced(special.gridWorkersPerGrid, ruleID: special.ruleID,
                                    location: special.gridLeader.perUnit.location)
                slots.append((grid, .gridWorker, StaffingRules.Post(
                    perUnit: count, eligible: rules.gridWorker.eligible, ruleID: special.ruleID)))
            }
        }
        let levelLimit = rules.maxPostsPerPersonPerLevel.value
        var pairs: [SlotAssignment.Pair] = []
        var part = StaffingPart()
        var locked = LockResolution()
        var lockedPairs: Set<[Int]> = []
        for (slotIndex, slot) in slots.enumerated() {
            for lock in context.locks(post: slot.role.rawValue) where lock.lock.gridID == context.grids[slot.grid].id {
                let accepted = locked.accept(
                    slot: slotIndex, person: lock.person, slotDemand: slot.post.perUnit.value, personLimit: levelLimit)
                if accepted {
                    lockedPairs.insert([slotIndex, lock.person])
                } else {
                    part.warnings.append(
                        .lockConflict(
                            person: context.people[lock.person].id, role: slot.role,
                            place: context.grids[slot.grid].id.rawValue,
                            rules: [slot.post.ruleID, rules.maxPostsPerPersonPerLevel.ruleID]))
                }
            }
        }
        // staffing.grid_post_preference: a worker near or in the grid reaches it quickly, and one already serving
        // keeps the residents' contact; the planner sets how much each counts against distance.
        let preference = rules.gridPostPreference
        let weight = preference.weight
        for (slotIndex, slot) in slots.enumerated() {
            let site = context.grids[slot.grid]
            for person in people {
                let isLocked = lockedPairs.contains([slotIndex, person])
                let distance = context.distance(person: person, to: site.points)
                let facts = context.facts(
                    person: person, distance: distance, site: context.specialSite(ofGrid: slot.grid))
                let eligible = slot.post.eligible.value.isSatisfied(by: facts)
                guard eligible || isLocked else { continue }
                let cap = preference.distanceCapMetres
                var cost =
                    SlotAssignment.pairBaseCost + weight * (min(distance ?? cap, cap) / preference.metresPerCostUnit)
                if context.livesIn(person: person, grid: slot.grid) { cost -= weight * preference.livesInGridBonus }
                if facts.worksInSite == true { cost -= weight * special.sitePeopleBonus }
                if context.holdsToday(person: person, role: slot.role.rawValue, grid: site.id) {
                    cost -= weight * preference.currentHolderBonus
                }
                pairs.append(SlotAssignment.Pair(slot: slotIndex, person: person, cost: cost, locked: isLocked))
            }
        }
        let twoSmall = rules.twoSmallGridsAllowed.value
        let maxCombined = Double(rules.twoSmallGridsMaxHouseholds.value)
        let largest = Double(grids.map { context.grids[$0].households }.max() ?? 0)
        var assignment = SlotAssignment(
            name: "grid-posts-\(community)", demand: slots.map(\.post.perUnit.value), pairs: pairs,
            defaultLimit: twoSmall ? levelLimit + 1 : levelLimit)
        let maxGrids = rules.maxGridsPerLeader.value
        assignment.extraRows = { model, variables in
            let byPerson = Dictionary(grouping: pairs.indices, by: { pairs[$0].person })
            for person in byPerson.keys.sorted() {
                let indices = byPerson[person] ?? []
                let leading = indices.filter { slots[pairs[$0].slot].role == .gridLeader }
                if !twoSmall {
                    if leading.count > maxGrids {
                        model.addConstraint(
                            "lead\(person)", leading.map { LinearTerm(variables[$0], 1) },
                            .lessOrEqual(Double(maxGrids)))
                    }
                    continue
                }
                // Two small grids: y = 1 lets the person lead a second grid, but then only grids whose households
                // add up to the limit, and no other grid-level post.
                let second = model.addVariable(
                    "two\(person)", kind: .binary, lower: 0, upper: 1, objective: weight * preference.secondGridCost)
                model.addConstraint(
                    "level\(person)", indices.map { LinearTerm(variables[$0], 1) } + [LinearTerm(second, -1)],
                    .lessOrEqual(Double(levelLimit)))
                let working = indices.filter { slots[pairs[$0].slot].role == .gridWorker }
                if !working.isEmpty {
                    model.addConstraint(
                        "twoOnlyLead\(person)", working.map { LinearTerm(variables[$0], 1) } + [LinearTerm(second, 1)],
                        .lessOrEqual(1))
                }
                let bound = max(largest, maxCombined)
                model.addConstraint(
                    "twoSmall\(person)",
                    leading.map {
                        LinearTerm(variables[$0], Double(context.grids[slots[pairs[$0].slot].grid].households))
                    }
                        + [LinearTerm(second, bound - maxCombined)],
                    .lessOrEqual(bound))
            }
        }
        let outcome = try part.solve(assignment, as: "grid_posts", context: context)
        let postCount = Dictionary(grouping: outcome.chosen, by: \.person).mapValues(\.count)
        for pair in outcome.chosen {
            let slot = slots[pair.slot]
            let site = context.grids[slot.grid]
            let person = context.people[pair.person]
            var why: [String] = []
            if pair.locked { why.append(Message.text("staffing.reason.pinned_by_lock")) }
            let roleNames = person.roles.filter { slot.post.eligible.value.mentionedRoles.contains($0) }.sorted()
            if !roleNames.isEmpty { why.append(roleNames.map(\.spokenName).joined(separator: "/")) }
            if context.livesIn(person: pair.person, grid: slot.grid) {
                why.append(Message.text("staffing.reason.lives_in_grid"))
            }
            let facts = context.facts(person: pair.person, distance: nil, site: context.specialSite(ofGrid: slot.grid))
            if facts.worksInSite == true { why.append(Message.text("staffing.reason.works_in_site")) }
            if context.holdsToday(person: pair.person, role: slot.role.rawValue, grid: site.id) {
                why.append(Message.text("staffing.reason.already_serves_here"))
            }
            var ids = [slot.post.ruleID, rules.maxPostsPerPersonPerLevel.ruleID]
            if !pair.locked { ids.append(preference.ruleID) }
            if (postCount[pair.person] ?? 0) > 1 {
                why.append(Message.text("staffing.reason.leads_two_small_grids"))
                ids.append(rules.twoSmallGridsAllowed.ruleID)
            }
            part.leaders.append(
                LeaderAssignment(
                    role: slot.role, gridID: site.id, microGridID: nil, buildingID: nil, personID: person.id,
                    reason: StaffingReason.text(why, ids), ruleIDs: ids))
        }
        for (slotIndex, missing) in outcome.missing.enumerated() where missing > 0 {
            let slot = slots[slotIndex]
            let site = context.grids[slot.grid]
            let eligible = people.filter {
                slot.post.eligible.value.isSatisfied(
                    by: context.facts(
                        person: $0, distance: context.distance(person: $0, to: site.points),
                        site: context.specialSite(ofGrid: slot.grid)))
            }
            let detail =
                eligible.isEmpty
                ? Message.text(
                    "staffing.shortfall.no_one_eligible_in_community",
                    ["community": community.rawValue, "condition": slot.post.eligible.value.description])
                : Message.text(
                    "staffing.shortfall.all_eligible_hold_other_posts",
                    ["count": "\(eligible.count)", "community": community.rawValue])
            let arguments = ["grid": site.id.rawValue, "detail": detail, "rule": slot.post.ruleID.rawValue]
            let message =
                slot.role == .gridLeader
                ? Message.text("staffing.shortfall.grid_without_grid_leader", arguments)
                : Message.text("staffing.shortfall.grid_without_grid_worker", arguments)
            part.shortfalls.append(
                Finding.shortfall(
                    ruleID: slot.post.ruleID, communityID: community, gridID: site.id, missing: missing,
                    message: message))
        }
        return part
    }
}
