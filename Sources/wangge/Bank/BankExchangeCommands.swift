import ArgumentParser
import GridModel
import TimeBank

/// `wangge bank earn`: minutes (or points) issued to a provider for a service.
struct BankEarnCommand: ParsableCommand, LanguageChoosing {
    static let configuration = CommandConfiguration(
        commandName: "earn", abstract: "Credit a provider for a service (held pending with --pending).")
    @OptionGroup var ledger: BankLedgerOptions
    @OptionGroup var languageOption: LanguageOption
    @OptionGroup var exchange: BankExchangeOptions
    @Option(help: ArgumentHelp("The provider's account.", valueName: "account")) var to: String
    @Option(help: ArgumentHelp("Minutes served (or points with --points).", valueName: "n")) var minutes: Int
    @Option(help: ArgumentHelp("The service (catalogue id; with --points an item of points.yaml).", valueName: "id"))
    var service: String?
    @Flag(help: "Party-member points instead of minutes.") var points = false
    @Flag(help: "Hold the minutes pending until confirmed.") var pending = false

    func run() throws {
        var request = try exchange.request(.earn)
        request.to = LedgerAccountID(to)
        request.amount = minutes
        request.service = service
        request.currency = points ? .points : .time
        request.pending = pending
        try submit(request, to: ledger)
    }
}

/// `wangge bank confirm` and `void`: a pending earning settled.
struct BankConfirmCommand: ParsableCommand, LanguageChoosing {
    static let configuration = CommandConfiguration(
        commandName: "confirm", abstract: "Confirm a pending earning: its minutes become spendable.")
    @OptionGroup var ledger: BankLedgerOptions
    @OptionGroup var languageOption: LanguageOption
    @OptionGroup var exchange: BankExchangeOptions
    @Option(help: ArgumentHelp("The pending earning's id.", valueName: "id")) var target: String
    @Flag(help: "The earning is in points.") var points = false

    func run() throws { try settle(.confirm, ledger: ledger, exchange: exchange, target: target, points: points) }
}

struct BankVoidCommand: ParsableCommand, LanguageChoosing {
    static let configuration = CommandConfiguration(
        commandName: "void", abstract: "Withdraw a pending earning: both sides restored.")
    @OptionGroup var ledger: BankLedgerOptions
    @OptionGroup var languageOption: LanguageOption
    @OptionGroup var exchange: BankExchangeOptions
    @Option(help: ArgumentHelp("The pending earning's id.", valueName: "id")) var target: String
    @Flag(help: "The earning is in points.") var points = false

    func run() throws { try settle(.void, ledger: ledger, exchange: exchange, target: target, points: points) }
}

/// `wangge bank reverse`: a compensating exchange, never a deletion.
struct BankReverseCommand: ParsableCommand, LanguageChoosing {
    static let configuration = CommandConfiguration(
        commandName: "reverse", abstract: "Undo a posted exchange by a compensating one (nothing is deleted).")
    @OptionGroup var ledger: BankLedgerOptions
    @OptionGroup var languageOption: LanguageOption
    @OptionGroup var exchange: BankExchangeOptions
    @Option(help: ArgumentHelp("The exchange to undo.", valueName: "id")) var target: String
    @Flag(help: "The exchange is in points.") var points = false

    func run() throws { try settle(.reverse, ledger: ledger, exchange: exchange, target: target, points: points) }
}

private func settle(
    _ kind: ExchangeRequest.Kind, ledger: BankLedgerOptions, exchange: BankExchangeOptions, target: String, points: Bool
) throws {
    var request = try exchange.request(kind)
    request.target = target
    request.currency = points ? .points : .time
    try submit(request, to: ledger)
}

/// Applies one request to the ledger and prints its outcome.
private func submit(_ request: ExchangeRequest, to ledger: BankLedgerOptions) throws {
    let bank = try ledger.ledger()
    try StandardOutput.write(describe(try bankCall { () throws(TimeBankError) in try bank.submit(request) }))
}

/// `wangge bank redeem`: minutes spent on a service received.
struct BankRedeemCommand: ParsableCommand, LanguageChoosing {
    static let configuration = CommandConfiguration(
        commandName: "redeem", abstract: "Spend minutes on a service received (or exchange points).")
    @OptionGroup var ledger: BankLedgerOptions
    @OptionGroup var languageOption: LanguageOption
    @OptionGroup var exchange: BankExchangeOptions
    @Option(help: ArgumentHelp("The paying account.", valueName: "account")) var from: String
    @Option(help: ArgumentHelp("Minutes (or points with --points).", valueName: "n")) var minutes: Int
    @Option(help: ArgumentHelp("The service received (catalogue id).", valueName: "id")) var service: String?
    @Flag(help: "Party-member points instead of minutes.") var points = false

    func run() throws {
        var request = try exchange.request(.redeem)
        request.from = LedgerAccountID(from)
        request.amount = minutes
        request.service = service
        request.currency = points ? .points : .time
        try submit(request, to: ledger)
    }
}

/// `wangge bank transfer`: minutes to a relative, with the relation, its proof and the approval.
struct BankTransferCommand: ParsableCommand, LanguageChoosing {
    static let configuration = CommandConfiguration(
        commandName: "transfer", abstract: "Give minutes to a relative (relation, proof and approval as the rules say).")
    @OptionGroup var ledger: BankLedgerOptions
    @OptionGroup var languageOption: LanguageOption
    @OptionGroup var exchange: BankExchangeOptions
    @Option(help: ArgumentHelp("The giving account.", valueName: "account")) var from: String
    @Option(help: ArgumentHelp("The relative's account.", valueName: "account")) var to: String
    @Option(help: ArgumentHelp("Minutes.", valueName: "n")) var minutes: Int
    @Option(help: ArgumentHelp("spouse, parent, grandparent, child … (the rules' list).", valueName: "relation"))
    var relation: String
    @Option(help: ArgumentHelp("The proof of the relation (household register number …).", valueName: "text"))
    var proof: String?
    @Option(
        name: .customLong("approved-by"),
        help: ArgumentHelp("The approving operator, where the rules require approval.", valueName: "name"))
    var approvedBy: String?

    func run() throws {
        var request = try exchange.request(.transfer)
        request.from = LedgerAccountID(from)
        request.to = LedgerAccountID(to)
        request.amount = minutes
        request.relation = relation
        request.proof = proof
        request.approvedBy = approvedBy
        try submit(request, to: ledger)
    }
}

/// `wangge bank donate`: minutes to a pool or a person.
struct BankDonateCommand: ParsableCommand, LanguageChoosing {
    static let configuration = CommandConfiguration(
        commandName: "donate", abstract: "Give minutes to the donation pool or a person.")
    @OptionGroup var ledger: BankLedgerOptions
    @OptionGroup var languageOption: LanguageOption
    @OptionGroup var exchange: BankExchangeOptions
    @Option(help: ArgumentHelp("The giving account.", valueName: "account")) var from: String
    @Option(help: ArgumentHelp("The pool or person receiving.", valueName: "account")) var to: String
    @Option(help: ArgumentHelp("Minutes.", valueName: "n")) var minutes: Int

    func run() throws {
        var request = try exchange.request(.donate)
        request.from = LedgerAccountID(from)
        request.to = LedgerAccountID(to)
        request.amount = minutes
        try submit(request, to: ledger)
    }
}
