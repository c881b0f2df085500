import Foundation
import GridModel

/// Reads the files a staffing job takes besides the street: a plan folder's grids.csv, a locks file, the current
/// staffing (leaders.csv, cadres.csv) and the optional score columns of people.csv.
///
/// grids.csv and locks are read by the street reader's own row code, seeded with the street already loaded, so they
/// are checked exactly as a street's grids.csv and locks.csv are (unknown building, unknown person, community
/// mismatch, bad floors), with file, line, column, value and what was expected.
public struct PlanFolderReader: Sendable {
    /// The street the plan belongs to.
    public let street: Street

    /// A reader for plans of `street`.
    public init(street: Street) {
        self.street = street
    }

    /// The plan folder's grids.csv rows, sorted by building.
    public func readGrids(in directory: URL) throws(GridDataError) -> [GridAssignment] {
        let reading = seeded(directory: directory)
        let path = directory.appendingPathComponent(StreetFile.grids.fileName).path
        guard FileManager.default.fileExists(atPath: path) else {
            throw GridDataError(
                DataIssue(
                    file: path, problem: Message.text("data.plan.no_grids"),
                    expected: Message.text("data.plan.grids_expected", ["folder": directory.path])))
        }
        reading.readGrids()
        guard reading.log.isEmpty, let plan = reading.currentPlan else { throw reading.log.error() }
        return plan.enumerated().sorted {
            $0.element.buildingID != $1.element.buildingID
                ? $0.element.buildingID < $1.element.buildingID : $0.offset < $1.offset
        }.map(\.element)
    }

    /// A locks file (locks.csv columns) at any path.
    public func readLocks(file: URL) throws(GridDataError) -> [PlanLock] {
        guard FileManager.default.fileExists(atPath: file.path) else {
            throw GridDataError(DataIssue(file: file.path, problem: Message.text("data.plan.no_locks_file"),
                    expected: Message.text("data.plan.locks_csv")))
        }
        let link = try StreetFileLink(file, as: .locks, reportedName: file.path)
        defer { link.remove() }
        let reading = seeded(directory: link.directory)
        reading.readLocks()
        guard reading.log.isEmpty else { throw link.renamingIssues(of: reading.log.error()) }
        return reading.locks
    }

    /// The current staffing: leaders.csv (required in the folder) and cadres.csv (optional).
    public func readCurrentPosts(in directory: URL) throws(GridDataError) -> [StaffingPostRow] {
        var log = IssueLog(limitPerFile: StreetLoader.defaultIssueLimitPerFile)
        var rows: [StaffingPostRow] = []
        let people = Set(street.people.map(\.id.rawValue))
        /// The row's person_id when people.csv has it; an unknown one is logged.
        func knownPerson(_ row: CSVRow, _ log: inout IssueLog) -> String? {
            guard let person = row.text("person_id") else { return nil }
            guard people.contains(person) else {
                log.add(
                    row.issue(
                        "person_id", value: person, problem: Message.text("data.ref.unknown_person"),
                        expected: Message.text("data.roster.person_of")))
                return nil
            }
            return person
        }
        let leaders = directory.appendingPathComponent("leaders.csv")
        PlanTable.read(leaders, name: leaders.path, required: ["role", "grid_id", "person_id"], log: &log) { row, log in
            guard let role = row.text("role"), let person = knownPerson(row, &log) else { return }
            rows.append(
                StaffingPostRow(
                    role: role, personID: PersonID(person), gridID: row.text("grid_id").map { GridID($0) },
                    microGridID: row.text("micro_grid_id").map { MicroGridID($0) },
                    buildingID: row.text("building_id").map { BuildingID($0) }))
        }
        let cadres = directory.appendingPathComponent("cadres.csv")
        PlanTable.read(
            cadres, name: cadres.path, required: ["person_id", "grid_id", "post"], log: &log,
            isRequired: false
        ) { row, log in
            guard let post = row.text("post"), let person = knownPerson(row, &log) else { return }
            rows.append(
                StaffingPostRow(role: post, personID: PersonID(person), gridID: row.text("grid_id").map { GridID($0) }))
        }
        guard log.isEmpty else { throw log.error() }
        return rows
    }

    /// The `ability` and `enthusiasm` columns of the street's people.csv, when it has either; empty otherwise.
    public func readScores(streetDirectory: URL) throws(GridDataError) -> [PersonScoreRow] {
        var log = IssueLog(limitPerFile: StreetLoader.defaultIssueLimitPerFile)
        var rows: [PersonScoreRow] = []
        let url = streetDirectory.appendingPathComponent(StreetFile.people.fileName)
        PlanTable.read(url, name: StreetFile.people.fileName, required: ["person_id"], log: &log, isRequired: false) {
            row, log in
            guard row.header.has("ability") || row.header.has("enthusiasm"), let person = row.text("person_id") else {
                return
            }
            let ability =
                row.isEmpty("ability")
                ? nil : row.decimal("ability", in: 0...1e9, what: DataNoun.abilityScore, log: &log)
            let enthusiasm =
                row.isEmpty("enthusiasm")
                ? nil : row.decimal("enthusiasm", in: 0...1e9, what: DataNoun.enthusiasmScore, log: &log)
            if ability != nil || enthusiasm != nil {
                rows.append(PersonScoreRow(personID: PersonID(person), ability: ability, enthusiasm: enthusiasm))
            }
        }
        guard log.isEmpty else { throw log.error() }
        return rows
    }

    /// A street reading whose registries already hold the loaded street, so references are checked against it.
    private func seeded(directory: URL) -> StreetReading {
        let reading = StreetReading(directory: directory, issueLimitPerFile: StreetLoader.defaultIssueLimitPerFile)
        for building in street.buildings {
            reading.buildingLines[building.id.rawValue] = 1
            reading.buildings[building.id] = building
            reading.buildingCommunityIDs.insert(building.communityID.rawValue)
        }
        var lines: [String: Int] = [:]
        for community in street.communities { lines[community.id.rawValue] = 1 }
        reading.communityLines = street.communities.isEmpty ? nil : lines
        var unitNames: [BuildingID: Set<String>] = [:]
        for unit in street.units { unitNames[unit.buildingID, default: []].insert(unit.name) }
        reading.unitNames = unitNames
        var people: [String: Int] = [:]
        for person in street.people { people[person.id.rawValue] = 1 }
        reading.personLines = people
        return reading
    }
}
