import ArgumentParser
import Foundation
import GridData
import GridModel
import TimeBank

/// `wangge bank init`: a new ledger (owner-only) with the issuance pool and the rules' pools.
struct BankInitCommand: ParsableCommand, LanguageChoosing {
    static let configuration = CommandConfiguration(
        commandName: "init", abstract: "Create the ledger (owner-only) with its issuance pool and the rules' pools.")
    @OptionGroup var ledger: BankLedgerOptions
    @OptionGroup var languageOption: LanguageOption

    func run() throws {
        let bank = try ledger.ledger(create: true)
        let created = try bankCall { () throws(TimeBankError) in try bank.initialise() }
        try StandardOutput.write(
            Message.text("cli.bank.initialised", ["db": LedgerLocation.display(ledger.db), "pools": created.map(\.rawValue).joined(separator: ", ")]))
    }
}

/// `wangge bank open`: an account; opening the same account again changes nothing.
struct BankOpenCommand: ParsableCommand, LanguageChoosing {
    static let configuration = CommandConfiguration(
        commandName: "open", abstract: "Open an account: a person, a group (donates only), an organisation or a pool.")
    @OptionGroup var ledger: BankLedgerOptions
    @OptionGroup var languageOption: LanguageOption
    @Option(help: ArgumentHelp("The account id (a person's id for personal accounts).", valueName: "id"))
    var account: String
    @Option(help: ArgumentHelp("person, group, organisation or pool.", valueName: "kind")) var kind: String
    @Option(help: ArgumentHelp("The person's id in people.csv or residents.csv.", valueName: "id")) var person: String?
    @Option(name: .customLong("birth-year"), help: ArgumentHelp("For the age rules.", valueName: "year"))
    var birthYear: Int?

    func run() throws {
        guard let accountKind = LedgerAccount.Kind(rawValue: kind) else {
            throw CommandFailure.badInput(
                Message.text(
                    "cli.bank.bad_kind",
                    ["value": kind, "kinds": LedgerAccount.Kind.allCases.map(\.rawValue).joined(separator: ", ")]))
        }
        let bank = try ledger.ledger()
        let account = LedgerAccount(
            id: LedgerAccountID(account), kind: accountKind, personID: person.map { PersonID($0) }, birthYear: birthYear)
        let created = try bankCall { () throws(TimeBankError) in try bank.open(account) }
        try StandardOutput.write(
            Message.text(created ? "cli.bank.opened" : "cli.bank.open_already", ["account": self.account]))
    }
}

/// `wangge bank settle`: pending earnings past the rule's days confirmed, counted to --as-of.
struct BankSettleCommand: ParsableCommand, LanguageChoosing {
    static let configuration = CommandConfiguration(
        commandName: "settle",
        abstract: "Confirm the earnings pending longer than timebank.workflow allows, counted to --as-of.")
    @OptionGroup var ledger: BankLedgerOptions
    @OptionGroup var languageOption: LanguageOption
    @Option(name: .customLong("as-of"), help: ArgumentHelp("The ledger day counted to.", valueName: "date"))
    var asOf: String
    @Option(name: .customLong("operator"), help: ArgumentHelp("Who runs it.", valueName: "name"))
    var operatorName: String

    func run() throws {
        guard let day = WrittenDate.date(asOf) else {
            throw CommandFailure.badInput(Message.text("cli.bank.bad_date", ["value": asOf, "forms": WrittenDate.forms]))
        }
        let bank = try ledger.ledger()
        let outcomes = try bankCall { () throws(TimeBankError) in try bank.settle(asOf: day, operatorName: operatorName) }
        try StandardOutput.write(
            outcomes.map(describe).joined(separator: "\n")
                + (outcomes.isEmpty ? "" : "\n") + Message.text("cli.bank.settled", ["count": String(outcomes.count)]))
    }
}

/// `wangge bank import FILE`: the import format, one transaction per file, idempotent per exchange id. An export
/// (with its bodies and entry hashes, and `--accounts`) restores a ledger with the same chain.
struct BankImportCommand: ParsableCommand, LanguageChoosing {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Import exchanges (paper passbooks, earnings.csv, an export): all rows or none; re-importing adds nothing.")
    @Argument(help: "The CSV file (exchange_id, kind, from_account, to_account, minutes, service, date, operator …).")
    var file: String
    @Option(
        help: ArgumentHelp(
            "Open the accounts of this file first, in the same transaction (account_id, kind, person_id, birth_year).",
            valueName: "file"))
    var accounts: String?
    @OptionGroup var ledger: BankLedgerOptions
    @OptionGroup var languageOption: LanguageOption

    func run() throws {
        let rows: [TimeBankImportRow]
        var accountRows: [TimeBankAccountRow] = []
        do throws(GridDataError) {
            rows = try TimeBankImportReader.read(file: URL(fileURLWithPath: file))
            if let accounts { accountRows = try TimeBankAccountsReader.read(file: URL(fileURLWithPath: accounts)) }
        } catch {
            throw CommandFailure(error, context: file)
        }
        let requests = try rows.map(request(for:))
        let opened = accountRows.map { row in
            LedgerAccount(
                id: LedgerAccountID(row.accountID), kind: LedgerAccount.Kind(rawValue: row.kind) ?? .person,
                personID: row.personID.map { PersonID($0) }, birthYear: row.birthYear)
        }
        var heads: [String: String] = [:]
        for row in rows { if let hash = row.entryHash { heads[row.exchangeID] = hash } }
        let bank = try ledger.ledger()
        do throws(TimeBankError) {
            let outcomes = try bank.submit(batch: requests, accounts: opened, chainHeads: heads)
            let fresh = outcomes.filter { !$0.duplicate }.count
            try? StandardOutput.write(
                Message.text(
                    "cli.bank.imported",
                    ["file": file, "applied": String(fresh), "duplicates": String(outcomes.count - fresh)]))
        } catch {
            let line = error.exchange.flatMap { id in rows.first { $0.exchangeID == id }?.line }
            let failure = CommandFailure(bankError: error)
            throw CommandFailure(
                failure.status,
                (line.map { Message.text("cli.bank.import_line", ["file": file, "line": String($0)]) + " " } ?? "")
                    + failure.message + "\n" + Message.text("cli.bank.import_nothing", ["file": file]))
        }
    }

    /// The exchange a row stands for: its body when it has one (an export), which the other cells must agree with.
    private func request(for row: TimeBankImportRow) throws -> ExchangeRequest {
        if let body = row.body {
            guard let request = ExchangeRequest.decoding(canonicalBody: body), request.id == row.exchangeID,
                request.kind.rawValue == row.kind.rawValue, request.date == row.date
            else {
                throw CommandFailure.badInput(
                    Message.text("cli.bank.import_line", ["file": file, "line": String(row.line)]) + " "
                        + Message.text("cli.bank.import_body", ["id": row.exchangeID]))
            }
            return request
        }
        return ExchangeRequest(
            id: row.exchangeID, kind: ExchangeRequest.Kind(rawValue: row.kind.rawValue) ?? .earn,
            currency: row.isPoints ? .points : .time,
            from: row.kind == .earn || !row.kind.movesAmount ? nil : row.fromAccount.map { LedgerAccountID($0) },
            to: row.kind == .redeem || !row.kind.movesAmount ? nil : row.toAccount.map { LedgerAccountID($0) },
            amount: row.amount, service: row.service, date: row.date, operatorName: row.operatorName,
            target: row.target, pending: row.isPending, note: row.note)
    }
}

/// `wangge bank export --out FILE`: every exchange in ledger order, in the import format with its state, target,
/// entry hash and canonical body, so that importing it into an empty ledger gives the same balances and chain head.
struct BankExportCommand: ParsableCommand, LanguageChoosing {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Write every exchange (the import format plus state, target, entry hash and body), owner-only.")
    @OptionGroup var ledger: BankLedgerOptions
    @OptionGroup var languageOption: LanguageOption
    @Option(help: ArgumentHelp("The CSV file to write (owner-only, replaced atomically).", valueName: "file"))
    var out: String
    @Option(help: ArgumentHelp("Also write the accounts here (owner-only): personal data.", valueName: "file"))
    var accounts: String?

    static let header = [
        "exchange_id", "kind", "from_account", "to_account", "minutes", "service", "date", "operator", "note",
        "currency", "state", "target", "entry_hash", "body",
    ]

    func run() throws {
        let bank = try ledger.ledger()
        let (snapshot, report) = try verifiedSnapshot(of: bank)
        let lastHash = Dictionary(snapshot.entries.map { ($0.exchangeID, $0.hash) }, uniquingKeysWith: { $1 })
        var text = CSVWriter.encodeHeader(Self.header)
        for exchange in snapshot.exchanges {
            let request = exchange.request
            text += CSVWriter.encodeRow([
                request.id, request.kind.rawValue, request.from?.rawValue ?? "", request.to?.rawValue ?? "",
                request.amount == 0 ? "" : String(request.amount), request.service ?? "", request.date.description,
                request.operatorName, request.note ?? "", request.currency.rawValue,
                request.pending ? "pending" : "confirmed", request.target ?? "", lastHash[request.id] ?? "",
                exchange.body,
            ])
        }
        do throws(OutputError) {
            try SafeFile.write(text, to: URL(fileURLWithPath: out), privacy: .residentData)
            if let accounts {
                var table = CSVWriter.encodeHeader(["account_id", "kind", "person_id", "birth_year"])
                for account in snapshot.accounts {
                    table += CSVWriter.encodeRow([
                        account.id.rawValue, account.kind.rawValue, account.personID?.rawValue ?? "",
                        account.birthYear.map(String.init) ?? "",
                    ])
                }
                try SafeFile.write(table, to: URL(fileURLWithPath: accounts), privacy: .residentData)
            }
        } catch {
            throw CommandFailure.unwritable(error)
        }
        try StandardOutput.write(
            Message.text(
                "cli.bank.exported",
                ["file": out, "exchanges": String(snapshot.exchanges.count), "head": report.head]))
    }
}

/// `wangge bank verify`: every invariant of the ledger checked; exit 1 with the problems when one fails.
struct BankVerifyCommand: ParsableCommand, LanguageChoosing {
    static let configuration = CommandConfiguration(
        commandName: "verify",
        abstract: "Check the ledger: balances sum to zero, cache equals replay, floors and caps, the hash chain.")
    @OptionGroup var ledger: BankLedgerOptions
    @OptionGroup var languageOption: LanguageOption

    func run() throws {
        let bank = try ledger.ledger(checked: false)
        let (_, report) = try verifiedSnapshot(of: bank)
        try StandardOutput.write(
            Message.text(
                "cli.bank.verified",
                ["exchanges": String(report.exchanges), "entries": String(report.entries), "head": report.head]))
    }
}

/// `wangge bank statement`: one account's passbook (存折), as text and, with --out, printable HTML.
struct BankStatementCommand: ParsableCommand, LanguageChoosing {
    static let configuration = CommandConfiguration(
        commandName: "statement", abstract: "Print an account's passbook (存折); --out writes it as printable HTML.")
    @OptionGroup var ledger: BankLedgerOptions
    @OptionGroup var languageOption: LanguageOption
    @Option(help: ArgumentHelp("The account.", valueName: "id")) var account: String
    @Option(help: ArgumentHelp("Also write the passbook as printable HTML here (owner-only).", valueName: "file"))
    var out: String?

    func run() throws {
        let bank = try ledger.ledger()
        let id = LedgerAccountID(account)
        let snapshot = try bankCall { () throws(TimeBankError) in try bank.store.accountSnapshot(id) }
        guard snapshot.accounts.contains(where: { $0.id == id }) else {
            throw CommandFailure(bankError: .unknownAccount(exchange: "statement", account: id))
        }
        let passbook = Passbook(snapshot: snapshot, account: id) { serviceID in
            guard let service = bank.rules.service(Service(rawValue: serviceID)) else { return serviceID }
            return service.sensitive ? "社区服务 community service" : "\(service.nameChinese) \(service.nameEnglish)"
        }
        try StandardOutput.write(passbook.text())
        if let out {
            do throws(OutputError) {
                try SafeFile.write(passbook.html(), to: URL(fileURLWithPath: out), privacy: .residentData)
            } catch {
                throw CommandFailure(error, context: out)
            }
        }
    }
}

/// The whole ledger and its verification; exit 1 with every problem when it does not verify.
func verifiedSnapshot(of bank: Ledger) throws -> (LedgerSnapshot, LedgerVerifier.Report) {
    let snapshot = try bankCall { () throws(TimeBankError) in try bank.store.snapshot() }
    let report = LedgerVerifier(rules: bank.rules).verify(snapshot)
    guard report.isValid else {
        throw CommandFailure(
            .ruleUnmet,
            report.problems.joined(separator: "\n") + "\n"
                + Message.text("cli.bank.verify_failed", ["count": String(report.problems.count)]))
    }
    return (snapshot, report)
}
