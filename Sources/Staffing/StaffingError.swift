import GridModel
import LinearSolver

/// Errors of the staffing job.
public enum StaffingError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The grid plan contradicts itself or the street (no rows, a grid across communities): bad input, named by the
    /// file it came from; `reason` is in the language of the command that read the plan.
    case invalidPlan(file: String, reason: String)
    /// The solver refused a model (an internal error: every model is built from checked data).
    case solver(LinearSolverError)
    /// A solve ended without any solution although every slot has a shortfall slack (an internal error).
    case noSolution(model: String, status: String)

    /// A one-line message naming the file, model or solver complaint.
    public var description: String {
        switch self {
        case let .invalidPlan(file, reason):
            return Message.text("staffing.error.in_file", ["file": file, "reason": reason])
        case let .solver(error): return Message.text("staffing.error.solver", ["error": "\(error)"])
        case let .noSolution(model, status):
            return Message.text("staffing.error.no_solution", ["model": model, "status": status])
        }
    }
}
