/// A file's header row resolved to canonical column names (aliases applied), with each column's position.
struct CSVHeader {
    /// Header cells as the file spells them, trimmed.
    let names: [String]
    /// Canonical name → field index (0-based). The first of two cells with one canonical name wins.
    private let indexByName: [String: Int]
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
        self.indexByName = indexByName
        self.duplicates = order.compactMap { name in
            guard let indices = seen[name], indices.count > 1 else { return nil }
            return (name, indices)
        }
    }

    var count: Int { names.count }

    /// The field index of a canonical column, if the file has it.
    func index(of canonical: String) -> Int? { indexByName[canonical] }

    func has(_ canonical: String) -> Bool { indexByName[canonical] != nil }

    /// The header as written for a field index (for messages).
    func name(at index: Int) -> String { index < names.count ? names[index] : "" }
}
