/// How a part's cost grows with a member's distance to the part's centre: Σ weight × distance^power.
public enum DistancePower: Int, Sendable, Hashable, Codable, CaseIterable {
    /// Σ weight × distance (weight × metres): the grid job's `mean_distance_to_grid_centroid_m` times households.
    case distance = 1
    /// Σ weight × squared distance (weight × m²): the inertia of `DistrictingObjective.inertia`, whose best free
    /// centre is exactly the weighted centroid.
    case squaredDistance = 2

    /// `distance` raised to this power.
    @inline(__always)
    func cost(ofDistance distance: Double) -> Double {
        switch self {
        case .distance: distance
        case .squaredDistance: distance * distance
        }
    }

    /// The four corner costs of a rectangle's tangent bound for the point `(x, y)`: the cost about any centre c of
    /// the rectangle is at least t(c) = cost(c₀) + ∇cost(c₀)·(c − c₀) (the cost is convex in c; c₀ is the rectangle's
    /// middle), and t at the corners (minX, minY), (maxX, minY), (minX, maxY), (maxX, maxY), in that order.
    @inline(__always)
    func tangentCosts(fromX x: Double, y: Double, box: BoundCell) -> (Double, Double, Double, Double) {
        let middleX = (box.minX + box.maxX) / 2, middleY = (box.minY + box.maxY) / 2
        let dx = middleX - x, dy = middleY - y
        let halfX = (box.maxX - box.minX) / 2, halfY = (box.maxY - box.minY) / 2
        let value: Double, gradientX: Double, gradientY: Double
        switch self {
        case .distance:
            let distance = (dx * dx + dy * dy).squareRoot()
            value = distance
            // At c = p the norm has subgradient 0 there (it is 0 at its minimum): the tangent is the constant 0.
            gradientX = distance > 0 ? dx / distance : 0
            gradientY = distance > 0 ? dy / distance : 0
        case .squaredDistance:
            value = dx * dx + dy * dy
            gradientX = 2 * dx
            gradientY = 2 * dy
        }
        let alongX = gradientX * halfX, alongY = gradientY * halfY
        return (
            value - alongX - alongY, value + alongX - alongY, value - alongX + alongY, value + alongX + alongY
        )
    }
}
