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
    private let priorities: [Double]
    /// The load variables, after the candidates, and their costs.
    private let loadCosts: [(VariableIndex, Double)]

    init(candidates: [DispatchCandidate], context: DispatchContext, ledger: DispatchLedger) {
        self.candidates = candidates
        var model = LinearModel(name: "dispatch", sense: .maximize)
        let rules = context.rules
        for candidate in candidates {
            let name = "x_\(context.requests[candidate.request].id)_\(context.volunteers[candidate.volunteer].id)"
            model.addVariable("\(name)_\(candidate.start)", kind: .binary)
        }
        priorities = candidates.map { context.requests[$0.request].priority }
        let byRequest = Dictionary(grouping: candidates.indices) { candidates[$0].request }
        for request in byRequest.keys.sorted() {
            guard let indices = byRequest[request], indices.count > 1 else { continue }
            model.addConstraint(
                "once_\(context.requests[request].id)", indices.map { LinearTerm(VariableIndex($0), 1) },
                .lessOrEqual(1))
        }
        let byVolunteer = Dictionary(grouping: candidates.indices) { candidates[$0].volunteer }
        var loadCosts: [(VariableIndex, Double)] = []
        for volunteer in byVolunteer.keys.sorted() {
            guard let indices = byVolunteer[volunteer] else { continue }
            let person = context.volunteers[volunteer]
            Self.addConflicts(indices, candidates: candidates, context: context, into: &model)
            Self.addCaps(indices, candidates: candidates, person: person, ledger: ledger, into: &model)
            // Third tier: the k-th job of the week costs first + (k − 1) · increase; with costs rising, the LP
            // fills the cheaper steps first, so Σ steps = jobs prices the count exactly.
            let account = ledger.accounts[person.id] ?? DispatchLedger.Account()
            let requests = Set(indices.map { candidates[$0].request }).count
            let steps = max(0, min(requests, rules.jobsPerWeek - account.jobsInWeek))
            var balance = indices.map { LinearTerm(VariableIndex($0), -1) }
            for step in 0..<steps {
                let rank = account.jobsInWeek + step
                let cost = rules.firstJobCost + Double(rank) * rules.costIncreasePerJob
                let variable = model.addVariable("load_\(person.id)_\(rank + 1)", lower: 0, upper: 1)
                loadCosts.append((variable, cost))
                balance.append(LinearTerm(variable, 1))
            }
            model.addConstraint("load_\(person.id)", balance, .equal(0))
        }
        self.loadCosts = loadCosts
        self.model = model
    }

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

    /// Solves the tiers and returns the chosen candidates with each tier's outcome.
    ///
    /// Priority is solved first and then held. Walking and load are solved as one MIP whose objective is exactly
    /// lexicographic: walking in whole decimetres (an integer) plus the load cost scaled so that all of it stays
    /// below half a decimetre, so no load saving can pay for a longer walk, and among equal walks the load decides.
    /// Holding a real-valued walking total in a separate load tier left GLPK unable to close the tree on parts of
    /// a dozen requests whose volunteers live in the same buildings (equal walks, many ties): 60 s without proof
    /// on the sample street, against milliseconds this way.
    mutating func solve(secondsPerTier: Double?) throws(MatchingError) -> (chosen: [Int], tiers: [DispatchTierOutcome])
    {
        let solver = GLPKSolver()
        var outcomes: [DispatchTierOutcome] = []
        var values: [Double]? = nil
        let totalLoadCost = loadCosts.map(\.1).reduce(0, +)
        let loadScale = Self.decimetreFraction / (totalLoadCost + 1)
        for stage in 0..<2 {
            var coefficients = [Double](repeating: 0, count: model.variables.count)
            if stage == 0 {
                model.sense = .maximize
                for (index, priority) in priorities.enumerated() { coefficients[index] = priority }
            } else {
                model.sense = .minimize
                for (index, candidate) in candidates.enumerated() {
                    coefficients[index] = (candidate.metres * 10).rounded()
                }
                for (variable, cost) in loadCosts { coefficients[variable.rawValue] = cost * loadScale }
            }
            for index in model.variables.indices { model.variables[index].objective = coefficients[index] }
            var options = SolveOptions(timeLimit: secondsPerTier, startSolution: values)
            if stage == 1, let start = values {
                // Stop once the walk is proven: within 0.49 dm of the bound, no whole decimetre can be saved. The
                // start's value is above the optimum, so the relative gap is tighter than needed, never looser.
                let startValue = model.objectiveValue(at: start)
                options.relativeGap = Self.walkingProof / max(1, startValue)
                // Without a start GLPK's MIP presolver runs, which closes in a second what took it a minute without
                // (it finds the caps' hidden packing rows); the start is the fallback should the presolver fail.
                options.startSolution = nil
            }
            var result: SolveResult
            do throws(LinearSolverError) {
                result = try solver.solve(model, options: options)
            } catch {
                guard case .solverFailure(code: -1, _) = error, options.startSolution == nil, values != nil else {
                    throw .solver(error)
                }
                options.startSolution = values
                do throws(LinearSolverError) {
                    result = try solver.solve(model, options: options)
                } catch {
                    throw .solver(error)
                }
            }
            // The all-zero point is feasible before the holding row, and the second solve starts from the first's
            // solution, so a solution is always at hand; fall back to it when the clock left none.
            let solution =
                result.hasSolution ? result.values : (values ?? [Double](repeating: 0, count: model.variables.count))
            values = solution
            if stage == 0 {
                let objective = result.objective ?? model.objectiveValue(at: solution)
                outcomes.append(
                    DispatchTierOutcome(
                        tier: .priority, status: result.status, objective: objective,
                        bound: result.bound ?? objective, gap: result.gap ?? 0, seconds: result.seconds))
                let terms = coefficients.enumerated().filter { $0.element != 0 }.map {
                    LinearTerm(VariableIndex($0.offset), $0.element)
                }
                let slack = 1e-6 * max(1, abs(objective))
                model.addConstraint("hold_priority", terms, .greaterOrEqual(objective - slack))
            } else {
                let walking = candidates.indices.reduce(0.0) { $0 + candidates[$1].metres * solution[$1] }
                let decimetres = candidates.indices.reduce(0.0) { $0 + coefficients[$1] * solution[$1] }
                let load = loadCosts.reduce(0.0) { $0 + $1.1 * solution[$1.0.rawValue] }
                let combined = result.objective ?? model.objectiveValue(at: solution)
                let bound = result.status == .optimal ? combined : (result.bound ?? -Double.infinity)
                // Walking is proven when no whole decimetre less is possible; the load within what is left.
                let walkingProven = result.hasSolution && bound > decimetres - 0.5
                let loadBound = result.status == .optimal ? load : max(0, (bound - decimetres) / loadScale)
                outcomes.append(
                    DispatchTierOutcome(
                        tier: .walking, status: walkingProven ? .optimal : result.status, objective: walking,
                        bound: walkingProven ? walking : max(0, bound / 10), gap: walkingProven ? 0 : result.gap ?? 0,
                        seconds: result.seconds))
                outcomes.append(
                    DispatchTierOutcome(
                        tier: .load, status: result.status, objective: load, bound: min(load, loadBound),
                        gap: load > 0 ? (load - min(load, loadBound)) / load : 0, seconds: 0))
            }
        }
        let chosen = candidates.indices.filter { (values?[$0] ?? 0) > 0.5 }
        return (chosen, outcomes)
    }

    /// Decimetres within which the combined solve proves the walk (below 1 − ``decimetreFraction``).
    static let walkingProof = 0.49

    /// The share of a decimetre the whole load cost is scaled into.
    static let decimetreFraction = 0.5
}
