/// Covers the grid posts the cadre model left open, with the hours cadres have left.
///
/// The rules ask for cadres per grid and posts per cadre, not for every post of every grid, and covering every post
/// inside the model turns it into a tight bin-packing GLPK cannot close in seconds. So the model settles the hard
/// rules, and this pass then gives each open post, heaviest first, to the cadre with the most whole hours left (so
/// that the heavy posts still find room), then one already in the grid, the least loaded, the cheapest. Posts no
/// cadre can take are returned (and warned of).
struct CadrePostFill {
    let holdings: [CadreHolding]
    let grids: [Int]
    let posts: Int

    /// Adds holdings to `selected`; returns the (grid, post) slots still open.
    func fill(_ selected: inout Set<Int>, weeks: [Int: Double]) -> [(grid: Int, post: Int)] {
        var used: [Int: Double] = [:]
        var inGrid: [Int: Set<Int>] = [:]
        var covered: Set<[Int]> = []
        for index in selected {
            let holding = holdings[index]
            used[holding.cadre, default: 0] += holding.hours
            inGrid[holding.grid, default: []].insert(holding.cadre)
            covered.insert([holding.grid, holding.post])
        }
        let bySlot = Dictionary(grouping: holdings.indices) { [holdings[$0].grid, holdings[$0].post] }
        let open = grids.flatMap { grid in (0..<posts).map { [grid, $0] } }.filter { !covered.contains($0) }
        let ordered = open.sorted { lhs, rhs in
            let left = bySlot[lhs]?.first.map { holdings[$0].hours } ?? 0
            let right = bySlot[rhs]?.first.map { holdings[$0].hours } ?? 0
            return left != right ? left > right : lhs.lexicographicallyPrecedes(rhs)
        }
        var still: [(grid: Int, post: Int)] = []
        for slot in ordered {
            let options = (bySlot[slot] ?? []).filter { index in
                let holding = holdings[index]
                return used[holding.cadre, default: 0] + holding.hours <= (weeks[holding.cadre] ?? 0) + 1e-9
            }
            let best = options.min { lhs, rhs in
                key(lhs, inGrid: inGrid, used: used, weeks: weeks)
                    .lexicographicallyPrecedes(key(rhs, inGrid: inGrid, used: used, weeks: weeks))
            }
            guard let best else {
                still.append((slot[0], slot[1]))
                continue
            }
            let holding = holdings[best]
            selected.insert(best)
            used[holding.cadre, default: 0] += holding.hours
            inGrid[holding.grid, default: []].insert(holding.cadre)
        }
        return still.sorted { ($0.grid, $0.post) < ($1.grid, $1.post) }
    }

    private func key(_ index: Int, inGrid: [Int: Set<Int>], used: [Int: Double], weeks: [Int: Double]) -> [Double] {
        let holding = holdings[index]
        let present = inGrid[holding.grid]?.contains(holding.cadre) ?? false ? 0.0 : 1.0
        let week = max(weeks[holding.cadre] ?? 0, 1e-9)
        let left = week - used[holding.cadre, default: 0]
        return [
            -left.rounded(), present, (used[holding.cadre, default: 0] + holding.hours) / week, holding.cost,
            Double(index),
        ]
    }
}
