import GridModel
import GridRules

/// Checks a ledger's invariants from a snapshot, sharing nothing with the code that wrote it but the hash function:
/// 1. each currency's balances sum to zero in each bucket, and so do each exchange's legs;
/// 2. every cached balance equals the replay of its entries;
/// 3. no personal balance below its floor or above its cap (posted plus pending), no other account but issuance
///    below zero;
/// 4. the entries form a hash chain from the first to the last, each over its exchange's stored body;
/// 5. no pending earning is settled twice, no exchange reversed twice.
public struct LedgerVerifier: Sendable {
    public let rules: TimeBankRules

    public init(rules: TimeBankRules) { self.rules = rules }

    /// What verification found: the problems, empty when the ledger verifies, and the chain's head.
    public struct Report: Sendable {
        public var problems: [String]
        public var head: String
        public var exchanges: Int
        public var entries: Int
        public var isValid: Bool { problems.isEmpty }
    }

    /// - Complexity: O(entries + exchanges + accounts).
    public func verify(_ snapshot: LedgerSnapshot) -> Report {
        var problems: [String] = []
        var replayed: [BalanceKey: Int] = [:]
        var totals: [String: Int] = [:]
        var previous = LedgerHash.genesis
        let bodyHashes = Dictionary(snapshot.exchanges.map { ($0.request.id, $0.bodyHash) }, uniquingKeysWith: { a, _ in a })
        for (index, entry) in snapshot.entries.enumerated() {
            if entry.sequence != index + 1 { problems.append("entry \(entry.sequence): expected sequence \(index + 1)") }
            if entry.previousHash != previous {
                problems.append("entry \(entry.sequence): its previous hash does not match entry \(entry.sequence - 1)")
            }
            let expected = LedgerHash.entry(
                previous: entry.previousHash, sequence: entry.sequence, exchangeID: entry.exchangeID,
                bodyHash: bodyHashes[entry.exchangeID] ?? "", leg: entry.leg)
            if expected != entry.hash { problems.append("entry \(entry.sequence): its hash does not match its content") }
            previous = entry.hash
            replayed[BalanceKey(account: entry.leg.account, currency: entry.leg.currency, bucket: entry.leg.bucket),
                default: 0] += entry.leg.amount
        }
        for exchange in snapshot.exchanges {
            if LedgerHash.digest(exchange.body) != exchange.bodyHash {
                problems.append("exchange \(exchange.request.id): its body does not match its hash")
            }
            var sums: [String: Int] = [:]
            for leg in exchange.legs { sums["\(leg.currency.rawValue)/\(leg.bucket.rawValue)", default: 0] += leg.amount }
            for (key, sum) in sums where sum != 0 {
                problems.append("exchange \(exchange.request.id): its \(key) legs sum to \(sum), not 0")
            }
        }
        let keys = Set(replayed.keys).union(snapshot.balances.keys).sorted()
        for key in keys {
            let cached = snapshot.balances[key] ?? 0
            let replay = replayed[key] ?? 0
            if cached != replay {
                problems.append("\(key.account) \(key.currency.rawValue)/\(key.bucket.rawValue): stored \(cached), entries give \(replay)")
            }
            totals["\(key.currency.rawValue)/\(key.bucket.rawValue)", default: 0] += replay
        }
        for (key, total) in totals.sorted(by: { $0.key < $1.key }) where total != 0 {
            problems.append("\(key): balances sum to \(total), not 0")
        }
        let accounts = Dictionary(snapshot.accounts.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        for key in keys where key.account != LedgerAccount.issuance {
            guard let account = accounts[key.account] else {
                problems.append("\(key.account): entries of an account that does not exist")
                continue
            }
            let posted = replayed[BalanceKey(account: key.account, currency: key.currency, bucket: .posted)] ?? 0
            let pending = replayed[BalanceKey(account: key.account, currency: key.currency, bucket: .pending)] ?? 0
            guard key.bucket == .posted else { continue }
            let personal = account.kind == .person && key.currency == .time
            let floor = personal ? rules.floorMinutes.value : 0
            if posted < floor { problems.append("\(key.account) \(key.currency.rawValue): \(posted) below its floor \(floor)") }
            if personal, rules.onCap.value != .flag, posted + pending > rules.capMinutes.value {
                problems.append("\(key.account): \(posted + pending) minutes above the cap \(rules.capMinutes.value)")
            }
        }
        var settled: [String: String] = [:]
        var reversed: [String: String] = [:]
        for exchange in snapshot.exchanges {
            guard let target = exchange.request.target else { continue }
            switch exchange.request.kind {
            case .confirm, .void:
                if let first = settled[target] { problems.append("\(target): settled twice (\(first), \(exchange.request.id))") }
                settled[target] = exchange.request.id
            case .reverse:
                if let first = reversed[target] { problems.append("\(target): reversed twice (\(first), \(exchange.request.id))") }
                reversed[target] = exchange.request.id
            default:
                break
            }
        }
        return Report(problems: problems, head: previous, exchanges: snapshot.exchanges.count, entries: snapshot.entries.count)
    }
}
