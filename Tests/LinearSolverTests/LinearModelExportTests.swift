import Foundation
import LinearSolver
import Testing

@Suite struct LinearModelExportTests {
    /// Models covering both senses, ranged rows, free, negative and fixed variables, integers and binaries.
    static func exportModels() -> [LinearModel] {
        var mixed = LinearModel(name: "mixed: ranges & free", sense: .minimize)
        let a = mixed.addVariable("a[1,2]", kind: .integer, lower: -3, upper: 4, objective: 3)
        let b = mixed.addVariable("合计", kind: .integer, lower: -5, upper: 5, objective: -2)
        let c = mixed.addVariable("free", lower: -.infinity, upper: .infinity, objective: 0.5)
        let d = mixed.addVariable("e12", lower: -.infinity, upper: 2, objective: -0.25)
        let e = mixed.addVariable("", kind: .binary, lower: 1, upper: 1, objective: 1)
        mixed.addConstraint("sum", [LinearTerm(a, 1), LinearTerm(b, 1)], .greaterOrEqual(1.5))
        mixed.addConstraint("sum", [LinearTerm(b, 1), LinearTerm(a, -1)], .ranged(lower: -10, upper: 2.5))
        mixed.addConstraint("c-link", [LinearTerm(c, 1), LinearTerm(a, -1), LinearTerm(d, 1)], .equal(0.75))
        mixed.addConstraint("d floor", [LinearTerm(d, 1), LinearTerm(e, 1)], .ranged(lower: -4, upper: .infinity))
        var maximised = TestModels.assignment(agents: 4, jobs: 12, seed: 9)
        maximised.sense = .maximize
        return [
            TestModels.chvatalLP(),
            TestModels.knapsack(values: [10, 13, 7, 8, 9], weights: [5, 7, 4, 5, 6], capacity: 15),
            mixed,
            TestModels.assignment(agents: 4, jobs: 12, seed: 9),
            maximised,
        ]
    }

    @Test func namesAreSanitisedAndUnique() throws {
        let text = try Self.exportModels()[2].cplexLPText()
        let pattern = /^[A-Za-z_][A-Za-z0-9_]*$/
        var labels: [Substring] = []
        for line in text.split(separator: "\n") where line.hasPrefix(" ") && line.contains(":") {
            let label = line.dropFirst().prefix { $0 != ":" }
            labels.append(label)
            #expect(label.wholeMatch(of: pattern) != nil, "label \(label)")
        }
        #expect(Set(labels).count == labels.count)
        #expect(text.contains("sum_2_lo:"))
        #expect(text.contains("sum_2_hi:"))
        #expect(text.contains("_free free"))
        #expect(text.contains("-inf <= _e12 <= 2"))
        #expect(text.contains("a_1_2_"))
        #expect(!text.contains("合计"))
        #expect(text.contains("Generals"))
    }

    @Test(arguments: 0..<5)
    func mpsRoundTripsThroughASwiftReader(modelIndex: Int) throws {
        let model = Self.exportModels()[modelIndex]
        let reread = try MPSTestReader.read(try model.mpsText())
        #expect(reread.variables.count == model.variables.count)
        #expect(reread.sense == model.sense)
        let original = try GLPKSolver().solve(model)
        let again = try GLPKSolver().solve(reread)
        #expect(original.status == .optimal && again.status == .optimal)
        #expect(abs((original.objective ?? 0) - (again.objective ?? 1)) < 1e-6)
    }

    static let glpsol: URL? = ["/usr/bin/glpsol", "/usr/local/bin/glpsol"]
        .map { URL(fileURLWithPath: $0) }
        .first { FileManager.default.isExecutableFile(atPath: $0.path) }

    @Test(.enabled(if: glpsol != nil, "glpsol is not installed"), arguments: 0..<5)
    func glpsolReSolvesExportedFiles(modelIndex: Int) throws {
        let model = Self.exportModels()[modelIndex]
        let expected = try #require(try GLPKSolver().solve(model).objective)
        let directory = FileManager.default.temporaryDirectory
            .appendingPathComponent("wangge-export-\(modelIndex)-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let lpFile = directory.appendingPathComponent("model.lp")
        let mpsFile = directory.appendingPathComponent("model.mps")
        try model.writeCPLEXLP(to: lpFile)
        // GLPK's MPS reader knows no OBJSENSE section: drop it and say --max instead, as a GLPK user would.
        let mps = try model.mpsText().replacingOccurrences(of: "OBJSENSE\n    MAX\n", with: "")
        try mps.write(to: mpsFile, atomically: true, encoding: .utf8)
        let senseFlags = model.sense == .maximize ? ["--max"] : []
        for (flags, file) in [(["--lp"], lpFile), (["--freemps"] + senseFlags, mpsFile)] {
            let objective = try Self.glpsolObjective(flags: flags, file: file, in: directory)
            let flag = flags[0]
            #expect(abs(objective - expected) < 1e-6, "\(flag): glpsol \(objective), ours \(expected)")
        }
    }

    /// Runs glpsol and reads `Objective:  obj = 13 (MAXimum)` from its report.
    private static func glpsolObjective(flags: [String], file: URL, in directory: URL) throws -> Double {
        let report = directory.appendingPathComponent("report-\(flags[0].dropFirst(2)).txt")
        let process = Process()
        process.executableURL = try #require(glpsol)
        process.arguments = [flags[0], file.path] + flags.dropFirst() + ["-o", report.path]
        process.standardOutput = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        #expect(process.terminationStatus == 0)
        let text = try String(contentsOf: report, encoding: .utf8)
        let line = try #require(text.split(separator: "\n").first { $0.hasPrefix("Objective:") })
        let value = try #require(line.split(separator: "=").last?.split(separator: " ").first)
        return try #require(Double(value))
    }
}

/// A minimal free-MPS reader for the exporter's own output (sections, markers, RHS, RANGES, BOUNDS).
enum MPSTestReader {
    struct Failure: Error { let line: String }

    static func read(_ text: String) throws -> LinearModel {
        var model = LinearModel(name: "reread", sense: .minimize)
        var section = ""
        var rowKinds: [(String, Character)] = []
        var rowIndex: [String: Int] = [:]
        var columnIndex: [String: VariableIndex] = [:]
        var entries: [String: [LinearTerm]] = [:]
        var rhs: [String: Double] = [:]
        var ranges: [String: Double] = [:]
        var integral = false
        for line in text.split(separator: "\n") {
            let tokens = line.split(separator: " ").map(String.init)
            guard let first = tokens.first else { continue }
            if !line.hasPrefix(" ") {
                section = first
                continue
            }
            switch section {
            case "OBJSENSE":
                model.sense = first == "MAX" ? .maximize : .minimize
            case "ROWS":
                if tokens[0] != "N" {
                    rowIndex[tokens[1]] = rowKinds.count
                    rowKinds.append((tokens[1], Character(tokens[0])))
                }
            case "COLUMNS":
                if tokens[1] == "'MARKER'" {
                    integral = tokens[2] == "'INTORG'"
                    continue
                }
                let column = columnIndex[tokens[0]] ?? model.addVariable(
                    tokens[0], kind: integral ? .integer : .continuous, lower: 0, upper: .infinity
                )
                columnIndex[tokens[0]] = column
                guard let value = Double(tokens[2]) else { throw Failure(line: String(line)) }
                if tokens[1] == "obj" {
                    model.variables[column.rawValue].objective = value
                } else {
                    entries[tokens[1], default: []].append(LinearTerm(column, value))
                }
            case "RHS":
                rhs[tokens[1]] = Double(tokens[2])
            case "RANGES":
                ranges[tokens[1]] = Double(tokens[2])
            case "BOUNDS":
                guard let column = columnIndex[tokens[2]] else { throw Failure(line: String(line)) }
                let value = tokens.count > 3 ? Double(tokens[3]) ?? .nan : .nan
                switch tokens[0] {
                case "UP": model.variables[column.rawValue].upperBound = value
                case "LO": model.variables[column.rawValue].lowerBound = value
                case "FX":
                    model.variables[column.rawValue].lowerBound = value
                    model.variables[column.rawValue].upperBound = value
                case "FR":
                    model.variables[column.rawValue].lowerBound = -.infinity
                    model.variables[column.rawValue].upperBound = .infinity
                case "MI": model.variables[column.rawValue].lowerBound = -.infinity
                case "PL": model.variables[column.rawValue].upperBound = .infinity
                case "BV":
                    model.variables[column.rawValue].kind = .binary
                    model.variables[column.rawValue].lowerBound = 0
                    model.variables[column.rawValue].upperBound = 1
                default: throw Failure(line: String(line))
                }
            default:
                throw Failure(line: String(line))
            }
        }
        for (name, kind) in rowKinds {
            let value = rhs[name] ?? 0
            let bounds: ConstraintBounds
            switch (kind, ranges[name]) {
            case ("G", let range?): bounds = .ranged(lower: value, upper: value + abs(range))
            case ("G", nil): bounds = .greaterOrEqual(value)
            case ("L", _): bounds = .lessOrEqual(value)
            default: bounds = .equal(value)
            }
            model.addConstraint(name, entries[name] ?? [], bounds)
        }
        return model
    }
}
