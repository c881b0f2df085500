/// Unique names that every LP and MPS reader accepts, derived from the model's names.
///
/// A name keeps letters, digits and `_` (anything else becomes `_`), never starts with a digit or a period, never
/// reads as a keyword or an exponent (`e12`), is at most 200 characters, and is unique among its kind (variables,
/// or rows, where `obj` is reserved for the objective).
struct ExportNames {
    let variables: [String]
    let rows: [String]
    /// Row names of the lower and upper halves of each ranged constraint (for the LP format, which has no ranges).
    let rangeRows: [Int: (lower: String, upper: String)]

    static let objectiveName = "obj"

    private static let reserved: Set<String> = [
        "min", "max", "minimize", "maximize", "minimum", "maximum", "minimise", "maximise", "st", "s", "t", "subject",
        "to", "such", "that", "bound", "bounds", "free", "inf", "infinity", "gen", "general", "generals", "generic",
        "bin", "binary", "binaries", "semi", "semis", "semicontinuous", "sos", "end", "obj", "rhs", "rng", "bnd",
    ]

    init(model: LinearModel) {
        var variableNames = Allocator(taken: [])
        variables = model.variables.enumerated().map { index, variable in
            variableNames.unique(Self.sanitised(variable.name, fallback: "x\(index + 1)"))
        }
        var rowNames = Allocator(taken: [Self.objectiveName])
        var rows: [String] = []
        var ranges: [Int: (lower: String, upper: String)] = [:]
        for (index, constraint) in model.constraints.enumerated() {
            let base = Self.sanitised(constraint.name, fallback: "c\(index + 1)")
            let name = rowNames.unique(base)
            rows.append(name)
            if case .ranged = constraint.bounds {
                ranges[index] = (rowNames.unique(name + "_lo"), rowNames.unique(name + "_hi"))
            }
        }
        self.rows = rows
        self.rangeRows = ranges
    }

    static func sanitised(_ name: String, fallback: String) -> String {
        var result = String(
            name.unicodeScalars.map { scalar -> Character in
                let ascii = scalar.isASCII && (scalar.properties.isAlphabetic || ("0"..."9").contains(scalar))
                return ascii || scalar == "_" ? Character(scalar) : "_"
            }
        )
        if result.isEmpty { result = fallback }
        if result.count > 200 { result = String(result.prefix(200)) }
        let first = result.unicodeScalars.first.map { ("0"..."9").contains($0) } ?? true
        let exponentLike = result.count > 1 && (result.first == "e" || result.first == "E")
            && result.dropFirst().first.map { $0.isNumber } == true
        if first || exponentLike || reserved.contains(result.lowercased()) {
            result = "_" + result
        }
        return result
    }

    private struct Allocator {
        var taken: Set<String>

        mutating func unique(_ base: String) -> String {
            var candidate = base
            var suffix = 2
            while taken.contains(candidate) {
                candidate = "\(base)_\(suffix)"
                suffix += 1
            }
            taken.insert(candidate)
            return candidate
        }
    }
}
