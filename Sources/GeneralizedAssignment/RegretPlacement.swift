/// Martello–Toth regret order for placing jobs one at a time: of the open jobs, the one whose best agent with room
/// beats its second best by the most goes first, to that best agent.
///
/// The greedy and the repair keep agents' room in their own form (residual or load), so they pass it in as closures.
enum RegretPlacement {
    /// Places every job of `open` through `place(job, agent)`. `fits(agent, job)` says whether the agent has room
    /// for the job now; `rank(agent, job)` ranks the agents that have (lower is better). A job that fits nowhere is
    /// placed at once, on `fallback(job)`, and the caller repairs the overload afterwards.
    /// - Complexity: O(open² × agents) calls of `fits` and `rank`.
    static func placeAll(
        _ open: [Int],
        agents: Int,
        fits: (_ agent: Int, _ job: Int) -> Bool,
        rank: (_ agent: Int, _ job: Int) -> Double,
        fallback: (_ job: Int) -> Int,
        place: (_ job: Int, _ agent: Int) -> Void
    ) {
        var open = open
        while !open.isEmpty {
            var pick = 0
            var pickAgent = -1
            var pickRegret = -Double.infinity
            for (position, job) in open.enumerated() {
                var first = Double.infinity
                var second = Double.infinity
                var firstAgent = -1
                for agent in 0..<agents where fits(agent, job) {
                    let value = rank(agent, job)
                    if value < first {
                        second = first
                        first = value
                        firstAgent = agent
                    } else if value < second {
                        second = value
                    }
                }
                if firstAgent < 0 {
                    pick = position
                    pickAgent = fallback(job)
                    break
                }
                let regret = second - first
                if regret > pickRegret {
                    pickRegret = regret
                    pick = position
                    pickAgent = firstAgent
                }
            }
            place(open.remove(at: pick), pickAgent)
        }
    }
}
