import LinearSolver

/// One part's exact search over every volunteer able to take each request, with a model that holds only a few.
///
/// A street's part has a hundred requests each within reach of hundreds of volunteers, at several starts: a model of
/// every (request, volunteer, start) is too large to solve in the time a week allows. The search starts from each
/// request's nearest volunteers and proves, tier by tier, that those left out cannot do better (price and branch
/// with reduced-cost fixing):
/// 1. The model's rows are the whole part's (clique rows per volunteer and start point, caps, a load step for each
///    job the week allows), restricted to the columns it holds: each is a valid inequality of the whole part.
/// 2. The LP relaxation gives row duals π. Relaxing every row but "each request at most once" with π gives a
///    Lagrangian bound on the whole part: L(π) = Σ π·b + Σ per request min(0, the least adjusted cost of its
///    columns, kept or left out) + the load steps' share. A left-out pair is priced by the rows it would join at its
///    best start (its request's, the held priority, its volunteer's cliques, caps and load row).
/// 3. Pairs whose LP reduced cost (adjusted cost less the "at most once" dual) is negative join and the LP is solved
///    again until none is left (column generation); L then equals the LP over every pair.
/// 4. Incumbents come from the branch-and-cut of the LP's support, then of the whole model, value z. Forcing a
///    left-out pair into a solution raises L by its increment (its adjusted cost less its request's least), so every
///    pair whose increment is below z − L joins (smallest first, at most as many as the model holds) and the model
///    is solved once more; the tier's bound is min(GLPK's bound, L + the least increment still left out).
///
/// Shortcuts with the same proof: a first tier dispatching every request that has a volunteer is optimal, and a
/// second tier that gives every request its nearest volunteer's whole decimetres walks the least possible (the
/// model holds every pair as near as its kept ones, to the decimetre).
struct DispatchPartSearch {
    /// A volunteer able to take a request given earlier parts.
    struct Pair {
        let volunteer: Int
        let metres: Double
        let starts: [Int]
    }

    /// The part's requests (positions in the context), ascending.
    let requests: [Int]
    /// Each request's pairs, nearest first (ties by volunteer position).
    let pairs: [Int: [Pair]]
    let context: DispatchContext
    let ledger: DispatchLedger
    let secondsPerTier: Double?
    let nodesPerSolve: Int?
    /// Which pairs are in the model.
    private var included: [Int: [Bool]]
    /// The whole part's load cost scaled below half a decimetre (fixed across rebuilds, so bounds compare).
    let loadScale: Double
    /// Load steps the whole part gives each volunteer.
    private let fullLoadSteps: [Int: Int]
    /// Every candidate of the whole part, by volunteer: the model's rows are theirs.
    private let universe: [Int: [DispatchCandidate]]

    /// Rounds of column generation at most; past them the bound is still valid, only weaker.
    static let generationRounds = 40
    /// Slack under which two objective values are taken as equal (GLPK's own tolerances are 10⁻⁷ relative).
    static let tolerance = 1e-6

    /// - Parameter kept: the nearest pairs per request the model starts with (all pairs as near, to the decimetre,
    ///   as the last of them come too).
    init(
        requests: [Int], pairs: [Int: [Pair]], kept: Int, context: DispatchContext, ledger: DispatchLedger,
        secondsPerTier: Double?, nodesPerSolve: Int? = nil
    ) {
        self.nodesPerSolve = nodesPerSolve
        self.requests = requests
        self.pairs = pairs
        self.context = context
        self.ledger = ledger
        self.secondsPerTier = secondsPerTier
        var included: [Int: [Bool]] = [:]
        var requestsByVolunteer: [Int: Int] = [:]
        var universe: [Int: [DispatchCandidate]] = [:]
        for request in requests {
            let list = pairs[request] ?? []
            var flags = [Bool](repeating: false, count: list.count)
            let lastKept = list.indices.contains(kept - 1) ? DispatchPartModel.decimetres(list[kept - 1].metres) : nil
            for (index, pair) in list.enumerated() {
                requestsByVolunteer[pair.volunteer, default: 0] += 1
                universe[pair.volunteer, default: []].append(contentsOf: Self.jobs(request, pair, context: context))
                if index < kept || DispatchPartModel.decimetres(pair.metres) == lastKept { flags[index] = true }
            }
            included[request] = flags
        }
        self.included = included
        self.universe = universe
        var steps: [Int: Int] = [:]
        var totalLoadCost = 0.0
        for (volunteer, count) in requestsByVolunteer {
            let account = ledger.accounts[context.volunteers[volunteer].id] ?? DispatchLedger.Account()
            let stepCount = DispatchPartModel.loadStepCount(requests: count, account: account, rules: context.rules)
            steps[volunteer] = stepCount
            for step in 0..<stepCount {
                totalLoadCost += DispatchPartModel.loadCost(rank: account.jobsInWeek + step, rules: context.rules)
            }
        }
        fullLoadSteps = steps
        loadScale = DispatchPartSearch.decimetreFraction / (totalLoadCost + 1)
    }

    /// What the search found.
    struct Outcome {
        var chosen: [DispatchCandidate]
        var tiers: [DispatchTierOutcome]
        /// Candidates and rows of the last model solved.
        var candidates: Int
        var constraints: Int
    }

    /// The model's candidates: requests ascending, their included pairs nearest first, starts ascending.
    func candidates() -> [DispatchCandidate] {
        var list: [DispatchCandidate] = []
        for request in requests {
            for (index, pair) in (pairs[request] ?? []).enumerated() where included[request]?[index] == true {
                list.append(contentsOf: Self.jobs(request, pair, context: context))
            }
        }
        return list
    }

    /// A pair's candidates, one per open start.
    private static func jobs(_ request: Int, _ pair: Pair, context: DispatchContext) -> [DispatchCandidate] {
        let minutes = context.requests[request].minutes
        return pair.starts.map {
            DispatchCandidate(
                request: request, volunteer: pair.volunteer, start: $0, end: $0 + minutes, metres: pair.metres)
        }
    }

    func build() -> DispatchPartModel {
        DispatchPartModel(
            candidates: candidates(), universe: universe, wholeSteps: fullLoadSteps, context: context, ledger: ledger)
    }

    /// Solves the tiers: priority, then walking and load together (see ``DispatchPartModel``).
    mutating func solve() throws(MatchingError) -> Outcome {
        var part = build()
        part.setPriorityObjective()
        let first = try provePriority(&part)
        let held = first.objective
        // The walking tier starts from the first tier's model: its solution satisfies the hold.
        part.holdPriority(held)
        part.setWalkingObjective(loadScale: loadScale)
        let (solution, tiers) = try proveWalking(&part, start: first.values, priority: held)
        return Outcome(
            chosen: part.candidates.indices.filter { solution[$0] > 0.5 }.map { part.candidates[$0] },
            tiers: [first.outcome] + tiers, candidates: part.candidates.count,
            constraints: part.model.constraints.count)
    }

    // MARK: - Tiers

    /// What one tier needs from the search: its objective and rows on a rebuilt model, its branch-and-cut (from a
    /// feasible start, which it may use or not), and when a bound (in the minimising form) proves an incumbent.
    private struct Tier {
        var configure: (inout DispatchPartModel) -> Void
        var solve: (_ part: DispatchPartModel, _ start: [Double], _ fromStart: Bool) throws(MatchingError) -> SolveResult
        var proves: (_ bound: Double, _ part: DispatchPartModel, _ values: [Double]) -> Bool
        /// Whether a bound proves the incumbent's whole objective (the load too, for the walking tier); until it
        /// does, a bound that `proves` the tier's main measure ends column generation and the model is solved.
        var settles: (_ bound: Double, _ part: DispatchPartModel, _ values: [Double]) -> Bool
    }

    /// Proves a tier over the whole part: column generation on the LP relaxation until its Lagrangian bound proves
    /// the incumbent or no left-out pair prices out; incumbents from the branch-and-cut of the LP's support (the
    /// LP is nearly integral here, and a held objective row makes GLPK's own dives slow to find one); then
    /// reduced-cost fixing and, only when still unproven, the branch-and-cut of the model from the incumbent.
    /// Returns the last branch-and-cut result, the incumbent, and a bound on the whole part (minimising form).
    private mutating func prove(
        _ part: inout DispatchPartModel, start: [Double], tier: Tier, shortcut: (DispatchPartModel, [Double]) -> Double?
    ) throws(MatchingError) -> (result: SolveResult, values: [Double], bound: Double, seconds: Double) {
        let sign: Double = part.model.sense == .minimize ? 1 : -1
        var values = start
        var seconds = 0.0
        var result = SolveResult(
            status: .feasible, objective: nil, bound: nil, gap: nil, values: [], seconds: 0, nodes: 0)
        func cost(_ values: [Double]) -> Double { sign * part.model.objectiveValue(at: values) }
        var priced: Pricing
        var round = 0
        var known = -Double.infinity
        while true {
            priced = try relaxAndPrice(part)
            seconds += priced.seconds
            round += 1
            let improving = priced.leftOut.filter { $0.reducedCost < -Self.tolerance }
            let converged = improving.isEmpty || round >= Self.generationRounds
            if round == 1 || converged {
                let support = Set(part.candidates.indices.filter { priced.relaxation[$0] > 1e-9 || values[$0] > 0.5 })
                let restricted = try tier.solve(part.restricted(to: support), values, false)
                seconds += restricted.seconds
                if restricted.hasSolution, cost(restricted.values) < cost(values) - Self.tolerance {
                    values = restricted.values
                    result = restricted
                }
                known = max(known, shortcut(part, values) ?? -.infinity)
            }
            let bound = max(known, priced.bound)
            if tier.settles(bound, part, values) { return (result, values, bound, seconds) }
            if converged || tier.proves(bound, part, values) { break }
            var best: [Int: LeftOutPair] = [:]
            for entry in improving where entry.reducedCost < best[entry.request]?.reducedCost ?? .infinity {
                best[entry.request] = entry
            }
            for (request, entry) in best { included[request]?[entry.pair] = true }
            rebuild(&part, values: &values, configure: tier.configure)
        }
        // The model as it stands first: its optimum is often the whole part's, and a better incumbent fixes fewer.
        let held = try tier.solve(part, values, true)
        seconds += held.seconds
        if held.hasSolution, cost(held.values) < cost(values) - Self.tolerance {
            values = held.values
            result = held
        }
        let heldBound = held.status == .optimal ? cost(values) : (held.bound.map { sign * $0 } ?? -.infinity)
        let leastLeftOut = priced.leftOut.map(\.increment).min() ?? .infinity
        let partBound = max(known, priced.bound, min(heldBound, priced.bound + leastLeftOut))
        if leastLeftOut >= cost(values) - priced.bound - Self.tolerance || tier.settles(partBound, part, values) {
            return (result, values, partBound, seconds)
        }
        // Reduced-cost fixing: a solution using a pair left out costs at least L + its increment. The pairs join
        // smallest increment first, at most as many as the model holds, so that the last solve stays the size of a
        // few models; the pairs still left out bound what is missed.
        let threshold = cost(values) - priced.bound - Self.tolerance
        let candidatesHeld = included.values.reduce(0) { $0 + $1.filter { $0 }.count }
        let joining = priced.leftOut.filter { $0.increment < threshold }
            .sorted { ($0.increment, $0.request, $0.pair) < ($1.increment, $1.request, $1.pair) }
            .prefix(max(candidatesHeld, Self.leastFixing))
        for entry in joining { included[entry.request]?[entry.pair] = true }
        var least = Double.infinity
        for entry in priced.leftOut where included[entry.request]?[entry.pair] != true {
            least = min(least, entry.increment)
        }
        let added = !joining.isEmpty
        if added { rebuild(&part, values: &values, configure: tier.configure) }
        result = try tier.solve(part, values, true)
        seconds += result.seconds
        values = Self.solution(result, part, else: values)
        let treeBound = result.status == .optimal ? cost(values) : (result.bound.map { sign * $0 } ?? -.infinity)
        return (result, values, max(known, priced.bound, min(treeBound, priced.bound + least)), seconds)
    }

    private mutating func provePriority(_ part: inout DispatchPartModel) throws(MatchingError)
        -> (objective: Double, values: [Double], outcome: DispatchTierOutcome)
    {
        let attainable = requests.filter { !(pairs[$0] ?? []).isEmpty }.map { context.requests[$0].priority }
            .reduce(0, +)
        let timeLimit = secondsPerTier
        let nodeLimit = nodesPerSolve
        let provesPriority: (Double, DispatchPartModel, [Double]) -> Bool = { bound, part, values in
            let objective = part.model.objectiveValue(at: values)
            return -bound <= objective + Self.tolerance * max(1, objective)
        }
        let tier = Tier(
            configure: { $0.setPriorityObjective() },
            solve: { part, start, fromStart throws(MatchingError) in
                try Self.mip(
                    part.model,
                    options: SolveOptions(
                        timeLimit: timeLimit, presolve: !fromStart, nodeLimit: nodeLimit,
                        startSolution: fromStart ? start : nil))
            },
            proves: provesPriority, settles: provesPriority)
        let zero = [Double](repeating: 0, count: part.model.variables.count)
        let found = try prove(&part, start: zero, tier: tier) { part, values in
            // Every request that has a volunteer dispatched: nothing more is possible.
            part.model.objectiveValue(at: values) >= attainable - Self.tolerance * max(1, attainable) ? -attainable : nil
        }
        let objective = part.model.objectiveValue(at: found.values)
        let bound = min(attainable, -found.bound)
        let proven = bound <= objective + Self.tolerance * max(1, objective)
        let outcome = DispatchTierOutcome(
            tier: .priority, status: proven ? .optimal : Self.status(found.result), objective: objective,
            bound: proven ? objective : bound,
            gap: proven ? 0 : SolveResult.relativeGap(objective: objective, bound: bound), seconds: found.seconds)
        return (objective, found.values, outcome)
    }

    private mutating func proveWalking(_ part: inout DispatchPartModel, start: [Double], priority: Double)
        throws(MatchingError) -> (values: [Double], tiers: [DispatchTierOutcome])
    {
        let loadScale = self.loadScale
        let search = self
        let tier = Tier(
            configure: { model in
                model.holdPriority(priority)
                model.setWalkingObjective(loadScale: loadScale)
            },
            solve: { part, start, fromStart throws(MatchingError) in
                try search.walkingMIP(part, start: start, fromStart: fromStart)
            },
            // The walk is proven when no whole decimetre less is possible.
            proves: { bound, part, values in bound > Self.decimetres(part, values) - 0.5 },
            settles: { bound, part, values in bound >= part.model.objectiveValue(at: values) - Self.tolerance })
        let nearest = requests.compactMap { pairs[$0]?.first }.map { DispatchPartModel.decimetres($0.metres) }
            .reduce(0, +)
        let requests = self.requests
        let servable = Set(requests.filter { !(pairs[$0] ?? []).isEmpty })
        let found = try prove(&part, start: start, tier: tier) { part, values in
            // Every request at its nearest volunteer's decimetres: no walk is shorter.
            let chosen = Set(part.candidates.indices.filter { values[$0] > 0.5 }.map { part.candidates[$0].request })
            return servable.isSubset(of: chosen) && Self.decimetres(part, values) <= nearest + Self.tolerance ? nearest : nil
        }
        let values = found.values
        let result = found.result
        let candidates = part.candidates
        let walking = candidates.indices.reduce(0.0) { $0 + candidates[$1].metres * values[$1] }
        let decimetres = Self.decimetres(part, values)
        let load = part.loadCosts.reduce(0.0) { $0 + $1.1 * values[$1.0.rawValue] }
        let combined = part.model.objectiveValue(at: values)
        let bound = min(found.bound, combined)
        // Walking is proven when no whole decimetre less is possible; the load within what is left.
        let walkingProven = bound > decimetres - 0.5
        let loadProven = bound >= combined - Self.tolerance
        let loadBound = loadProven ? load : max(0, (bound - decimetres) / loadScale)
        let status = Self.status(result)
        let tiers = [
            DispatchTierOutcome(
                tier: .walking, status: walkingProven ? .optimal : status, objective: walking,
                bound: walkingProven ? walking : max(0, bound / 10),
                gap: walkingProven ? 0 : SolveResult.relativeGap(objective: decimetres, bound: bound),
                seconds: found.seconds),
            DispatchTierOutcome(
                tier: .load, status: loadProven ? .optimal : status, objective: load, bound: min(load, loadBound),
                gap: load > 0 ? (load - min(load, loadBound)) / load : 0, seconds: 0),
        ]
        return (values, tiers)
    }

    /// Whole decimetres walked by `values`.
    private static func decimetres(_ part: DispatchPartModel, _ values: [Double]) -> Double {
        part.candidates.indices.reduce(0.0) { $0 + DispatchPartModel.decimetres(part.candidates[$1].metres) * values[$1] }
    }

    /// The solution of `result`, or `fallback` (a feasible point of the same model) when the clock left none.
    private static func solution(_ result: SolveResult, _ part: DispatchPartModel, else fallback: [Double]? = nil)
        -> [Double]
    {
        if result.hasSolution { return result.values }
        return fallback ?? [Double](repeating: 0, count: part.model.variables.count)
    }

    /// A tier's status when its proof did not close: what GLPK said, a solution being always at hand.
    private static func status(_ result: SolveResult) -> SolveStatus {
        result.status == .optimal || result.status == .noSolution ? .feasible : result.status
    }

    /// The second tier's branch-and-cut: GLPK's MIP presolver on (no start), stopping once the walk is proven;
    /// should the presolver stop on an internal error, the solve is repeated from `start` without it.
    private func walkingMIP(_ part: DispatchPartModel, start: [Double], fromStart: Bool) throws(MatchingError)
        -> SolveResult
    {
        var options = SolveOptions(timeLimit: secondsPerTier, feasibilityPump: !fromStart, nodeLimit: nodesPerSolve)
        if fromStart {
            options.startSolution = start
            options.presolve = false
        }
        do throws(LinearSolverError) {
            return try GLPKSolver().solve(part.model, options: options)
        } catch {
            guard case .solverFailure(code: -1, _) = error else { throw .solver(error) }
        }
        options.startSolution = start
        options.presolve = false
        return try Self.mip(part.model, options: options)
    }

    // MARK: - Pricing

    /// A Lagrangian bound (in the minimising form) and the left-out pairs' reduced costs.
    struct Pricing {
        var bound: Double
        var leftOut: [LeftOutPair]
        var seconds: Double
        /// The LP relaxation's values (empty from ``price(_:duals:)``).
        var relaxation: [Double] = []
    }

    /// A pair the model does not hold, priced by the LP's duals (minimising form).
    struct LeftOutPair {
        var request: Int
        /// Position in the request's pairs.
        var pair: Int
        /// Its reduced cost in the LP over every pair: below zero, adding it may improve the LP.
        var reducedCost: Double
        /// How much the Lagrangian bound rises when the pair is forced into the solution (≥ 0).
        var increment: Double
    }

    /// The LP relaxation's duals priced: the Lagrangian bound on the whole part and each left-out pair's reduced
    /// cost (with zero multipliers, still valid, when the LP gave no duals).
    private func relaxAndPrice(_ part: DispatchPartModel) throws(MatchingError) -> Pricing {
        let relaxation: SolveResult
        do throws(LinearSolverError) {
            relaxation = try GLPKSolver().solveRelaxation(
                part.model, options: SolveOptions(timeLimit: secondsPerTier, primalSimplex: true))
        } catch {
            throw .solver(error)
        }
        let duals =
            relaxation.status == .optimal && relaxation.rowDuals.count == part.model.constraints.count
            ? relaxation.rowDuals : [Double](repeating: 0, count: part.model.constraints.count)
        var priced = price(part, duals: duals)
        priced.seconds = relaxation.seconds
        priced.relaxation =
            relaxation.values.count == part.model.variables.count
            ? relaxation.values : [Double](repeating: 0, count: part.model.variables.count)
        return priced
    }

    /// Rebuilds the model over the included pairs, carrying `values` across.
    private func rebuild(
        _ part: inout DispatchPartModel, values: inout [Double], configure: (inout DispatchPartModel) -> Void
    ) {
        var rebuilt = build()
        configure(&rebuilt)
        values = Self.carry(values, from: part, to: rebuilt)
        part = rebuilt
    }

    /// The Lagrangian bound of the whole part from `duals` of the model's rows, and each left-out pair's reduced
    /// cost, in the minimising form.
    func price(_ part: DispatchPartModel, duals: [Double]) -> Pricing {
        let model = part.model
        let sign: Double = model.sense == .minimize ? 1 : -1
        var adjusted = model.variables.map { sign * $0.objective }
        var multipliers = [Double](repeating: 0, count: model.constraints.count)
        var constant = 0.0
        let onceRows = Set(part.onceRows.values)
        for (row, constraint) in model.constraints.enumerated() where !onceRows.contains(row) {
            var multiplier = sign * duals[row]
            // A multiplier of the wrong sign for the row's finite bound would not bound; zero always does.
            if multiplier > 0, !constraint.bounds.lower.isFinite { multiplier = 0 }
            if multiplier < 0, !constraint.bounds.upper.isFinite { multiplier = 0 }
            guard multiplier != 0, multiplier.isFinite else { continue }
            multipliers[row] = multiplier
            constant += multiplier * (multiplier > 0 ? constraint.bounds.lower : constraint.bounds.upper)
            for term in constraint.terms { adjusted[term.variable.rawValue] -= multiplier * term.coefficient }
        }
        for index in part.candidates.count..<model.variables.count {
            let variable = model.variables[index]
            constant += min(adjusted[index] * variable.lowerBound, adjusted[index] * variable.upperBound)
        }
        var least: [Int: Double] = [:]
        for (index, candidate) in part.candidates.enumerated() {
            least[candidate.request] = min(least[candidate.request] ?? 0, adjusted[index])
        }
        let isWalking = part.holdRow != nil
        let held = part.holdRow.map { multipliers[$0] } ?? 0
        var leftOut: [LeftOutPair] = []
        let buffer = context.rules.minimumBufferMinutes
        for request in requests {
            let priority = context.requests[request].priority
            let minutes = context.requests[request].minutes
            for (index, pair) in (pairs[request] ?? []).enumerated() where included[request]?[index] != true {
                let cost = isWalking ? DispatchPartModel.decimetres(pair.metres) : -priority
                var reducedCost = cost - held * priority
                // The volunteer's load row holds the job with −1.
                if let row = part.loadRows[pair.volunteer] { reducedCost += multipliers[row] }
                // The rows of the whole part the job would join at its best start: clique rows of the points it
                // covers, caps with its minutes.
                if let caps = part.capRows[pair.volunteer] {
                    let cliques = part.cliqueRows[pair.volunteer] ?? []
                    var best = Double.infinity
                    for start in pair.starts {
                        var priced = 0.0
                        for (point, row) in cliques where point >= start && point < start + minutes + buffer {
                            priced -= multipliers[row]
                        }
                        let day = DispatchLedger.day(of: start)
                        if let row = caps.dayJobs[day] { priced -= multipliers[row] }
                        if let row = caps.dayMinutes[day] { priced -= multipliers[row] * Double(minutes) }
                        if let row = caps.weekJobs { priced -= multipliers[row] }
                        if let row = caps.weekMinutes { priced -= multipliers[row] * Double(minutes) }
                        best = min(best, priced)
                    }
                    if best.isFinite { reducedCost += best }
                }
                leftOut.append(LeftOutPair(request: request, pair: index, reducedCost: reducedCost, increment: 0))
                least[request] = min(least[request] ?? 0, reducedCost)
            }
        }
        // The LP's reduced cost adds the "at most once" row's multiplier; the bound's increment, the request's share.
        for index in leftOut.indices {
            let request = leftOut[index].request
            let adjusted = leftOut[index].reducedCost
            let once = part.onceRows[request].map { min(0, sign * duals[$0]) } ?? 0
            leftOut[index].reducedCost = adjusted - once
            leftOut[index].increment = max(0, adjusted - (least[request] ?? 0))
        }
        let bound = constant + least.values.reduce(0, +)
        return Pricing(bound: bound, leftOut: leftOut, seconds: 0)
    }

    // MARK: - Helpers

    /// Pairs reduced-cost fixing may always add, however small the model.
    static let leastFixing = 200

    /// A solution of `earlier` carried to the rebuilt `part`: the same jobs chosen, each volunteer's first load
    /// steps filled (one per job), which keeps every row since `part` holds every candidate `earlier` did.
    static func carry(_ values: [Double], from earlier: DispatchPartModel, to part: DispatchPartModel) -> [Double] {
        var carried = [Double](repeating: 0, count: part.model.variables.count)
        struct Key: Hashable {
            var request: Int
            var volunteer: Int
            var start: Int
        }
        var position: [Key: Int] = [:]
        for (index, candidate) in part.candidates.enumerated() {
            position[Key(request: candidate.request, volunteer: candidate.volunteer, start: candidate.start)] = index
        }
        var jobs: [Int: Int] = [:]
        for (index, candidate) in earlier.candidates.enumerated() where values.indices.contains(index) && values[index] > 0.5 {
            guard let target = position[Key(request: candidate.request, volunteer: candidate.volunteer, start: candidate.start)]
            else { continue }
            carried[target] = 1
            jobs[candidate.volunteer, default: 0] += 1
        }
        var next: [Int: Int] = [:]
        for (variable, _) in part.loadCosts {
            guard let volunteer = part.loadVolunteer[variable.rawValue] else { continue }
            let filled = next[volunteer, default: 0]
            if filled < jobs[volunteer, default: 0] {
                carried[variable.rawValue] = 1
                next[volunteer] = filled + 1
            }
        }
        return carried
    }

    static func mip(_ model: LinearModel, options: SolveOptions) throws(MatchingError) -> SolveResult {
        do throws(LinearSolverError) {
            return try GLPKSolver().solve(model, options: options)
        } catch {
            throw .solver(error)
        }
    }

    /// The share of a decimetre the whole load cost is scaled into.
    static let decimetreFraction = 0.5
}

