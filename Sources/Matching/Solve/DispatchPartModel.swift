import GridModel
import LinearSolver

/// The MIP of one part: a binary per candidate, at most one per request, no two of a volunteer's jobs too close,
/// caps as knapsack rows, and the load-balancing cost; solved tier after tier. Given the whole part's candidates, its
/// clique and cap rows are the whole part's, over the candidates it holds (see ``DispatchPartSearch``).
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
    /// Each volunteer's clique rows and the start point each stands for, by volunteer position.
    let cliqueRows: [Int: [(point: Int, row: Int)]]
    /// Each volunteer's cap rows, by volunteer position.
    let capRows: [Int: CapRows]
    /// The row holding the priority at its optimum, once added.
    private(set) var holdRow: Int?

    /// A volunteer's knapsack rows: jobs and minutes per day (by day) and per week.
    struct CapRows {
        var dayJobs: [Int: Int] = [:]
        var dayMinutes: [Int: Int] = [:]
        var weekJobs: Int?
        var weekMinutes: Int?
    }

    /// - Parameter universe: every candidate of the whole part, by volunteer position (`candidates` among them);
    ///   rows are those of the whole part, restricted to `candidates`, so that a candidate left out has its rows
    ///   (and their duals) to be priced by. `nil`: the rows of `candidates` alone.
    /// - Parameter wholeSteps: load steps per volunteer for the whole part (else as many as `candidates` need), so
    ///   that no load step is left out of the model for pricing to miss.
    init(
        candidates: [DispatchCandidate], universe: [Int: [DispatchCandidate]]? = nil, wholeSteps: [Int: Int]? = nil,
        context: DispatchContext, ledger: DispatchLedger
    ) {
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
        var cliqueRows: [Int: [(point: Int, row: Int)]] = [:]
        var capRows: [Int: CapRows] = [:]
        for volunteer in byVolunteer.keys.sorted() {
            guard let indices = byVolunteer[volunteer] else { continue }
            let person = context.volunteers[volunteer]
            let whole = universe?[volunteer] ?? indices.map { candidates[$0] }
            cliqueRows[volunteer] = Self.addConflicts(
                indices, universe: whole, candidates: candidates, context: context, into: &model)
            capRows[volunteer] = Self.addCaps(
                indices, universe: whole, candidates: candidates, person: person, ledger: ledger, into: &model)
            // Third tier: the k-th job of the week costs first + (k − 1) · increase; with costs rising, the LP
            // fills the cheaper steps first, so Σ steps = jobs prices the count exactly.
            let account = ledger.accounts[person.id] ?? DispatchLedger.Account()
            let requests = Set(indices.map { candidates[$0].request }).count
            let steps = wholeSteps?[volunteer]
                ?? Self.loadStepCount(requests: requests, account: account, rules: rules)
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
        self.cliqueRows = cliqueRows
        self.capRows = capRows
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

    /// Clique rows per start point of the buffer-stretched jobs of the whole part (`universe`), over the candidates
    /// in the model; and pair rows where the walk adds to the buffer, between candidates in the model.
    private static func addConflicts(
        _ indices: [Int], universe: [DispatchCandidate], candidates: [DispatchCandidate], context: DispatchContext,
        into model: inout LinearModel
    ) -> [(point: Int, row: Int)] {
        let buffer = context.rules.minimumBufferMinutes
        let sorted = indices.sorted { (candidates[$0].start, $0) < (candidates[$1].start, $1) }
        let everyone = universe.sorted { ($0.start, $0.end, $0.request) < ($1.start, $1.end, $1.request) }
        var rows: [(point: Int, row: Int)] = []
        var previous: Set<Int> = []
        var low = 0
        for point in Set(everyone.map(\.start)).sorted() {
            while low < everyone.count, everyone[low].end + buffer <= point { low += 1 }
            var clique: [Int] = []
            for position in low..<everyone.count {
                if everyone[position].start > point { break }
                if everyone[position].end + buffer > point { clique.append(position) }
            }
            // A clique of one request is its "at most once" row; one inside the last row adds nothing.
            guard Set(clique.map { everyone[$0].request }).count > 1, !Set(clique).isSubset(of: previous) else {
                continue
            }
            previous = Set(clique)
            let members = sorted.filter { candidates[$0].start <= point && candidates[$0].end + buffer > point }
            guard !members.isEmpty else { continue }
            let id = context.volunteers[candidates[members[0]].volunteer].id
            rows.append((point, model.constraints.count))
            model.addConstraint(
                "clash_\(id)_\(point)", members.map { LinearTerm(VariableIndex($0), 1) }, .lessOrEqual(1))
        }
        let longestWalk = maximumTravel(context)
        guard longestWalk > buffer else { return rows }
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
        return rows
    }

    /// The longest walk two requests of one volunteer can need: both lie within the distance limit of home.
    private static func maximumTravel(_ context: DispatchContext) -> Int {
        let rules = context.rules
        let walk = (2 * rules.maxDistanceMetres / rules.walkingMetresPerMinute).rounded(.up)
        return max(rules.minimumBufferMinutes, Int(min(walk, Double(DispatchLimits.largestMinute))))
    }

    /// Knapsack rows for jobs and minutes per day and per week, where the whole part's candidates (`universe`) could
    /// exceed what is left, over the candidates in the model.
    private static func addCaps(
        _ indices: [Int], universe: [DispatchCandidate], candidates: [DispatchCandidate], person: DispatchVolunteer,
        ledger: DispatchLedger, into model: inout LinearModel
    ) -> CapRows {
        let rules = ledger.rules
        let account = ledger.accounts[person.id] ?? DispatchLedger.Account()
        var rows = CapRows()
        func add(_ name: String, _ members: [Int], _ whole: [DispatchCandidate], jobsLeft: Int, minutesLeft: Int)
            -> (jobs: Int?, minutes: Int?)
        {
            var added: (jobs: Int?, minutes: Int?) = (nil, nil)
            guard !members.isEmpty else { return added }
            if Set(whole.map(\.request)).count > jobsLeft {
                added.jobs = model.constraints.count
                model.addConstraint(
                    "jobs_\(name)", members.map { LinearTerm(VariableIndex($0), 1) }, .lessOrEqual(Double(jobsLeft)))
            }
            let mostByRequest = Dictionary(whole.map { ($0.request, $0.end - $0.start) }, uniquingKeysWith: max)
            if mostByRequest.values.reduce(0, +) > minutesLeft {
                added.minutes = model.constraints.count
                model.addConstraint(
                    "minutes_\(name)",
                    members.map { LinearTerm(VariableIndex($0), Double(candidates[$0].end - candidates[$0].start)) },
                    .lessOrEqual(Double(minutesLeft)))
            }
            return added
        }
        let byDay = Dictionary(grouping: indices) { DispatchLedger.day(of: candidates[$0].start) }
        let wholeByDay = Dictionary(grouping: universe) { DispatchLedger.day(of: $0.start) }
        for day in byDay.keys.sorted() {
            guard let members = byDay[day] else { continue }
            let added = add(
                "\(person.id)_day\(day)", members, wholeByDay[day] ?? [],
                jobsLeft: rules.jobsPerDay - account.jobsByDay[day, default: 0],
                minutesLeft: rules.minutesPerDay - account.minutesByDay[day, default: 0])
            rows.dayJobs[day] = added.jobs
            rows.dayMinutes[day] = added.minutes
        }
        let added = add(
            "\(person.id)_week", indices, universe, jobsLeft: rules.jobsPerWeek - account.jobsInWeek,
            minutesLeft: rules.minutesPerWeek - account.minutesInWeek)
        rows.weekJobs = added.jobs
        rows.weekMinutes = added.minutes
        return rows
    }
}
