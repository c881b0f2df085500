import Foundation
import GeneralizedAssignment
import GridData
import LinearSolver

/// Paths and known values of the GAP fixtures (copied from OR-Library and Yagiura's sets).
enum GapFixtures {
    static var directory: URL {
        get throws {
            guard let url = Bundle.module.url(forResource: "Fixtures", withExtension: nil) else {
                throw GridDataError(DataIssue(file: "Fixtures", problem: "test fixtures missing"))
            }
            return url.appendingPathComponent("gap")
        }
    }

    static func url(_ name: String) throws -> URL { try directory.appendingPathComponent(name) }

    /// The problems of one fixture file, as the solver takes them.
    static func problems(_ name: String) throws -> [GeneralizedAssignmentProblem] {
        try GeneralizedAssignmentFileReader.read(contentsOf: try url(name)).map {
            try GeneralizedAssignmentProblem(name: $0.name, cost: $0.cost, resource: $0.resource, capacity: $0.capacity)
        }
    }

    /// Known optimum per instance name (`gap1-0`, `c05100`) and sense, from `known_values.csv`.
    static func knownValues() throws -> [String: [ObjectiveSense: Double]] {
        let text = try String(contentsOf: try url("known_values.csv"), encoding: .utf8)
        var values: [String: [ObjectiveSense: Double]] = [:]
        for line in text.split(separator: "\n").dropFirst() {
            // Only the first columns are read; the quoted note at the end may hold commas.
            let fields = line.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
            guard fields.count >= 7, let sense = ObjectiveSense(rawValue: fields[4]), let value = Double(fields[5]),
                fields[6] == "optimal"
            else { continue }
            values[fields[1], default: [:]][sense] = value
        }
        return values
    }
}
