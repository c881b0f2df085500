import Foundation
import GridModel

/// The one workbook a job writes beside its CSVs: a sheet per CSV file of its folder, with Chinese column titles, so
/// that a planner opens one file in Excel or WPS instead of several CSVs.
///
/// The sheets are built from the CSV files as written (a file per sheet, same rows, same cells: the formula guard's
/// apostrophe included), so the workbook can never say something the CSVs do not. Column titles and sheet names
/// come from the message catalogue (`column.building_id` → 楼栋编号, `file.grids` → 网格划分); a column without
/// a title keeps its English name.
public enum JobWorkbook {
    /// Sheets for every `.csv` directly in `folder`, the one named `first` (if any) first, then in name order.
    public static func sheets(inFolder folder: URL, first: String? = nil) throws(OutputError) -> [WorkbookSheet] {
        let names: [String]
        do {
            names = try FileManager.default.contentsOfDirectory(atPath: folder.path)
                .filter { $0.hasSuffix(".csv") }
                .sorted { ($0 == first ? 0 : 1, $0) < ($1 == first ? 0 : 1, $1) }
        } catch {
            throw OutputError(path: folder.path, reason: Message.text("data.output.cannot_list", ["error": "\(error)"]))
        }
        var sheets: [WorkbookSheet] = []
        for name in names {
            let path = folder.appendingPathComponent(name).path
            guard let raw = readFileBytes(atPath: path) else {
                throw OutputError(path: path, reason: Message.text("data.output.cannot_read_back"))
            }
            guard case .success(let text) = CSVText.decode(raw, file: name) else {
                throw OutputError(path: path, reason: Message.text("data.output.not_utf8"))
            }
            var rows: [[String]] = []
            let issues = CSVParser.forEachRecord(in: text.bytes, from: text.start, file: name) { record in
                rows.append((0..<record.count).map(record.string))
            }
            if let issue = issues.first {
                throw OutputError(
                    path: path, reason: Message.text("data.output.read_back_problem", ["issue": "\(issue)"]))
            }
            guard let header = rows.first else { continue }
            let base = String(name.dropLast(4))
            sheets.append(
                WorkbookSheet(name: title("file." + base, or: base), header: header.map(columnTitle),
                    rows: Array(rows.dropFirst())))
        }
        return sheets
    }

    /// The Chinese title of a column (`building_id` → 楼栋编号), or the column's own name.
    public static func columnTitle(_ column: String) -> String {
        title("column." + column, or: column)
    }

    private static func title(_ key: String, or fallback: String) -> String {
        MessageCatalogue.standard.entries[key] == nil ? fallback : MessageCatalogue.standard.text(key, in: .chinese)
    }
}
