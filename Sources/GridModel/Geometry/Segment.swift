/// A straight segment in the planar frame: one piece of a barrier (arterial road, river, wall).
public struct Segment: Hashable, Sendable, Codable {
    public var start: PlanarPoint
    public var end: PlanarPoint

    public init(start: PlanarPoint, end: PlanarPoint) {
        self.start = start
        self.end = end
    }

    /// Whether this segment and `other` cross (touching at an end point counts as crossing).
    public func intersects(_ other: Segment) -> Bool {
        func orientation(_ a: PlanarPoint, _ b: PlanarPoint, _ c: PlanarPoint) -> Double {
            (b.x - a.x) * (c.y - a.y) - (b.y - a.y) * (c.x - a.x)
        }
        func onSegment(_ a: PlanarPoint, _ b: PlanarPoint, _ p: PlanarPoint) -> Bool {
            min(a.x, b.x) <= p.x && p.x <= max(a.x, b.x) && min(a.y, b.y) <= p.y && p.y <= max(a.y, b.y)
        }
        let d1 = orientation(other.start, other.end, start)
        let d2 = orientation(other.start, other.end, end)
        let d3 = orientation(start, end, other.start)
        let d4 = orientation(start, end, other.end)
        if ((d1 > 0 && d2 < 0) || (d1 < 0 && d2 > 0)) && ((d3 > 0 && d4 < 0) || (d3 < 0 && d4 > 0)) {
            return true
        }
        if d1 == 0 && onSegment(other.start, other.end, start) { return true }
        if d2 == 0 && onSegment(other.start, other.end, end) { return true }
        if d3 == 0 && onSegment(start, end, other.start) { return true }
        if d4 == 0 && onSegment(start, end, other.end) { return true }
        return false
    }
}
