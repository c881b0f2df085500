/// Turns a partial or overloaded assignment into a feasible one and improves it by descent: unassigned jobs are
/// placed by regret, overloads are removed by the cheapest moves per unit of freed resource, then shifts and swaps
/// descend. Cheap enough to run at every subgradient step or tree node.
struct AssignmentRepair {
    let data: AssignmentData

    /// A feasible assignment from `agentOf` (−1 for an unassigned job), ranking agents for unassigned jobs by
    /// `preference` (agent-major, lower is better; the cost when `nil`); `nil` when the overload cannot be removed.
    /// - Complexity: O(jobs² × agents) in the worst case, about O(jobs × agents) per pass in practice.
    func repair(_ partial: [Int], preference: [Double]? = nil) -> [Int]? {
        let jobs = data.jobs
        let agents = data.agents
        let rank = preference ?? data.cost
        var agentOf = partial
        var load = Array(repeating: 0.0, count: agents)
        for job in 0..<jobs where agentOf[job] >= 0 { load[agentOf[job]] += data.resource[agentOf[job] * jobs + job] }
        // Named local functions rather than closures in the call: the call type-checks in milliseconds, not seconds.
        func fits(_ agent: Int, _ job: Int) -> Bool {
            load[agent] + data.resource[agent * jobs + job] <= data.capacity[agent] + data.tolerance
        }
        func costRank(_ agent: Int, _ job: Int) -> Double { rank[agent * jobs + job] }
        func overload(_ agent: Int, _ job: Int) -> Double {
            load[agent] + data.resource[agent * jobs + job] - data.capacity[agent]
        }
        // Fits nowhere: place it where it overloads least and let the overload repair move things.
        func leastOverloaded(_ job: Int) -> Int {
            (0..<agents).min { overload($0, job) < overload($1, job) } ?? 0
        }
        func place(_ job: Int, _ agent: Int) {
            agentOf[job] = agent
            load[agent] += data.resource[agent * jobs + job]
        }
        let open = (0..<jobs).filter { agentOf[$0] < 0 }
        RegretPlacement.placeAll(
            open, agents: agents, fits: fits, rank: costRank, fallback: leastOverloaded, place: place)
        guard removeOverload(&agentOf, load: &load) else { return nil }
        descend(&agentOf, load: &load)
        return agentOf
    }

    /// Moves jobs off overloaded agents, cheapest cost increase per unit of freed resource first.
    private func removeOverload(_ agentOf: inout [Int], load: inout [Double]) -> Bool {
        let jobs = data.jobs
        var rounds = 0
        while rounds < 2 * jobs {
            guard let from = (0..<data.agents).first(where: { load[$0] > data.capacity[$0] + data.tolerance }) else {
                return true
            }
            rounds += 1
            var best: (job: Int, agent: Int, score: Double)?
            for job in 0..<jobs where agentOf[job] == from {
                let freed = max(data.resource[from * jobs + job], 1e-9)
                for agent in 0..<data.agents where agent != from
                    && load[agent] + data.resource[agent * jobs + job] <= data.capacity[agent] + data.tolerance
                {
                    let score = (data.cost[agent * jobs + job] - data.cost[from * jobs + job]) / freed
                    if best.map({ score < $0.score }) ?? true { best = (job, agent, score) }
                }
            }
            guard let move = best else { return false }
            agentOf[move.job] = move.agent
            load[from] -= data.resource[from * jobs + move.job]
            load[move.agent] += data.resource[move.agent * jobs + move.job]
        }
        return false
    }

    /// Best-improvement shifts per job, then first-improvement swaps, until neither improves.
    func descend(_ agentOf: inout [Int], load: inout [Double], maximumPasses: Int = 20) {
        let jobs = data.jobs
        let agents = data.agents
        let tolerance = data.tolerance
        for _ in 0..<maximumPasses {
            var improved = false
            for job in 0..<jobs {
                let from = agentOf[job]
                var bestAgent = -1
                var bestCost = data.cost[from * jobs + job] - 1e-9
                for agent in 0..<agents where agent != from && data.cost[agent * jobs + job] < bestCost
                    && load[agent] + data.resource[agent * jobs + job] <= data.capacity[agent] + tolerance
                {
                    bestAgent = agent
                    bestCost = data.cost[agent * jobs + job]
                }
                guard bestAgent >= 0 else { continue }
                load[from] -= data.resource[from * jobs + job]
                load[bestAgent] += data.resource[bestAgent * jobs + job]
                agentOf[job] = bestAgent
                improved = true
            }
            for first in 0..<jobs {
                for second in (first + 1)..<jobs {
                    let a = agentOf[first]
                    let b = agentOf[second]
                    guard a != b else { continue }
                    let change = data.cost[b * jobs + first] + data.cost[a * jobs + second]
                        - data.cost[a * jobs + first] - data.cost[b * jobs + second]
                    guard change < -1e-9 else { continue }
                    let newA = load[a] - data.resource[a * jobs + first] + data.resource[a * jobs + second]
                    let newB = load[b] - data.resource[b * jobs + second] + data.resource[b * jobs + first]
                    guard newA <= data.capacity[a] + tolerance, newB <= data.capacity[b] + tolerance else { continue }
                    load[a] = newA
                    load[b] = newB
                    agentOf[first] = b
                    agentOf[second] = a
                    improved = true
                }
            }
            if !improved { return }
        }
    }
}
