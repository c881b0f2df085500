import Foundation

extension LinearModel {
    /// The model in free MPS format (HiGHS, CBC, CPLEX, `glpsol --freemps`), with an `OBJSENSE` section for
    /// maximisation. GLPK's reader knows no `OBJSENSE`: for a maximisation, drop those two lines and run `glpsol --max`
    /// (or use the LP format, which states the sense).
    ///
    /// Integer variables sit between `MARKER` lines and always get explicit bounds, because readers disagree on the
    /// default bounds of integer columns.
    /// - Throws: ``LinearSolverError`` when the model is invalid.
    /// - Complexity: O(number of variables + number of constraint terms).
    public func mpsText() throws(LinearSolverError) -> String {
        try validate()
        let names = ExportNames(model: self)
        var out = "NAME \(ExportNames.sanitised(name, fallback: "model"))\n"
        if sense == .maximize { out += "OBJSENSE\n    MAX\n" }
        out += "ROWS\n N \(ExportNames.objectiveName)\n"
        var columnEntries = Array(repeating: [(row: String, value: Double)](), count: variables.count)
        for (index, variable) in variables.enumerated() where variable.objective != 0 {
            columnEntries[index].append((ExportNames.objectiveName, variable.objective))
        }
        var rhs: [(String, Double)] = []
        var ranges: [(String, Double)] = []
        for (index, constraint) in constraints.enumerated() {
            let row = names.rows[index]
            let lower = constraint.bounds.lower
            let upper = constraint.bounds.upper
            switch (lower.isFinite, upper.isFinite) {
            case (false, false):
                out += " N \(row)\n"
            case (true, false):
                out += " G \(row)\n"
                rhs.append((row, lower))
            case (false, true):
                out += " L \(row)\n"
                rhs.append((row, upper))
            case (true, true):
                if lower == upper {
                    out += " E \(row)\n"
                } else {
                    // A G row with range R means [rhs, rhs + |R|].
                    out += " G \(row)\n"
                    ranges.append((row, upper - lower))
                }
                rhs.append((row, lower))
            }
            var merged: [Int: Double] = [:]
            for term in constraint.terms { merged[term.variable.rawValue, default: 0] += term.coefficient }
            for (variable, coefficient) in merged.sorted(by: { $0.key < $1.key }) where coefficient != 0 {
                columnEntries[variable].append((row, coefficient))
            }
        }
        out += "COLUMNS\n"
        var inIntegerBlock = false
        var marker = 0
        for (index, variable) in variables.enumerated() {
            let integral = variable.kind != .continuous
            if integral != inIntegerBlock {
                marker += 1
                out += "    M\(marker) 'MARKER' \(integral ? "'INTORG'" : "'INTEND'")\n"
                inIntegerBlock = integral
            }
            let entries = columnEntries[index].isEmpty ? [(ExportNames.objectiveName, 0.0)] : columnEntries[index]
            for (row, value) in entries {
                out += "    \(names.variables[index]) \(row) \(ExportNumber.text(value))\n"
            }
        }
        if inIntegerBlock { out += "    M\(marker + 1) 'MARKER' 'INTEND'\n" }
        out += "RHS\n"
        for (row, value) in rhs where value != 0 { out += "    RHS \(row) \(ExportNumber.text(value))\n" }
        if !ranges.isEmpty {
            out += "RANGES\n"
            for (row, value) in ranges { out += "    RNG \(row) \(ExportNumber.text(value))\n" }
        }
        out += "BOUNDS\n"
        for (index, variable) in variables.enumerated() {
            out += Self.mpsBounds(variable, name: names.variables[index])
        }
        out += "ENDATA\n"
        return out
    }

    /// Writes ``mpsText()`` to `url`.
    /// - Throws: ``LinearSolverError`` when the model is invalid or the file cannot be written.
    public func writeMPS(to url: URL) throws(LinearSolverError) {
        try ExportFile.write(try mpsText(), to: url)
    }

    private static func mpsBounds(_ variable: LinearVariable, name: String) -> String {
        let lower = variable.lowerBound
        let upper = variable.upperBound
        let integral = variable.kind != .continuous
        if variable.kind == .binary, lower == 0, upper == 1 { return " BV BND \(name)\n" }
        if lower.isFinite, lower == upper { return " FX BND \(name) \(ExportNumber.text(lower))\n" }
        if !lower.isFinite, !upper.isFinite { return " FR BND \(name)\n" }
        var out = ""
        if lower.isFinite {
            if lower != 0 || integral { out += " LO BND \(name) \(ExportNumber.text(lower))\n" }
        } else {
            out += " MI BND \(name)\n"
        }
        if upper.isFinite {
            out += " UP BND \(name) \(ExportNumber.text(upper))\n"
        } else if integral {
            out += " PL BND \(name)\n"
        }
        return out
    }
}
