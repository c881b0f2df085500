/// Finds the column a misspelt header cell probably meant, so that a typo is an error rather than a column silently
/// ignored (a `paired_person` header once dropped every fixed pairing of a street with exit 0).
///
/// A header cell is taken for a misspelling of a column the file lacks when it is one edit (insertion, deletion,
/// substitution, or swap of two neighbours: Damerau distance 1) from the column's name or one of its Chinese aliases
/// in ``ColumnAliases``, or when it is the column's name cut at an underscore (`paired_person` for
/// `paired_person_id`). Names shorter than ``shortestComparedName`` characters are compared only for equality:
/// one edit turns `x` into any letter and `楼栋` into many other words. Other unknown columns stay allowed, as the
/// data format promises.
enum ColumnSpelling {
    /// Names (canonical or alias) shorter than this are not compared by edit distance.
    static let shortestComparedName = 3

    /// The column among `missing` (canonical names) that `written` (a header cell as written) most likely meant;
    /// nil when none is that close. The first of `missing` wins a tie, so callers list columns in reading order.
    static func likelyColumn(for written: String, among missing: [String]) -> String? {
        let cell = Array(ColumnAliases.normalise(written).unicodeScalars)
        guard !cell.isEmpty else { return nil }
        for column in missing {
            let names = [column] + ColumnAliases.table.filter { $0.canonical == column }.map(\.alias)
            for name in names {
                let target = Array(ColumnAliases.normalise(name).unicodeScalars)
                if isCut(cell, of: target) { return column }
                guard target.count >= shortestComparedName, cell.count >= shortestComparedName - 1 else { continue }
                if isOneEdit(cell, target) { return column }
            }
        }
        return nil
    }

    /// Whether `cell` is `name` cut just before one of its underscores (`paired_person` of `paired_person_id`).
    static func isCut(_ cell: [Unicode.Scalar], of name: [Unicode.Scalar]) -> Bool {
        cell.count >= shortestComparedName && cell.count < name.count && name[cell.count] == "_"
            && name.starts(with: cell)
    }

    /// Whether two different names are exactly one insertion, deletion, substitution or neighbour swap apart.
    ///
    /// - Complexity: O(n) in the names' length.
    static func isOneEdit(_ a: [Unicode.Scalar], _ b: [Unicode.Scalar]) -> Bool {
        guard a != b, abs(a.count - b.count) <= 1 else { return false }
        var prefix = 0
        while prefix < min(a.count, b.count), a[prefix] == b[prefix] { prefix += 1 }
        if a.count == b.count {
            // One substitution, or one swap of neighbours.
            if a[(prefix + 1)...] == b[(prefix + 1)...] { return true }
            return prefix + 1 < a.count && a[prefix] == b[prefix + 1] && a[prefix + 1] == b[prefix]
                && a[(prefix + 2)...] == b[(prefix + 2)...]
        }
        let (longer, shorter) = a.count > b.count ? (a, b) : (b, a)
        return longer[(prefix + 1)...] == shorter[prefix...]
    }
}
