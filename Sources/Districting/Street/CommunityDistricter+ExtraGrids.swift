import GridModel

/// Saying why a community has more grids than ⌈households / max⌉ (every grid costs a full-time grid worker).
extension CommunityDistricter {
    /// The note for a community drawn with more grids than ⌈households / max⌉, nil otherwise: barrier pieces drawn
    /// apart, whole buildings that cannot fill the fewest grids (a subset-sum bound), or no plan found.
    func extraGridsNote(pieces: [[Int]], used: [Int], graph: DistrictingGraph) -> ExtraGrids? {
        let bounds = parameters.gridBounds
        let total = graph.totalWeight
        let count = used.reduce(0, +)
        guard let fewest = bounds.fewestParts(for: total), count > fewest else { return nil }
        let whole = Self.wholeAtomBound(graph.weights, bounds: bounds) ?? fewest
        let perPiece = pieces.map { piece in Self.wholeAtomBound(piece.map { graph.weights[$0] }, bounds: bounds) }
        let pieceBound = pieces.count > 1 && perPiece.allSatisfy({ $0 != nil })
            ? perPiece.reduce(0) { $0 + ($1 ?? 0) } : whole
        let bound = max(whole, pieceBound)
        let reason: ExtraGrids.Reason
        let why: String
        if count <= bound && pieceBound > whole {
            reason = .barrierPieces
            let sizes = pieces.map { piece in "\(piece.reduce(0) { $0 + graph.weights[$1] })" }
            why = Message.text("planning.extra_grids.barrier_pieces", [
                "pieces": "\(pieces.count)", "sizes": Language.current.list(sizes),
                "needs": perPiece.map { "\($0 ?? 0)" }.joined(separator: " + "),
            ])
        } else if count <= bound {
            reason = .wholeBuildings
            why = Message.text("planning.extra_grids.whole_buildings", [
                "fewer": "\(count - 1)", "max": "\(bounds.max)", "bound": "\(bound)",
            ])
        } else {
            reason = .noPlanFound
            why = Message.text("planning.extra_grids.no_plan_found", [
                "count": "\(max(fewest, bound))", "bounds": "\(bounds)",
            ])
        }
        let message = Message.text("planning.extra_grids.community", [
            "community": community.rawValue, "count": "\(count)", "fewest": "\(fewest)", "total": "\(total)",
            "max": "\(bounds.max)", "why": why,
        ])
        return ExtraGrids(communityID: community, level: .grid, place: community.rawValue, count: count,
                          fewest: fewest, lowerBound: bound, reason: reason,
                          proven: reason != .noPlanFound, message: message)
    }

    /// The note for a grid drawn with more micro-grids than ⌈households / max⌉: proven impossible by the exact check,
    /// or only not found.
    func microGridsNote(grid: GridID, plan: MicroPlan, households: Int) -> String {
        let arguments = [
            "grid": grid.rawValue, "count": "\(plan.count)", "fewest": "\(plan.fewest)", "households": "\(households)",
            "max": "\(parameters.microBounds.max)", "bounds": "\(parameters.microBounds)",
        ]
        return plan.fewestProvenImpossible
            ? Message.text("planning.extra_grids.micro_proven", arguments)
            : Message.text("planning.extra_grids.micro_unproven", arguments)
    }

    /// The fewest parts within `bounds` that whole atoms of `weights` allow by a subset-sum bound: every part holds
    /// a subset, so at most the largest subset sum not above the maximum; nil when no count is admitted.
    ///
    /// - Complexity: O(n · max).
    static func wholeAtomBound(_ weights: [Int], bounds: DistrictingBounds) -> Int? {
        let total = weights.reduce(0, +)
        guard var count = bounds.fewestParts(for: total) else { return nil }
        var reachable = Array(repeating: false, count: bounds.max + 1)
        reachable[0] = true
        for weight in weights where weight > 0 && weight <= bounds.max {
            for sum in stride(from: bounds.max, through: weight, by: -1) where reachable[sum - weight] {
                reachable[sum] = true
            }
        }
        let fullest = reachable.lastIndex(of: true) ?? 0
        guard fullest > 0 else { return count }
        while count * fullest < total && bounds.admits(total, parts: count + 1) { count += 1 }
        return count
    }
}
