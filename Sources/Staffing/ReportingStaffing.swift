import GridModel
import GridRules

/// In-service party members reporting to the community where they live (双报到), placed in grids needing volunteers.
///
/// A community takes at most the rule's capacity (members beyond it, by person id, are reported short). Inside a
/// community each grid's share is proportional to its cared-for residents (its need for volunteers); each member goes
/// to the grid they live in while its share lasts, else to the nearest grid with share left.
struct ReportingStaffing {
    let context: StaffingContext
    let community: CommunityID

    /// Eligible members by the community of their home building, each list sorted by person index; members living
    /// outside the street's buildings are listed under nil.
    static func members(_ context: StaffingContext) -> [CommunityID?: [Int]] {
        var found: [CommunityID?: [Int]] = [:]
        for index in context.people.indices {
            let community = context.personHome[index].flatMap { context.buildings[$0]?.communityID }
            let rules = community.map { context.rules(for: $0) } ?? context.ruleSet.staffing
            guard rules.reportingEligible.value.isSatisfied(by: context.facts(person: index, distance: nil)) else {
                continue
            }
            found[community, default: []].append(index)
        }
        return found
    }

    func run(members: [Int]) -> StaffingPart {
        let rules = context.rules(for: community)
        let rule = rules.reportingEligible.ruleID
        var part = StaffingPart()
        let grids = context.grids.indices.filter {
            context.grids[$0].communityID == community && !context.grids[$0].isSpecial
        }
        guard !grids.isEmpty else {
            for person in members {
                part.shortfalls.append(
                    Finding.shortfall(
                        ruleID: rule, communityID: community, personID: context.people[person].id, missing: 1,
                        message: Message.text(
                            "staffing.shortfall.community_takes_no_volunteers",
                            [
                                "person": context.people[person].id.rawValue, "community": community.rawValue,
                                "rule": rule.rawValue,
                            ])))
            }
            return part
        }
        let capacity = rules.reportingCapacityPerCommunity.value
        let placed = Array(members.prefix(capacity))
        if members.count > capacity {
            for person in members.dropFirst(capacity) {
                part.shortfalls.append(
                    Finding.shortfall(
                        ruleID: rule, communityID: community, personID: context.people[person].id, missing: 1,
                        message: Message.text(
                            "staffing.shortfall.community_reporting_full",
                            [
                                "person": context.people[person].id.rawValue, "community": community.rawValue,
                                "capacity": "\(capacity)", "rule": rule.rawValue,
                            ])))
            }
        }
        let need = grids.map { max(context.grids[$0].caredResidents, 1) }
        let totalNeed = need.reduce(0, +)
        var share = need.map { ($0 * placed.count + totalNeed - 1) / totalNeed }
        for person in placed {
            var slot: Int? = grids.indices.first { index in
                share[index] > 0 && context.livesIn(person: person, grid: grids[index])
            }
            var why = [Message.text("staffing.reason.in_service_party_member", ["community": community.rawValue])]
            if slot != nil {
                why.append(Message.text("staffing.reason.lives_in_grid"))
            } else {
                slot = grids.indices.filter { share[$0] > 0 }.min { lhs, rhs in
                    let left = context.distance(person: person, to: [context.grids[grids[lhs]].centroid]) ?? 0
                    let right = context.distance(person: person, to: [context.grids[grids[rhs]].centroid]) ?? 0
                    return left != right ? left < right : lhs < rhs
                }
                why.append(Message.text("staffing.reason.nearest_grid_needing_volunteers"))
            }
            guard let slot else { continue }
            share[slot] -= 1
            let site = context.grids[grids[slot]]
            why.append(
                Message.text(
                    "staffing.reason.reporting_load",
                    [
                        "cared": "\(site.caredResidents)",
                        "hours": StaffingNumber.text(rules.reportingHoursPerYear.value),
                    ]))
            part.reporting.append(
                ReportingPlacement(
                    personID: context.people[person].id, communityID: community, gridID: site.id,
                    reason: StaffingReason.text(why, [rule])))
        }
        return part
    }
}
