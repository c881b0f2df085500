/// The magnitudes the dispatcher accepts, so that no sum of minutes or metres can overflow or lose meaning; inputs
/// beyond them are refused as errors, never trapped on.
enum DispatchLimits {
    /// Absolute minutes within ±2⁴⁰ (two million years): sums of a few of them stay far inside `Int`.
    static let largestMinute = 1 << 40
    /// A service lasts at most 2²⁰ minutes (about two years).
    static let longestService = 1 << 20
    /// Coordinates within ±10⁸ m (farther than any street's frame reaches).
    static let largestCoordinate = 1e8
    /// Search effort: starts tried per request and volunteer (a week of 5-minute steps); later starts of one pair
    /// are not considered. A count, so that the result never depends on the clock.
    static let startsPerPair = 2016
}
