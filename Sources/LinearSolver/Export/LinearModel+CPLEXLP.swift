import Foundation

extension LinearModel {
    /// The model in CPLEX LP format, readable by `glpsol --lp`, HiGHS, CBC, CPLEX and Gurobi.
    ///
    /// Names are sanitised (see the module's README); a ranged constraint becomes two rows, `name_lo` and `name_hi`.
    /// - Throws: ``LinearSolverError`` when the model is invalid.
    /// - Complexity: O(number of variables + number of constraint terms).
    public func cplexLPText() throws(LinearSolverError) -> String {
        try validate()
        let names = ExportNames(model: self)
        var out = "\\ Problem: \(ExportNames.sanitised(name, fallback: "model"))\n\n"
        out += sense == .minimize ? "Minimize\n" : "Maximize\n"
        let objectiveTerms = variables.enumerated().compactMap { index, variable in
            variable.objective == 0 ? nil : (index, variable.objective)
        }
        out += Self.lpExpression(label: ExportNames.objectiveName, terms: objectiveTerms, names: names)
        out += "\n\nSubject To\n"
        for (index, constraint) in constraints.enumerated() {
            var merged: [Int: Double] = [:]
            for term in constraint.terms { merged[term.variable.rawValue, default: 0] += term.coefficient }
            let terms = merged.sorted { $0.key < $1.key }.filter { $0.value != 0 }.map { ($0.key, $0.value) }
            switch constraint.bounds {
            case let .lessOrEqual(value):
                out += Self.lpExpression(label: names.rows[index], terms: terms, names: names)
                out += " <= \(ExportNumber.text(value))\n"
            case let .greaterOrEqual(value):
                out += Self.lpExpression(label: names.rows[index], terms: terms, names: names)
                out += " >= \(ExportNumber.text(value))\n"
            case let .equal(value):
                out += Self.lpExpression(label: names.rows[index], terms: terms, names: names)
                out += " = \(ExportNumber.text(value))\n"
            case let .ranged(lower, upper):
                guard let split = names.rangeRows[index] else { continue }
                if lower.isFinite {
                    out += Self.lpExpression(label: split.lower, terms: terms, names: names)
                    out += " >= \(ExportNumber.text(lower))\n"
                }
                if upper.isFinite {
                    out += Self.lpExpression(label: split.upper, terms: terms, names: names)
                    out += " <= \(ExportNumber.text(upper))\n"
                }
            }
        }
        out += "\nBounds\n"
        var generals: [String] = []
        var binaries: [String] = []
        for (index, variable) in variables.enumerated() {
            let name = names.variables[index]
            let lower = variable.lowerBound
            let upper = variable.upperBound
            if variable.kind == .binary, lower == 0, upper == 1 {
                binaries.append(name)
                continue
            }
            if variable.kind != .continuous { generals.append(name) }
            switch (lower.isFinite, upper.isFinite) {
            case (false, false):
                out += " \(name) free\n"
            case (true, false):
                if lower != 0 { out += " \(name) >= \(ExportNumber.text(lower))\n" }
            case (false, true):
                out += " -inf <= \(name) <= \(ExportNumber.text(upper))\n"
            case (true, true):
                if lower == upper {
                    out += " \(name) = \(ExportNumber.text(lower))\n"
                } else {
                    out += " \(ExportNumber.text(lower)) <= \(name) <= \(ExportNumber.text(upper))\n"
                }
            }
        }
        if !generals.isEmpty { out += "\nGenerals\n" + Self.wrappedNames(generals) }
        if !binaries.isEmpty { out += "\nBinaries\n" + Self.wrappedNames(binaries) }
        out += "\nEnd\n"
        return out
    }

    /// Writes ``cplexLPText()`` to `url`.
    /// - Throws: ``LinearSolverError`` when the model is invalid or the file cannot be written.
    public func writeCPLEXLP(to url: URL) throws(LinearSolverError) {
        try ExportFile.write(try cplexLPText(), to: url)
    }

    /// `label: c1 x1 + c2 x2 …`, eight terms a line; an empty expression is written as `0 x1` (readers need a term).
    private static func lpExpression(label: String, terms: [(Int, Double)], names: ExportNames) -> String {
        var out = " \(label):"
        if terms.isEmpty {
            if let first = names.variables.first { out += " 0 \(first)" }
            return out
        }
        for (position, (variable, coefficient)) in terms.enumerated() {
            if position > 0, position % 8 == 0 { out += "\n   " }
            let sign = coefficient < 0 ? "-" : "+"
            let magnitude = ExportNumber.text(abs(coefficient))
            out += position == 0 && sign == "+" ? " " : " \(sign) "
            out += "\(magnitude) \(names.variables[variable])"
        }
        return out
    }

    private static func wrappedNames(_ names: [String]) -> String {
        stride(from: 0, to: names.count, by: 10).map { start in
            " " + names[start..<min(start + 10, names.count)].joined(separator: " ") + "\n"
        }.joined()
    }
}
