import LinearSolver

/// Runs one staffing model through GLPK on the calling thread, turning solver failures into planning errors.
enum StaffingSolver {
    /// Solves to proven optimality unless the time limit ends the search first (then the best found is kept).
    ///
    /// A positive `relativeGap` ends the search deterministically once the incumbent is proven that close; callers
    /// keep it far below one shortfall's cost relative to the objective, so the shortfall stays minimal.
    static func solve(
        _ model: LinearModel, timeLimit: Double, relativeGap: Double = 0, start: [Double]? = nil,
        cuts: CutFamilies = .recommended, pseudocostBranching: Bool = true
    ) throws(StaffingError) -> SolveResult {
        var options = SolveOptions(
            timeLimit: timeLimit, relativeGap: relativeGap, cuts: cuts, pseudocostBranching: pseudocostBranching)
        if let start, model.isFeasible(start) { options.startSolution = start }
        let result: SolveResult
        do {
            result = try GLPKSolver().solve(model, options: options)
        } catch {
            throw .solver(error)
        }
        guard result.hasSolution else {
            throw .noSolution(model: model.name, status: result.status.rawValue)
        }
        return result
    }
}
