import CGLPK

/// Owns one `glp_prob` loaded from a validated ``LinearModel``; deletes it when released. Not Sendable: a problem
/// lives and dies on the thread that made it.
final class GLPKProblem {
    let handle: OpaquePointer
    let columnCount: Int

    /// Loads `model`, which must have passed ``LinearModel/validate()``. With `relaxed`, integer and binary variables
    /// become continuous (the LP relaxation).
    init(model: LinearModel, relaxed: Bool) {
        handle = glp_create_prob()
        columnCount = model.variables.count
        glp_set_obj_dir(handle, model.sense == .minimize ? GLP_MIN : GLP_MAX)
        if !model.variables.isEmpty {
            glp_add_cols(handle, Int32(model.variables.count))
        }
        for (offset, variable) in model.variables.enumerated() {
            let column = Int32(offset + 1)
            let (type, lower, upper) = Self.boundsCode(lower: variable.lowerBound, upper: variable.upperBound)
            glp_set_col_bnds(handle, column, type, lower, upper)
            glp_set_obj_coef(handle, column, variable.objective)
            if !relaxed, variable.kind != .continuous {
                // GLP_BV would reset the bounds to [0, 1]; integer kind keeps a fixed binary fixed.
                glp_set_col_kind(handle, column, GLP_IV)
            }
        }
        if !model.constraints.isEmpty {
            glp_add_rows(handle, Int32(model.constraints.count))
        }
        var rowIndices: [Int32] = [0]
        var columnIndices: [Int32] = [0]
        var coefficients: [Double] = [0]
        for (offset, constraint) in model.constraints.enumerated() {
            let row = Int32(offset + 1)
            let (type, lower, upper) = Self.boundsCode(lower: constraint.bounds.lower, upper: constraint.bounds.upper)
            glp_set_row_bnds(handle, row, type, lower, upper)
            // glp_load_matrix aborts on a repeated (row, column) pair, so repeated variables are summed here.
            var merged: [Int: Double] = [:]
            for term in constraint.terms {
                merged[term.variable.rawValue, default: 0] += term.coefficient
            }
            for (variable, coefficient) in merged.sorted(by: { $0.key < $1.key }) where coefficient != 0 {
                rowIndices.append(row)
                columnIndices.append(Int32(variable + 1))
                coefficients.append(coefficient)
            }
        }
        let count = Int32(coefficients.count - 1)
        if count > 0 {
            glp_load_matrix(handle, count, rowIndices, columnIndices, coefficients)
        }
    }

    /// Set when GLPK stopped on an internal error and the thread's environment was freed with the problem in it.
    var isReleased = false

    deinit {
        if !isReleased { glp_delete_prob(handle) }
    }

    private static func boundsCode(lower: Double, upper: Double) -> (Int32, Double, Double) {
        switch (lower.isFinite, upper.isFinite) {
        case (false, false): return (GLP_FR, 0, 0)
        case (true, false): return (GLP_LO, lower, 0)
        case (false, true): return (GLP_UP, 0, upper)
        case (true, true): return lower == upper ? (GLP_FX, lower, upper) : (GLP_DB, lower, upper)
        }
    }

    /// The basic (LP) solution's column values.
    func primalValues() -> [Double] {
        (0..<columnCount).map { glp_get_col_prim(handle, Int32($0 + 1)) }
    }

    /// The basic (LP) solution's row duals.
    func rowDuals() -> [Double] {
        (0..<Int(glp_get_num_rows(handle))).map { glp_get_row_dual(handle, Int32($0 + 1)) }
    }

    /// The MIP solution's column values.
    func integerValues() -> [Double] {
        (0..<columnCount).map { glp_mip_col_val(handle, Int32($0 + 1)) }
    }
}
