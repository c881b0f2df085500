/// How a dispatch is carried out: how the week is cut into parts, and the search-effort limits.
///
/// None of these changes what a match may be; they change only how much of the search is done.
public struct DispatchOptions: Hashable, Sendable {
    /// How requests are grouped into models solved one after another.
    public enum Partition: String, Hashable, Sendable {
        /// One model per community and day of the window's start (days, then communities, in order).
        case communityAndDay = "community_day"
        /// One model for the whole problem.
        case whole
    }

    /// How the problem is cut.
    public var partition: Partition
    /// Wall-clock seconds each tier's solve may take (`nil`: until proven optimal). When it binds, the tier reports
    /// `feasible` with its gap, and the result may differ between runs.
    public var secondsPerTier: Double?
    /// Keep only this many volunteers per request, nearest first (ties by id); `nil` keeps all. The optimum is then
    /// the optimum over the volunteers kept, which each part reports.
    public var volunteersPerRequest: Int?

    /// Creates options; the defaults search exhaustively.
    public init(partition: Partition = .communityAndDay, secondsPerTier: Double? = nil, volunteersPerRequest: Int? = nil)
    {
        self.partition = partition
        self.secondsPerTier = secondsPerTier
        self.volunteersPerRequest = volunteersPerRequest
    }
}
