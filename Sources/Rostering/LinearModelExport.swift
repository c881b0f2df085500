import LinearSolver

/// A roster assignment model ready to write as CPLEX LP or free MPS, for solving with another solver.
public struct LinearModelExport: Sendable {
    let model: LinearModel

    /// The model in CPLEX LP format.
    public func cplexLP() throws(RosteringError) -> String {
        do { return try model.cplexLPText() } catch { throw .solver(error) }
    }

    /// The model in MPS format.
    public func mps() throws(RosteringError) -> String {
        do { return try model.mpsText() } catch { throw .solver(error) }
    }

    /// Variables and constraints, for reports.
    public var size: (variables: Int, constraints: Int) { (model.variables.count, model.constraints.count) }
}
