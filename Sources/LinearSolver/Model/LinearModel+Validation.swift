extension LinearModel {
    /// GLPK's own limit on rows and columns (M_MAX / N_MAX in glpk's api).
    static let maximumDimension = 100_000_000

    /// Checks every variable and constraint; throws the first problem found.
    ///
    /// Checked: finite objective coefficients; bounds not NaN, lower ≤ upper, lower not +∞ and upper not −∞;
    /// integer bounds integral; binary bounds within {0, 1}; constraint coefficients finite and their variables in
    /// range; constraint bounds not NaN, ordered, and finite where the kind needs a value; sizes within GLPK's limits.
    /// - Complexity: O(number of variables + number of constraint terms).
    public func validate() throws(LinearSolverError) {
        guard variables.count <= Self.maximumDimension else {
            throw .modelTooLarge(reason: "\(variables.count) variables; GLPK holds at most \(Self.maximumDimension)")
        }
        guard constraints.count <= Self.maximumDimension else {
            throw .modelTooLarge(
                reason: "\(constraints.count) constraints; GLPK holds at most \(Self.maximumDimension)"
            )
        }
        for (index, variable) in variables.enumerated() {
            try Self.validate(variable, index: index)
        }
        var nonZeros = 0
        for (index, constraint) in constraints.enumerated() {
            try validate(constraint, index: index)
            nonZeros += constraint.terms.count
        }
        guard nonZeros < Int(Int32.max) else {
            throw .modelTooLarge(reason: "\(nonZeros) coefficients; GLPK holds fewer than \(Int32.max)")
        }
    }

    private static func validate(_ variable: LinearVariable, index: Int) throws(LinearSolverError) {
        func fail(_ reason: String) -> LinearSolverError {
            .invalidVariable(index: index, name: variable.name, reason: reason)
        }
        let lower = variable.lowerBound
        let upper = variable.upperBound
        guard variable.objective.isFinite else {
            throw fail("objective coefficient \(variable.objective); expected a finite number")
        }
        guard !lower.isNaN, !upper.isNaN else {
            throw fail("bounds [\(lower), \(upper)]; expected numbers, not NaN")
        }
        guard lower != .infinity else { throw fail("lower bound +inf; expected a finite number or -inf") }
        guard upper != -.infinity else { throw fail("upper bound -inf; expected a finite number or +inf") }
        guard lower <= upper else {
            throw fail("lower bound \(lower) is above upper bound \(upper); expected lower ≤ upper")
        }
        switch variable.kind {
        case .continuous:
            break
        case .integer:
            if lower.isFinite, lower != lower.rounded() {
                throw fail("integer variable with fractional lower bound \(lower); expected an integral bound")
            }
            if upper.isFinite, upper != upper.rounded() {
                throw fail("integer variable with fractional upper bound \(upper); expected an integral bound")
            }
        case .binary:
            guard lower == 0 || lower == 1, upper == 0 || upper == 1 else {
                throw fail("binary variable with bounds [\(lower), \(upper)]; expected bounds within {0, 1}")
            }
        }
    }

    private func validate(_ constraint: LinearConstraint, index: Int) throws(LinearSolverError) {
        func fail(_ reason: String) -> LinearSolverError {
            .invalidConstraint(index: index, name: constraint.name, reason: reason)
        }
        for (position, term) in constraint.terms.enumerated() {
            guard variables.indices.contains(term.variable.rawValue) else {
                throw fail(
                    "term \(position) refers to variable \(term.variable.rawValue); expected an index in "
                        + "0..<\(variables.count)"
                )
            }
            guard term.coefficient.isFinite else {
                throw fail("term \(position) has coefficient \(term.coefficient); expected a finite number")
            }
        }
        switch constraint.bounds {
        case let .lessOrEqual(value), let .greaterOrEqual(value), let .equal(value):
            guard value.isFinite else { throw fail("right-hand side \(value); expected a finite number") }
        case let .ranged(lower, upper):
            guard !lower.isNaN, !upper.isNaN else {
                throw fail("range [\(lower), \(upper)]; expected numbers, not NaN")
            }
            guard lower != .infinity, upper != -.infinity else {
                throw fail("range [\(lower), \(upper)]; expected lower < +inf and upper > -inf")
            }
            guard lower <= upper else {
                throw fail("range lower \(lower) is above upper \(upper); expected lower ≤ upper")
            }
        }
    }
}
