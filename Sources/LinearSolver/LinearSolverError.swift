/// Errors of the solver module.
public enum LinearSolverError: Error {}
