import GridModel

/// The character encoding a CSV file was found in, or the workbook it was read from.
public enum SourceEncoding: String, Hashable, Sendable, Codable {
    /// UTF-8 without a byte-order mark.
    case utf8 = "UTF-8"
    /// UTF-8 with a leading byte-order mark (Excel's "CSV UTF-8").
    case utf8WithBOM = "UTF-8 with BOM"
    /// GB18030, the superset of GBK and GB2312 (Excel's plain "CSV" on Chinese Windows).
    case gb18030 = "GB18030/GBK"
    /// An Excel workbook (.xlsx), read from its first sheet.
    case workbook = "Excel workbook (.xlsx)"

    /// The encoding's name for people, in the command's language (the raw value stays the JSON code).
    public var name: String {
        switch self {
        case .utf8: Message.text("data.encoding.utf8")
        case .utf8WithBOM: Message.text("data.encoding.utf8_bom")
        case .gb18030: Message.text("data.encoding.gb18030")
        case .workbook: Message.text("data.encoding.workbook")
        }
    }
}
