/// Where a value was written: a rule file's name (relative to its rules folder, or an overlay's path as given),
/// and the 1-based line and column of the value in it.
public struct SourceLocation: Hashable, Comparable, Sendable, CustomStringConvertible {
    /// The file's relative name, e.g. `grid.yaml` or `overlays/c03.yaml`.
    public var file: String
    /// 1-based line; 0 when the problem concerns the whole file.
    public var line: Int
    /// 1-based column in Unicode scalars; 0 when the problem concerns the whole file.
    public var column: Int

    /// `file:line:column`, or just `file` for a whole-file location.
    public var description: String { line > 0 ? "\(file):\(line):\(column)" : file }

    /// Orders by file name, then line, then column.
    public static func < (lhs: Self, rhs: Self) -> Bool {
        (lhs.file, lhs.line, lhs.column) < (rhs.file, rhs.line, rhs.column)
    }
}
