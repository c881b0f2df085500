/// Breadth-first search over nodes numbered from 0, with the marks kept by the caller, so that one set of marks can
/// serve many searches (components, pieces of a part, a cavity of triangles) and a search can record more than
/// whether a node was reached (its parent, a stamp).
public enum BreadthFirstSearch {
    /// The nodes reached from `start`, in the order they were reached, `start` first.
    ///
    /// `start` is taken as reached without asking. For each reached node, `enter(next, from)` is asked once per
    /// neighbour: it returns whether `next` is reached from `from`, and must mark `next` so that it is not reached
    /// twice.
    /// - Complexity: O(reached nodes + their neighbours), times the cost of `neighbours` and `enter`.
    @inlinable
    public static func reach<Neighbours: Sequence<Int>>(
        from start: Int,
        neighbours: (_ node: Int) -> Neighbours,
        enter: (_ next: Int, _ from: Int) -> Bool
    ) -> [Int] {
        var order = [start]
        var head = 0
        while head < order.count {
            let node = order[head]
            head += 1
            for next in neighbours(node) where enter(next, node) {
                order.append(next)
            }
        }
        return order
    }
}
