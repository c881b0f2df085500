import GridModel

/// The rules the time bank reads (timebank.yaml), each with the rule it comes from.
public struct TimeBankRules: Sendable {
    /// How service minutes round.
    public enum RoundingMode: String, CaseIterable, Hashable, Sendable {
        /// To the next step.
        case up
        /// To the previous step.
        case down
        /// To the nearest step, halves up.
        case nearest
    }

    /// What happens when a limit would be breached.
    public enum BreachAction: String, CaseIterable, Hashable, Sendable {
        /// Refuse the entry.
        case reject
        /// Accept up to the limit and route the excess to a pool.
        case routeToPool = "route_to_pool"
        /// Accept and flag the account for review.
        case flag
    }

    /// A service and how it credits its provider: the catalogue's entry, the same matching reads.
    public typealias Service = ServiceCatalogue.Entry

    /// The rule-set version every ledger entry records, and its effective date.
    public var version: Sourced<String>
    /// The date the version takes effect; no change is retroactive.
    public var effectiveFrom: Sourced<CalendarDate>
    /// Rounding of service time.
    public var roundingMode: Sourced<RoundingMode>
    /// Rounding step in minutes (15: a quarter hour).
    public var roundingStepMinutes: Sourced<Int>
    /// Whether travel time counts as service time.
    public var travelCounts: Sourced<Bool>
    /// The service catalogue (services.yaml), shared with matching.
    public var serviceCatalogue: ServiceCatalogue
    /// The services, sorted by id.
    public var services: [Service] { serviceCatalogue.services }
    /// Eligibility.
    public var earnEligible: Sourced<RuleCondition>
    /// Who may redeem (aged 60 or older by default).
    public var redeemEligible: Sourced<RuleCondition>
    /// Whether redeeming needs a positive balance.
    public var redeemRequiresBalance: Sourced<Bool>
    /// Who the donation pool serves first.
    public var priorityRecipient: Sourced<RuleCondition>
    /// Personal account bounds and what happens at the cap.
    public var floorMinutes: Sourced<Int>
    /// Highest personal balance (90,000 minutes = 1,500 h).
    public var capMinutes: Sourced<Int>
    /// What happens to minutes above the cap.
    public var onCap: Sourced<BreachAction>
    /// The pool that takes minutes above the cap.
    public var capPool: Sourced<String>
    /// Whether group accounts may redeem.
    public var groupMayRedeem: Sourced<Bool>
    /// Pools a group account may donate to.
    public var groupMayDonateTo: Sourced<[String]>
    /// The public pools (donation pool, seed fund, expiry sink).
    public var pools: Sourced<[String]>
    /// Per-month caps and what happens on breach.
    public var earnMinutesPerMonth: Sourced<Int>
    /// Most minutes a person redeems a month.
    public var redeemMinutesPerMonth: Sourced<Int>
    /// What happens when a monthly cap would be breached.
    public var onPeriodBreach: Sourced<BreachAction>
    /// Transfers to relatives.
    public var transferRelations: Sourced<[String]>
    /// Who may receive a transfer from a relative.
    public var transferRecipient: Sourced<RuleCondition>
    /// The proof of relationship required.
    public var transferProof: Sourced<String>
    /// Who approves a transfer (`none`, `grid_worker`, `community`).
    public var transferApproval: Sourced<String>
    /// Most minutes a person transfers to relatives a year.
    public var transferMaxMinutesPerYear: Sourced<Int>
    /// Donations.
    public var donateTo: Sourced<[String]>
    /// Whom the donation pool serves first.
    public var poolServesFirst: Sourced<String>
    /// Lifecycle.
    public var inheritTo: Sourced<String>
    /// Where the balance goes when no relative is designated.
    public var inheritOtherwise: Sourced<String>
    /// What happens to the account when its holder leaves (`freeze`, `port`, `keep`).
    public var onLeave: Sourced<String>
    /// Whether minutes expire (off by default).
    public var expiryEnabled: Sourced<Bool>
    /// Months after which minutes expire, when expiry is on.
    public var expiryAfterMonths: Sourced<Int>
    /// The account expired minutes move to; they never vanish.
    public var expirySink: Sourced<String>
    /// Months without redeeming after which the holder is reminded (只存不取).
    public var dormancyNudgeAfterMonths: Sourced<Int>
    /// Workflow and confirmation.
    public var steps: Sourced<[String]>
    /// Who must confirm a service before its time is credited.
    public var confirmBy: Sourced<[String]>
    /// Days after which a pending service confirms itself.
    public var autoConfirmAfterDays: Sourced<Int>
    /// Whether time is held as pending until confirmed.
    public var pendingHold: Sourced<Bool>
    /// Exchange rates (minutes here per minute there) by programme id for 通存通兑, and the yearly limit.
    public var exchangeRates: Sourced<[String: Double]>
    /// Most minutes a person moves between programmes a year.
    public var portableMinutesPerYear: Sourced<Int>
    /// Party-member points (points.yaml), the ledger's second currency.
    public var points: PointsRules

    /// Service minutes after the rounding rule (a non-positive duration stays 0).
    public func rounded(minutes: Int) -> Int {
        let step = max(1, roundingStepMinutes.value)
        guard minutes > 0 else { return 0 }
        switch roundingMode.value {
        case .up: return (minutes + step - 1) / step * step
        case .down: return minutes / step * step
        case .nearest: return (minutes + step / 2) / step * step
        }
    }

    /// A service by id.
    public func service(_ id: GridModel.Service) -> Service? { serviceCatalogue.service(id) }

    init?(reading index: RuleIndex) {
        let breach = BreachAction.allCases.map(\.rawValue)
        let version = index.one(.timeBankVersion).flatMap { index.parameters($0, ["ruleset", "effective_from"]) }
        let ruleset = version?.text("ruleset")
        let fromText = version?.text("effective_from")
        var from: Sourced<CalendarDate>?
        if let fromText {
            if let date = CalendarDate(parsing: fromText.value) {
                from = fromText.map { _ in date }
            } else {
                index.context.report(
                    .wrongType, at: fromText.location,
                    Message.text(
                        "rules.timebank.effective_from", ["rule": fromText.ruleID.rawValue, "value": fromText.value]))
            }
        }
        let unit = index.one(.timeBankUnit).flatMap { index.parameters($0, ["unit", "rounding", "travel_counts"]) }
        _ = unit?.word("unit", oneOf: ["minute"])
        let rounding = unit?.map("rounding", keys: ["mode", "step_minutes"])
        let mode = rounding?.word("mode", oneOf: RoundingMode.allCases.map(\.rawValue))
        let step = rounding?.int("step_minutes", atLeast: 1)
        let travel = unit?.bool("travel_counts")
        let catalogue = ServiceCatalogue(reading: index)
        let eligibility = index.one(.timeBankEligibility).flatMap {
            index.parameters($0, ["earn", "redeem", "redeem_requires_balance", "priority_recipient"])
        }
        let earn = eligibility?.condition("earn")
        let redeem = eligibility?.condition("redeem")
        let requiresBalance = eligibility?.bool("redeem_requires_balance")
        let priority = eligibility?.condition("priority_recipient")
        let accounts = index.one(.timeBankAccounts).flatMap { index.parameters($0, ["person", "group", "pools"]) }
        let person = accounts?.map("person", keys: ["floor_minutes", "cap_minutes", "on_cap", "pool"])
        let floor = person?.int("floor_minutes")
        let cap = person?.int("cap_minutes", atLeast: 1)
        if let floor, let cap, floor.value > cap.value {
            index.context.report(
                .contradiction, at: floor.location,
                Message.text(
                    "rules.timebank.floor_above_cap",
                    ["rule": floor.ruleID.rawValue, "floor": "\(floor.value)", "cap": "\(cap.value)"]))
        }
        let onCap = person?.word("on_cap", oneOf: breach).flatMap { $0.map { BreachAction(rawValue: $0) ?? .reject } }
        let capPool = person?.text("pool")
        let group = accounts?.map("group", keys: ["may_redeem", "may_donate_to"])
        let groupRedeem = group?.bool("may_redeem")
        let groupDonate = group?.words("may_donate_to")
        let pools = accounts?.words("pools")
        if let pools {
            var named: [Sourced<String>] = capPool.map { [$0] } ?? []
            if let groupDonate, let node = accounts?.node["group"]?["may_donate_to"]?.items {
                named += zip(groupDonate.value, node).map {
                    Sourced($0, ruleID: groupDonate.ruleID, location: $1.location)
                }
            }
            for pool in named where !pools.value.contains(pool.value) {
                let hint = NearestName.hint(for: pool.value, among: pools.value)
                let arguments = [
                    "rule": pool.ruleID.rawValue, "pool": pool.value, "known": Language.current.list(pools.value),
                    "hint": hint,
                ]
                index.context.report(
                    .unknownReference, at: pool.location, Message.text("rules.timebank.unknown_pool", arguments))
            }
        }
        let caps = index.one(.timeBankPeriodCaps).flatMap {
            index.parameters($0, ["earn_minutes_per_month", "redeem_minutes_per_month", "on_breach"])
        }
        let earnCap = caps?.int("earn_minutes_per_month", atLeast: 1)
        let redeemCap = caps?.int("redeem_minutes_per_month", atLeast: 1)
        let onBreach = caps?.word("on_breach", oneOf: breach).flatMap {
            $0.map { BreachAction(rawValue: $0) ?? .reject }
        }
        let transfers = index.one(.timeBankTransfers).flatMap { index.parameters($0, ["to_relative", "donate"]) }
        let relative = transfers?.map(
            "to_relative", keys: ["relations", "recipient", "proof", "approval", "max_minutes_per_year"])
        let relations = relative?.words("relations")
        let recipient = relative?.condition("recipient")
        let proof = relative?.text("proof")
        let approval = relative?.word("approval", oneOf: ["none", "grid_worker", "community"])
        let maxTransfer = relative?.int("max_minutes_per_year")
        let donate = transfers?.map("donate", keys: ["to", "pool_serves_first"])
        let donateTo = donate?.words("to")
        let servesFirst = donate?.word("pool_serves_first", oneOf: ["priority_recipient", "first_come"])
        let lifecycle = index.one(.timeBankLifecycle).flatMap {
            index.parameters($0, ["on_death", "on_leave", "expiry", "dormancy_nudge_after_months"])
        }
        let death = lifecycle?.map("on_death", keys: ["inherit_to", "otherwise"])
        let inherit = death?.text("inherit_to")
        let otherwise = death?.text("otherwise")
        let leave = lifecycle?.word("on_leave", oneOf: ["freeze", "port", "keep"])
        let expiry = lifecycle?.map("expiry", keys: ["enabled", "after_months", "sink"])
        let expiryEnabled = expiry?.bool("enabled")
        let expiryMonths = expiry?.int("after_months")
        let sink = expiry?.text("sink")
        if let expiryEnabled, expiryEnabled.value, let expiryMonths, expiryMonths.value == 0 {
            index.context.report(
                .contradiction, at: expiryMonths.location,
                Message.text("rules.timebank.expiry_without_months", ["rule": expiryMonths.ruleID.rawValue]))
        }
        let dormancy = lifecycle?.int("dormancy_nudge_after_months")
        let workflow = index.one(.timeBankWorkflow).flatMap {
            index.parameters($0, ["steps", "confirm_by", "auto_confirm_after_days", "pending_hold"])
        }
        let steps = workflow?.words("steps")
        let confirmBy = workflow?.words("confirm_by")
        let autoConfirm = workflow?.int("auto_confirm_after_days", atLeast: 1)
        let pending = workflow?.bool("pending_hold")
        let portability = index.one(.timeBankPortability).flatMap {
            index.parameters($0, ["programmes", "max_minutes_per_year"])
        }
        let programmeMaps = portability?.maps("programmes", keys: ["id", "rate"])
        let rates = programmeMaps?.compactMap { map -> (String, Double)? in
            guard let id = map.text("id"), let rate = map.number("rate") else { return nil }
            return (id.value, rate.value)
        }
        let portable = portability?.int("max_minutes_per_year")
        let points = PointsRules(reading: index)
        guard let portability, let programmeMaps, let rates, rates.count == programmeMaps.count,
            Set(rates.map(\.0)).count == rates.count, let portable
        else {
            if let rates, Set(rates.map(\.0)).count != rates.count, let portability {
                index.context.report(
                    .duplicateRule, at: portability.node.location,
                    Message.text("rules.timebank.programme_twice", ["rule": portability.ruleID.rawValue]))
            }
            return nil
        }
        guard let ruleset, let from, let mode, let modeValue = RoundingMode(rawValue: mode.value), let step, let travel,
            let catalogue, let earn, let redeem,
            let requiresBalance,
            let priority, let floor, let cap, let onCap, let capPool, let groupRedeem, let groupDonate, let pools,
            let earnCap, let redeemCap, let onBreach, let relations, let recipient, let proof, let approval,
            let maxTransfer, let donateTo, let servesFirst, let inherit, let otherwise, let leave, let expiryEnabled,
            let expiryMonths, let sink, let dormancy, let steps, let confirmBy, let autoConfirm, let pending, let points
        else { return nil }
        self.points = points
        self.version = ruleset
        effectiveFrom = from
        roundingMode = mode.map { _ in modeValue }
        roundingStepMinutes = step
        travelCounts = travel
        serviceCatalogue = catalogue
        earnEligible = earn
        redeemEligible = redeem
        redeemRequiresBalance = requiresBalance
        priorityRecipient = priority
        floorMinutes = floor
        capMinutes = cap
        self.onCap = onCap
        self.capPool = capPool
        groupMayRedeem = groupRedeem
        groupMayDonateTo = groupDonate
        self.pools = pools
        earnMinutesPerMonth = earnCap
        redeemMinutesPerMonth = redeemCap
        onPeriodBreach = onBreach
        transferRelations = relations
        transferRecipient = recipient
        transferProof = proof
        transferApproval = approval
        transferMaxMinutesPerYear = maxTransfer
        self.donateTo = donateTo
        poolServesFirst = servesFirst
        inheritTo = inherit
        inheritOtherwise = otherwise
        onLeave = leave
        self.expiryEnabled = expiryEnabled
        expiryAfterMonths = expiryMonths
        expirySink = sink
        dormancyNudgeAfterMonths = dormancy
        self.steps = steps
        self.confirmBy = confirmBy
        autoConfirmAfterDays = autoConfirm
        pendingHold = pending
        exchangeRates = Sourced(
            Dictionary(uniqueKeysWithValues: rates), ruleID: portability.ruleID, location: portability.node.location
        )
        portableMinutesPerYear = portable
    }
}
