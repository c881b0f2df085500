import GridModel

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

    /// Header cells that name none of `known` (canonical names, in reading order) but are probably a misspelling of
    /// one the file lacks (``ColumnSpelling``): each cell's field index with the column it likely meant.
    ///
    /// - Complexity: O(h × k) in the header's cells and the known columns; headers are short.
    func misspellings(of known: [String]) -> [(index: Int, column: String)] {
        let missing = known.filter { !has($0) }
        guard !missing.isEmpty else { return [] }
        var result: [(index: Int, column: String)] = []
        for position in 0..<names.count {
            let written = names[position]
            let canonical = ColumnAliases.canonicalName(for: written)
            // A repeated cell is reported as a duplicate, not as a misspelling.
            guard !canonical.isEmpty, !known.contains(canonical), index(of: canonical) == position else { continue }
            if let column = ColumnSpelling.likelyColumn(for: written, among: missing),
                !result.contains(where: { $0.column == column })
            {
                result.append((position, column))
            }
        }
        return result
    }

    /// The issue for a misspelt header cell: `` `paired_person` is not a column; did you mean `paired_person_id`? ``.
    func misspellingIssue(file: String, line: Int, index: Int, column: String) -> DataIssue {
        DataIssue(
            file: file, line: line, column: index + 1, columnName: name(at: index),
            problem: Message.text("data.header.misspelt", ["written": name(at: index), "column": column]),
            expected: Message.text("data.header.misspelt_expected", ["spellings": ColumnAliases.spellings(of: column)]))
    }
}
