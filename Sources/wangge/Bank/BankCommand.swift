import ArgumentParser
import Foundation
import GridData
import GridModel
import GridRules
import TimeBank

/// `wangge bank …`: the time bank (时间银行) and party-member points, an append-only ledger.
struct BankCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bank",
        abstract: "The time bank: an append-only, idempotent ledger of service minutes and party-member points.",
        discussion: """
            Every exchange carries a client id (--id): the same id with the same details is applied once and \
            answered again; the same id with other details is refused (exit 2). Dates are the ledger's (--date, \
            --as-of), never the clock. Refusals name the rule of timebank.yaml, the account and by how much.
            """,
        subcommands: [
            BankInitCommand.self, BankOpenCommand.self, BankEarnCommand.self, BankConfirmCommand.self,
            BankVoidCommand.self, BankRedeemCommand.self, BankTransferCommand.self, BankDonateCommand.self,
            BankReverseCommand.self, BankSettleCommand.self, BankPointsCommand.self, BankPointsReportCommand.self, BankImportCommand.self,
            BankExportCommand.self, BankStatementCommand.self,
            BankVerifyCommand.self,
        ]
    )
}

/// The ledger and its rules, on every `bank` command.
struct BankLedgerOptions: ParsableArguments {
    @Option(
        help: ArgumentHelp(
            "The ledger: a SQLite file, or postgres://USER@HOST[:PORT]/DATABASE[?schema=NAME] (password from PGPASSWORD).",
            valueName: "path|url"))
    var db: String

    @OptionGroup var rules: RuleSetOptions

    /// Opens the ledger (creating it only for `bank init`), with the rules' time-bank section, and checks the
    /// invariants cheap enough for every open (`bank verify` passes `checked: false`: it reports every problem).
    func ledger(create: Bool = false, checked: Bool = true) throws -> Ledger {
        let timeBank = try rules.load().timeBank
        do throws(TimeBankError) {
            let ledger = Ledger(store: try LedgerLocation.open(db, create: create), rules: timeBank)
            if checked { try ledger.checkOnOpen() }
            return ledger
        } catch {
            throw CommandFailure(bankError: error)
        }
    }
}

/// The fields every exchange command takes.
struct BankExchangeOptions: ParsableArguments {
    @Option(help: ArgumentHelp("The client id of this exchange (applied at most once).", valueName: "id"))
    var id: String

    @Option(help: ArgumentHelp("The ledger day (2026-11-23 or 2026/11/23).", valueName: "date"))
    var date: String

    @Option(name: .customLong("operator"), help: ArgumentHelp("Who enters it.", valueName: "name"))
    var operatorName: String

    @Option(
        name: .customLong("proxy-for"),
        help: ArgumentHelp("The account holder the operator acts for (recorded as proxy).", valueName: "account"))
    var proxyFor: String?

    @Option(help: ArgumentHelp("A note kept with the exchange.", valueName: "text"))
    var note: String?

    func request(_ kind: ExchangeRequest.Kind) throws -> ExchangeRequest {
        guard let day = WrittenDate.date(date) else {
            throw CommandFailure.badInput(
                Message.text("cli.bank.bad_date", ["value": date, "forms": WrittenDate.forms]))
        }
        return ExchangeRequest(
            id: id, kind: kind, date: day, operatorName: operatorName, proxyFor: proxyFor, note: note)
    }
}

extension CommandFailure {
    /// The exit status of a ledger error: bad requests, refusals and conflicts 2, a broken ledger 1, a database
    /// failure 3.
    init(bankError error: TimeBankError) {
        switch error {
        case .storage:
            self = CommandFailure(.internalError, Message.text("cli.bank.failed", ["error": error.description]))
        case .integrity:
            self = CommandFailure(.ruleUnmet, Message.text("cli.bank.failed", ["error": error.description]))
        default:
            self = .badInput(Message.text("cli.bank.refused", ["error": error.description]))
        }
    }
}

/// Runs a ledger call, turning its error into the command's failure.
func bankCall<T>(_ work: () throws(TimeBankError) -> T) throws -> T {
    do throws(TimeBankError) {
        return try work()
    } catch {
        throw CommandFailure(bankError: error)
    }
}

/// One outcome as the lines a planner reads: the legs, then the notes naming the rules.
func describe(_ outcome: ExchangeOutcome) -> String {
    var lines = [
        Message.text(
            outcome.duplicate ? "cli.bank.duplicate" : "cli.bank.applied",
            ["id": outcome.id, "sequence": String(outcome.sequence)])
    ]
    for leg in outcome.legs {
        let sign = leg.amount > 0 ? "+" : ""
        lines.append("  \(leg.account)\t\(sign)\(leg.amount) \(leg.currency.rawValue)/\(leg.bucket.rawValue)")
    }
    lines += outcome.notes.map { "  · \($0)" }
    return lines.joined(separator: "\n")
}
