import Foundation
import GridModel

/// What `wangge validate` reads: the street's own files and every other file a job takes from the street folder
/// (leave.csv and calendar.csv for the roster, leaders.csv and cadres.csv for staffing, responses.csv and
/// completions.csv for matching), so that a folder that passes validation does not fail later in a job.
public struct StreetFolderCheck: Sendable {
    /// A file read beside the street's own, with its data rows.
    public struct CompanionReport: Hashable, Sendable {
        public var file: String
        public var rows: Int
    }

    /// The street, when its files have no problem.
    public var loaded: LoadedStreet?
    /// The other files found and read, in reading order.
    public var companions: [CompanionReport]
    /// Every problem of every file; nil when there is none.
    public var error: GridDataError?

    /// Reads the folder with `loader` (every file) and the companion files that exist.
    ///
    /// The companions are read even when the street has problems or no people.csv, then without checking their
    /// people against it, so that every file's own problems are reported in one run.
    public init(loader: StreetLoader) {
        var problems: [DataIssue] = []
        var omitted: [String: Int] = [:]
        var street = Street()
        do {
            let loaded = try loader.loadWithReport()
            self.loaded = loaded
            street = loaded.street
        } catch {
            loaded = nil
            problems += error.issues
            omitted.merge(error.omitted, uniquingKeysWith: +)
        }
        var reader = RosterFileReader(street: street)
        let hasPeople = loaded?.files.contains { $0.file == .people } ?? false
        reader.checksPeople = hasPeople
        companions = []
        func companion(_ name: String) -> URL? {
            // Relative to the folder, so that messages name `leave.csv` as the street's other files are named.
            let folder = URL(fileURLWithPath: loader.directory.path, isDirectory: true)
            let url = URL(fileURLWithPath: name, relativeTo: folder)
            return SpreadsheetTwin.readable(for: url)
        }
        func collect(_ name: String, _ read: (URL) throws(GridDataError) -> Int) {
            guard let url = companion(name) else { return }
            do throws(GridDataError) {
                companions.append(CompanionReport(file: name, rows: try read(url)))
            } catch {
                problems += error.issues
                omitted.merge(error.omitted, uniquingKeysWith: +)
            }
        }
        collect("leave.csv") { url throws(GridDataError) in try reader.readLeave(file: url).count }
        if loaded != nil, !hasPeople, let leave = companions.first(where: { $0.file == "leave.csv" }), leave.rows > 0 {
            // As in the street's own files: one problem for the missing file, not one per person named.
            problems.append(
                DataIssue(
                    file: StreetFile.people.fileName,
                    problem: leave.rows == 1
                        ? Message.text("data.leave.people_missing_one")
                        : Message.text("data.leave.people_missing", ["rows": "\(leave.rows)"]),
                    expected: Message.text(
                        "data.file.in_street_folder", ["file": "people.csv", "folder": loader.directory.path])))
        }
        collect("calendar.csv") { url throws(GridDataError) in try reader.readCalendar(file: url).count }
        // Answers and services name requests: checked against requests.csv when the street (and so it) was read.
        let matching = MatchingFileReader(street: street, checksPeople: hasPeople, checksRequests: loaded != nil)
        collect("responses.csv") { url throws(GridDataError) in try matching.readResponses(file: url).count }
        collect("completions.csv") { url throws(GridDataError) in try matching.readCompletions(file: url).count }
        if let loaded {
            let staffing = PlanFolderReader(street: loaded.street)
            collect("leaders.csv") { _ throws(GridDataError) in
                try staffing.readCurrentPosts(in: loader.directory).count
            }
        }
        error = problems.isEmpty && omitted.isEmpty ? nil : GridDataError(issues: problems, omitted: omitted)
    }
}
