import Foundation

/// A spreadsheet saved beside a CSV file that is missing (`buildings.xlsx` for `buildings.csv`): planners keep their
/// tables in Excel, and "the file is missing" alone sends them looking for a file they can see.
enum SpreadsheetTwin {
    /// Spreadsheet extensions looked for, in this order.
    static let extensions = ["xlsx", "xls"]

    /// What to do with it, until spreadsheets are read directly.
    static let advice = "save it as CSV (reading .xlsx comes with a later change)"

    /// The name of a spreadsheet beside the CSV file at `url` with the same stem, if there is one.
    static func find(of url: URL) -> String? {
        let stem = url.deletingPathExtension()
        for ext in extensions {
            let twin = stem.appendingPathExtension(ext)
            if FileManager.default.fileExists(atPath: twin.path) { return twin.lastPathComponent }
        }
        return nil
    }
}
