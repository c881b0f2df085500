import Foundation
import GridModel

/// The state of one street-folder read: what each file has contributed so far and the problems found.
///
/// Files are read in dependency order (communities and departments, buildings, units, geometry, people, residents,
/// plan, history) so that every reference can be checked against the files before it. An id whose row has other
/// problems is still registered, so one bad cell does not cascade into "unknown building" errors elsewhere.
final class StreetReading {
    let directory: URL
    /// The files the job reads and needs; the others are skipped, and references into them not checked.
    let needs: StreetNeeds
    var log: IssueLog
    var files: [LoadedStreet.FileReport] = []
    /// Files that exist but could not be read (bad encoding, empty, broken header): references into them are not
    /// checked, so that one broken file is reported once rather than as unknown ids everywhere else.
    /// A short array rather than a set: it is almost always empty and is asked on every reference checked.
    var unreadable: [StreetFile] = []
    /// References into a file that is absent, counted rather than each reported: by the file referred to, the
    /// referring file and column, in the order first met. One problem per absent file is reported at the end.
    var unlistedReferences: [StreetFile: [(source: String, count: Int)]] = [:]
    /// Absent files already reported as missing (required ones), whose references then need no second report.
    var reportedMissing: [StreetFile] = []
    /// Data rows the current file is expected to hold (its line count), for reserving capacity.
    var expectedRows = 0

    /// How positions are given: set by buildings.csv; barriers and people must use the same frame.
    enum Frame {
        case planar
        case geodetic
    }

    var frame: Frame?
    var projection: GeodeticProjection?
    /// street.yaml's name, coordinate system and origin (the defaults without the file).
    var settings = StreetSettings()

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
    /// The service catalogue's ids (the rules the command loaded); nil accepts any snake_case word.
    var knownServices: Set<Service>?
    /// Urgency spellings to ids, or nil to take any text.
    var knownUrgencies: [String: String]?
    /// Files read from a path of their own rather than from the folder (`--requests FILE`).
    var fileOverrides: [StreetFile: URL] = [:]

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

    init(directory: URL, issueLimitPerFile: Int, needs: StreetNeeds = .everything) {
        self.directory = directory
        self.needs = needs
        self.log = IssueLog(limitPerFile: issueLimitPerFile)
    }

    /// Reads every file; returns the street when buildings.csv could be read at all (problems are in `log`).
    func run() -> Street? {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: directory.path, isDirectory: &isDirectory), isDirectory.boolValue
        else {
            log.add(
                DataIssue(
                    file: directory.path, problem: Message.text("data.file.no_street_folder"),
                    expected: Message.text("data.file.street_folder")))
            return nil
        }
        readSettings()
        let steps: [(StreetFile, () -> Void)] = [
            (.communities, readCommunities), (.departments, readDepartments), (.buildings, readBuildings),
            (.units, readUnits), (.adjacency, readAdjacency), (.barriers, readBarriers),
        ]
        for (file, read) in steps where needs.read.contains(file) { read() }
        readPeopleAndResidents()
        let later: [(StreetFile, () -> Void)] = [
            (.grids, readGrids), (.locks, readLocks), (.visits, readVisits), (.requests, readRequests),
        ]
        for (file, read) in later where needs.read.contains(file) { read() }
        reportUnlistedReferences()
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
            name: settings.name,
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
}
