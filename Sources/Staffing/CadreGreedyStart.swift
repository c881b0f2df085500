import GridModel
import LinearSolver

/// A first cadre plan built greedily, handed to GLPK as its starting incumbent.
///
/// Without it GLPK finds its first integer solution late on these models (seconds, thousands of nodes); with it the
/// search starts near the optimum and the accepted gap is reached within a few hundred nodes. Steps: locked posts;
/// each grid's posts, heaviest first, to the cadre with most hours left, preferring a cadre and a department new to
/// the grid; then a post for every cadre still without one; then more cadres for grids short of cadres or
/// departments. Hours never exceed a cadre's week.
struct CadreGreedyStart {
    let holdings: [CadreHolding]
    let grids: [Int]
    let posts: Int
    let cadres: [Int]
    let weeks: [Int: Double]
    let departments: [Int: DepartmentID?]
    let minCadres: Int
    let minDepartments: Int
    let minPosts: Int

    /// The chosen holdings (indices into `holdings`).
    func choose() -> Set<Int> {
        var chosen: Set<Int> = []
        var left = weeks
        var inGrid: [Int: Set<Int>] = [:]
        var departmentsInGrid: [Int: Set<DepartmentID>] = [:]
        var postsOf: [Int: Int] = [:]
        func take(_ index: Int) {
            let holding = holdings[index]
            chosen.insert(index)
            left[holding.cadre, default: 0] -= holding.hours
            inGrid[holding.grid, default: []].insert(holding.cadre)
            if let department = departments[holding.cadre] ?? nil {
                departmentsInGrid[holding.grid, default: []].insert(department)
            }
            postsOf[holding.cadre, default: 0] += 1
        }
        func fits(_ index: Int) -> Bool {
            !chosen.contains(index) && holdings[index].hours <= (left[holdings[index].cadre] ?? 0) + 1e-9
        }
        for index in holdings.indices where holdings[index].locked { take(index) }
        let bySlot = Dictionary(grouping: holdings.indices) { [holdings[$0].grid, holdings[$0].post] }
        // Heaviest posts first, street-wide, so the large pair_family posts find a cadre with the hours for them.
        let slots = grids.flatMap { grid in (0..<posts).map { [grid, $0] } }.sorted { lhs, rhs in
            let left = bySlot[lhs]?.first.map { holdings[$0].hours } ?? 0
            let right = bySlot[rhs]?.first.map { holdings[$0].hours } ?? 0
            return left != right ? left > right : lhs.lexicographicallyPrecedes(rhs)
        }
        for slot in slots {
            let options = bySlot[slot] ?? []
            guard !options.contains(where: chosen.contains) else { continue }
            let best = options.filter(fits).min { lhs, rhs in
                key(lhs, inGrid: inGrid, departmentsInGrid: departmentsInGrid, left: left, postsOf: postsOf)
                    .lexicographicallyPrecedes(
                        key(rhs, inGrid: inGrid, departmentsInGrid: departmentsInGrid, left: left, postsOf: postsOf))
            }
            if let best { take(best) }
        }
        let byCadre = Dictionary(grouping: holdings.indices) { holdings[$0].cadre }
        for cadre in cadres where (postsOf[cadre] ?? 0) < minPosts {
            let options = (byCadre[cadre] ?? []).filter(fits).sorted {
                (holdings[$0].cost, $0) < (holdings[$1].cost, $1)
            }
            for option in options where (postsOf[cadre] ?? 0) < minPosts && fits(option) { take(option) }
        }
        let byGrid = Dictionary(grouping: holdings.indices) { holdings[$0].grid }
        for grid in grids {
            let options = (byGrid[grid] ?? []).sorted { (holdings[$0].cost, $0) < (holdings[$1].cost, $1) }
            for option in options {
                let cadreCount = inGrid[grid]?.count ?? 0
                let departmentCount = departmentsInGrid[grid]?.count ?? 0
                guard cadreCount < minCadres || departmentCount < minDepartments else { break }
                let cadre = holdings[option].cadre
                guard fits(option), !(inGrid[grid]?.contains(cadre) ?? false) else { continue }
                let department = departments[cadre] ?? nil
                let addsDepartment = department.map { !(departmentsInGrid[grid]?.contains($0) ?? false) } ?? false
                if cadreCount >= minCadres && !addsDepartment { continue }
                take(option)
            }
        }
        return chosen
    }

    /// A full assignment of the model's variables for the greedy plan.
    func values(
        variableCount: Int, presence: [[Int]: VariableIndex],
        departmentVariables: [(variable: VariableIndex, department: DepartmentID, grid: Int)],
        slacks: [(VariableIndex, CadreShortfallRow)]
    ) -> [Double] {
        var values = [Double](repeating: 0, count: variableCount)
        let chosen = choose()
        var inGrid: [Int: Set<Int>] = [:]
        var postsOf: [Int: Int] = [:]
        for index in chosen {
            let holding = holdings[index]
            values[holding.variable.rawValue] = 1
            inGrid[holding.grid, default: []].insert(holding.cadre)
            postsOf[holding.cadre, default: 0] += 1
        }
        var departmentsInGrid: [Int: Set<DepartmentID>] = [:]
        for (key, variable) in presence where inGrid[key[1]]?.contains(key[0]) ?? false {
            values[variable.rawValue] = 1
            if let department = departments[key[0]] ?? nil { departmentsInGrid[key[1], default: []].insert(department) }
        }
        for entry in departmentVariables where departmentsInGrid[entry.grid]?.contains(entry.department) ?? false {
            values[entry.variable.rawValue] = 1
        }
        for (variable, row) in slacks {
            switch row {
            case .cadre(let cadre): values[variable.rawValue] = Double(max(0, minPosts - (postsOf[cadre] ?? 0)))
            case .cadres(let grid): values[variable.rawValue] = Double(max(0, minCadres - (inGrid[grid]?.count ?? 0)))
            case .departments(let grid):
                values[variable.rawValue] = Double(max(0, minDepartments - (departmentsInGrid[grid]?.count ?? 0)))
            }
        }
        return values
    }

    private func key(
        _ index: Int, inGrid: [Int: Set<Int>], departmentsInGrid: [Int: Set<DepartmentID>], left: [Int: Double],
        postsOf: [Int: Int]
    ) -> [Double] {
        let holding = holdings[index]
        let isNew = inGrid[holding.grid]?.contains(holding.cadre) ?? false ? 1.0 : 0.0
        let department = departments[holding.cadre] ?? nil
        let newDepartment = department.map { departmentsInGrid[holding.grid]?.contains($0) ?? false ? 1.0 : 0.0 } ?? 1
        let short = Double(min(postsOf[holding.cadre] ?? 0, minPosts))
        return [short, isNew, newDepartment, -(left[holding.cadre] ?? 0), holding.cost, Double(index)]
    }
}
