import GridModel
import LinearSolver

/// The MIP of one part: a binary per candidate, at most one per request, no two of a volunteer's jobs too close,
/// caps as knapsack rows, and the load-balancing cost; solved tier after tier.
///
/// Conflicts: two jobs of one volunteer clash when one does not end, plus the walk between the two addresses, before
/// the other starts. With the minimum buffer alone this is an interval graph (each job stretched by the buffer), whose
/// maximal cliques are the jobs covering one start: one row per volunteer and start point. Where the walk is longer
/// than the buffer, the pairs the clique rows miss get a row each.
struct DispatchPartModel {
    let candidates: [DispatchCandidate]
    private(set) var model: LinearModel
    /// The first-tier coefficient of each candidate (the request's priority).
    let priorities: [Double]
    /// The load variables, after the candidates, and their costs.
    let loadCosts: [(VariableIndex, Double)]
    /// Each request's "at most once" row, by request position.
    let onceRows: [Int: Int]
    /// Each volunteer's load row (Σ steps = Σ jobs), by volunteer position.
    let loadRows: [Int: Int]
    /// The load steps each volunteer has in the model.
    let loadSteps: [Int: Int]
    /// The volunteer of each load step, by variable position.
    let loadVolunteer: [Int: Int]
    /// The row holding the priority at its optimum, once added.
    private(set) var holdRow: Int?

    init(candidates: [DispatchCandidate], context: DispatchContext, ledger: DispatchLedger) {
        self.candidates = candidates
        var model = LinearModel(name: "dispatch", sense: .maximize)
        let rules = context.rules
        for candidate in candidates {
            let name = "x_\(context.requests[candidate.request].id)_\(context.volunteers[candidate.volunteer].id)"
            model.addVariable("\(name)_\(candidate.start)", kind: .binary)
        }
        priorities = candidates.map { context.requests[$0.request].priority }
        // Every request has its row, even with one candidate: its dual prices the volunteers left out.
        var onceRows: [Int: Int] = [:]
        let byRequest = Dictionary(grouping: candidates.indices) { candidates[$0].request }
        for request in byRequest.keys.sorted() {
            guard let indices = byRequest[request] else { continue }
            onceRows[request] = model.constraints.count
            model.addConstraint(
                "once_\(context.requests[request].id)", indices.map { LinearTerm(VariableIndex($0), 1) },
                .lessOrEqual(1))
        }
        let byVolunteer = Dictionary(grouping: candidates.indices) { candidates[$0].volunteer }
        var loadCosts: [(VariableIndex, Double)] = []
        var loadRows: [Int: Int] = [:]
        var loadSteps: [Int: Int] = [:]
        var loadVolunteer: [Int: Int] = [:]
        for volunteer in byVolunteer.keys.sorted() {
            guard let indices = byVolunteer[volunteer] else { continue }
            let person = context.volunteers[volunteer]
            Self.addConflicts(indices, candidates: candidates, context: context, into: &model)
            Self.addCaps(indices, candidates: candidates, person: person, ledger: ledger, into: &model)
            // Third tier: the k-th job of the week costs first + (k − 1) · increase; with costs rising, the LP
            // fills the cheaper steps first, so Σ steps = jobs prices the count exactly.
            let account = ledger.accounts[person.id] ?? DispatchLedger.Account()
            let requests = Set(indices.map { candidates[$0].request }).count
            let steps = Self.loadStepCount(requests: requests, account: account, rules: rules)
            var balance = indices.map { LinearTerm(VariableIndex($0), -1) }
            for step in 0..<steps {
                let rank = account.jobsInWeek + step
                let variable = model.addVariable("load_\(person.id)_\(rank + 1)", lower: 0, upper: 1)
                loadCosts.append((variable, Self.loadCost(rank: rank, rules: rules)))
                loadVolunteer[variable.rawValue] = volunteer
                balance.append(LinearTerm(variable, 1))
            }
            loadRows[volunteer] = model.constraints.count
            loadSteps[volunteer] = steps
            model.addConstraint("load_\(person.id)", balance, .equal(0))
        }
        self.loadCosts = loadCosts
        self.onceRows = onceRows
        self.loadRows = loadRows
        self.loadSteps = loadSteps
        self.loadVolunteer = loadVolunteer
        self.model = model
    }

    /// Load steps of a volunteer who could take `requests` more jobs: one per job the week still allows.
    static func loadStepCount(requests: Int, account: DispatchLedger.Account, rules: DispatchRules) -> Int {
        max(0, min(requests, rules.jobsPerWeek - account.jobsInWeek))
    }

    /// The cost of a volunteer's job of the week at `rank` (0 for the first).
    static func loadCost(rank: Int, rules: DispatchRules) -> Double {
        rules.firstJobCost + Double(rank) * rules.costIncreasePerJob
    }

    /// The same model with every candidate outside `kept` (positions) fixed at 0.
    func restricted(to kept: Set<Int>) -> DispatchPartModel {
        var copy = self
        for index in candidates.indices where !kept.contains(index) {
            copy.model.variables[index].upperBound = 0
        }
        return copy
    }

    /// Sets the first tier's objective: maximise the priority dispatched.
    mutating func setPriorityObjective() {
        model.sense = .maximize
        for index in model.variables.indices {
            model.variables[index].objective = index < priorities.count ? priorities[index] : 0
        }
    }

    /// Sets the second tier's objective: minimise whole decimetres walked plus the load cost times `loadScale`.
    mutating func setWalkingObjective(loadScale: Double) {
        model.sense = .minimize
        for index in candidates.indices { model.variables[index].objective = Self.decimetres(candidates[index].metres) }
        for (variable, cost) in loadCosts { model.variables[variable.rawValue].objective = cost * loadScale }
    }

    /// Holds the priority at `value` or more (less a relative 10⁻⁶, so that GLPK's tolerances cannot cut the optimum).
    mutating func holdPriority(_ value: Double) {
        let terms = priorities.enumerated().filter { $0.element != 0 }.map {
            LinearTerm(VariableIndex($0.offset), $0.element)
        }
        holdRow = model.constraints.count
        model.addConstraint("hold_priority", terms, .greaterOrEqual(Self.heldPriority(value)))
    }

    /// The value the hold row asks for.
    static func heldPriority(_ value: Double) -> Double { value - 1e-6 * max(1, abs(value)) }

    /// The walking cost of a candidate: whole decimetres.
    static func decimetres(_ metres: Double) -> Double { (metres * 10).rounded() }

    /// Clique rows per start point of the buffer-stretched jobs, and pair rows where the walk adds to the buffer.
    private static func addConflicts(
        _ indices: [Int], candidates: [DispatchCandidate], context: DispatchContext, into model: inout LinearModel
    ) {
        let buffer = context.rules.minimumBufferMinutes
        let sorted = indices.sorted { (candidates[$0].start, $0) < (candidates[$1].start, $1) }
        var previous: [Int] = []
        let points = Set(sorted.map { candidates[$0].start }).sorted()
        var low = 0
        for point in points {
            while low < sorted.count, candidates[sorted[low]].end + buffer <= point, low < sorted.count {
                low += 1
            }
            var clique: [Int] = []
            for position in low..<sorted.count {
                let candidate = candidates[sorted[position]]
                if candidate.start > point { break }
                if candidate.end + buffer > point { clique.append(sorted[position]) }
            }
            let distinctRequests = Set(clique.map { candidates[$0].request }).count
            if distinctRequests > 1, clique != previous, !Set(clique).isSubset(of: Set(previous)) {
                let id = context.volunteers[candidates[clique[0]].volunteer].id
                model.addConstraint(
                    "clash_\(id)_\(point)", clique.map { LinearTerm(VariableIndex($0), 1) }, .lessOrEqual(1))
                previous = clique
            }
        }
        let longestWalk = maximumTravel(context)
        guard longestWalk > buffer else { return }
        for (first, a) in sorted.enumerated() {
            let one = candidates[a]
            for b in sorted[(first + 1)...] {
                let other = candidates[b]
                // Later candidates start later still: no walk reaches them.
                if one.end + longestWalk <= other.start { break }
                guard one.request != other.request, one.end + buffer <= other.start else { continue }
                let travel = context.rules.travelMinutes(
                    context.requests[one.request].position, context.requests[other.request].position)
                if one.end + travel > other.start {
                    let id = context.volunteers[one.volunteer].id
                    model.addConstraint(
                        "walk_\(id)_\(a)_\(b)", [LinearTerm(VariableIndex(a), 1), LinearTerm(VariableIndex(b), 1)],
                        .lessOrEqual(1))
                }
            }
        }
    }

    /// The longest walk two requests of one volunteer can need: both lie within the distance limit of home.
    private static func maximumTravel(_ context: DispatchContext) -> Int {
        let rules = context.rules
        let walk = (2 * rules.maxDistanceMetres / rules.walkingMetresPerMinute).rounded(.up)
        return max(rules.minimumBufferMinutes, Int(min(walk, Double(DispatchLimits.largestMinute))))
    }

    /// Knapsack rows for jobs and minutes per day and per week, where the candidates could exceed what is left.
    private static func addCaps(
        _ indices: [Int], candidates: [DispatchCandidate], person: DispatchVolunteer, ledger: DispatchLedger,
        into model: inout LinearModel
    ) {
        let rules = ledger.rules
        let account = ledger.accounts[person.id] ?? DispatchLedger.Account()
        func add(_ name: String, _ members: [Int], jobsLeft: Int, minutesLeft: Int) {
            let requests = Set(members.map { candidates[$0].request }).count
            if requests > jobsLeft {
                model.addConstraint(
                    "jobs_\(name)", members.map { LinearTerm(VariableIndex($0), 1) }, .lessOrEqual(Double(jobsLeft)))
            }
            let minutes = members.map { candidates[$0].end - candidates[$0].start }
            let mostByRequest = Dictionary(
                zip(members.map { candidates[$0].request }, minutes), uniquingKeysWith: max)
            if mostByRequest.values.reduce(0, +) > minutesLeft {
                model.addConstraint(
                    "minutes_\(name)",
                    zip(members, minutes).map { LinearTerm(VariableIndex($0), Double($1)) },
                    .lessOrEqual(Double(minutesLeft)))
            }
        }
        let byDay = Dictionary(grouping: indices) { DispatchLedger.day(of: candidates[$0].start) }
        for day in byDay.keys.sorted() {
            guard let members = byDay[day] else { continue }
            add(
                "\(person.id)_day\(day)", members, jobsLeft: rules.jobsPerDay - account.jobsByDay[day, default: 0],
                minutesLeft: rules.minutesPerDay - account.minutesByDay[day, default: 0])
        }
        add(
            "\(person.id)_week", indices, jobsLeft: rules.jobsPerWeek - account.jobsInWeek,
            minutesLeft: rules.minutesPerWeek - account.minutesInWeek)
    }
}
