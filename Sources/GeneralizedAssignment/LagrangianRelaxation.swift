/// The Lagrangian relaxation of the assignment rows: with a multiplier `u[job]` per job, the problem splits into one
/// 0-1 knapsack per agent (profit `u[job] − cost`), and `Σ u − Σ knapsack optima` is a lower bound on the optimum
/// that is at least the LP bound (Fisher, Jaikumar and Van Wassenhove, 1986).
///
/// Knapsacks are solved exactly by dynamic programming over integer capacities; with fractional data, or when the
/// table would be too large, the LP (Dantzig) bound of the knapsack keeps the bound valid and a greedy fills it.
struct LagrangianRelaxation {
    let data: AssignmentData
    /// The most table cells (items × capacity) a knapsack may use before the LP bound is used instead.
    let maximumTableCells = 4_000_000
    /// `selected[agent * jobs + job]`: whether the agent's knapsack took the job at the last evaluation.
    private(set) var selected: [Bool]
    /// `penalty[agent * jobs + job]`: a lower bound on how much the Lagrangian bound rises when the agent is made to
    /// take the job, filled by ``evaluate(_:penalties:)`` when asked (0 for jobs the knapsack took, and for agents
    /// whose knapsack used the LP bound).
    private(set) var penalty: [Double]
    private var items: [Int] = []
    private var table: [Double] = []
    private var keep: [UInt8] = []
    /// How the last knapsack was solved, for its penalties.
    private var lastMethod = Method.bound
    private var lastWidth = 0

    private enum Method {
        case allFit, table, bound
    }

    init(data: AssignmentData) {
        self.data = data
        selected = Array(repeating: false, count: data.agents * data.jobs)
        penalty = Array(repeating: 0, count: data.agents * data.jobs)
    }

    /// The Lagrangian bound at `multipliers`; fills ``selected``, and ``penalty`` when `penalties` is set.
    /// - Complexity: O(agents × jobs × capacity) with exact knapsacks.
    mutating func evaluate(_ multipliers: [Double], penalties: Bool = false) -> Double {
        var value = multipliers.reduce(0, +)
        for agent in 0..<data.agents {
            value -= solveKnapsack(agent: agent, multipliers: multipliers)
            if penalties { fillPenalties(agent: agent, multipliers: multipliers) }
        }
        return value
    }

    /// Forcing the job into the agent's knapsack leaves at most its profit plus the best fill of the remaining room,
    /// so the knapsack optimum drops by at least `F(b) − F(b − a) − profit` (F: the table of best fills, which may
    /// count the job twice; that only weakens the penalty). A job that can never fit gets an infinite penalty.
    private mutating func fillPenalties(agent: Int, multipliers: [Double]) {
        let jobs = data.jobs
        let base = agent * jobs
        let capacity = data.capacity[agent]
        let width = lastWidth
        for job in 0..<jobs {
            let index = base + job
            let weight = data.resource[index]
            guard weight <= capacity + data.tolerance else {
                penalty[index] = .infinity
                continue
            }
            guard !selected[index] else {
                penalty[index] = 0
                continue
            }
            let profit = multipliers[job] - data.cost[index]
            switch lastMethod {
            case .allFit:
                penalty[index] = max(0, -profit)
            case .table:
                let room = width - 1 - Int(weight)
                penalty[index] = room >= 0 ? max(0, table[width - 1] - table[room] - profit) : .infinity
            case .bound:
                penalty[index] = 0
            }
        }
    }

    /// An upper bound on agent's knapsack optimum (exact when the table fits), with the chosen jobs in `selected`.
    private mutating func solveKnapsack(agent: Int, multipliers: [Double]) -> Double {
        let jobs = data.jobs
        let base = agent * jobs
        let capacity = data.capacity[agent]
        items.removeAll(keepingCapacity: true)
        var free = 0.0
        var totalWeight = 0.0
        var totalProfit = 0.0
        for job in 0..<jobs {
            selected[base + job] = false
            let profit = multipliers[job] - data.cost[base + job]
            let weight = data.resource[base + job]
            guard profit > 1e-12, weight <= capacity + data.tolerance else { continue }
            if weight <= 0 {
                selected[base + job] = true
                free += profit
                continue
            }
            items.append(job)
            totalWeight += weight
            totalProfit += profit
        }
        if totalWeight <= capacity + data.tolerance {
            for job in items { selected[base + job] = true }
            lastMethod = .allFit
            return free + totalProfit
        }
        let width = Int(capacity + data.tolerance) + 1
        if data.integralResources, items.count * width <= maximumTableCells {
            lastMethod = .table
            lastWidth = width
            return free + exactKnapsack(base: base, width: width, multipliers: multipliers)
        }
        lastMethod = .bound
        return free + fractionalKnapsack(base: base, capacity: capacity, multipliers: multipliers)
    }

    /// Dynamic programming over capacities 0..<width, with a keep table to read the chosen jobs back.
    private mutating func exactKnapsack(base: Int, width: Int, multipliers: [Double]) -> Double {
        if table.count < width { table = Array(repeating: 0, count: width) }
        if keep.count < items.count * width { keep = Array(repeating: 0, count: items.count * width) }
        let data = self.data
        let items = self.items
        let best = table.withUnsafeMutableBufferPointer { table -> Double in
            keep.withUnsafeMutableBufferPointer { keep -> Double in
                for level in 0..<width { table[level] = 0 }
                for (position, job) in items.enumerated() {
                    let weight = Int(data.resource[base + job])
                    let profit = multipliers[job] - data.cost[base + job]
                    let row = position * width
                    for level in 0..<width { keep[row + level] = 0 }
                    var level = width - 1
                    while level >= weight {
                        let candidate = table[level - weight] + profit
                        if candidate > table[level] {
                            table[level] = candidate
                            keep[row + level] = 1
                        }
                        level -= 1
                    }
                }
                var level = width - 1
                for position in stride(from: items.count - 1, through: 0, by: -1)
                where keep[position * width + level] != 0 {
                    let job = items[position]
                    selected[base + job] = true
                    level -= Int(data.resource[base + job])
                }
                return table[width - 1]
            }
        }
        return best
    }

    /// Dantzig's bound: items by profit per unit of resource, the first that does not fit taken fractionally for the
    /// bound and skipped for the choice.
    private mutating func fractionalKnapsack(base: Int, capacity: Double, multipliers: [Double]) -> Double {
        let data = self.data
        let ratio = { (job: Int) in (multipliers[job] - data.cost[base + job]) / data.resource[base + job] }
        items.sort { ratio($0) > ratio($1) || (ratio($0) == ratio($1) && $0 < $1) }
        var room = capacity
        var bound = 0.0
        var bounded = false
        var taken = 0.0
        for job in items {
            let weight = data.resource[base + job]
            let profit = multipliers[job] - data.cost[base + job]
            if weight <= room + data.tolerance {
                room -= weight
                taken += profit
                selected[base + job] = true
                if !bounded { bound += profit }
            } else if !bounded {
                bound += profit * max(0, room) / weight
                bounded = true
            }
        }
        return max(bound, taken)
    }
}
