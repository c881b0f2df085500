import Foundation

/// Where a plan's files are: a plan folder written by `wangge plan` (`grids/`, `staff/`, `roster/` beside each
/// other) or, as before, one folder holding grids.csv and the staffing files together.
public struct PlanFolderLayout: Sendable, Hashable {
    /// The folder holding grids.csv.
    public var grids: URL
    /// The folder holding leaders.csv, cadres.csv, mentoring.csv, reporting.csv and shortfalls.csv.
    public var staff: URL
    /// The folder holding the roster's roster.csv.
    public var roster: URL

    /// The staffing job's files a roster reads its posts from.
    public static let staffingFiles = ["leaders.csv", "cadres.csv", "reporting.csv"]

    /// The layout of `folder`: a plan folder when it has `grids/grids.csv`, else one folder holding everything.
    public init(folder: URL) {
        let nested = folder.appendingPathComponent("grids")
        if FileManager.default.fileExists(atPath: nested.appendingPathComponent("grids.csv").path) {
            grids = nested
            staff = folder.appendingPathComponent("staff")
            roster = folder.appendingPathComponent("roster")
        } else {
            grids = folder
            staff = folder
            roster = folder
        }
    }

    /// The layout of a plan folder written by `wangge plan`, whether or not it exists yet.
    public init(planFolder: URL) {
        grids = planFolder.appendingPathComponent("grids")
        staff = planFolder.appendingPathComponent("staff")
        roster = planFolder.appendingPathComponent("roster")
    }

    /// The staffing files missing from ``staff``, in ``staffingFiles`` order.
    public var missingStaffingFiles: [String] {
        Self.staffingFiles.filter {
            !FileManager.default.fileExists(atPath: staff.appendingPathComponent($0).path)
        }
    }
}
