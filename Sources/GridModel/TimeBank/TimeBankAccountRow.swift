/// One row of a time-bank accounts file (`wangge bank export --accounts`, `wangge bank import --accounts`):
/// `account_id, kind, person_id, birth_year`. Accounts hold the personal data that entries never do.
public struct TimeBankAccountRow: Hashable, Sendable {
    /// The line of the file, for messages.
    public var line: Int
    public var accountID: String
    /// `person`, `group`, `organisation` or `pool`.
    public var kind: String
    public var personID: String?
    public var birthYear: Int?

    public static let kinds = ["person", "group", "organisation", "pool"]

    public init(line: Int, accountID: String, kind: String, personID: String?, birthYear: Int?) {
        self.line = line
        self.accountID = accountID
        self.kind = kind
        self.personID = personID
        self.birthYear = birthYear
    }
}
