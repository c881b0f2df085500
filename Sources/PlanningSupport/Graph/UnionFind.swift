/// Disjoint sets over `0..<count` (union–find with path halving). The smaller root becomes the root of a union, so
/// that roots do not depend on the order of unions.
public struct UnionFind: Sendable {
    private var root: [Int]

    /// `count` singleton sets.
    public init(count: Int) {
        root = Array(0..<count)
    }

    /// The root of `element`'s set.
    /// - Complexity: amortised O(α(n)).
    public mutating func find(_ element: Int) -> Int {
        var x = element
        while root[x] != x {
            root[x] = root[root[x]]
            x = root[x]
        }
        return x
    }

    /// Joins the sets of `a` and `b` under the smaller of their roots; false when they were already one set.
    /// - Complexity: amortised O(α(n)).
    @discardableResult
    public mutating func unite(_ a: Int, _ b: Int) -> Bool {
        let ra = find(a), rb = find(b)
        guard ra != rb else { return false }
        root[max(ra, rb)] = min(ra, rb)
        return true
    }
}
