import Foundation
import GridModel

/// Reads a plan's inputs given apart from the street folder: `--current DIR` (DIR/grids.csv) and `--locks FILE`,
/// checked against the street's buildings, communities, units and people with the street reader's own rules and
/// messages.
public enum PlanInputReader {
    /// The rows of `directory`/grids.csv, checked against `street`.
    public static func readGrids(directory: URL, street: Street) throws(GridDataError) -> [GridAssignment] {
        let reading = prepared(directory: directory, street: street)
        let file = directory.appendingPathComponent(StreetFile.grids.fileName)
        guard FileManager.default.fileExists(atPath: file.path) else {
            throw GridDataError(DataIssue(
                file: file.path, problem: Message.text("data.file.missing"),
                expected: Message.text("data.plan.grids_in_folder")))
        }
        reading.readGrids()
        guard reading.log.isEmpty else { throw relabel(reading.log.error(), as: file.path) }
        return reading.currentPlan ?? []
    }

    /// The locks of `file` (any name; read as locks.csv), checked against `street`.
    public static func readLocks(file: URL, street: Street) throws(GridDataError) -> [PlanLock] {
        guard FileManager.default.fileExists(atPath: file.path) else {
            throw GridDataError(DataIssue(file: file.path, problem: Message.text("data.file.missing"),
                expected: Message.text("data.plan.locks_file")))
        }
        // A private folder per process and moment; no randomness needed.
        let stamp = "\(ProcessInfo.processInfo.processIdentifier)-\(DispatchTime.now().uptimeNanoseconds)"
        let staging = FileManager.default.temporaryDirectory.appendingPathComponent("wangge-locks-\(stamp)")
        defer { try? FileManager.default.removeItem(at: staging) }
        do {
            try FileManager.default.createDirectory(at: staging, withIntermediateDirectories: true)
            try FileManager.default.copyItem(
                at: file, to: staging.appendingPathComponent(StreetFile.locks.fileName))
        } catch {
            throw GridDataError(
                DataIssue(
                    file: file.path, problem: Message.text("data.file.cannot_read_because", ["error": "\(error)"])))
        }
        let reading = prepared(directory: staging, street: street)
        reading.readLocks()
        guard reading.log.isEmpty else { throw relabel(reading.log.error(), as: file.path) }
        return reading.locks
    }

    /// A reader whose registries hold the street already read.
    static func prepared(directory: URL, street: Street) -> StreetReading {
        let reading = StreetReading(directory: directory, issueLimitPerFile: StreetLoader.defaultIssueLimitPerFile)
        for building in street.buildings {
            reading.buildingLines[building.id.rawValue] = 0
            reading.buildings[building.id] = building
            reading.buildingCommunityIDs.insert(building.communityID.rawValue)
        }
        if !street.communities.isEmpty {
            reading.communityLines = Dictionary(
                street.communities.map { ($0.id.rawValue, 0) }, uniquingKeysWith: { a, _ in a })
        }
        for unit in street.units {
            reading.unitNames[unit.buildingID, default: []].insert(unit.name)
        }
        reading.personLines = Dictionary(street.people.map { ($0.id.rawValue, 0) }, uniquingKeysWith: { a, _ in a })
        return reading
    }

    /// The error with its issues named by the path the user gave.
    static func relabel(_ error: GridDataError, as path: String) -> GridDataError {
        var copy = error
        copy.issues = error.issues.map { issue in
            var issue = issue
            issue.file = path
            return issue
        }
        return copy
    }
}
