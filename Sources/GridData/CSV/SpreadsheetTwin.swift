import Foundation
import GridModel

/// A spreadsheet saved instead of a CSV file (`buildings.xlsx` for `buildings.csv`): planners keep their tables in
/// Excel. An `.xlsx` is read in the CSV's place (its first sheet, ``WorkbookReader``); the old binary `.xls` is not,
/// and "the file is missing" names it so that nobody goes looking for a file they can see.
public enum SpreadsheetTwin {
    /// What to do with an `.xls`.
    static var advice: String { Message.text("data.file.twin_advice") }

    /// The file to read for the CSV at `url`: the CSV when it exists, else an `.xlsx` of the same stem; nil when
    /// neither is there.
    public static func readable(for url: URL) -> URL? {
        if FileManager.default.fileExists(atPath: url.path) { return url }
        let workbook = url.deletingPathExtension().appendingPathExtension("xlsx")
        return FileManager.default.fileExists(atPath: workbook.path) ? workbook : nil
    }

    /// The name of an unreadable spreadsheet (`.xls`) beside the CSV file at `url`, if there is one.
    static func find(of url: URL) -> String? {
        let twin = url.deletingPathExtension().appendingPathExtension("xls")
        return FileManager.default.fileExists(atPath: twin.path) ? twin.lastPathComponent : nil
    }
}
