import GridModel
import GridRules

/// Every number the dispatcher uses, each from a rule of matching.yaml or services.yaml (never a constant).
public struct DispatchRules: Hashable, Sendable {
    /// The ranking weights of alternates (`matching.ranking`).
    public struct RankingWeights: Hashable, Sendable {
        /// Nearer is better.
        public var distance: Double
        /// A job using more of what the volunteer offers is a better fit.
        public var skill: Double
        /// Fewer jobs this week is better.
        public var loadBalance: Double
        /// A party member is preferred.
        public var partyMember: Double

        /// Creates weights.
        public init(distance: Double, skill: Double, loadBalance: Double, partyMember: Double) {
            self.distance = distance
            self.skill = skill
            self.loadBalance = loadBalance
            self.partyMember = partyMember
        }
    }

    /// The rule each hard check cites when it blocks a request.
    public struct Citations: Hashable, Sendable {
        /// Skills the service needs (`services.catalogue`).
        public var skills: RuleID
        /// The walking-distance limit (`matching.distance`).
        public var distance: RuleID
        /// Declined offers are not repeated (`matching.declined_offers`).
        public var declined: RuleID
        /// Start step, window, availability and travel buffer (`matching.dispatch_times`).
        public var times: RuleID
        /// Caps per day and week (`matching.volunteer_caps`).
        public var caps: RuleID

        /// Creates citations.
        public init(skills: RuleID, distance: RuleID, declined: RuleID, times: RuleID, caps: RuleID) {
            self.skills = skills
            self.distance = distance
            self.declined = declined
            self.times = times
            self.caps = caps
        }
    }

    /// Minutes between two possible starts; starts are multiples of it in absolute minutes.
    public var startStepMinutes: Int
    /// Walking speed, metres a minute.
    public var walkingMetresPerMinute: Double
    /// Minutes kept between two places at least, however close.
    public var minimumBufferMinutes: Int
    /// The longest distance from home to a request.
    public var maxDistanceMetres: Double
    /// Jobs a day at most.
    public var jobsPerDay: Int
    /// Minutes of jobs a day at most.
    public var minutesPerDay: Int
    /// Jobs in the problem's week at most.
    public var jobsPerWeek: Int
    /// Minutes of jobs in the week at most.
    public var minutesPerWeek: Int
    /// Whether a volunteer who declined may be offered the same request again.
    public var offerDeclinedAgain: Bool
    /// Alternates listed after the dispatched volunteer.
    public var alternates: Int
    /// How alternates are ranked.
    public var ranking: RankingWeights
    /// Third tier: the cost of a volunteer's first job of the week.
    public var firstJobCost: Double
    /// Third tier: how much each further job costs more than the one before (≥ 0, so the cost is convex).
    public var costIncreasePerJob: Double
    /// The rules cited by unmatched requests.
    public var citations: Citations

    /// Creates rules from plain numbers (tests); ``init(_:)`` reads them from a rule set.
    public init(
        startStepMinutes: Int, walkingMetresPerMinute: Double, minimumBufferMinutes: Int, maxDistanceMetres: Double,
        jobsPerDay: Int, minutesPerDay: Int, jobsPerWeek: Int, minutesPerWeek: Int, offerDeclinedAgain: Bool = false,
        alternates: Int, ranking: RankingWeights, firstJobCost: Double, costIncreasePerJob: Double,
        citations: Citations
    ) {
        self.startStepMinutes = startStepMinutes
        self.walkingMetresPerMinute = walkingMetresPerMinute
        self.minimumBufferMinutes = minimumBufferMinutes
        self.maxDistanceMetres = maxDistanceMetres
        self.jobsPerDay = jobsPerDay
        self.minutesPerDay = minutesPerDay
        self.jobsPerWeek = jobsPerWeek
        self.minutesPerWeek = minutesPerWeek
        self.offerDeclinedAgain = offerDeclinedAgain
        self.alternates = alternates
        self.ranking = ranking
        self.firstJobCost = firstJobCost
        self.costIncreasePerJob = costIncreasePerJob
        self.citations = citations
    }

    /// Reads the dispatch numbers from the matching rules.
    public init(_ rules: MatchingRules) {
        let weights = rules.rankingWeights.value
        self.init(
            startStepMinutes: rules.startStepMinutes.value,
            walkingMetresPerMinute: rules.walkingMetresPerMinute.value,
            minimumBufferMinutes: rules.minimumBufferMinutes.value,
            maxDistanceMetres: rules.maxDistanceMetres.value,
            jobsPerDay: rules.jobsPerDay.value, minutesPerDay: rules.minutesPerDay.value,
            jobsPerWeek: rules.jobsPerWeek.value, minutesPerWeek: rules.minutesPerWeek.value,
            offerDeclinedAgain: rules.offerDeclinedAgain.value,
            alternates: rules.alternates.value,
            ranking: RankingWeights(
                distance: weights["distance"] ?? 0, skill: weights["skill"] ?? 0,
                loadBalance: weights["load_balance"] ?? 0, partyMember: weights["party_member"] ?? 0),
            firstJobCost: rules.firstJobCost.value, costIncreasePerJob: rules.costIncreasePerJob.value,
            citations: Citations(
                skills: rules.servicesRule, distance: rules.maxDistanceMetres.ruleID,
                declined: rules.offerDeclinedAgain.ruleID, times: rules.startStepMinutes.ruleID,
                caps: rules.jobsPerDay.ruleID)
        )
    }

    /// Minutes to walk from `from` to `to`, at least the minimum buffer.
    func travelMinutes(_ from: PlanarPoint, _ to: PlanarPoint) -> Int {
        let walk = (from.distance(to: to) / walkingMetresPerMinute).rounded(.up)
        return max(minimumBufferMinutes, Int(min(walk, Double(DispatchLimits.largestMinute))))
    }
}
