import GridModel

/// The party-member points rules (points.yaml): what earns points, each item's monthly cap, and the cycle
/// "一月一算分、一季一评星、半年一兑换、一年一奖评".
public struct PointsRules: Sendable {
    /// One thing that earns points.
    public struct Item: Hashable, Sendable {
        public var id: String
        public var nameChinese: String
        public var nameEnglish: String
        /// What one counts (hour, activity, wish, meeting).
        public var unit: String
        /// Points per unit.
        public var points: Int
        /// The most points a member earns from this item in a calendar month.
        public var maxPointsPerMonth: Int
    }

    /// A star rating: at least `points` in the period earns `stars`.
    public struct StarThreshold: Hashable, Sendable {
        public var stars: Int
        public var points: Int
    }

    /// The items, in file order.
    public var items: Sourced<[Item]>
    /// Months per tally (1: monthly).
    public var tallyEveryMonths: Sourced<Int>
    /// Months per star rating (3: quarterly).
    public var starsEveryMonths: Sourced<Int>
    /// Thresholds, fewest stars first.
    public var starThresholds: Sourced<[StarThreshold]>
    /// Months per exchange period (6: points are exchanged in June and December).
    public var exchangeEveryMonths: Sourced<Int>
    /// Months per award (12: yearly).
    public var awardEveryMonths: Sourced<Int>
    /// The points a member needs in an award period to pass.
    public var passPoints: Sourced<Int>

    public func item(_ id: String) -> Item? { items.value.first { $0.id == id } }

    /// The stars `points` earn in a rating period.
    public func stars(for points: Int) -> Int {
        starThresholds.value.filter { points >= $0.points }.map(\.stars).max() ?? 0
    }

    /// The first month of the period of `every` months holding `month` (periods start in January).
    public static func periodStart(month: Int, every: Int) -> Int { (month - 1) / every * every + 1 }

    /// Whether points may be exchanged in `month`: the last month of an exchange period.
    public func isExchangeMonth(_ month: Int) -> Bool { month % exchangeEveryMonths.value == 0 }

    init?(reading index: RuleIndex) {
        let itemsRule = index.one(.pointsItems).flatMap { index.parameters($0, ["items"]) }
        let itemMaps = itemsRule?.maps(
            "items", keys: ["id", "name_zh", "name_en", "unit", "points", "max_points_per_month"])
        let items = itemMaps?.compactMap { map -> Item? in
            guard let id = map.text("id"), let zh = map.text("name_zh"), let en = map.text("name_en"),
                let unit = map.text("unit"), let points = map.int("points", atLeast: 1),
                let cap = map.int("max_points_per_month", atLeast: 1)
            else { return nil }
            return Item(
                id: id.value, nameChinese: zh.value, nameEnglish: en.value, unit: unit.value, points: points.value,
                maxPointsPerMonth: cap.value)
        }
        if let items, let itemsRule, Set(items.map(\.id)).count != items.count {
            index.context.report(
                .duplicateRule, at: itemsRule.node.location,
                Message.text("rules.points.item_twice", ["rule": itemsRule.ruleID.rawValue]))
            return nil
        }
        let cycle = index.one(.pointsCycle).flatMap { index.parameters($0, ["tally_every_months", "stars", "exchange"]) }
        let tally = cycle?.int("tally_every_months", atLeast: 1)
        let stars = cycle?.map("stars", keys: ["every_months", "thresholds"])
        let starsEvery = stars?.int("every_months", atLeast: 1)
        let thresholdMaps = stars?.maps("thresholds", keys: ["stars", "points"])
        let thresholds = thresholdMaps?.compactMap { map -> StarThreshold? in
            guard let stars = map.int("stars", atLeast: 1), let points = map.int("points", atLeast: 1) else { return nil }
            return StarThreshold(stars: stars.value, points: points.value)
        }
        let exchange = cycle?.map("exchange", keys: ["every_months"])
        let exchangeEvery = exchange?.int("every_months", atLeast: 1)
        let award = index.one(.pointsAward).flatMap { index.parameters($0, ["every_months", "pass_points"]) }
        let awardEvery = award?.int("every_months", atLeast: 1)
        let pass = award?.int("pass_points", atLeast: 1)
        for period in [tally, starsEvery, exchangeEvery, awardEvery].compactMap({ $0 }) where 12 % period.value != 0 {
            index.context.report(
                .contradiction, at: period.location,
                Message.text("rules.points.period", ["rule": period.ruleID.rawValue, "months": "\(period.value)"]))
            return nil
        }
        guard let itemsRule, let itemMaps, let items, items.count == itemMaps.count, let cycle, let tally,
            let starsEvery, let thresholdMaps, let thresholds, thresholds.count == thresholdMaps.count, let exchangeEvery,
            let awardEvery, let pass
        else { return nil }
        let ordered = thresholds.sorted { $0.stars < $1.stars }
        guard zip(ordered, ordered.dropFirst()).allSatisfy({ $0.points < $1.points }) else {
            index.context.report(
                .contradiction, at: cycle.node.location,
                Message.text("rules.points.thresholds", ["rule": cycle.ruleID.rawValue]))
            return nil
        }
        self.items = Sourced(items, ruleID: itemsRule.ruleID, location: itemsRule.node.location)
        tallyEveryMonths = tally
        starsEveryMonths = starsEvery
        starThresholds = Sourced(ordered, ruleID: cycle.ruleID, location: cycle.node.location)
        exchangeEveryMonths = exchangeEvery
        awardEveryMonths = awardEvery
        passPoints = pass
    }
}
