import GridModel
import GridRules

/// Turns one request into legs under the rules, reading the ledger inside the request's transaction; throws the
/// rule that refuses it, naming the account and by how much.
struct ExchangePlanner {
    let rules: TimeBankRules
    let transaction: any LedgerTransaction
    let request: ExchangeRequest

    struct Plan {
        var legs: [LedgerLeg]
        var notes: [String]
    }

    private var id: String { request.id }
    private var currency: LedgerCurrency { request.currency }
    private var bucket: LedgerBucket { request.pending ? .pending : .posted }

    func plan() throws(TimeBankError) -> Plan {
        switch request.kind {
        case .earn: try earn()
        case .confirm: try settle(confirming: true)
        case .void: try settle(confirming: false)
        case .redeem: try redeem()
        case .transfer: try transfer()
        case .donate: try donate()
        case .reverse: try reverse()
        }
    }

    // MARK: - Kinds

    private func earn() throws(TimeBankError) -> Plan {
        if let from = request.from, from != LedgerAccount.issuance {
            throw .invalidRequest(exchange: id, field: "from", expected: "empty or \(LedgerAccount.issuance)")
        }
        let recipient = try account(request.to, field: "to")
        guard recipient.kind != .pool else {
            throw .invalidRequest(exchange: id, field: "to", expected: "a person, group or organisation (not a pool)")
        }
        var notes: [String] = []
        if currency == .time {
            guard let service = request.service else {
                throw .invalidRequest(exchange: id, field: "service", expected: "the service served (catalogue id)")
            }
            guard rules.service(Service(rawValue: service)) != nil else {
                throw .invalidRequest(
                    exchange: id, field: "service",
                    expected: "a service of the catalogue (\(rules.services.map(\.id.rawValue).joined(separator: ", ")))")
            }
            if recipient.kind == .person {
                notes.append(try eligible(recipient, rules.earnEligible, doing: "earn"))
                notes += try periodCap(
                    recipient, kind: .earn, cap: rules.earnMinutesPerMonth, period: month(of: request.date))
            }
        } else {
            notes.append(try pointsItem(recipient))
        }
        let credit = try credited(recipient, request.amount, bucket: bucket)
        let legs =
            [LedgerLeg(account: LedgerAccount.issuance, currency: currency, bucket: bucket, amount: -request.amount)]
            + credit.legs
        notes += credit.notes
        if request.pending { notes.append("\(rules.pendingHold.ruleID): held pending until confirmed") }
        return Plan(legs: legs, notes: notes)
    }

    /// A confirm (pending legs become posted) or a void (pending legs undone) of a pending earning.
    private func settle(confirming: Bool) throws(TimeBankError) -> Plan {
        let target = try targetExchange()
        guard target.request.kind == .earn, target.legs.contains(where: { $0.bucket == .pending }) else {
            throw .invalidRequest(exchange: id, field: "target", expected: "a pending earning (\(target.request.id) is not)")
        }
        if let earlier = try transaction.followUps(of: target.request.id, kinds: [.confirm, .void]).first {
            throw .ruleRefused(
                exchange: id, rule: rules.confirmBy.ruleID,
                detail: Message.text(
                    "timebank.refused.settled",
                    [
                        "target": target.request.id, "by": earlier.request.id,
                        "verb": Message.text(earlier.request.kind == .confirm ? "timebank.verb.confirmed" : "timebank.verb.voided"),
                    ]))
        }
        var legs: [LedgerLeg] = []
        for leg in target.legs where leg.bucket == .pending {
            legs.append(LedgerLeg(account: leg.account, currency: leg.currency, bucket: .pending, amount: -leg.amount))
            if confirming {
                legs.append(LedgerLeg(account: leg.account, currency: leg.currency, bucket: .posted, amount: leg.amount))
            }
        }
        let verb = confirming ? "confirmed" : "voided"
        return Plan(legs: legs, notes: ["\(rules.confirmBy.ruleID): \(target.request.id) \(verb)"])
    }

    private func redeem() throws(TimeBankError) -> Plan {
        let payer = try account(request.from, field: "from")
        if request.to != nil, request.to != LedgerAccount.issuance {
            throw .invalidRequest(exchange: id, field: "to", expected: "empty (redeemed minutes return to issuance)")
        }
        var notes: [String] = []
        switch payer.kind {
        case .group where !rules.groupMayRedeem.value:
            throw .ruleRefused(exchange: id, rule: rules.groupMayRedeem.ruleID, detail: Message.text("timebank.refused.group_redeem", ["account": payer.id.rawValue]))
        case .pool:
            throw .invalidRequest(exchange: id, field: "from", expected: "a member's account (a pool pays by donate)")
        default:
            break
        }
        if currency == .points {
            notes.append(try exchangeWindow())
        }
        if currency == .time, payer.kind == .person {
            notes.append(try eligible(payer, rules.redeemEligible, doing: "redeem"))
            notes += try periodCap(payer, kind: .redeem, cap: rules.redeemMinutesPerMonth, period: month(of: request.date))
        }
        notes.append(try floor(payer, paying: request.amount))
        return Plan(
            legs: [
                LedgerLeg(account: payer.id, currency: currency, bucket: .posted, amount: -request.amount),
                LedgerLeg(account: LedgerAccount.issuance, currency: currency, bucket: .posted, amount: request.amount),
            ],
            notes: notes)
    }

    private func transfer() throws(TimeBankError) -> Plan {
        guard currency == .time else {
            throw .invalidRequest(exchange: id, field: "currency", expected: "time (points are not transferred)")
        }
        let payer = try account(request.from, field: "from")
        let recipient = try account(request.to, field: "to")
        guard payer.kind == .person, recipient.kind == .person, payer.id != recipient.id else {
            throw .invalidRequest(exchange: id, field: "from/to", expected: "two different personal accounts")
        }
        guard let relation = request.relation, rules.transferRelations.value.contains(relation) else {
            throw .ruleRefused(
                exchange: id, rule: rules.transferRelations.ruleID,
                detail: Message.text(
                    "timebank.refused.relation",
                    ["relation": request.relation ?? "-", "allowed": rules.transferRelations.value.joined(separator: ", ")]))
        }
        if rules.transferProof.value != "none", request.proof == nil {
            throw .ruleRefused(
                exchange: id, rule: rules.transferProof.ruleID,
                detail: Message.text("timebank.refused.proof", ["proof": rules.transferProof.value]))
        }
        if rules.transferApproval.value != "none", request.approvedBy == nil {
            throw .ruleRefused(
                exchange: id, rule: rules.transferApproval.ruleID,
                detail: Message.text("timebank.refused.approval", ["approval": rules.transferApproval.value]))
        }
        var notes = [try eligible(recipient, rules.transferRecipient, doing: "receive")]
        let year = (from: CalendarDate(year: request.date.year, month: 1, day: 1), through: CalendarDate(year: request.date.year, month: 12, day: 31))
        if let from = year.from, let through = year.through {
            let sent = -(try transaction.movedAmount(payer.id, .time, kind: .transfer, from: from, through: through, service: nil))
            let limit = rules.transferMaxMinutesPerYear.value
            guard sent + request.amount <= limit else {
                throw .ruleRefused(
                    exchange: id, rule: rules.transferMaxMinutesPerYear.ruleID,
                    detail: Message.text(
                        "timebank.refused.transfer_year",
                        [
                            "account": payer.id.rawValue, "sent": String(sent), "year": String(request.date.year),
                            "amount": String(request.amount), "limit": String(limit),
                            "over": String(sent + request.amount - limit),
                        ]))
            }
        }
        notes.append(try floor(payer, paying: request.amount))
        return try paid(from: payer, to: recipient, notes: notes)
    }

    private func donate() throws(TimeBankError) -> Plan {
        guard currency == .time else {
            throw .invalidRequest(exchange: id, field: "currency", expected: "time (points are not donated)")
        }
        let payer = try account(request.from, field: "from")
        let recipient = try account(request.to, field: "to")
        guard payer.kind != .pool, payer.id != recipient.id else {
            throw .invalidRequest(exchange: id, field: "from", expected: "a member's account other than the recipient")
        }
        let allowed = payer.kind == .group ? rules.groupMayDonateTo : rules.donateTo
        let name = recipient.kind == .pool ? recipient.id.rawValue : recipient.kind.rawValue
        guard allowed.value.contains(name) else {
            throw .ruleRefused(
                exchange: id, rule: allowed.ruleID,
                detail: Message.text(
                    "timebank.refused.donate_to",
                    ["kind": payer.kind.rawValue, "allowed": allowed.value.joined(separator: ", "), "name": name]))
        }
        let notes = [try floor(payer, paying: request.amount)]
        return try paid(from: payer, to: recipient, notes: notes)
    }

    private func reverse() throws(TimeBankError) -> Plan {
        let target = try targetExchange()
        guard [.earn, .redeem, .transfer, .donate].contains(target.request.kind) else {
            throw .ruleRefused(
                exchange: id, rule: rules.version.ruleID,
                detail: Message.text(
                    "timebank.refused.reverse_kind",
                    ["target": target.request.id, "kind": target.request.kind.rawValue]))
        }
        guard target.request.currency == currency else {
            throw .invalidRequest(exchange: id, field: "currency", expected: target.request.currency.rawValue)
        }
        if let earlier = try transaction.followUps(of: target.request.id, kinds: [.reverse]).first {
            throw .ruleRefused(
                exchange: id, rule: rules.version.ruleID,
                detail: Message.text("timebank.refused.reversed", ["target": target.request.id, "by": earlier.request.id]))
        }
        var posted = target.legs.filter { $0.bucket == .posted }
        if target.legs.contains(where: { $0.bucket == .pending }) {
            let settlement = try transaction.followUps(of: target.request.id, kinds: [.confirm, .void]).first
            guard let settlement, settlement.request.kind == .confirm else {
                throw .ruleRefused(
                    exchange: id, rule: rules.confirmBy.ruleID,
                    detail: Message.text(
                        settlement == nil ? "timebank.refused.still_pending" : "timebank.refused.voided",
                        ["target": target.request.id]))
            }
            posted += settlement.legs.filter { $0.bucket == .posted }
        }
        var legs: [LedgerLeg] = []
        var notes: [String] = []
        for leg in posted {
            let holder = try account(leg.account, field: "target")
            if leg.amount > 0 {
                if leg.account != LedgerAccount.issuance { notes.append(try floor(holder, paying: leg.amount)) }
                legs.append(LedgerLeg(account: leg.account, currency: leg.currency, bucket: .posted, amount: -leg.amount))
                continue
            }
            // Minutes coming back obey the storage cap as any other credit does.
            let credit = try credited(holder, -leg.amount, bucket: .posted)
            legs += credit.legs
            notes += credit.notes
        }
        notes.append("reverses \(target.request.id) (\(target.request.kind.rawValue))")
        return Plan(legs: legs, notes: notes)
    }

    // MARK: - Checks

    private func account(_ id: LedgerAccountID?, field: String) throws(TimeBankError) -> LedgerAccount {
        guard let id else { throw .invalidRequest(exchange: self.id, field: field, expected: "an account id") }
        guard let account = try transaction.account(id) else { throw .unknownAccount(exchange: self.id, account: id) }
        return account
    }

    private func targetExchange() throws(TimeBankError) -> StoredExchange {
        let target = request.target ?? ""
        guard let stored = try transaction.exchange(target) else {
            throw .unknownExchange(exchange: id, target: target)
        }
        guard stored.request.currency == currency else {
            throw .invalidRequest(exchange: id, field: "currency", expected: stored.request.currency.rawValue)
        }
        guard stored.request.date <= request.date else {
            throw .invalidRequest(exchange: id, field: "date", expected: "on or after \(stored.request.date)")
        }
        return stored
    }

    /// The condition on the account holder's age; an unknown age does not pass.
    private func eligible(_ account: LedgerAccount, _ condition: Sourced<RuleCondition>, doing what: String)
        throws(TimeBankError) -> String
    {
        let age = account.age(on: request.date)
        guard condition.value.evaluate(ConditionFacts(age: age)) == true else {
            throw .ruleRefused(
                exchange: id, rule: condition.ruleID,
                detail: Message.text(
                    "timebank.refused.eligibility",
                    [
                        "account": account.id.rawValue,
                        "age": age.map { Message.text("timebank.age.known", ["age": String($0)]) }
                            ?? Message.text("timebank.age.unknown"),
                        "what": Message.text("timebank.what.\(what)"), "condition": "\(condition.value)",
                    ]))
        }
        return "\(condition.ruleID): \(account.id) aged \(age ?? 0) may \(what)"
    }

    /// The monthly cap: reject, or accept with a note, as the rules say.
    private func periodCap(
        _ account: LedgerAccount, kind: ExchangeRequest.Kind, cap: Sourced<Int>, period: (CalendarDate, CalendarDate)
    ) throws(TimeBankError) -> [String] {
        let moved = abs(
            try transaction.movedAmount(account.id, currency, kind: kind, from: period.0, through: period.1, service: nil))
        guard moved + request.amount > cap.value else { return [] }
        let month = "\(period.0.year)-\(period.0.month < 10 ? "0" : "")\(period.0.month)"
        let arguments = [
            "account": account.id.rawValue, "moved": String(moved), "kind": kind.rawValue, "month": month,
            "kind_name": Message.text("timebank.kind_name.\(kind.rawValue)"),
            "amount": String(request.amount), "cap": String(cap.value), "over": String(moved + request.amount - cap.value),
        ]
        if rules.onPeriodBreach.value == .reject {
            throw .ruleRefused(exchange: id, rule: cap.ruleID, detail: Message.text("timebank.refused.period", arguments))
        }
        // Notes are kept in the ledger: in English, so that the stored bytes do not depend on --lang.
        return ["\(cap.ruleID): flagged: \(MessageCatalogue.standard.text("timebank.refused.period", arguments, in: .english))"]
    }

    /// Points come from an item of points.yaml, up to its monthly cap per member.
    private func pointsItem(_ recipient: LedgerAccount) throws(TimeBankError) -> String {
        let points = rules.points
        guard let service = request.service, let item = points.item(service) else {
            throw .invalidRequest(
                exchange: id, field: "service",
                expected: "a points item of points.yaml (\(points.items.value.map(\.id).joined(separator: ", ")))")
        }
        let period = month(of: request.date)
        let earned = try transaction.movedAmount(
            recipient.id, .points, kind: .earn, from: period.0, through: period.1, service: item.id)
        let month = "\(period.0.year)-\(period.0.month < 10 ? "0" : "")\(period.0.month)"
        guard earned + request.amount <= item.maxPointsPerMonth else {
            throw .ruleRefused(
                exchange: id, rule: points.items.ruleID,
                detail: Message.text(
                    "timebank.refused.points_item",
                    [
                        "account": recipient.id.rawValue, "item": item.id, "month": month, "earned": String(earned),
                        "amount": String(request.amount), "cap": String(item.maxPointsPerMonth),
                        "over": String(earned + request.amount - item.maxPointsPerMonth),
                    ]))
        }
        return "\(points.items.ruleID): \(item.id), \(earned + request.amount) of \(item.maxPointsPerMonth) points in \(month)"
    }

    /// Points are exchanged only in the last month of an exchange period (半年一兑换: June and December).
    private func exchangeWindow() throws(TimeBankError) -> String {
        let every = rules.points.exchangeEveryMonths
        guard rules.points.isExchangeMonth(request.date.month) else {
            let months = stride(from: every.value, through: 12, by: every.value).map(String.init)
            throw .ruleRefused(
                exchange: id, rule: every.ruleID,
                detail: Message.text(
                    "timebank.refused.points_window",
                    ["date": request.date.description, "months": months.joined(separator: ", ")]))
        }
        return "\(every.ruleID): exchanged in month \(request.date.month), an exchange month"
    }

    /// The legs crediting `amount` to `account` under the storage cap of a personal account: what it can take, and
    /// the overflow routed to the cap's pool (with its note).
    private func credited(_ account: LedgerAccount, _ amount: Int, bucket: LedgerBucket) throws(TimeBankError)
        -> (legs: [LedgerLeg], notes: [String])
    {
        let whole = ([LedgerLeg(account: account.id, currency: currency, bucket: bucket, amount: amount)], [String]())
        guard account.kind == .person, currency == .time else { return whole }
        let held = try transaction.balance(account.id, .time, .posted) + transaction.balance(account.id, .time, .pending)
        let room = max(0, rules.capMinutes.value - held)
        guard amount > room else { return whole }
        switch rules.onCap.value {
        case .routeToPool:
            let pool = LedgerAccountID(rules.capPool.value)
            guard try transaction.account(pool) != nil else { throw .unknownAccount(exchange: id, account: pool) }
            let legs = [
                LedgerLeg(account: account.id, currency: currency, bucket: bucket, amount: room),
                LedgerLeg(account: pool, currency: currency, bucket: bucket, amount: amount - room),
            ]
            let note = "\(rules.onCap.ruleID): \(amount - room) of \(amount) minutes above \(account.id)'s cap of "
                + "\(rules.capMinutes.value) routed to \(pool)"
            return (legs.filter { $0.amount != 0 }, [note])
        case .reject:
            throw .ruleRefused(
                exchange: id, rule: rules.capMinutes.ruleID,
                detail: Message.text(
                    "timebank.refused.cap",
                    [
                        "account": account.id.rawValue, "held": String(held), "amount": String(amount),
                        "cap": String(rules.capMinutes.value), "over": String(amount - room),
                    ]))
        case .flag:
            return whole
        }
    }

    /// The floor of the paying account (personal floor for persons, 0 for every other account).
    private func floor(_ account: LedgerAccount, paying amount: Int) throws(TimeBankError) -> String {
        let balance = try transaction.balance(account.id, currency, .posted)
        let floor = account.kind == .person && currency == .time ? rules.floorMinutes.value : 0
        guard balance - amount >= floor else {
            throw .ruleRefused(
                exchange: id, rule: rules.floorMinutes.ruleID,
                detail: Message.text(
                    "timebank.refused.floor",
                    [
                        "account": account.id.rawValue, "balance": String(balance),
                        "unit": Message.text(currency == .time ? "timebank.unit.minutes" : "timebank.unit.points"),
                        "amount": String(amount), "left": String(balance - amount),
                        "below": String(floor - (balance - amount)), "floor": String(floor),
                    ]))
        }
        return "\(rules.floorMinutes.ruleID): \(account.id) keeps \(balance - amount) ≥ \(floor)"
    }

    /// Legs of a payment between members, the recipient's overflow above its cap routed to the cap's pool.
    private func paid(from payer: LedgerAccount, to recipient: LedgerAccount, notes: [String]) throws(TimeBankError)
        -> Plan
    {
        let credit = try credited(recipient, request.amount, bucket: .posted)
        let legs = [LedgerLeg(account: payer.id, currency: currency, bucket: .posted, amount: -request.amount)] + credit.legs
        return Plan(legs: legs, notes: notes + credit.notes)
    }

    private func month(of date: CalendarDate) -> (CalendarDate, CalendarDate) {
        let first = CalendarDate(year: date.year, month: date.month, day: 1) ?? date
        let last = CalendarDate(
            year: date.year, month: date.month, day: CalendarDate.daysIn(month: date.month, year: date.year)) ?? date
        return (first, last)
    }
}
