import Crypto
import Foundation

/// The ledger's hash chain: each entry's hash covers the previous entry's hash, its own fields and its exchange's
/// body hash, so that changing any stored byte of an entry or an exchange body breaks every later link.
enum LedgerHash {
    /// The previous hash of the first entry.
    static let genesis = String(repeating: "0", count: 64)

    /// SHA-256 of `text`'s UTF-8 bytes, in lowercase hex.
    static func digest(_ text: String) -> String {
        SHA256.hash(data: Data(text.utf8)).map { String(format: "%02x", $0) }.joined()
    }

    /// The hash of one entry. Fields are joined by a separator no id may contain (ids are checked on entry).
    static func entry(
        previous: String, sequence: Int, exchangeID: String, bodyHash: String, leg: LedgerLeg
    ) -> String {
        digest(
            [
                previous, String(sequence), exchangeID, bodyHash, leg.account.rawValue, leg.currency.rawValue,
                leg.bucket.rawValue, String(leg.amount),
            ].joined(separator: "\u{1F}"))
    }
}
