/// A file's header row resolved to canonical column names (aliases applied), with each column's position.
struct CSVHeader {
    /// Header cells as the file spells them, trimmed.
    let names: [String]
    /// Canonical name and field index (0-based) of each named column; the first of two cells with one canonical
    /// name wins. A linear scan of these few short names beats hashing on every cell of a 400,000-row file.
    private let columns: [(name: String, index: Int)]
    /// Canonical names that appear more than once, with every index at which they appear.
    let duplicates: [(canonical: String, indices: [Int])]

    init(record: CSVRecord) {
        var names: [String] = []
        var indexByName: [String: Int] = [:]
        var seen: [String: [Int]] = [:]
        var order: [String] = []
        for index in 0..<record.count {
            let written = record.string(index)
            let canonical = ColumnAliases.canonicalName(for: written)
            names.append(ColumnAliases.trimmed(written))
            guard !canonical.isEmpty else { continue }
            if seen[canonical] == nil {
                order.append(canonical)
                indexByName[canonical] = index
            }
            seen[canonical, default: []].append(index)
        }
        self.names = names
        self.columns = order.compactMap { name in indexByName[name].map { (name, $0) } }
        self.duplicates = order.compactMap { name in
            guard let indices = seen[name], indices.count > 1 else { return nil }
            return (name, indices)
        }
    }

    var count: Int { names.count }

    /// The field index of a canonical column, if the file has it.
    func index(of canonical: String) -> Int? {
        for column in columns where column.name == canonical { return column.index }
        return nil
    }

    func has(_ canonical: String) -> Bool { index(of: canonical) != nil }

    /// The header as written for a field index (for messages).
    func name(at index: Int) -> String { index < names.count ? names[index] : "" }
}
