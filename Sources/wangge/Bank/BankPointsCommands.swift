import ArgumentParser
import Foundation
import GridData
import GridModel
import GridRules
import TimeBank

/// `wangge bank points`: party-member points (党员积分) for an item of points.yaml: the item's points times the
/// quantity, within its monthly cap.
struct BankPointsCommand: ParsableCommand, LanguageChoosing {
    static let configuration = CommandConfiguration(
        commandName: "points",
        abstract: "Credit party-member points for an item of points.yaml (service hours, 双报到 activities, 微心愿 …).")
    @OptionGroup var ledger: BankLedgerOptions
    @OptionGroup var languageOption: LanguageOption
    @OptionGroup var exchange: BankExchangeOptions
    @Option(help: ArgumentHelp("The party member's account.", valueName: "account")) var to: String
    @Option(help: ArgumentHelp("The item of points.yaml (points.items).", valueName: "id")) var item: String
    @Option(help: ArgumentHelp("How many of the item's unit (hours, activities …).", valueName: "n")) var quantity = 1

    func run() throws {
        let bank = try ledger.ledger()
        let points = bank.rules.points
        guard let entry = points.item(item) else {
            throw CommandFailure.badInput(
                Message.text(
                    "cli.bank.points_item",
                    ["item": item, "known": points.items.value.map(\.id).joined(separator: ", ")]))
        }
        guard (1...10_000).contains(quantity) else {
            throw CommandFailure.badInput(Message.text("cli.bank.points_quantity", ["value": String(quantity)]))
        }
        var request = try exchange.request(.earn)
        request.to = LedgerAccountID(to)
        request.currency = .points
        request.service = entry.id
        request.amount = entry.points * quantity
        let outcome = try bankCall { () throws(TimeBankError) in try bank.submit(request) }
        try StandardOutput.write(describe(outcome))
    }
}

/// `wangge bank points-report --as-of DATE`: each member's points in the month (一月一算分), the quarter's points and
/// stars (一季一评星), what may be exchanged in the half-year (半年一兑换) and the year's points against the pass mark
/// (一年一奖评), from the ledger as of that day.
struct BankPointsReportCommand: ParsableCommand, LanguageChoosing {
    static let configuration = CommandConfiguration(
        commandName: "points-report",
        abstract: "Each member's points this month, quarter (stars) and year (pass mark), as of a ledger day.")
    @OptionGroup var ledger: BankLedgerOptions
    @OptionGroup var languageOption: LanguageOption
    @Option(name: .customLong("as-of"), help: ArgumentHelp("The ledger day reported on.", valueName: "date"))
    var asOf: String
    @Option(help: ArgumentHelp("Also write the table as CSV here (owner-only).", valueName: "file"))
    var out: String?

    static let header = [
        "account_id", "month", "month_points", "quarter_from", "quarter_points", "stars", "year_points", "pass_points",
        "passed", "balance",
    ]

    func run() throws {
        guard let day = WrittenDate.date(asOf) else {
            throw CommandFailure.badInput(Message.text("cli.bank.bad_date", ["value": asOf, "forms": WrittenDate.forms]))
        }
        let bank = try ledger.ledger()
        let snapshot = try bankCall { () throws(TimeBankError) in try bank.store.snapshot() }
        let rows = PointsTally(snapshot: snapshot, rules: bank.rules.points, asOf: day).rows
        var text = CSVWriter.encodeHeader(Self.header)
        var lines = [Self.header.joined(separator: "\t")]
        for row in rows {
            text += CSVWriter.encodeRow(row)
            lines.append(row.joined(separator: "\t"))
        }
        if let out {
            do throws(OutputError) {
                try SafeFile.write(text, to: URL(fileURLWithPath: out), privacy: .residentData)
            } catch {
                throw CommandFailure.unwritable(error)
            }
        }
        try StandardOutput.write(lines.joined(separator: "\n"))
    }
}

/// Points earned per member and period: earnings that stand (posted, or pending and confirmed; neither voided nor
/// reversed), dated on or before the as-of day.
struct PointsTally {
    let rows: [[String]]

    init(snapshot: LedgerSnapshot, rules: PointsRules, asOf: CalendarDate) {
        var settled: [String: ExchangeRequest.Kind] = [:]
        var reversed: Set<String> = []
        for exchange in snapshot.exchanges {
            guard let target = exchange.request.target else { continue }
            switch exchange.request.kind {
            case .confirm, .void: settled[target] = exchange.request.kind
            case .reverse: reversed.insert(target)
            default: break
            }
        }
        let monthFrom = PointsRules.periodStart(month: asOf.month, every: rules.tallyEveryMonths.value)
        let quarterFrom = PointsRules.periodStart(month: asOf.month, every: rules.starsEveryMonths.value)
        let yearFrom = PointsRules.periodStart(month: asOf.month, every: rules.awardEveryMonths.value)
        var month: [LedgerAccountID: Int] = [:]
        var quarter: [LedgerAccountID: Int] = [:]
        var year: [LedgerAccountID: Int] = [:]
        for exchange in snapshot.exchanges {
            let request = exchange.request
            guard request.kind == .earn, request.currency == .points, let to = request.to, request.date <= asOf,
                request.date.year == asOf.year, !reversed.contains(request.id)
            else { continue }
            guard !request.pending || settled[request.id] == .confirm else { continue }
            let points = exchange.legs.filter { $0.account == to }.map(\.amount).reduce(0, +)
            if request.date.month >= yearFrom { year[to, default: 0] += points }
            if request.date.month >= quarterFrom { quarter[to, default: 0] += points }
            if request.date.month >= monthFrom { month[to, default: 0] += points }
        }
        var balance: [LedgerAccountID: Int] = [:]
        for (key, amount) in snapshot.balances where key.currency == .points && key.bucket == .posted {
            balance[key.account] = amount
        }
        let members = Set(year.keys).union(balance.filter { $0.value != 0 }.keys).filter { id in
            snapshot.accounts.contains { $0.id == id && $0.kind != .pool }
        }
        let monthText = "\(asOf.year)-\(monthFrom < 10 ? "0" : "")\(monthFrom)"
        let quarterText = "\(asOf.year)-\(quarterFrom < 10 ? "0" : "")\(quarterFrom)"
        rows = members.sorted().map { id in
            let yearPoints = year[id] ?? 0
            let quarterPoints = quarter[id] ?? 0
            return [
                id.rawValue, monthText, String(month[id] ?? 0), quarterText, String(quarterPoints),
                String(rules.stars(for: quarterPoints)), String(yearPoints), String(rules.passPoints.value),
                yearPoints >= rules.passPoints.value ? "yes" : "no", String(balance[id] ?? 0),
            ]
        }
    }
}
