import Foundation
import GridModel
import GridRules
import PlanningSupport

/// Staffs a plan from the rules: grid leaders and workers, micro-grid and building leaders, sunk-down cadres,
/// mentors and reporting party members, each row with the reason and rule ids; shortfalls in words.
///
/// Communities are independent (people serve the community fixed in people.csv, else the one they live in), so each
/// community's models are built and solved on their own thread, one GLPK problem per thread at a time. Mentoring is
/// solved street-wide. The result is the same for the same input and rules whatever the thread timing.
///
/// ```swift
/// let plan = try StaffingPlanner(ruleSet: rules).plan(StaffingInput(street: street, plan: rows, referenceYear: 2026))
/// ```
public struct StaffingPlanner: Sendable {
    /// The rules in force.
    public let ruleSet: RuleSet
    /// Communities staffed at once.
    public let threads: Int

    /// A planner for `ruleSet` staffing up to `threads` communities at once.
    public init(ruleSet: RuleSet, threads: Int = 2) {
        self.ruleSet = ruleSet
        self.threads = max(1, threads)
    }

    /// Staffs the plan.
    ///
    /// - Throws: ``StaffingError`` when the plan is inconsistent (a grid across communities, a micro-grid in
    ///   two grids, an unknown building) or the solver fails.
    public func plan(_ input: StaffingInput) throws(StaffingError) -> StaffingPlan {
        let context = try StaffingContext(input: input, ruleSet: ruleSet)
        var total = StaffingPart()
        total.warnings = Self.inputWarnings(context)
        let reportingMembers = ReportingStaffing.members(context)
        let communities = context.communities
        let results = parallelMap(count: communities.count, threads: threads) { index in
            Result { () throws(StaffingError) -> StaffingPart in
                let community = communities[index]
                var part = StaffingPart()
                part.merge(try GridPostStaffing(context: context, community: community).run())
                part.merge(try MicroGridLeaderStaffing(context: context, community: community).run())
                part.merge(BuildingLeaderStaffing(context: context, community: community).run())
                part.merge(try CadreStaffing(context: context, community: community).run())
                part.merge(
                    ReportingStaffing(context: context, community: community)
                        .run(members: reportingMembers[community] ?? []))
                return part
            }
        }
        for result in results { total.merge(try result.get()) }
        let planned = Set(communities)
        for (community, members) in reportingMembers {
            guard community.map({ !planned.contains($0) }) ?? true else { continue }
            let rule = (community.map { ruleSet.staffing(for: $0) } ?? ruleSet.staffing).reportingEligible.ruleID
            for member in members {
                let detail =
                    community.map {
                        Message.text("staffing.shortfall.community_not_in_plan", ["community": $0.rawValue])
                    } ?? Message.text("staffing.shortfall.lives_outside_street")
                let message = Message.text(
                    "staffing.shortfall.party_member_not_placed",
                    ["person": context.people[member].id.rawValue, "detail": detail, "rule": rule.rawValue])
                total.shortfalls.append(
                    Finding.shortfall(
                        ruleID: rule, communityID: community, personID: context.people[member].id, missing: 1,
                        message: message))
            }
        }
        total.merge(try MentorStaffing(context: context).run())
        return Self.assemble(
            total, context: context, reportingEligible: reportingMembers.values.reduce(0) { $0 + $1.count })
    }

    /// Zero-hour cadres, departments without cadres, cadres and leaders with no community, locks that name nothing.
    static func inputWarnings(_ context: StaffingContext) -> [PlanWarning] {
        var warnings: [PlanWarning] = []
        let rules = context.ruleSet.staffing
        var departmentsWithCadres: Set<DepartmentID> = []
        for (index, person) in context.people.enumerated()
        where rules.cadreEligible.value.isSatisfied(by: context.facts(person: index, distance: nil)) {
            if let department = person.departmentID { departmentsWithCadres.insert(department) }
            let hours = CadreStaffing.hours(context, person: index, rules: rules)
            if hours <= 0 {
                warnings.append(
                    PlanWarning(
                        message: Message.text(
                            "staffing.warning.cadre_without_hours",
                            [
                                "person": person.id.rawValue, "hours": StaffingNumber.text(hours),
                                "rule": rules.cadreEligible.ruleID.rawValue,
                            ])))
            }
            if context.personCommunity[index] == nil {
                warnings.append(
                    PlanWarning(
                        message: Message.text(
                            "staffing.warning.cadre_without_community", ["person": person.id.rawValue])))
            }
            if person.departmentID == nil {
                warnings.append(
                    PlanWarning(
                        message: Message.text(
                            "staffing.warning.cadre_without_department",
                            ["person": person.id.rawValue, "rule": rules.minDepartmentsPerGrid.ruleID.rawValue])))
            }
        }
        for department in context.input.street.departments where !departmentsWithCadres.contains(department.id) {
            warnings.append(
                PlanWarning(
                    message: Message.text(
                        "staffing.warning.department_without_cadre", ["department": department.id.rawValue])))
        }
        for lock in context.input.locks {
            guard case .person(let id) = lock.subject else { continue }
            if let grid = lock.gridID, context.gridIndex[grid] == nil {
                warnings.append(
                    PlanWarning(
                        message: Message.text(
                            "staffing.warning.lock_to_missing_grid", ["person": id.rawValue, "grid": grid.rawValue])))
            }
            if let micro = lock.microGridID, context.microGridIndex[micro] == nil {
                warnings.append(
                    PlanWarning(
                        message: Message.text(
                            "staffing.warning.lock_to_missing_micro_grid",
                            ["person": id.rawValue, "micro_grid": micro.rawValue])))
            }
        }
        return warnings
    }

    private static func assemble(_ part: StaffingPart, context: StaffingContext, reportingEligible: Int) -> StaffingPlan
    {
        let leaders = part.leaders.sorted {
            ($0.role, $0.gridID, $0.microGridID?.rawValue ?? "", $0.buildingID?.rawValue ?? "", $0.personID)
                < ($1.role, $1.gridID, $1.microGridID?.rawValue ?? "", $1.buildingID?.rawValue ?? "", $1.personID)
        }
        let cadrePosts = part.cadrePosts.sorted {
            ($0.personID, $0.gridID, $0.post) < ($1.personID, $1.gridID, $1.post)
        }
        let mentoring = part.mentoring.sorted { $0.newWorkerID < $1.newWorkerID }
        let reporting = part.reporting.sorted { $0.personID < $1.personID }
        let shortfalls = part.shortfalls.sorted {
            (
                $0.ruleID.rawValue, $0.location.gridID?.rawValue ?? "", $0.location.microGridID?.rawValue ?? "",
                $0.location.buildingID?.rawValue ?? "", $0.location.personID?.rawValue ?? "", $0.message
            )
                < (
                    $1.ruleID.rawValue, $1.location.gridID?.rawValue ?? "", $1.location.microGridID?.rawValue ?? "",
                    $1.location.buildingID?.rawValue ?? "", $1.location.personID?.rawValue ?? "", $1.message
                )
        }
        let warnings = part.warnings.sorted { $0.message < $1.message }
        var byRole: [String: Int] = [:]
        for role in LeaderRole.allCases { byRole[role.rawValue] = 0 }
        for leader in leaders { byRole[leader.role.rawValue, default: 0] += 1 }
        var byRule: [String: Int] = [:]
        for shortfall in shortfalls { byRule[shortfall.ruleID.rawValue, default: 0] += shortfall.missing }
        var solver = part.solver
        var overall = StaffingSolveSummary()
        for key in solver.keys.sorted() { overall.add(solver[key] ?? StaffingSolveSummary()) }
        solver["all"] = overall
        var cadreCount = 0
        var maxLoad = 0.0
        var load: [PersonID: Double] = [:]
        for post in cadrePosts { load[post.personID, default: 0] += post.hours }
        for community in context.communities {
            let rules = context.rules(for: community)
            for cadre in CadreStaffing.cadres(context, community: community) {
                cadreCount += 1
                let week = CadreStaffing.hours(context, person: cadre, rules: rules)
                if week > 0 { maxLoad = max(maxLoad, (load[context.people[cadre].id] ?? 0) / week) }
            }
        }
        let buildings = context.communities.reduce(0) {
            $0 + BuildingLeaderStaffing.buildingsNeedingLeader(context, community: $1).count
        }
        let newWorkers = context.people.indices.filter {
            context.ruleSet.staffing.menteeEligible.value.isSatisfied(by: context.facts(person: $0, distance: nil))
        }.count
        let kpis = StaffingKPIs(
            grids: context.grids.count(where: { !$0.isSpecial }),
            microGrids: context.microGrids.count(where: { !context.grids[$0.grid].isSpecial }),
            specialGrids: context.grids.count(where: \.isSpecial), buildingsNeedingLeader: buildings,
            leaders: byRole, cadres: cadreCount, cadrePosts: cadrePosts.count, cadresWithPost: load.count,
            maxCadreLoad: (maxLoad * 1000).rounded() / 1000, newWorkers: newWorkers, mentored: mentoring.count,
            reportingEligible: reportingEligible, reportingPlaced: reporting.count,
            shortfallTotal: shortfalls.reduce(0) { $0 + $1.missing }, shortfallByRule: byRule, solver: solver)
        return StaffingPlan(
            leaders: leaders, cadrePosts: cadrePosts, mentoring: mentoring, reporting: reporting,
            shortfalls: shortfalls,
            warnings: warnings, kpis: kpis)
    }
}
