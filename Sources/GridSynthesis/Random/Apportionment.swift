/// Splits a whole number over parts in proportion to weights, exactly (the largest-remainder method).
enum Apportionment {
    /// `total` split over parts in proportion to `weights`; remainders go to the largest fractions, ties to the
    /// lower index, so the result is deterministic and sums to `total` (all zeros when the weights sum to 0).
    static func split(_ total: Int, _ weights: [Int]) -> [Int] {
        let sum = weights.reduce(0, +)
        guard sum > 0 else { return weights.map { _ in 0 } }
        let exact = weights.map { Double(total) * Double($0) / Double(sum) }
        var shares = exact.map { Int($0.rounded(.down)) }
        let order = exact.indices.sorted {
            (exact[$0] - Double(shares[$0]), $1) > (exact[$1] - Double(shares[$1]), $0)
        }
        for index in order.prefix(total - shares.reduce(0, +)) { shares[index] += 1 }
        return shares
    }
}
