import GridModel

/// The Delaunay triangulation of a set of planar points (incremental Bowyer–Watson).
///
/// Points are inserted in a spatially coherent order and located by walking from the last new triangle, so the
/// expected cost is close to O(n log n). Exact duplicates are triangulated once (the lowest index stands for all
/// of them); collinear and co-circular inputs are handled by growing each cavity until it is star-shaped from the new
/// point, which keeps the triangulation valid when floating-point tests disagree. The triangulation lives inside a
/// large enclosing triangle whose corners are dropped at the end, so a few very flat hull triangles may be missing:
/// callers get a subset of the true Delaunay edges, never an edge that is not a triangulation edge.
/// The result depends only on the input order of the points (deterministic).
public struct DelaunayTriangulation: Sendable {
    /// The input points, indexed as given.
    public let points: [PlanarPoint]
    /// The triangles as counter-clockwise index triples into `points`.
    public let triangles: [[Int]]

    /// Triangulates `points`.
    ///
    /// - Complexity: expected O(n log n) for points spread over an area; O(n²) in adversarial cases.
    public init(points: [PlanarPoint]) {
        self.points = points
        var builder = Builder(points: points)
        triangles = builder.run()
    }

    /// The unique edges of the triangulation, sorted.
    public var edges: [IndexPair] {
        var set = Set<IndexPair>()
        for triangle in triangles {
            set.insert(IndexPair(triangle[0], triangle[1]))
            set.insert(IndexPair(triangle[1], triangle[2]))
            set.insert(IndexPair(triangle[2], triangle[0]))
        }
        return set.sorted()
    }
}

extension DelaunayTriangulation {
    /// The working state of one triangulation: flat arrays of triangle corners and neighbours.
    private struct Builder {
        let input: [PlanarPoint]
        /// Normalised coordinates of the unique points followed by the three enclosing corners.
        var xs: [Double] = []
        var ys: [Double] = []
        /// Unique point slot → input index it stands for.
        var representative: [Int] = []
        /// Corner `i` of triangle `t` is `corner[3t+i]`; edge `i` runs from corner `i` to corner `i+1`.
        var corner: [Int] = []
        /// The triangle across edge `i` of triangle `t`, or -1.
        var neighbour: [Int] = []
        var alive: [Bool] = []
        var free: [Int] = []
        var mark: [Int] = []
        var stamp = 0
        var lastTriangle = 0

        init(points: [PlanarPoint]) {
            input = points
        }

        mutating func run() -> [[Int]] {
            guard input.count >= 2 else { return [] }
            let order = input.indices.filter { input[$0].x.isFinite && input[$0].y.isFinite }.sorted { a, b in
                let p = input[a]
                let q = input[b]
                return p.x != q.x ? p.x < q.x : (p.y != q.y ? p.y < q.y : a < b)
            }
            var unique: [Int] = []
            for index in order {
                if let last = unique.last, input[last] == input[index] { continue }
                unique.append(index)
            }
            guard unique.count >= 3 else { return [] }
            var minX = Double.infinity, minY = Double.infinity, maxX = -Double.infinity, maxY = -Double.infinity
            for index in unique {
                minX = min(minX, input[index].x)
                maxX = max(maxX, input[index].x)
                minY = min(minY, input[index].y)
                maxY = max(maxY, input[index].y)
            }
            let centreX = (minX + maxX) / 2
            let centreY = (minY + maxY) / 2
            let extent = max(maxX - minX, maxY - minY, 1e-9)
            // Insert in a snake order over a √n × √n bucket grid so that each walk starts near its target.
            let side = max(1, Int(Double(unique.count).squareRoot() / 2))
            func bucket(_ index: Int) -> (Int, Int) {
                let p = input[index]
                let column = min(side - 1, Int((p.x - minX) / extent * Double(side)))
                var row = min(side - 1, Int((p.y - minY) / extent * Double(side)))
                if column % 2 == 1 { row = side - 1 - row }
                return (column, row)
            }
            let keyed: [(index: Int, column: Int, row: Int)] = unique.map { index in
                let (column, row) = bucket(index)
                return (index, column, row)
            }
            let insertion = keyed.sorted { a, b in
                if a.column != b.column { return a.column < b.column }
                if a.row != b.row { return a.row < b.row }
                return a.index < b.index
            }.map(\.index)
            for index in insertion {
                representative.append(index)
                xs.append((input[index].x - centreX) / extent)
                ys.append((input[index].y - centreY) / extent)
            }
            let count = insertion.count
            let far = 1_000.0
            xs += [-far, far, 0]
            ys += [-far, -far, far]
            addTriangle(count, count + 1, count + 2, [-1, -1, -1])
            for vertex in 0..<count {
                insert(vertex)
            }
            var result: [[Int]] = []
            for t in 0..<alive.count where alive[t] {
                let a = corner[3 * t], b = corner[3 * t + 1], c = corner[3 * t + 2]
                if a >= count || b >= count || c >= count { continue }
                result.append([representative[a], representative[b], representative[c]])
            }
            return result
        }

        func orient(_ a: Int, _ b: Int, _ px: Double, _ py: Double) -> Double {
            (xs[b] - xs[a]) * (py - ys[a]) - (ys[b] - ys[a]) * (px - xs[a])
        }

        func inCircle(_ t: Int, _ px: Double, _ py: Double) -> Double {
            let a = corner[3 * t], b = corner[3 * t + 1], c = corner[3 * t + 2]
            let adx = xs[a] - px, ady = ys[a] - py
            let bdx = xs[b] - px, bdy = ys[b] - py
            let cdx = xs[c] - px, cdy = ys[c] - py
            let ad = adx * adx + ady * ady
            let bd = bdx * bdx + bdy * bdy
            let cd = cdx * cdx + cdy * cdy
            return adx * (bdy * cd - bd * cdy) - ady * (bdx * cd - bd * cdx) + ad * (bdx * cdy - bdy * cdx)
        }

        @discardableResult
        mutating func addTriangle(_ a: Int, _ b: Int, _ c: Int, _ across: [Int]) -> Int {
            let t: Int
            if let slot = free.popLast() {
                t = slot
                alive[t] = true
            } else {
                t = alive.count
                alive.append(true)
                mark.append(0)
                corner += [0, 0, 0]
                neighbour += [-1, -1, -1]
            }
            corner[3 * t] = a
            corner[3 * t + 1] = b
            corner[3 * t + 2] = c
            neighbour[3 * t] = across[0]
            neighbour[3 * t + 1] = across[1]
            neighbour[3 * t + 2] = across[2]
            return t
        }

        /// A triangle containing the point (on its edges included), found by a visibility walk.
        func locate(_ px: Double, _ py: Double) -> Int {
            var t = lastTriangle
            var steps = 0
            var rotation = 0
            walk: while steps < 4 * alive.count + 16 {
                steps += 1
                rotation = (rotation + 1) % 3
                for k in 0..<3 {
                    let i = (k + rotation) % 3
                    let a = corner[3 * t + i], b = corner[3 * t + (i + 1) % 3]
                    if orient(a, b, px, py) < 0, neighbour[3 * t + i] >= 0 {
                        t = neighbour[3 * t + i]
                        continue walk
                    }
                }
                return t
            }
            // A walk that cycles (possible only through rounding) falls back to a scan.
            var best = 0
            var bestScore = -Double.infinity
            for candidate in 0..<alive.count where alive[candidate] {
                var score = Double.infinity
                for i in 0..<3 {
                    score = min(score, orient(corner[3 * candidate + i], corner[3 * candidate + (i + 1) % 3], px, py))
                }
                if score > bestScore {
                    bestScore = score
                    best = candidate
                }
            }
            return best
        }

        mutating func insert(_ vertex: Int) {
            let px = xs[vertex], py = ys[vertex]
            let start = locate(px, py)
            stamp += 1
            mark[start] = stamp
            // The triangles whose circumcircle holds the point, reached across shared edges.
            var cavity = BreadthFirstSearch.reach(
                from: start, neighbours: { neighbour[(3 * $0)..<(3 * $0 + 3)] }
            ) { u, _ in
                guard u >= 0, mark[u] != stamp, inCircle(u, px, py) > 0 else { return false }
                mark[u] = stamp
                return true
            }
            // Boundary edges (a, b, outside triangle); grow the cavity until every edge sees the point.
            var boundary: [(Int, Int, Int)] = []
            while true {
                boundary.removeAll(keepingCapacity: true)
                var grown = false
                for t in cavity {
                    for i in 0..<3 {
                        let u = neighbour[3 * t + i]
                        if u >= 0, mark[u] == stamp { continue }
                        let a = corner[3 * t + i], b = corner[3 * t + (i + 1) % 3]
                        if orient(a, b, px, py) <= 0, u >= 0 {
                            mark[u] = stamp
                            cavity.append(u)
                            grown = true
                        } else {
                            boundary.append((a, b, u))
                        }
                    }
                }
                if !grown { break }
            }
            for t in cavity {
                alive[t] = false
                free.append(t)
            }
            var created: [Int] = []
            created.reserveCapacity(boundary.count)
            for (a, b, outside) in boundary {
                let t = addTriangle(a, b, vertex, [outside, -1, -1])
                created.append(t)
                if outside >= 0 {
                    for i in 0..<3 where corner[3 * outside + i] == b && corner[3 * outside + (i + 1) % 3] == a {
                        neighbour[3 * outside + i] = t
                    }
                }
            }
            // Link the fan: the edge (b, p) of one new triangle is the edge (p, b) of the one starting at b.
            var startingAt: [Int: Int] = [:]
            for t in created {
                startingAt[corner[3 * t]] = t
            }
            for t in created {
                let b = corner[3 * t + 1]
                if let next = startingAt[b] {
                    neighbour[3 * t + 1] = next
                    neighbour[3 * next + 2] = t
                }
            }
            lastTriangle = created.first ?? lastTriangle
        }
    }
}
