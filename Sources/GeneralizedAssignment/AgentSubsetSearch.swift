import GridModel
import LinearSolver

/// Large-neighbourhood search with exact sub-solves (Mitrović-Minić and Punnen, 2009: very large-scale variable
/// neighbourhood search): all jobs of a few agents are freed and reassigned among those agents, the others staying
/// put; with at most four agents, sets of jobs are also freed and reassigned among all agents within the room the
/// fixed jobs leave. Each sub-GAP goes to GLPK's branch-and-cut with the current assignment as its start and without
/// the pairs that Lagrangian penalties rule out; small ones solve in milliseconds. Each agent in turn leads a subset
/// of agents that are cheap alternatives for its jobs (seeded draws); after idle rounds subsets grow, while
/// sub-solves that mostly hit their limit make them shrink.
struct AgentSubsetSearch {
    let data: AssignmentData
    /// The longest a single sub-solve may take, in seconds.
    var subSolveLimit = 0.5
    /// Rounds in a row without improvement after which the search gives up (the exact search takes over).
    var idleRoundLimit = 6
    /// A Lagrangian bound and, per agent-major pair, a lower bound on how much it rises when the pair is used (see
    /// ``LagrangianRelaxation/penalty``); a pair whose raised bound cannot beat the best cost is left out of the
    /// sub-solves. Empty: no pair is left out.
    var bound = -Double.infinity
    var penalty: [Double] = []
    private var random: SplitMix64

    init(data: AssignmentData, seed: UInt64) {
        self.data = data
        random = SplitMix64(seed: seed ^ 0xA5A5_5A5A_0F0F_F0F0)
    }

    /// Improves `best` (feasible) until `deadline`, until the best cost reaches `target`, after ``idleRoundLimit``
    /// rounds without improvement, or once a sub-solve over the whole problem proves `best` optimal; returns the
    /// number of sub-solves that improved it.
    @discardableResult
    mutating func improve(_ best: inout [Int], deadline: ContinuousClock.Instant, target: Double) -> Int {
        let agents = data.agents
        let jobs = data.jobs
        guard agents >= 2, data.isFeasible(best) else { return 0 }
        var bestCost = data.totalCost(best)
        // Two neighbourhoods, each with its own size: agents in a subset, and jobs freed among all agents (to start,
        // as many as two agents hold).
        var sizes = [2, min(jobs, max(8, 2 * jobs / agents))]
        let largest = [agents, jobs]
        // With many agents, agent subsets alone did better in the benchmark (job subsets cost time and rarely helped).
        let kinds = agents <= 4 ? 2 : 1
        var improvements = 0
        var idleRounds = 0
        while ContinuousClock.now < deadline, bestCost > target + 1e-9, idleRounds < idleRoundLimit {
            var improved = [false, false]
            var timedOut = [0, 0]
            var solves = [0, 0]
            var leaders = Array(0..<agents)
            leaders.shuffle(using: &random)
            for leader in leaders {
                for kind in 0..<kinds {
                    guard let remaining = Self.seconds(until: deadline), bestCost > target + 1e-9 else { break }
                    let subset: [Int]
                    let free: [Int]
                    if kind == 0 {
                        subset = relatedAgents(to: leader, count: sizes[0], in: best)
                        free = (0..<jobs).filter { subset.contains(best[$0]) }
                    } else {
                        // Up to half the freed jobs from the leader, the rest at random.
                        subset = Array(0..<agents)
                        var chosen = Set((0..<jobs).filter { best[$0] == leader }.prefix(sizes[1] / 2))
                        while chosen.count < sizes[1] { chosen.insert(random.below(jobs)) }
                        free = chosen.sorted()
                    }
                    let outcome = solve(
                        agents: subset, jobs: free, current: best, bestCost: bestCost,
                        timeLimit: min(subSolveLimit, remaining)
                    )
                    solves[kind] += 1
                    if outcome.timedOut { timedOut[kind] += 1 }
                    if let better = outcome.assignment, data.totalCost(better) < bestCost - 1e-9,
                        data.isFeasible(better)
                    {
                        best = better
                        bestCost = data.totalCost(better)
                        improvements += 1
                        improved[kind] = true
                    }
                    // A finished sub-solve over the whole problem is a proof.
                    if !outcome.timedOut, subset.count == agents, free.count == jobs { return improvements }
                }
            }
            idleRounds = improved.contains(true) ? 0 : idleRounds + 1
            // After every second idle round a neighbourhood grows while its sub-solves still finish (small subsets
            // are cheap and there are many of them); one whose sub-solves mostly hit the limit shrinks.
            for kind in 0..<kinds {
                if 2 * timedOut[kind] > solves[kind] {
                    sizes[kind] = max(2, kind == 0 ? sizes[kind] - 1 : sizes[kind] * 3 / 4)
                } else if !improved[kind], idleRounds % 2 == 0, 4 * timedOut[kind] <= solves[kind] {
                    sizes[kind] = min(largest[kind], sizes[kind] + (kind == 0 ? 1 : max(1, sizes[kind] / 4)))
                }
            }
        }
        return improvements
    }

    /// `leader` and `count − 1` other agents, drawn with weights favouring agents that are a cheap alternative
    /// for the leader's jobs, so that the sub-solve has exchanges worth making.
    private mutating func relatedAgents(to leader: Int, count: Int, in assignment: [Int]) -> [Int] {
        let jobs = data.jobs
        var weight = Array(repeating: 1.0, count: data.agents)
        weight[leader] = 0
        for job in 0..<jobs where assignment[job] == leader {
            // The two cheapest other agents for this job each get a vote.
            var first = -1
            var second = -1
            for agent in 0..<data.agents where agent != leader {
                let cost = data.cost[agent * jobs + job]
                if first < 0 || cost < data.cost[first * jobs + job] {
                    second = first
                    first = agent
                } else if second < 0 || cost < data.cost[second * jobs + job] {
                    second = agent
                }
            }
            if first >= 0 { weight[first] += 2 }
            if second >= 0 { weight[second] += 1 }
        }
        var chosen = [leader]
        while chosen.count < count {
            let total = weight.reduce(0, +)
            guard total > 0 else { break }
            var pick = Double(random.next() >> 11) / Double(1 << 53) * total
            var agent = 0
            while agent < data.agents - 1 && (weight[agent] == 0 || pick >= weight[agent]) {
                pick -= weight[agent]
                agent += 1
            }
            chosen.append(agent)
            weight[agent] = 0
        }
        return chosen.sorted()
    }

    /// The optimal (or, at the limit, best found) reassignment of `jobs` among `agents`, the other jobs fixed;
    /// `nil` when GLPK returned nothing usable.
    private func solve(agents subset: [Int], jobs free: [Int], current: [Int], bestCost: Double, timeLimit: Double)
        -> (assignment: [Int]?, timedOut: Bool)
    {
        guard !free.isEmpty else { return (nil, false) }
        var capacity = subset.map { data.capacity[$0] }
        let freeSet = Set(free)
        for job in 0..<data.jobs where !freeSet.contains(job) {
            if let position = subset.firstIndex(of: current[job]) {
                capacity[position] -= data.resource[current[job] * data.jobs + job]
            }
        }
        let cost = subset.map { agent in free.map { data.cost[agent * data.jobs + $0] } }
        let resource = subset.map { agent in free.map { data.resource[agent * data.jobs + $0] } }
        guard let problem = try? GeneralizedAssignmentProblem(
            name: "neighbourhood", cost: cost, resource: resource, capacity: capacity.map { max(0, $0) }
        ) else { return (nil, false) }
        guard let start = Optional(free.map { job in subset.firstIndex(of: current[job]) ?? -1 }),
            !start.contains(-1)
        else { return (nil, false) }
        var model = problem.linearModel(sense: .minimize)
        if penalty.count == data.agents * data.jobs {
            // Only strictly better assignments matter: with integer costs they cost at most bestCost − 1.
            let limit = data.integralCosts ? bestCost - 1 + 1e-6 : bestCost - 1e-9
            for (row, agent) in subset.enumerated() {
                for (column, job) in free.enumerated()
                where start[column] != row && bound + penalty[agent * data.jobs + job] > limit {
                    model.variables[problem.variableIndex(agent: row, job: column)].upperBound = 0
                }
            }
        }
        var options = SolveOptions(timeLimit: timeLimit)
        options.startSolution = problem.modelValues(for: start)
        guard let result = try? GLPKSolver().solve(model, options: options),
            result.hasSolution
        else { return (nil, true) }
        let local = problem.assignment(fromModelValues: result.values)
        var improved = current
        for (position, job) in free.enumerated() {
            guard let agent = local[position] else { return (nil, result.status != .optimal) }
            improved[job] = subset[agent]
        }
        return (improved, result.status != .optimal)
    }

    private static func seconds(until deadline: ContinuousClock.Instant) -> Double? {
        let remaining = deadline - ContinuousClock.now
        let seconds = Double(remaining.components.seconds) + Double(remaining.components.attoseconds) * 1e-18
        return seconds > 0 ? seconds : nil
    }
}

