import GridModel

/// Suggests the nearest valid name for a misspelt one (Levenshtein distance over Unicode scalars).
enum NearestName {
    /// The candidate closest to `name`, if it is close enough to be a plausible misspelling.
    static func suggestion(for name: String, among candidates: some Sequence<String>) -> String? {
        let sortedCandidates = candidates.sorted()
        var best: (distance: Int, name: String)?
        for candidate in sortedCandidates {
            let distance = levenshtein(name, candidate)
            if best == nil || distance < best?.distance ?? Int.max { best = (distance, candidate) }
        }
        guard let best else { return nil }
        // A third of the longer name is enough slack for typos without suggesting unrelated words.
        let limit = max(2, max(name.unicodeScalars.count, best.name.unicodeScalars.count) / 3)
        return best.distance <= limit ? best.name : nil
    }

    /// ` (did you mean 'x'?)` (in the command's language) or empty.
    static func hint(for name: String, among candidates: some Sequence<String>) -> String {
        suggestion(for: name, among: candidates).map { Message.text("rules.hint.did_you_mean", ["name": $0]) } ?? ""
    }

    /// The edit distance between two strings.
    /// - Complexity: O(m·n) for strings of m and n scalars.
    static func levenshtein(_ a: String, _ b: String) -> Int {
        let a = Array(a.unicodeScalars)
        let b = Array(b.unicodeScalars)
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        var previous = Array(0...b.count)
        var current = [Int](repeating: 0, count: b.count + 1)
        for i in 1...a.count {
            current[0] = i
            for j in 1...b.count {
                let substitution = previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1)
                current[j] = min(previous[j] + 1, current[j - 1] + 1, substitution)
            }
            swap(&previous, &current)
        }
        return previous[b.count]
    }
}
