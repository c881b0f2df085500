import Foundation
import GridModel

/// Writes a plan's grids.csv (../shared/spec/data-format.md, "A plan"): one row per atom placed, in the order given.
public enum GridsCSVWriter {
    /// The spec's columns, in order.
    public static let header = [
        "building_id", "unit", "floors", "households", "community_id", "grid_id", "micro_grid_id", "kind",
    ]

    /// Writes `assignments` to `url` (UTF-8, LF, header first), created with the privacy's mode.
    /// - Complexity: O(rows).
    public static func write(
        _ assignments: [GridAssignment], to url: URL, privacy: OutputFolder.Privacy = .shareable
    ) throws {
        let writer = try CSVWriter(url: url, header: header, privacy: privacy)
        for row in assignments {
            try writer.write([
                row.buildingID.rawValue, row.unit ?? "", row.floors?.description ?? "", String(row.households),
                row.communityID.rawValue, row.gridID.rawValue, row.microGridID?.rawValue ?? "", row.kind.rawValue,
            ])
        }
        try writer.close()
    }
}
