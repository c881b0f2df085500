import Foundation
import GridData
import GridModel
import Staffing

/// Writes the staffing CSVs (../shared/spec/data-format.md, "Other outputs"): leaders.csv, cadres.csv,
/// mentoring.csv, reporting.csv and shortfalls.csv.
///
/// The spec's columns come first and in order (ids first), so that the plan readers (`--current`, the roster's
/// plan folder) read them as before; after them come the names a planner posts or phones from: the person's
/// `name`, `phone` and `department_name`, then the `community_name` and `grid_name` (幸福社区第3网格) of the post.
/// mentoring.csv names both people, and the new worker's community. Cells go through ``CSVWriter``, so a name a
/// spreadsheet would run as a formula is written neutralised.
struct StaffingTableWriter {
    /// leaders.csv's columns.
    static let leadersHeader = [
        "role", "grid_id", "micro_grid_id", "building_id", "person_id", "reason",
        "name", "phone", "department_name", "community_name", "grid_name", "micro_grid_name",
    ]
    /// cadres.csv's columns; `department` (the cadre's department id) came before the names were added.
    static let cadresHeader = [
        "person_id", "grid_id", "post", "hours", "department", "reason",
        "name", "phone", "department_name", "community_name", "grid_name",
    ]
    /// mentoring.csv's columns.
    static let mentoringHeader = [
        "mentor_id", "new_worker_id", "reason",
        "mentor_name", "mentor_phone", "new_worker_name", "new_worker_phone", "community_name",
    ]
    /// reporting.csv's columns.
    static let reportingHeader = [
        "person_id", "community_id", "grid_id", "reason",
        "name", "phone", "department_name", "community_name", "grid_name",
    ]
    /// shortfalls.csv's columns (the engine's own file: where a rule is short of people, and why).
    static let shortfallsHeader = [
        "rule_id", "community_id", "grid_id", "micro_grid_id", "building_id", "person_id", "missing", "reason",
    ]

    let names: PlanNames

    /// Writes every staffing table into `folder`.
    func write(_ plan: StaffingPlan, into folder: JobFolder) throws {
        try table(folder, "leaders.csv", Self.leadersHeader, plan.leaders.map(leaderRow))
        try table(folder, "cadres.csv", Self.cadresHeader, plan.cadrePosts.map(cadreRow))
        try table(folder, "mentoring.csv", Self.mentoringHeader, plan.mentoring.map(mentoringRow))
        try table(folder, "reporting.csv", Self.reportingHeader, plan.reporting.map(reportingRow))
        try table(folder, "shortfalls.csv", Self.shortfallsHeader, plan.shortfalls.map(shortfallRow))
    }

    /// Name, phone and department name of a person.
    private func personCells(_ person: PersonID) -> [String] {
        [names.name(of: person), names.phone(of: person), names.departmentName(of: person)]
    }

    private func leaderRow(_ leader: LeaderAssignment) -> [String] {
        let grid = leader.gridID
        return [
            leader.role.rawValue, grid.rawValue, leader.microGridID?.rawValue ?? "", leader.buildingID?.rawValue ?? "",
            leader.personID.rawValue, leader.reason,
        ]
            + personCells(leader.personID)
            + [
                names.communityName(ofGrid: grid), names.gridName(grid),
                names.microGridName(leader.microGridID, inGrid: grid),
            ]
    }

    private func cadreRow(_ post: CadrePostAssignment) -> [String] {
        let person = post.personID
        // The post's department is the cadre's own (people.csv); the person's is the fallback for a post without.
        let department =
            post.departmentID.map { names.departmentName($0) } ?? names.departmentName(of: person)
        return [
            person.rawValue, post.gridID.rawValue, post.post, StaffingNumber.text(post.hours),
            post.departmentID?.rawValue ?? "", post.reason, names.name(of: person), names.phone(of: person), department,
            names.communityName(ofGrid: post.gridID), names.gridName(post.gridID),
        ]
    }

    private func mentoringRow(_ pairing: MentorPairing) -> [String] {
        [
            pairing.mentorID.rawValue, pairing.newWorkerID.rawValue, pairing.reason,
            names.name(of: pairing.mentorID), names.phone(of: pairing.mentorID),
            names.name(of: pairing.newWorkerID), names.phone(of: pairing.newWorkerID),
            names.communityName(names.community(of: pairing.newWorkerID)),
        ]
    }

    private func reportingRow(_ placement: ReportingPlacement) -> [String] {
        [placement.personID.rawValue, placement.communityID.rawValue, placement.gridID.rawValue, placement.reason]
            + personCells(placement.personID)
            + [names.communityName(placement.communityID), names.gridName(placement.gridID)]
    }

    private func shortfallRow(_ shortfall: Finding) -> [String] {
        let place = shortfall.location
        return [
            shortfall.ruleID.rawValue, place.communityID?.rawValue ?? "", place.gridID?.rawValue ?? "",
            place.microGridID?.rawValue ?? "", place.buildingID?.rawValue ?? "", place.personID?.rawValue ?? "",
            String(shortfall.missing), shortfall.message,
        ]
    }

    private func table(_ folder: JobFolder, _ name: String, _ header: [String], _ rows: [[String]]) throws {
        let writer = try CSVWriter(url: folder.url(name), header: header, privacy: folder.privacy)
        for row in rows { try writer.write(row) }
        try writer.close()
    }
}
