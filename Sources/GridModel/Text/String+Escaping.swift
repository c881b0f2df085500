extension String {
    /// The text with each scalar found in `replacements` replaced by its escape, and every other scalar kept or
    /// replaced by `other` where it gives one: the one loop behind the JSON, HTML and YAML writers' escaping, each
    /// with its own table.
    /// - Complexity: O(length).
    public func escaped(
        _ replacements: [Unicode.Scalar: String], other: (Unicode.Scalar) -> String? = { _ in nil }
    ) -> String {
        var result = ""
        result.reserveCapacity(utf8.count)
        for scalar in unicodeScalars {
            if let escape = replacements[scalar] ?? other(scalar) {
                result += escape
            } else {
                result.unicodeScalars.append(scalar)
            }
        }
        return result
    }
}
