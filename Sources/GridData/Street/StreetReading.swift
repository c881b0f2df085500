import Foundation
import GridModel

/// The state of one street-folder read: what each file has contributed so far and the problems found.
///
/// Files are read in dependency order (communities and departments, buildings, units, geometry, people, residents,
/// plan, history) so that every reference can be checked against the files before it. An id whose row has other
/// problems is still registered, so one bad cell does not cascade into "unknown building" errors elsewhere.
final class StreetReading {
    let directory: URL
    var log: IssueLog
    var files: [LoadedStreet.FileReport] = []
    /// Files that exist but could not be read (bad encoding, empty, broken header): references into them are not
    /// checked, so that one broken file is reported once rather than as unknown ids everywhere else.
    /// A short array rather than a set: it is almost always empty and is asked on every reference checked.
    var unreadable: [StreetFile] = []
    /// Data rows the current file is expected to hold (its line count), for reserving capacity.
    private(set) var expectedRows = 0

    /// How positions are given: set by buildings.csv; barriers and people must use the same frame.
    enum Frame {
        case planar
        case geodetic
    }

    var frame: Frame?
    var projection: GeodeticProjection?

    // Registries: id → the line that defined it (first definition wins).
    var communityLines: [String: Int]?
    var communities: [CommunityID: Community] = [:]
    /// Where community_id sits in communities.csv, for messages about a community found after its file was read.
    var communityIDColumn: (column: Int, name: String)?
    var departmentLines: [String: Int]?
    var departments: [Department] = []
    var buildingLines: [String: Int] = [:]
    var buildingCommunityIDs: Set<String> = []
    /// Valid buildings by id (positions still raw until the projection is known).
    var buildings: [BuildingID: Building] = [:]
    var units: [StairwellUnit] = []
    /// Unit names of each building that has units (listed or derived).
    var unitNames: [BuildingID: Set<String>] = [:]
    var adjacency: [BuildingPair]?
    var barriers: [Segment] = []
    var personLines: [String: Int]?
    var people: [Person] = []
    var residentLines: [String: Int]?
    var residents: [Resident] = []
    var currentPlan: [GridAssignment]?
    var locks: [PlanLock] = []
    var visits: [Visit] = []
    var requests: [ServiceRequest] = []

    /// When set, person references are collected here and checked once people.csv has been read (residents.csv
    /// is read alongside people.csv on another thread).
    var deferredPersonReferences: [DeferredReference]?

    /// A reference to check later, with just enough to report it: the issue is built only if it is unknown.
    struct DeferredReference {
        let id: String
        let line: Int
        let column: Int?
        let columnName: String?
    }

    init(directory: URL, issueLimitPerFile: Int) {
        self.directory = directory
        self.log = IssueLog(limitPerFile: issueLimitPerFile)
    }

    /// Reads every file; returns the street when buildings.csv could be read at all (problems are in `log`).
    func run() -> Street? {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: directory.path, isDirectory: &isDirectory), isDirectory.boolValue
        else {
            log.add(
                DataIssue(
                    file: directory.path, problem: "no such street folder",
                    expected: "a folder holding buildings.csv and the other street files"))
            return nil
        }
        readCommunities()
        readDepartments()
        readBuildings()
        readUnits()
        readAdjacency()
        readBarriers()
        readPeopleAndResidents()
        readGrids()
        readLocks()
        readVisits()
        readRequests()
        guard log.isEmpty else { return nil }
        return assemble()
    }

    /// Sorts everything by id so that the same folder always gives the same street.
    private func assemble() -> Street {
        let communityList: [Community]
        if communityLines != nil {
            communityList = communities.values.sorted { $0.id < $1.id }
        } else {
            communityList = buildingCommunityIDs.map { Community(id: CommunityID($0)) }.sorted { $0.id < $1.id }
        }
        let sortedUnits = units.enumerated().sorted { lhs, rhs in
            lhs.element.buildingID != rhs.element.buildingID
                ? lhs.element.buildingID < rhs.element.buildingID : lhs.offset < rhs.offset
        }.map(\.element)
        let sortedPlan = currentPlan.map { plan in
            plan.enumerated().sorted { lhs, rhs in
                lhs.element.buildingID != rhs.element.buildingID
                    ? lhs.element.buildingID < rhs.element.buildingID : lhs.offset < rhs.offset
            }.map(\.element)
        }
        return Street(
            communities: communityList,
            buildings: buildings.values.sorted { $0.id < $1.id },
            units: sortedUnits,
            adjacency: adjacency,
            barriers: barriers,
            departments: departments.sorted { $0.id < $1.id },
            people: Self.sortedByID(&people, \.id),
            residents: Self.sortedByID(&residents, \.id),
            currentPlan: sortedPlan,
            locks: locks,
            visits: visits.sorted { lhs, rhs in
                if lhs.date != rhs.date { return lhs.date < rhs.date }
                if lhs.personID != rhs.personID { return lhs.personID < rhs.personID }
                return lhs.residentID < rhs.residentID
            },
            requests: requests.sorted { $0.id < $1.id },
            projection: projection
        )
    }

    /// Sorts in place (files usually come sorted, so the check usually skips the sort) and hands the array over.
    private static func sortedByID<Element, ID: Comparable>(
        _ elements: inout [Element], _ id: KeyPath<Element, ID>
    ) -> [Element] {
        var isSorted = true
        var index = 1
        while index < elements.count {
            if elements[index][keyPath: id] < elements[index - 1][keyPath: id] {
                isSorted = false
                break
            }
            index += 1
        }
        if !isSorted { elements.sort { $0[keyPath: id] < $1[keyPath: id] } }
        let result = elements
        elements = []
        return result
    }

    // MARK: - Reading one table

    /// How a file's header must look: columns that must all be present, and groups of which one must be.
    struct Columns {
        var required: [String]
        /// Each inner list is one way of giving a value (`["x", "y"]` or `["lat", "lon"]`); one must be complete.
        var alternatives: [[[String]]] = []
    }

    /// The header of the file being read, for checks made after its rows.
    private(set) var currentHeader: CSVHeader?

    /// Reads one file: decodes it, resolves its header, checks field counts, and hands each sound row to `row`.
    ///
    /// - Parameters:
    ///   - idColumn: the column whose value identifies a row; registered through `register` even when the row is
    ///     malformed, so that references to it are not reported as unknown.
    ///   - header: called once with the resolved header when it has every required column; return false to skip
    ///     the rows.
    /// - Returns: whether the file was present and its header usable.
    @discardableResult
    func readTable(
        _ file: StreetFile, columns: Columns, idColumn: String? = nil, register: ((String, Int) -> Void)? = nil,
        header headerCheck: ((CSVHeader) -> Bool)? = nil, row handle: (CSVRow) -> Void
    ) -> Bool {
        let name = file.fileName
        let url = directory.appendingPathComponent(name)
        guard FileManager.default.fileExists(atPath: url.path) else {
            if file.isRequired {
                unreadable.append(file)
                log.add(
                    DataIssue(
                        file: name, problem: "the file is missing",
                        expected: "\(name) in the street folder \(directory.path)"))
            }
            return false
        }
        guard let data = readFileBytes(atPath: url.path) else {
            log.add(DataIssue(file: name, problem: "the file cannot be read", expected: "a readable file"))
            unreadable.append(file)
            return false
        }
        let text: CSVText
        switch CSVText.decode(data, file: name) {
        case .success(let decoded): text = decoded
        case .failure(let issue):
            log.add(issue)
            unreadable.append(file)
            return false
        }
        expectedRows = Self.countLines(text.bytes)
        var header: CSVHeader?
        var usable = false
        var rows = 0
        let syntaxIssues = CSVParser.forEachRecord(in: text.bytes, from: text.start, file: name) { record in
            guard let resolved = header else {
                let made = CSVHeader(record: record)
                header = made
                currentHeader = made
                usable = checkHeader(made, file: name, line: record.line, columns: columns)
                if usable, let headerCheck { usable = headerCheck(made) }
                return
            }
            rows += 1
            guard usable else { return }
            let row = CSVRow(file: name, record: record, header: resolved)
            if record.count != resolved.count {
                reportFieldCount(row)
                if let idColumn, let register, let index = resolved.index(of: idColumn), index < record.count,
                    let id = row.text(idColumn)
                {
                    register(id, record.line(ofField: index))
                }
                return
            }
            handle(row)
        }
        for var issue in syntaxIssues {
            if let header, let column = issue.column, column <= header.count, !header.name(at: column - 1).isEmpty {
                issue.columnName = header.name(at: column - 1)
            }
            log.add(issue)
        }
        files.append(LoadedStreet.FileReport(file: file, encoding: text.encoding, rows: rows))
        if header == nil || !usable { unreadable.append(file) }
        if header == nil {
            log.add(
                DataIssue(
                    file: name, line: 1,
                    problem: text.encoding == .utf8WithBOM
                        ? "the file is empty (only a byte-order mark)" : "the file is empty",
                    expected: "a header row naming the columns (\(describe(columns)))"))
            return false
        }
        return usable
    }

    /// Line feeds (or lone carriage returns) in the text: an upper bound on its records, cheap to count.
    private static func countLines(_ bytes: [UInt8]) -> Int {
        var lineFeeds = 0
        var carriageReturns = 0
        for byte in bytes {
            if byte == 0x0A { lineFeeds += 1 } else if byte == 0x0D { carriageReturns += 1 }
        }
        return max(lineFeeds, carriageReturns) + 1
    }

    private func reportFieldCount(_ row: CSVRow) {
        let fields = row.record.count
        let expected = row.header.count
        if fields < expected {
            let missing = row.header.name(at: fields)
            log.add(
                DataIssue(
                    file: row.file, line: row.record.line(ofField: fields - 1), column: fields + 1,
                    columnName: missing.isEmpty ? nil : missing,
                    problem: "the row has too few fields (\(fields) of \(expected))",
                    expected: "\(expected) comma-separated fields, one per header column"))
        } else {
            log.add(
                DataIssue(
                    file: row.file, line: row.record.line(ofField: expected), column: expected + 1,
                    value: row.record.string(expected),
                    problem: "the row has too many fields (\(fields) for \(expected) header columns)",
                    expected: "\(expected) comma-separated fields; quote a value that holds a comma (\"a, b\")"))
        }
    }

    /// Reports duplicate and missing columns; true when every required column is there.
    private func checkHeader(_ header: CSVHeader, file: String, line: Int, columns: Columns) -> Bool {
        var usable = true
        for (canonical, indices) in header.duplicates {
            let spellings = indices.map { "\"\(header.name(at: $0))\" (column \($0 + 1))" }.joined(separator: " and ")
            log.add(
                DataIssue(
                    file: file, line: line, column: indices[1] + 1, columnName: header.name(at: indices[1]),
                    problem: "column \(canonical) appears more than once: \(spellings)",
                    expected: "each column once"))
            usable = false
        }
        let missing = columns.required.filter { !header.has($0) }
        for name in missing {
            log.add(
                DataIssue(
                    file: file, line: line, problem: "missing column \(name)",
                    expected: "a header cell named \(Self.spellings(of: name))"))
        }
        if !missing.isEmpty { usable = false }
        for group in columns.alternatives {
            guard !group.contains(where: { $0.allSatisfy(header.has) }) else { continue }
            let ways = group.map { $0.joined(separator: ", ") }.joined(separator: "; or ")
            log.add(
                DataIssue(
                    file: file, line: line,
                    problem: "missing columns \(group[0].filter { !header.has($0) }.joined(separator: ", "))",
                    expected: "header cells \(ways)"))
            usable = false
        }
        return usable
    }

    private func describe(_ columns: Columns) -> String {
        var parts = columns.required
        for group in columns.alternatives {
            parts.append(group.map { $0.joined(separator: ", ") }.joined(separator: " or "))
        }
        return parts.joined(separator: ", ")
    }

    /// `households (or 户数)`: the canonical name with its aliases, for messages.
    static func spellings(of canonical: String) -> String {
        let aliases = ColumnAliases.table.filter { $0.canonical == canonical }.map(\.alias)
        return aliases.isEmpty ? canonical : "\(canonical) (or \(aliases.joined(separator: ", ")))"
    }

    // MARK: - Shared checks

    /// Registers `id` in `registry`, reporting a duplicate; returns false for a duplicate.
    func register(
        _ id: String, in registry: inout [String: Int], row: CSVRow, column: String, what: String
    ) -> Bool {
        if let first = registry[id] {
            log.add(
                row.issue(
                    column, value: id, problem: "duplicate \(what) id",
                    expected: "each \(column) once (first on line \(first))"))
            return false
        }
        registry[id] = row.line
        return true
    }

    /// Checks that a referenced building exists.
    func checkBuilding(_ id: String, row: CSVRow, column: String) -> Bool {
        guard buildingLines[id] == nil, !unreadable.contains(.buildings) else { return true }
        log.add(
            row.issue(column, value: id, problem: "unknown building", expected: "a building_id listed in buildings.csv")
        )
        return false
    }

    /// Checks that a referenced community exists (in communities.csv when given, else among the buildings').
    func checkCommunity(_ id: String, row: CSVRow, column: String) -> Bool {
        guard !unreadable.contains(.communities) else { return true }
        if let communityLines {
            guard communityLines[id] == nil else { return true }
            log.add(
                row.issue(
                    column, value: id, problem: "unknown community",
                    expected: "a community_id listed in communities.csv"))
            return false
        }
        guard !buildingCommunityIDs.contains(id), !unreadable.contains(.buildings) else { return true }
        log.add(
            row.issue(
                column, value: id, problem: "unknown community",
                expected: "a community_id used in buildings.csv"))
        return false
    }

    /// Checks that a referenced person exists (or defers the check while people.csv is read on another thread).
    func checkPerson(_ id: String, row: CSVRow, column: String) -> Bool {
        if deferredPersonReferences != nil {
            let index = row.header.index(of: column)
            deferredPersonReferences?.append(
                DeferredReference(
                    id: id, line: index.map { row.record.line(ofField: $0) } ?? row.line, column: index.map { $0 + 1 },
                    columnName: index.map { row.header.name(at: $0) }))
            return true
        }
        guard !unreadable.contains(.people) else { return true }
        guard let personLines else {
            log.add(
                row.issue(
                    column, value: id, problem: "unknown person (there is no people.csv)",
                    expected: "a person_id listed in people.csv"))
            return false
        }
        guard personLines[id] == nil else { return true }
        log.add(row.issue(column, value: id, problem: "unknown person", expected: "a person_id listed in people.csv"))
        return false
    }

    /// Checks that a referenced resident exists.
    func checkResident(_ id: String, row: CSVRow, column: String) -> Bool {
        guard !unreadable.contains(.residents) else { return true }
        guard let residentLines else {
            log.add(
                row.issue(
                    column, value: id, problem: "unknown resident (there is no residents.csv)",
                    expected: "a resident_id listed in residents.csv"))
            return false
        }
        guard residentLines[id] == nil else { return true }
        log.add(
            row.issue(column, value: id, problem: "unknown resident", expected: "a resident_id listed in residents.csv")
        )
        return false
    }

    /// A word of an open vocabulary: a Chinese alias, or a lower-case `snake_case` word.
    func vocabularyWord(
        _ text: String, aliases: [String: String], row: CSVRow, column: String, what: String, examples: [String]
    ) -> String? {
        // The aliases are Chinese, so a snake_case word needs no lookup.
        if Self.isSnakeCaseWord(text) { return text }
        if let known = aliases[text] { return known }
        let lowered = ColumnAliases.normalise(text)
        if let known = aliases[lowered] { return known }
        if Self.isSnakeCaseWord(lowered) { return lowered }
        log.add(
            row.issue(
                column, value: text, problem: "unknown \(what)",
                expected: "a snake_case word such as \(examples.prefix(6).joined(separator: ", ")) "
                    + "(or a Chinese name from the README)"))
        return nil
    }

    static func isSnakeCaseWord(_ text: String) -> Bool {
        guard let first = text.utf8.first, first >= 0x61 && first <= 0x7A else { return false }
        return text.utf8.allSatisfy { ($0 >= 0x61 && $0 <= 0x7A) || ($0 >= 0x30 && $0 <= 0x39) || $0 == 0x5F }
    }

    /// A true/false cell; nil (and an issue) when it is neither.
    func boolean(_ row: CSVRow, _ column: String) -> Bool? {
        guard let text = row.text(column) else { return nil }
        if text == "true" { return true }
        if text == "false" { return false }
        if let value = Self.booleanByAlias[ColumnAliases.normalise(text)] { return value }
        log.add(
            row.issue(
                column, value: text, problem: "not a yes/no value",
                expected: "true or false (also yes/no, 1/0, 是/否)"))
        return nil
    }

    static let booleanByAlias: [String: Bool] = Dictionary(
        ValueAliases.booleans.map { (ColumnAliases.normalise($0.alias), $0.value) }, uniquingKeysWith: { a, _ in a })

    /// A calendar date `YYYY-MM-DD`.
    func date(_ row: CSVRow, _ column: String) -> CalendarDate? {
        guard let text = row.text(column) else { return nil }
        if let date = CalendarDate(parsing: text) { return date }
        log.add(
            row.issue(
                column, value: text, problem: "not a valid date",
                expected: "an ISO 8601 date YYYY-MM-DD that exists, such as 2026-11-23"))
        return nil
    }

    /// A date and time `YYYY-MM-DDTHH:MM` (or a bare date, meaning midnight).
    func dateTime(_ row: CSVRow, _ column: String) -> LocalDateTime? {
        guard let text = row.text(column) else { return nil }
        if let value = LocalDateTime(parsing: text) { return value }
        log.add(
            row.issue(
                column, value: text, problem: "not a valid date and time",
                expected: "an ISO 8601 local time YYYY-MM-DDTHH:MM, such as 2026-11-23T09:00"))
        return nil
    }
}
