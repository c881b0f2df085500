import GridModel

/// Tag type of ``LedgerAccountID``.
public enum LedgerAccountTag {}
/// A time-bank account id: a person's id for personal accounts, a pool's name for pools.
public typealias LedgerAccountID = Identifier<LedgerAccountTag>

/// An account of the ledger. Entries hold only its id; the personal data here can be corrected without touching the
/// hash chain (PIPL's right to correction).
public struct LedgerAccount: Hashable, Sendable, Codable {
    /// What an account is, which decides what it may do (groups only donate; pools are named in the rules).
    public enum Kind: String, CaseIterable, Hashable, Sendable, Codable {
        case person
        case group
        case organisation
        case pool
    }

    public var id: LedgerAccountID
    public var kind: Kind
    /// The person holding a personal account (people.csv / residents.csv id), when known.
    public var personID: PersonID?
    /// Year of birth, for the age rules (earn from 18, redeem from 60 by default).
    public var birthYear: Int?

    public init(id: LedgerAccountID, kind: Kind, personID: PersonID? = nil, birthYear: Int? = nil) {
        self.id = id
        self.kind = kind
        self.personID = personID
        self.birthYear = birthYear
    }

    /// Age in whole years on `date`, counted from 1 January of the birth year (the ledger keeps no birthday).
    func age(on date: CalendarDate) -> Int? { birthYear.map { date.year - $0 } }

    /// The pool every earning is issued from, so that each currency's balances sum to zero.
    public static let issuance: LedgerAccountID = "issuance"
}
