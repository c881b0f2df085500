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

    /// Keep, for each request, only its n nearest volunteers able to take it given the jobs of earlier parts (and
    /// any as near as the n-th), where n is the number of open requests in its part. This never changes the optimum:
    /// in a solution giving the request to a farther volunteer, at least one of its n nearest has no job in the part
    /// (the other n − 1 requests hold at most n − 1 volunteers), so moving the request to that one keeps every rule
    /// and the priority, and walks strictly less; no lexicographic optimum uses a farther one. It turns thousands of
    /// volunteers per request into a few dozen on a street.
    public var keepsNearestPerPart: Bool

    /// The nearest volunteers per request the model of a part starts with (and any as near, to the decimetre, as
    /// the last of them). The search then adds whoever could do better (``DispatchPartSearch``), so this changes
    /// only how fast the optimum is found and proven, never the optimum.
    public var keptAtFirst: Int

    /// Branch-and-cut nodes each GLPK solve of a part may create (`nil`: no limit). A limit that binds leaves the
    /// part `feasible` with its gap reported, and, unlike `secondsPerTier`, stops at the same point on every run.
    public var nodesPerSolve: Int?

    /// Creates options; the defaults search every volunteer able to take a request (keeping only those that can
    /// change the optimum), each GLPK solve within 300 nodes.
    public init(
        partition: Partition = .communityAndDay, secondsPerTier: Double? = nil, volunteersPerRequest: Int? = nil,
        keepsNearestPerPart: Bool = true, keptAtFirst: Int = 4, nodesPerSolve: Int? = 300
    ) {
        self.nodesPerSolve = nodesPerSolve
        self.keptAtFirst = keptAtFirst
        self.partition = partition
        self.secondsPerTier = secondsPerTier
        self.volunteersPerRequest = volunteersPerRequest
        self.keepsNearestPerPart = keepsNearestPerPart
    }
}
