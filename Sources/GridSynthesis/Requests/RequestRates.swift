import GridModel

/// How often and for what the generator's residents order services: the generator's own parameters (how a
/// synthetic week looks), not planning rules. The shares are a plausible street's, after the seed documents'
/// descriptions of 群众点单 (fetching medicine, companionship and repairs most asked for; legal and psychological
/// advice rarely), not measured figures.
public struct RequestRates: Hashable, Sendable {
    /// A period of the day in which orders are made, as minutes of the day `[start, end)`.
    public struct DayPeriod: Hashable, Sendable {
        /// First minute of the period.
        public var start: Int
        /// Minute after the period's last.
        public var end: Int
        /// Share of the day's orders made in it.
        public var share: Double

        /// A period from `start` to `end` (minutes of the day) holding `share` of the orders.
        public init(start: Int, end: Int, share: Double) {
            self.start = start
            self.end = end
            self.share = share
        }
    }

    /// How far ahead an order's window opens and how long it stays open, minutes, by urgency.
    public struct WindowShape: Hashable, Sendable {
        /// Minutes from the order to the window's opening.
        public var lead: ClosedRange<Int>
        /// Length of the window (widened to the service's length when shorter).
        public var length: ClosedRange<Int>

        /// A window opening `lead` minutes after the order and lasting `length` minutes.
        public init(lead: ClosedRange<Int>, length: ClosedRange<Int>) {
            self.lead = lead
            self.length = length
        }
    }

    /// Expected orders per cared-for resident per week, before the category multipliers.
    public var weeklyOrdersPerResident: Double
    /// Multipliers of a resident's rate by category; a resident in several takes the largest (elderly living
    /// alone and disabled residents order more).
    public var categoryMultipliers: [ResidentCategory: Double]
    /// Share of all orders made by people not in residents.csv (written with `building_id` only).
    public var outsiderShare: Double
    /// Share of orders per service id; catalogue services not listed get ``unlistedServiceShare`` each, services
    /// listed but not in the catalogue are dropped, and the rest is scaled to sum to one.
    public var serviceShares: [Service: Double]
    /// Share of each catalogue service missing from ``serviceShares``.
    public var unlistedServiceShare: Double
    /// Weight of each weekday, Monday first (seven values).
    public var weekdayWeights: [Double]
    /// When in the day orders are made (most in the morning).
    public var dayPeriods: [DayPeriod]
    /// Share of orders by urgency.
    public var urgencyShares: [GeneratedRequest.Urgency: Double]
    /// Window by urgency.
    public var windows: [GeneratedRequest.Urgency: WindowShape]
    /// Service hours: a window never opens before this minute of the day…
    public var serviceDayStart: Int
    /// …nor so late that the service would end after this one; it moves to the next morning instead.
    public var serviceDayEnd: Int
    /// Order and window times are multiples of this many minutes.
    public var clockStep: Int

    /// Rates as given.
    public init(
        weeklyOrdersPerResident: Double, categoryMultipliers: [ResidentCategory: Double], outsiderShare: Double,
        serviceShares: [Service: Double], unlistedServiceShare: Double, weekdayWeights: [Double],
        dayPeriods: [DayPeriod], urgencyShares: [GeneratedRequest.Urgency: Double],
        windows: [GeneratedRequest.Urgency: WindowShape], serviceDayStart: Int, serviceDayEnd: Int, clockStep: Int
    ) {
        self.weeklyOrdersPerResident = weeklyOrdersPerResident
        self.categoryMultipliers = categoryMultipliers
        self.outsiderShare = outsiderShare
        self.serviceShares = serviceShares
        self.unlistedServiceShare = unlistedServiceShare
        self.weekdayWeights = weekdayWeights
        self.dayPeriods = dayPeriods
        self.urgencyShares = urgencyShares
        self.windows = windows
        self.serviceDayStart = serviceDayStart
        self.serviceDayEnd = serviceDayEnd
        self.clockStep = clockStep
    }

    /// The generator's usual week: about one order per ten cared-for residents, two and a half times as many from
    /// elderly residents living alone, one in ten from someone not in residents.csv; 55 % of orders in the morning.
    public static let standard = RequestRates(
        weeklyOrdersPerResident: 0.08,
        categoryMultipliers: [.elderlyAlone: 2.5, .disabled: 2.0, .elderlyDisabled: 2.0, .specialHardship: 1.5],
        outsiderShare: 0.1,
        serviceShares: [
            "fetch_medicine": 0.22, "elderly_companionship": 0.18, "home_repair": 0.16, "hospital_escort": 0.09,
            "health_check": 0.08, "policy_explanation": 0.06, "culture_activity": 0.05, "tutoring": 0.05,
            "dispute_mediation": 0.04, "disability_assistance": 0.03, "legal_consultation": 0.02,
            "psychological_support": 0.02,
        ],
        unlistedServiceShare: 0.01,
        weekdayWeights: [1.2, 1.1, 1.0, 1.0, 1.0, 0.7, 0.6],
        dayPeriods: [
            DayPeriod(start: 7 * 60, end: 12 * 60, share: 0.55),
            DayPeriod(start: 12 * 60, end: 18 * 60, share: 0.3),
            DayPeriod(start: 18 * 60, end: 21 * 60, share: 0.15),
        ],
        urgencyShares: [.urgent: 0.12, .normal: 0.68, .low: 0.2],
        windows: [
            .urgent: WindowShape(lead: 30...120, length: 120...240),
            .normal: WindowShape(lead: 120...1_440, length: 240...1_440),
            .low: WindowShape(lead: 720...2_880, length: 1_440...2_880),
        ],
        serviceDayStart: 8 * 60,
        serviceDayEnd: 20 * 60,
        clockStep: 5
    )

    /// Share of each catalogue service, in the catalogue's order, summing to one (all zero for an empty list).
    public func shares(of services: [Service]) -> [Double] {
        let raw = services.map { serviceShares[$0] ?? unlistedServiceShare }
        let total = raw.reduce(0, +)
        return total > 0 ? raw.map { $0 / total } : raw
    }

    /// A resident's expected orders per week: the base rate times the largest multiplier of its categories.
    public func weeklyOrders(of resident: Resident) -> Double {
        let multiplier = resident.categories.compactMap { categoryMultipliers[$0] }.max() ?? 1
        return weeklyOrdersPerResident * max(multiplier, 1)
    }
}
