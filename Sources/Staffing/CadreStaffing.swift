import GridModel
import GridRules
import LinearSolver

/// Sunk-down cadres (下沉干部) of one community: a generalized assignment of grid posts to cadres with coverage rows.
///
/// Variables x[c,g,t]: cadre c holds post t in grid g (only when the post's hours fit the cadre's week). Rows: every
/// cadre holds at least the rule's number of posts; a cadre's posts fit in their weekly hours; every grid has at
/// least the rule's number of cadres (z[c,g]) from the rule's number of departments (w[d,g]). Each coverage row has
/// a slack costing ``SlotAssignment/shortfallCost`` per missing unit, mapped to its rule. The objective then prefers
/// cadres near the grid, cadres who served the grid before, and load in proportion to weekly hours. A greedy
/// starting plan is handed to GLPK; the posts the model leaves open are then covered by ``CadrePostFill``.
struct CadreStaffing {
    let context: StaffingContext
    let community: CommunityID

    /// The accepted relative gap of the cadre model: a search limit that keeps runs fast and reproducible, not a
    /// planner's choice (it stays far below one missing post; see the solve below).
    static let relativeGap = 0.01
    /// Weekly hours a load share is measured against at least: a guard against dividing by a week of 0 hours (such a
    /// cadre holds only locked posts), not a preference.
    static let loadWeekFloor = 0.5

    /// The community's cadres (by the rule's condition), sorted by person index.
    static func cadres(_ context: StaffingContext, community: CommunityID) -> [Int] {
        let rules = context.rules(for: community)
        return (context.peopleByCommunity[community] ?? []).filter {
            rules.cadreEligible.value.isSatisfied(by: context.facts(person: $0, distance: nil))
        }
    }

    /// A cadre's weekly hours: people.csv's, else the rule's default.
    static func hours(_ context: StaffingContext, person: Int, rules: StaffingRules) -> Double {
        context.people[person].hoursPerWeek ?? rules.defaultCadreWeeklyHours.value
    }

    func run() throws(StaffingError) -> StaffingPart {
        let rules = context.rules(for: community)
        // staffing.special_grid: a special grid takes cadres only when the rule gives it some.
        let specialCadres = rules.specialGrid.cadresPerGrid
        let grids = context.grids.indices.filter {
            context.grids[$0].communityID == community && (!context.grids[$0].isSpecial || specialCadres > 0)
        }
        func minimumCadres(_ grid: Int) -> Int {
            context.grids[grid].isSpecial ? specialCadres : rules.minCadresPerGrid.value
        }
        func minimumDepartments(_ grid: Int) -> Int {
            context.grids[grid].isSpecial
                ? min(specialCadres, rules.minDepartmentsPerGrid.value) : rules.minDepartmentsPerGrid.value
        }
        let cadres = Self.cadres(context, community: community)
        let posts = rules.postWorkloads
        var part = StaffingPart()
        guard !grids.isEmpty else { return part }
        var model = LinearModel(name: "cadres-\(community)", sense: .minimize)
        var holdings: [CadreHolding] = []
        let lockSet = Set(
            context.locks.values.flatMap { $0 }.compactMap { lock -> String? in
                guard case .person(let id) = lock.subject, let grid = lock.gridID, let post = lock.post else {
                    return nil
                }
                return "\(id)|\(grid)|\(post)"
            })
        let shortfall = SlotAssignment.shortfallCost
        // staffing.cadre_nearby: a cadre near home and in a grid they served travels less and knows the residents;
        // load follows weekly hours; the post and presence costs keep posts few and each cadre's in few grids.
        let placement = rules.cadrePlacement
        let objectiveWeight = placement.weight
        for cadre in cadres {
            let week = Self.hours(context, person: cadre, rules: rules)
            let person = context.people[cadre]
            for grid in grids {
                let site = context.grids[grid]
                let distance = context.distance(person: cadre, to: site.points) ?? placement.unknownDistanceMetres
                for (postIndex, post) in posts.enumerated() {
                    let hours = post.hours(caredResidents: site.caredResidents)
                    let locked = lockSet.contains("\(person.id)|\(site.id)|\(post.post)")
                    guard locked || (week > 0 && hours <= week + 1e-9) else { continue }
                    // The bonus goes to the post held today only: were it on every post of a familiar grid, it would
                    // outweigh post_cost and fill posts the rules do not ask for, so a plan would grow week by week.
                    let familiar = context.holdsToday(person: cadre, role: post.post, grid: site.id)
                    let cost =
                        placement.postCost + objectiveWeight
                        * (min(distance, placement.distanceCapMetres) / placement.metresPerCostUnit
                            + hours / max(week, Self.loadWeekFloor))
                        - (familiar ? placement.familiarBonus * objectiveWeight : 0)
                    let variable = model.addVariable(
                        "x\(holdings.count)", kind: .binary, lower: locked ? 1 : 0, upper: 1, objective: cost)
                    holdings.append(
                        CadreHolding(
                            cadre: cadre, grid: grid, post: postIndex, hours: hours, cost: cost, locked: locked,
                            variable: variable))
                }
            }
        }
        let byCadreGrid = Dictionary(grouping: holdings.indices) { [holdings[$0].cadre, holdings[$0].grid] }
        var presence: [[Int]: VariableIndex] = [:]
        for key in byCadreGrid.keys.sorted(by: { $0.lexicographicallyPrecedes($1) }) {
            let members = byCadreGrid[key] ?? []
            let z = model.addVariable(
                "z\(key[0])_\(key[1])", kind: .binary, lower: 0, upper: 1, objective: placement.gridPresenceCost)
            presence[key] = z
            for member in members {
                model.addConstraint(
                    "zlink\(member)", [LinearTerm(holdings[member].variable, 1), LinearTerm(z, -1)],
                    .lessOrEqual(0))
            }
            model.addConstraint(
                "zonly\(key[0])_\(key[1])", members.map { LinearTerm(holdings[$0].variable, -1) } + [LinearTerm(z, 1)],
                .lessOrEqual(0))
        }
        // Rows with a slack each, remembered so the slack can be reported against its rule.
        var slacks: [(VariableIndex, CadreShortfallRow)] = []
        var departmentVariables: [(variable: VariableIndex, department: DepartmentID, grid: Int)] = []
        for grid in grids {
            let minCadres = Double(minimumCadres(grid))
            let present = cadres.compactMap { presence[[$0, grid]] }.map { LinearTerm($0, 1) }
            let cadreSlack = model.addVariable(
                "scad\(grid)", kind: .integer, lower: 0, upper: minCadres,
                objective: shortfall)
            model.addConstraint("cadres\(grid)", present + [LinearTerm(cadreSlack, 1)], .greaterOrEqual(minCadres))
            slacks.append((cadreSlack, .cadres(grid: grid)))
            let byDepartment = Dictionary(grouping: cadres.filter { presence[[$0, grid]] != nil }) {
                context.people[$0].departmentID
            }
            var departmentTerms: [LinearTerm] = []
            for department in byDepartment.keys.compactMap({ $0 }).sorted() {
                let w = model.addVariable("w\(department)_\(grid)", kind: .binary, lower: 0, upper: 1, objective: 0)
                let members = (byDepartment[department] ?? []).compactMap { presence[[$0, grid]] }
                model.addConstraint(
                    "wlink\(department)_\(grid)", [LinearTerm(w, 1)] + members.map { LinearTerm($0, -1) },
                    .lessOrEqual(0))
                departmentTerms.append(LinearTerm(w, 1))
                departmentVariables.append((w, department, grid))
            }
            let minDepartments = Double(minimumDepartments(grid))
            let departmentSlack = model.addVariable(
                "sdep\(grid)", kind: .integer, lower: 0, upper: minDepartments,
                objective: shortfall)
            model.addConstraint(
                "departments\(grid)", departmentTerms + [LinearTerm(departmentSlack, 1)],
                .greaterOrEqual(minDepartments))
            slacks.append((departmentSlack, .departments(grid: grid)))
        }
        let byCadre = Dictionary(grouping: holdings.indices) { holdings[$0].cadre }
        let minPosts = Double(rules.minPostsPerCadre.value)
        for cadre in cadres {
            let members = byCadre[cadre] ?? []
            let slack = model.addVariable(
                "scadre\(cadre)", kind: .integer, lower: 0, upper: minPosts,
                objective: shortfall)
            model.addConstraint(
                "minposts\(cadre)", members.map { LinearTerm(holdings[$0].variable, 1) } + [LinearTerm(slack, 1)],
                .greaterOrEqual(minPosts))
            slacks.append((slack, .cadre(cadre)))
            let week = Self.hours(context, person: cadre, rules: rules)
            if !members.isEmpty, members.reduce(0.0, { $0 + holdings[$1].hours }) > week {
                model.addConstraint(
                    "hours\(cadre)", members.map { LinearTerm(holdings[$0].variable, holdings[$0].hours) },
                    .lessOrEqual(week))
            }
        }
        // The soft terms only rank equally staffed plans: stop within 1 % of the bound (less than one missing post,
        // which costs 1000, while the objective stays under 100,000), which keeps the run fast and, unlike a time
        // limit, reproducible. Cover cuts and GLPK's default branching measured fastest on these models (MIR cuts
        // and pseudocost branching, the defaults for pure GAPs, were 5-10 times slower here).
        let greedy = CadreGreedyStart(
            holdings: holdings, grids: grids, posts: posts.count, cadres: cadres,
            weeks: Dictionary(uniqueKeysWithValues: cadres.map { ($0, Self.hours(context, person: $0, rules: rules)) }),
            departments: Dictionary(uniqueKeysWithValues: cadres.map { ($0, context.people[$0].departmentID) }),
            minCadres: rules.minCadresPerGrid.value, minDepartments: rules.minDepartmentsPerGrid.value,
            minPosts: rules.minPostsPerCadre.value)
        let start = greedy.values(
            variableCount: model.variables.count, presence: presence, departmentVariables: departmentVariables,
            slacks: slacks)
        let result = try StaffingSolver.solve(
            model, timeLimit: context.input.timeLimitPerProblem, relativeGap: Self.relativeGap, start: start,
            cuts: .cover, pseudocostBranching: false)
        var summary = StaffingSolveSummary()
        summary.add(result)
        part.solver["cadres"] = summary
        let workloadRule = posts.first?.ruleID ?? rules.cadreEligible.ruleID
        let weeks = Dictionary(uniqueKeysWithValues: cadres.map { ($0, Self.hours(context, person: $0, rules: rules)) })
        let fill = CadrePostFill(holdings: holdings, grids: grids, posts: posts.count)
        var selected = Set(holdings.indices.filter { (result.value(holdings[$0].variable) ?? 0) > 0.5 })
        var uncovered = fill.fill(&selected, weeks: weeks)
        // The greedy plan places the heavy posts first and often leaves fewer posts open than the model's plan plus
        // the fill; it is kept instead when it is just as short on the hard rules.
        var greedySelected = greedy.choose()
        let greedyUncovered = fill.fill(&greedySelected, weeks: weeks)
        let modelMissing = slacks.reduce(0.0) { $0 + (result.value($1.0) ?? 0) }
        let greedyMissing = slacks.reduce(0.0) { $0 + start[$1.0.rawValue] }
        let keepsGreedy = greedyMissing <= modelMissing + 0.5 && greedyUncovered.count < uncovered.count
        if keepsGreedy {
            selected = greedySelected
            uncovered = greedyUncovered
        }
        func slackValue(_ variable: VariableIndex) -> Double {
            keepsGreedy ? start[variable.rawValue] : result.value(variable) ?? 0
        }
        var load: [Int: Double] = [:]
        for index in selected { load[holdings[index].cadre, default: 0] += holdings[index].hours }
        for holding in selected.sorted().map({ holdings[$0] }) {
            let person = context.people[holding.cadre]
            let site = context.grids[holding.grid]
            let post = posts[holding.post]
            let week = Self.hours(context, person: holding.cadre, rules: rules)
            var why: [String] = []
            if lockSet.contains("\(person.id)|\(site.id)|\(post.post)") {
                why.append(Message.text("staffing.reason.pinned_by_lock"))
            }
            if let department = person.departmentID {
                why.append(Message.text("staffing.reason.cadre_of_department", ["department": department.rawValue]))
            } else {
                why.append(Message.text("staffing.reason.cadre_of_no_department"))
            }
            why.append(
                Message.text(
                    "staffing.reason.cadre_hours",
                    [
                        "hours": StaffingNumber.text(holding.hours), "cared": "\(site.caredResidents)",
                        "used": StaffingNumber.text(load[holding.cadre] ?? 0), "week": StaffingNumber.text(week),
                    ]))
            if context.livesIn(person: holding.cadre, grid: holding.grid) {
                why.append(Message.text("staffing.reason.lives_in_grid"))
            }
            if posts.contains(where: { context.holdsToday(person: holding.cadre, role: $0.post, grid: site.id) }) {
                why.append(Message.text("staffing.reason.served_grid_before"))
            }
            let ids = [rules.cadreEligible.ruleID, rules.minCadresPerGrid.ruleID, post.ruleID, placement.ruleID]
            part.cadrePosts.append(
                CadrePostAssignment(
                    personID: person.id, departmentID: person.departmentID, gridID: site.id, post: post.post,
                    hours: holding.hours, reason: StaffingReason.text(why, ids)))
        }
        for slot in uncovered {
            let site = context.grids[slot.grid]
            let post = posts[slot.post]
            let hours = post.hours(caredResidents: site.caredResidents)
            let maxWeek = cadres.map { Self.hours(context, person: $0, rules: rules) }.max() ?? 0
            let detail =
                cadres.isEmpty
                ? Message.text("staffing.warning.community_without_cadre", ["community": community.rawValue])
                : hours > maxWeek
                    ? Message.text(
                        "staffing.warning.post_longer_than_any_week",
                        ["hours": StaffingNumber.text(hours), "week": StaffingNumber.text(maxWeek)])
                    : Message.text("staffing.warning.cadre_hours_taken")
            part.warnings.append(
                PlanWarning(
                    message: Message.text(
                        "staffing.warning.post_without_cadre",
                        [
                            "grid": site.id.rawValue, "post": post.spokenName, "detail": detail,
                            "rule": workloadRule.rawValue,
                        ])))
        }
        for (slack, short) in slacks {
            let missing = Int(slackValue(slack).rounded())
            guard missing > 0 else { continue }
            switch short {
            case .cadre(let cadre):
                let person = context.people[cadre]
                let week = Self.hours(context, person: cadre, rules: rules)
                let detail =
                    week <= 0
                    ? Message.text("staffing.shortfall.cadre_has_no_hours")
                    : Message.text("staffing.shortfall.no_post_fits_cadre", ["week": StaffingNumber.text(week)])
                let message = Message.text(
                    "staffing.shortfall.cadre_without_post",
                    [
                        "person": person.id.rawValue, "community": community.rawValue, "detail": detail,
                        "rule": rules.cadreEligible.ruleID.rawValue,
                    ])
                part.shortfalls.append(
                    Finding.shortfall(
                        ruleID: rules.cadreEligible.ruleID, communityID: community, personID: person.id,
                        missing: missing, message: message))
            case .cadres(let grid), .departments(let grid):
                let site = context.grids[grid]
                let rule: RuleID
                let message: String
                if case .cadres = short {
                    rule = rules.minCadresPerGrid.ruleID
                    let arguments = [
                        "grid": site.id.rawValue, "missing": "\(missing)", "minimum": "\(rules.minCadresPerGrid.value)",
                        "community": community.rawValue, "cadres": "\(cadres.count)", "grids": "\(grids.count)",
                        "rule": rule.rawValue,
                    ]
                    message =
                        missing == 1
                        ? Message.text("staffing.shortfall.grid_cadre_short", arguments)
                        : Message.text("staffing.shortfall.grid_cadres_short", arguments)
                } else {
                    rule = rules.minDepartmentsPerGrid.ruleID
                    let arguments = [
                        "grid": site.id.rawValue, "missing": "\(missing)",
                        "minimum": "\(rules.minDepartmentsPerGrid.value)", "rule": rule.rawValue,
                    ]
                    message =
                        missing == 1
                        ? Message.text("staffing.shortfall.grid_department_short", arguments)
                        : Message.text("staffing.shortfall.grid_departments_short", arguments)
                }
                part.shortfalls.append(
                    Finding.shortfall(
                        ruleID: rule, communityID: community, gridID: site.id, missing: missing, message: message))
            }
        }
        return part
    }
}
