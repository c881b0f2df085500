import GridModel

/// The time bank's rules written again, as plainly as possible, for the model-based test: dictionaries of balances
/// and a list of exchanges. It shares no code with the ledger; it reads only the rule numbers.
struct ReferenceBank {
    struct Numbers {
        var earnAge: Int
        var redeemAge: Int
        var recipientAge: Int
        var cap: Int
        var earnPerMonth: Int
        var redeemPerMonth: Int
        var transferPerYear: Int
        var relations: Set<String>
        var pool: String
        var services: Set<String>
        /// Points items and their monthly caps; points are exchanged only in months divisible by this.
        var pointsItems: [String: Int]
        var exchangeEvery: Int
    }

    struct Record {
        var kind: String
        var currency: String
        var date: CalendarDate
        var legs: [String: Int]  // "account/currency/bucket" → amount
        var target: String?
        var service: String?
        var settledBy: String?  // confirm or void
        var reversed = false
    }

    let numbers: Numbers
    var kinds: [String: String] = [:]  // account → person, group, pool
    var births: [String: Int] = [:]
    var balances: [String: Int] = [:]
    var records: [String: Record] = [:]
    var bodies: [String: String] = [:]

    init(numbers: Numbers, pools: [String]) {
        self.numbers = numbers
        for pool in pools + ["issuance"] { kinds[pool] = "pool" }
    }

    static func key(_ account: String, _ currency: String, _ bucket: String) -> String { "\(account)/\(currency)/\(bucket)" }
    func balance(_ account: String, _ currency: String, _ bucket: String) -> Int {
        balances[Self.key(account, currency, bucket)] ?? 0
    }

    /// The legs the exchange should have, or nil when some rule refuses it.
    func expected(
        id: String, kind: String, currency: String, from: String?, to: String?, amount: Int, service: String?,
        date: CalendarDate, pending: Bool, target: String?, relation: String?
    ) -> [String: Int]? {
        func age(_ account: String) -> Int? { births[account].map { date.year - $0 } }
        func moved(
            _ account: String, _ kind: String, from first: CalendarDate, to last: CalendarDate, service: String? = nil
        ) -> Int {
            records.values.filter { $0.kind == kind && $0.currency == currency && $0.date >= first && $0.date <= last && !$0.reversed && $0.settledBy.map { records[$0]?.kind != "void" } ?? true }
                .filter { service == nil || $0.service == service }
                .map { record in record.legs.filter { $0.key.hasPrefix("\(account)/\(currency)/") }.map(\.value).reduce(0, +) }
                .reduce(0, +)
        }
        let monthStart = CalendarDate(year: date.year, month: date.month, day: 1)!
        let monthEnd = CalendarDate(year: date.year, month: date.month, day: CalendarDate.daysIn(month: date.month, year: date.year))!
        func credit(_ account: String, _ amount: Int, bucket: String, into legs: inout [String: Int]) {
            if kinds[account] == "person", currency == "time" {
                let held = balance(account, "time", "posted") + balance(account, "time", "pending")
                let room = max(0, numbers.cap - held)
                legs[Self.key(account, currency, bucket), default: 0] += min(amount, room)
                if amount > room { legs[Self.key(numbers.pool, currency, bucket), default: 0] += amount - room }
            } else {
                legs[Self.key(account, currency, bucket), default: 0] += amount
            }
        }
        var legs: [String: Int] = [:]
        switch kind {
        case "earn":
            guard let to, let toKind = kinds[to], toKind != "pool" else { return nil }
            let bucket = pending ? "pending" : "posted"
            if currency == "time" {
                guard let service, numbers.services.contains(service) else { return nil }
                if toKind == "person" {
                    guard let years = age(to), years >= numbers.earnAge else { return nil }
                    guard moved(to, "earn", from: monthStart, to: monthEnd) + amount <= numbers.earnPerMonth else { return nil }
                }
            } else {
                guard let service, let cap = numbers.pointsItems[service],
                    moved(to, "earn", from: monthStart, to: monthEnd, service: service) + amount <= cap
                else { return nil }
            }
            legs[Self.key("issuance", currency, bucket)] = -amount
            credit(to, amount, bucket: bucket, into: &legs)
        case "confirm", "void":
            guard let target, let record = records[target], record.kind == "earn", record.currency == currency,
                record.date <= date, record.settledBy == nil,
                record.legs.keys.contains(where: { $0.hasSuffix("/pending") })
            else { return nil }
            for (key, value) in record.legs where key.hasSuffix("/pending") {
                legs[key, default: 0] -= value
                if kind == "confirm" { legs[key.replacingOccurrences(of: "/pending", with: "/posted"), default: 0] += value }
            }
        case "redeem":
            guard let from, let fromKind = kinds[from], fromKind != "pool", fromKind != "group" else { return nil }
            if currency == "points", date.month % numbers.exchangeEvery != 0 { return nil }
            if currency == "time", fromKind == "person" {
                guard let years = age(from), years >= numbers.redeemAge else { return nil }
                guard -moved(from, "redeem", from: monthStart, to: monthEnd) + amount <= numbers.redeemPerMonth else { return nil }
            }
            guard balance(from, currency, "posted") - amount >= 0 else { return nil }
            legs[Self.key(from, currency, "posted")] = -amount
            legs[Self.key("issuance", currency, "posted")] = amount
        case "transfer":
            guard currency == "time", let from, let to, from != to, kinds[from] == "person", kinds[to] == "person",
                let relation, numbers.relations.contains(relation), let years = age(to), years >= numbers.recipientAge
            else { return nil }
            let yearStart = CalendarDate(year: date.year, month: 1, day: 1)!
            let yearEnd = CalendarDate(year: date.year, month: 12, day: 31)!
            guard -moved(from, "transfer", from: yearStart, to: yearEnd) + amount <= numbers.transferPerYear,
                balance(from, currency, "posted") - amount >= 0
            else { return nil }
            legs[Self.key(from, currency, "posted")] = -amount
            credit(to, amount, bucket: "posted", into: &legs)
        case "donate":
            guard currency == "time", let from, let to, from != to, let fromKind = kinds[from], fromKind != "pool",
                let toKind = kinds[to], to != "issuance"
            else { return nil }
            let allowed = toKind == "pool" ? to == numbers.pool : toKind == "person" && fromKind != "group"
            guard allowed, balance(from, currency, "posted") - amount >= 0 else { return nil }
            legs[Self.key(from, currency, "posted")] = -amount
            credit(to, amount, bucket: "posted", into: &legs)
        case "reverse":
            guard let target, let record = records[target], ["earn", "redeem", "transfer", "donate"].contains(record.kind),
                record.currency == currency, record.date <= date, !record.reversed
            else { return nil }
            var posted = record.legs.filter { $0.key.hasSuffix("/posted") }
            if record.legs.keys.contains(where: { $0.hasSuffix("/pending") }) {
                guard let settlement = record.settledBy, let confirm = records[settlement], confirm.kind == "confirm" else {
                    return nil
                }
                for (key, value) in confirm.legs where key.hasSuffix("/posted") { posted[key, default: 0] += value }
            }
            for (key, value) in posted.sorted(by: { $0.key < $1.key }) {
                let account = String(key.split(separator: "/")[0])
                if value > 0 {
                    if account != "issuance", balance(account, currency, "posted") - value < 0 { return nil }
                    legs[key, default: 0] -= value
                } else {
                    credit(account, -value, bucket: "posted", into: &legs)
                }
            }
        default:
            return nil
        }
        return legs.filter { $0.value != 0 }
    }

    mutating func apply(
        id: String, kind: String, currency: String, date: CalendarDate, target: String?, service: String?, legs: [String: Int]
    ) {
        for (key, value) in legs { balances[key, default: 0] += value }
        records[id] = Record(kind: kind, currency: currency, date: date, legs: legs, target: target, service: service)
        if let target {
            if kind == "reverse" { records[target]?.reversed = true } else { records[target]?.settledBy = id }
        }
    }
}
