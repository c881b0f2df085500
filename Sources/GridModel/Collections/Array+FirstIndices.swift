extension Array {
    /// The index of the first element with each key: an id → row lookup that keeps the first of duplicate rows.
    /// - Complexity: O(n).
    public func firstIndices<Key: Hashable>(by key: (Element) -> Key) -> [Key: Int] {
        var indices: [Key: Int] = [:]
        indices.reserveCapacity(count)
        for (index, element) in enumerated() where indices[key(element)] == nil { indices[key(element)] = index }
        return indices
    }
}
