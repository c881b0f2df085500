import LinearSolver

/// Runs one staffing model through GLPK on the calling thread, turning solver failures into planning errors.
enum StaffingSolver {
    /// Solves to proven optimality unless the time limit ends the search first (then the best found is kept).
    static func solve(_ model: LinearModel, timeLimit: Double) throws(GridPlanningError) -> SolveResult {
        let options = SolveOptions(timeLimit: timeLimit, relativeGap: 0)
        let result: SolveResult
        do {
            result = try GLPKSolver().solve(model, options: options)
        } catch {
            throw .solver(error)
        }
        guard result.hasSolution else {
            throw .invalidProblem(
                name: model.name,
                reason: "the solver ended with \(result.status.rawValue) and no solution; every slot has a "
                    + "shortfall slack, so this means conflicting locks or a time limit too short")
        }
        return result
    }
}
