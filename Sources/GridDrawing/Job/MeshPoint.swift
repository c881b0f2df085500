import GridModel

/// A point of the map's centimetre lattice (``CellMesh``), in whole centimetres: integer coordinates make every
/// test on the outlines exact (do two edges coincide, on which side of an edge is a point), which floating-point
/// cells cannot promise.
struct MeshPoint: Hashable, Comparable, Sendable {
    var x: Int64
    var y: Int64

    /// Lattice steps per metre: grids.geojson writes planar metres with 2 decimals, so a lattice point is written
    /// exactly and the file has the geometry that was checked.
    static let stepsPerMetre = 100.0

    /// The point in the street's planar metres.
    var planar: PlanarPoint { PlanarPoint(x: Double(x) / Self.stepsPerMetre, y: Double(y) / Self.stepsPerMetre) }

    static func < (a: MeshPoint, b: MeshPoint) -> Bool { a.x != b.x ? a.x < b.x : a.y < b.y }

    static func - (a: MeshPoint, b: MeshPoint) -> MeshPoint { MeshPoint(x: a.x - b.x, y: a.y - b.y) }

    /// The z component of `self × other` (positive when `other` turns counter-clockwise from `self`).
    func cross(_ other: MeshPoint) -> Int64 { x * other.y - y * other.x }

    func dot(_ other: MeshPoint) -> Int64 { x * other.x + y * other.y }
}
