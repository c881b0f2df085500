import Foundation
import GridData
import Staffing

/// Writes a staffing plan's files (../shared/spec/data-format.md, "Other outputs") into a folder.
struct StaffOutputWriter {
    let directory: URL

    func write(_ plan: StaffingPlan) throws {
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        try table(
            "leaders.csv", ["role", "grid_id", "micro_grid_id", "building_id", "person_id", "reason"],
            plan.leaders.map {
                [
                    $0.role.rawValue, $0.gridID.rawValue, $0.microGridID?.rawValue ?? "",
                    $0.buildingID?.rawValue ?? "", $0.personID.rawValue, $0.reason,
                ]
            })
        try table(
            "cadres.csv", ["person_id", "grid_id", "post", "hours", "department", "reason"],
            plan.cadrePosts.map {
                [
                    $0.personID.rawValue, $0.gridID.rawValue, $0.post, Self.number($0.hours),
                    $0.departmentID?.rawValue ?? "", $0.reason,
                ]
            })
        try table(
            "mentoring.csv", ["mentor_id", "new_worker_id", "reason"],
            plan.mentoring.map { [$0.mentorID.rawValue, $0.newWorkerID.rawValue, $0.reason] })
        try table(
            "reporting.csv", ["person_id", "community_id", "grid_id", "reason"],
            plan.reporting.map { [$0.personID.rawValue, $0.communityID.rawValue, $0.gridID.rawValue, $0.reason] })
        try table(
            "shortfalls.csv",
            ["rule_id", "community_id", "grid_id", "micro_grid_id", "building_id", "person_id", "missing", "reason"],
            plan.shortfalls.map {
                [
                    $0.ruleID.rawValue, $0.communityID?.rawValue ?? "", $0.gridID?.rawValue ?? "",
                    $0.microGridID?.rawValue ?? "", $0.buildingID?.rawValue ?? "", $0.personID?.rawValue ?? "",
                    String($0.missing), $0.message,
                ]
            })
        try json(plan.kpis, to: "kpis.json")
    }

    /// run.json: what varies between runs, and nothing else.
    func writeRun(started: Date, seconds: [String: Double]) throws {
        struct Run: Encodable {
            var started: String
            var seconds: [String: Double]
        }
        try json(Run(started: ISO8601DateFormatter().string(from: started), seconds: seconds), to: "run.json")
    }

    private func table(_ name: String, _ header: [String], _ rows: [[String]]) throws {
        let writer = try CSVWriter(url: directory.appendingPathComponent(name), header: header)
        for row in rows { try writer.write(row) }
        try writer.close()
    }

    private func json(_ value: some Encodable, to name: String) throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
        var data = try encoder.encode(value)
        data.append(0x0A)
        try data.write(to: directory.appendingPathComponent(name), options: .atomic)
    }

    /// Hours with at most two decimals.
    static func number(_ value: Double) -> String {
        let rounded = (value * 100).rounded() / 100
        return rounded == rounded.rounded()
            ? String(Int(rounded))
            : String(format: "%.2f", rounded)
                .replacingOccurrences(of: #"0+$"#, with: "", options: .regularExpression)
    }
}
