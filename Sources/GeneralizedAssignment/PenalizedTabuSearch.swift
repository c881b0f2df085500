import GridModel
/// Tabu search over shift moves (one job to another agent) and swap moves (two jobs exchange agents) on a penalised
/// objective: cost plus a weight per agent times its overload. The weights adapt, so the search oscillates around
/// the capacity boundary instead of staying inside it (Díaz and Fernández, 2001; Yagiura, Ibaraki and Glover, 2004).
///
/// It keeps the best feasible assignment seen, from its own moves or offered from outside. Deterministic for a seed:
/// ties go to the first move in job order, and the tabu tenure is drawn from a seeded generator.
struct PenalizedTabuSearch {
    let data: AssignmentData
    /// The best feasible assignment seen; empty when none.
    private(set) var best: [Int] = []
    /// Its cost in minimisation form; infinity when none.
    private(set) var bestCost = Double.infinity
    /// Moves made over all runs.
    private(set) var moves = 0
    private var random: SplitMix64
    private var agentOf: [Int]
    private var load: [Double]
    private var weight: [Double]
    private var tabuUntil: [Int]
    private let baseWeight: Double
    private let baseTenure: Int

    init(data: AssignmentData, seed: UInt64) {
        self.data = data
        random = SplitMix64(seed: seed)
        agentOf = Array(repeating: 0, count: data.jobs)
        load = Array(repeating: 0, count: data.agents)
        tabuUntil = Array(repeating: 0, count: data.agents * data.jobs)
        // One unit of overload should cost about what moving a job between agents costs per unit of resource.
        var spread = 0.0
        var resource = 0.0
        for job in 0..<data.jobs {
            var low = Double.infinity
            var high = -Double.infinity
            for agent in 0..<data.agents {
                low = min(low, data.cost[agent * data.jobs + job])
                high = max(high, data.cost[agent * data.jobs + job])
                resource += data.resource[agent * data.jobs + job]
            }
            spread += high - low
        }
        let meanResource = resource / Double(max(1, data.agents * data.jobs))
        baseWeight = max(1e-6, spread / Double(max(1, data.jobs))) / max(1e-6, meanResource)
        weight = Array(repeating: baseWeight, count: data.agents)
        baseTenure = 2
    }

    /// Keeps `candidate` as the best if it is feasible and cheaper; returns whether it was kept.
    @discardableResult
    mutating func offer(_ candidate: [Int]) -> Bool {
        guard data.isFeasible(candidate) else { return false }
        let total = data.totalCost(candidate)
        guard total < bestCost - 1e-9 else { return false }
        best = candidate
        bestCost = total
        return true
    }

    /// Searches from `start` (any assignment, feasible or not) for at most `iterations` moves, until `deadline`,
    /// after `stallMoves` moves without a new best, or once the best cost reaches `target`.
    /// - Complexity: O(jobs² + jobs × agents) per move.
    mutating func run(
        from start: [Int],
        iterations: Int,
        stallMoves: Int,
        deadline: ContinuousClock.Instant?,
        target: Double
    ) {
        guard start.count == data.jobs, data.jobs > 0 else { return }
        offer(start)
        agentOf = start
        load = data.loads(start)
        for index in weight.indices { weight[index] = baseWeight }
        var current = data.totalCost(start)
        var sinceBest = 0
        var stalled = 0
        let restartAfter = max(200, 10 * data.jobs)
        let jobs = data.jobs
        let agents = data.agents
        let tolerance = data.tolerance
        var iteration = 0
        while iteration < iterations, stalled < stallMoves, bestCost > target + 1e-9 {
            if iteration & 31 == 0, let deadline, ContinuousClock.now >= deadline { break }
            iteration += 1
            moves += 1
            let step = moves
            if sinceBest >= restartAfter, !best.isEmpty {
                sinceBest = 0
                agentOf = best
                load = data.loads(best)
                current = bestCost
                for index in weight.indices { weight[index] = baseWeight }
                kick(&current, moves: max(2, jobs / 25))
            }
            let move = bestMove(step: step, current: current)
            guard let move else {
                stalled += 1
                continue
            }
            let first = move.first
            let from = agentOf[first]
            let tenure = baseTenure + random.below(baseTenure + 1)
            apply(job: first, to: move.firstTo, current: &current)
            tabuUntil[from * jobs + first] = step + tenure
            if move.second >= 0 {
                let other = agentOf[move.second]
                apply(job: move.second, to: from, current: &current)
                tabuUntil[other * jobs + move.second] = step + tenure
            }
            var feasible = true
            for agent in 0..<agents where load[agent] > data.capacity[agent] + tolerance {
                feasible = false
                weight[agent] = min(weight[agent] * 1.1, baseWeight * 1e4)
            }
            if feasible {
                for agent in 0..<agents { weight[agent] = max(weight[agent] * 0.97, baseWeight * 1e-2) }
                if current < bestCost - 1e-9 {
                    best = agentOf
                    bestCost = current
                    sinceBest = 0
                    stalled = 0
                    continue
                }
            }
            sinceBest += 1
            stalled += 1
        }
    }

    private struct Move {
        var first: Int
        var firstTo: Int
        /// The job that takes `first`'s place in a swap; −1 for a shift.
        var second: Int
    }

    /// The best admissible shift or swap by penalised change; tabu moves are admissible when they reach a new best.
    private func bestMove(step: Int, current: Double) -> Move? {
        let jobs = data.jobs
        let agents = data.agents
        let tolerance = data.tolerance
        let bestCost = self.bestCost
        var overloadTotal = 0.0
        for agent in 0..<agents { overloadTotal += max(0, load[agent] - data.capacity[agent]) }
        return data.cost.withUnsafeBufferPointer { cost in
            data.resource.withUnsafeBufferPointer { resource in
                data.capacity.withUnsafeBufferPointer { capacity in
                    load.withUnsafeBufferPointer { load in
                        weight.withUnsafeBufferPointer { weight in
                            agentOf.withUnsafeBufferPointer { agentOf in
                                tabuUntil.withUnsafeBufferPointer { tabu -> Move? in
                                    @inline(__always) func over(_ amount: Double, _ agent: Int) -> Double {
                                        max(0, amount - capacity[agent])
                                    }
                                    var chosen: Move?
                                    var chosenDelta = Double.infinity
                                    for job in 0..<jobs {
                                        let from = agentOf[job]
                                        let fromIndex = from * jobs + job
                                        let fromOver = over(load[from], from)
                                        let leftOver = over(load[from] - resource[fromIndex], from)
                                        let relief = weight[from] * (leftOver - fromOver)
                                        for to in 0..<agents where to != from {
                                            let index = to * jobs + job
                                            let toOver = over(load[to], to)
                                            let newOver = over(load[to] + resource[index], to)
                                            let costChange = cost[index] - cost[fromIndex]
                                            let delta = costChange + relief + weight[to] * (newOver - toOver)
                                            guard delta < chosenDelta else { continue }
                                            if tabu[index] > step {
                                                let overload = overloadTotal - fromOver + leftOver - toOver + newOver
                                                guard overload <= tolerance, current + costChange < bestCost - 1e-9
                                                else { continue }
                                            }
                                            chosenDelta = delta
                                            chosen = Move(first: job, firstTo: to, second: -1)
                                        }
                                    }
                                    for first in 0..<jobs {
                                        let a = agentOf[first]
                                        let aFirst = a * jobs + first
                                        let aOver = over(load[a], a)
                                        for second in (first + 1)..<jobs {
                                            let b = agentOf[second]
                                            guard b != a else { continue }
                                            let bSecond = b * jobs + second
                                            let bFirst = b * jobs + first
                                            let aSecond = a * jobs + second
                                            let costChange = cost[bFirst] + cost[aSecond] - cost[aFirst] - cost[bSecond]
                                            let newA = over(load[a] - resource[aFirst] + resource[aSecond], a)
                                            let newB = over(load[b] - resource[bSecond] + resource[bFirst], b)
                                            let bOver = over(load[b], b)
                                            let delta = costChange + weight[a] * (newA - aOver)
                                                + weight[b] * (newB - bOver)
                                            guard delta < chosenDelta else { continue }
                                            if tabu[bFirst] > step || tabu[aSecond] > step {
                                                let overload = overloadTotal - aOver - bOver + newA + newB
                                                guard overload <= tolerance, current + costChange < bestCost - 1e-9
                                                else { continue }
                                            }
                                            chosenDelta = delta
                                            chosen = Move(first: first, firstTo: b, second: second)
                                        }
                                    }
                                    return chosen
                                }
                            }
                        }
                    }
                }
            }
        }
    }

    private mutating func apply(job: Int, to agent: Int, current: inout Double) {
        let from = agentOf[job]
        let jobs = data.jobs
        load[from] -= data.resource[from * jobs + job]
        load[agent] += data.resource[agent * jobs + job]
        current += data.cost[agent * jobs + job] - data.cost[from * jobs + job]
        agentOf[job] = agent
    }

    /// Random shifts that leave the neighbourhood of the best assignment.
    private mutating func kick(_ current: inout Double, moves count: Int) {
        guard data.agents > 1 else { return }
        for _ in 0..<count {
            let job = random.below(data.jobs)
            var agent = random.below(data.agents - 1)
            if agent >= agentOf[job] { agent += 1 }
            apply(job: job, to: agent, current: &current)
        }
    }
}
